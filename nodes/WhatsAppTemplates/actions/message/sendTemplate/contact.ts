import { jsonParse, type IDataObject } from 'n8n-workflow';

import { CONTACT, LIMITS } from '../../../shared/platform';
import { FieldError, asText, checkMaxLength } from '../../../shared/validation/fieldError';

const FIELD = 'Contact';
const NOT_JSON = Symbol('not JSON');
const FIX = 'Give a JSON object such as {"firstname": "Ada", "email": "ada@example.com"}';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The node's names of the contact details (the New Contact fields) → the platform's keys. */
export const CONTACT_DETAILS = {
	firstName: { key: CONTACT.firstName, label: 'First Name' },
	lastName: { key: CONTACT.lastName, label: 'Last Name' },
	email: { key: CONTACT.email, label: 'Email' },
	country: { key: CONTACT.country, label: 'Country' },
	groups: { key: CONTACT.groups, label: 'Groups' },
	assignedId: { key: CONTACT.assignedId, label: 'Assigned User ID' },
	statusId: { key: CONTACT.statusId, label: 'Status ID' },
	sourceId: { key: CONTACT.sourceId, label: 'Source ID' },
} as const;

const KEYS: string[] = Object.values(CONTACT);
const INTEGER_KEYS: string[] = [CONTACT.assignedId, CONTACT.statusId, CONTACT.sourceId];

function isPlainObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(value: unknown): IDataObject {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return {};
	const parsed = typeof value === 'string' ? jsonParse(value, { fallbackValue: NOT_JSON }) : value;
	if (parsed === NOT_JSON) throw new FieldError(FIELD, `${FIELD} is not valid JSON`, FIX);
	if (!isPlainObject(parsed)) {
		const kind = Array.isArray(parsed) ? 'an array' : parsed === null ? 'null' : `${/^[aeiou]/.test(typeof parsed) ? 'an' : 'a'} ${typeof parsed}`;
		throw new FieldError(FIELD, `${FIELD} must be a JSON object, not ${kind}`, FIX);
	}
	return parsed;
}

/** One contact value as the platform takes it (every value a string), or undefined when empty. */
function contactValue(key: string, value: unknown): string | undefined {
	const label = `${FIELD} ${key}`;
	if (value === undefined || value === null || value === '') return undefined;
	if (key === CONTACT.groups && Array.isArray(value)) value = value.map((g) => asText(g).trim()).filter(Boolean).join(',');
	if (typeof value === 'object') throw new FieldError(FIELD, `${label} must be text, not an object or a list`, FIX);
	const text = asText(value).trim();
	if (text === '') return undefined;
	if (INTEGER_KEYS.includes(key) && !/^\d+$/.test(text)) {
		throw new FieldError(FIELD, `${label} "${text}" is not a whole number`, `Give the platform's numeric id for ${key}`);
	}
	if (key === CONTACT.email) {
		if (!EMAIL.test(text)) throw new FieldError(FIELD, `${label} "${text}" is not an e-mail address`, 'Give an address like ada@example.com, or leave it out');
		checkMaxLength(label, text, LIMITS.contactEmail.max);
	}
	if (key === CONTACT.firstName || key === CONTACT.lastName) checkMaxLength(label, text, LIMITS.contactName.max);
	if (key === CONTACT.country) checkMaxLength(label, text, LIMITS.contactCountry.max);
	return text;
}

/**
 * The contact the platform creates when the phone is not yet one of the workspace's contacts:
 * the Contact JSON (saved workflows, expressions) merged with the New Contact fields, which win.
 * Checked here, since the platform would create the contact before refusing the send.
 */
export function parseContact(json: unknown, details: IDataObject): IDataObject | undefined {
	const merged: IDataObject = { ...parseJson(json) };
	for (const [name, { key }] of Object.entries(CONTACT_DETAILS)) {
		if (details[name] !== undefined && details[name] !== '') merged[key] = details[name];
	}
	const contact: IDataObject = {};
	for (const [key, value] of Object.entries(merged)) {
		if (!KEYS.includes(key)) {
			if (value === '' || value === null) continue;
			throw new FieldError(FIELD, `${FIELD} has the key "${key}", which the platform does not know`, `Use only these keys: ${KEYS.join(', ')}`);
		}
		const text = contactValue(key, value);
		if (text !== undefined) contact[key] = text;
	}
	return Object.keys(contact).length ? contact : undefined;
}
