import type { IDataObject } from 'n8n-workflow';

import { LIMITS } from '../../shared/platform';
import type { ContactFields } from '../../shared/crm/types';
import { FieldError, asText, checkMaxLength } from '../../shared/validation/fieldError';
import { normalisePhone } from '../../shared/validation/phone';

/** An item's contact fields; groups as given (ids or names: resolved against the workspace's list when written). */
export interface ContactInput {
	fields: ContactFields;
	groupRefs?: string[];
}

/** The platform's limits that hold on both APIs (CONTRACT.md, CONTRACT-v2.md: names 255, e-mail 191, ZIP 20, address 500). */
const MAX: Record<string, number> = { firstName: 191, lastName: 191, email: 191, company: 255, city: 255, state: 255, zip: 20, address: 500 };
const LABEL: Record<string, string> = {
	firstName: 'First Name',
	lastName: 'Last Name',
	email: 'Email',
	company: 'Company',
	city: 'City',
	state: 'State',
	zip: 'ZIP',
	address: 'Address',
	description: 'Description',
	type: 'Type',
};
const TEXT_FIELDS = ['firstName', 'lastName', 'email', 'company', 'description', 'address', 'city', 'state', 'zip', 'type'] as const;

/** A phone as the node writes it: + and the digits, checked as Send Template's Recipient Phone. */
export const contactPhone = (value: unknown): string => `+${normalisePhone(value, LIMITS.phoneDigits, 'Phone')}`;

/** A positive whole number given as a number, a digit string or a picker's `{ value }`. */
export function idValue(label: string, value: unknown): number | undefined {
	const raw = typeof value === 'object' && value !== null && 'value' in value ? (value as IDataObject).value : value;
	const text = asText(raw).trim();
	if (text === '') return undefined;
	if (!/^[1-9]\d*$/.test(text)) throw new FieldError(label, `${label} "${text}" is not an ID`, `Pick ${label} from the list, or give its ID, a whole number such as 3`);
	return Number(text);
}

/** The groups as given: a list, or one text of comma-separated ids or names. */
function groupRefs(value: unknown): string[] | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const list = Array.isArray(value) ? value.map(asText) : asText(value).split(',');
	return list.map((g) => g.trim()).filter((g) => g !== '');
}

/** One item's contact fields from its collection (and the top-level names and phone, when given). */
export function readContactInput(collection: IDataObject, top: IDataObject = {}): ContactInput {
	const given = { ...collection, ...Object.fromEntries(Object.entries(top).filter(([, v]) => v !== undefined && v !== '')) };
	const fields: ContactFields = {};
	for (const name of TEXT_FIELDS) {
		const text = asText(given[name]).trim();
		if (text === '') continue;
		if (MAX[name]) checkMaxLength(LABEL[name], text, MAX[name]);
		fields[name] = text;
	}
	if (fields.email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(fields.email)) {
		throw new FieldError('Email', `Email "${fields.email}" is not an e-mail address`, 'Give an address such as name@example.com');
	}
	if (given.phone !== undefined && asText(given.phone).trim() !== '') fields.phone = contactPhone(given.phone);
	const ids: Array<[keyof ContactFields, string, string]> = [
		['statusId', 'status', 'Status'],
		['sourceId', 'source', 'Source'],
		['countryId', 'countryId', 'Country ID'],
		['assignedId', 'assignedId', 'Assignee ID'],
	];
	for (const [name, key, label] of ids) {
		const id = idValue(label, given[key]);
		if (id !== undefined) (fields as IDataObject)[name] = id;
	}
	return { fields, groupRefs: groupRefs(given.groups) };
}
