import { jsonParse, type IDataObject } from 'n8n-workflow';

import { FieldError } from './fieldError';

const FIELD = 'Contact';
const NOT_JSON = Symbol('not JSON');
const FIX = 'Give a JSON object such as {"first_name": "Ada", "email": "ada@example.com"}';

function isPlainObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Drops empty strings, null and empty objects, as empty optional fields are not sent. */
function withoutEmpty(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(withoutEmpty).filter((v) => v !== undefined);
	if (isPlainObject(value)) {
		const kept = Object.entries(value)
			.map(([key, v]) => [key, withoutEmpty(v)] as const)
			.filter(([, v]) => v !== undefined);
		return kept.length ? Object.fromEntries(kept) : undefined;
	}
	return value === '' || value === null ? undefined : value;
}

/** The Contact field (typed JSON text, or an object from an expression) as an object, or undefined when empty. */
export function parseContact(value: unknown): IDataObject | undefined {
	if (value === undefined || value === null) return undefined;
	let parsed = value;
	if (typeof value === 'string') {
		if (value.trim() === '') return undefined;
		parsed = jsonParse(value, { fallbackValue: NOT_JSON });
		if (parsed === NOT_JSON) throw new FieldError(FIELD, `${FIELD} is not valid JSON`, FIX);
	}
	if (!isPlainObject(parsed)) {
		const kind = Array.isArray(parsed) ? 'an array' : parsed === null ? 'null' : `${/^[aeiou]/.test(typeof parsed) ? 'an' : 'a'} ${typeof parsed}`;
		throw new FieldError(FIELD, `${FIELD} must be a JSON object, not ${kind}`, FIX);
	}
	return withoutEmpty(parsed) as IDataObject | undefined;
}
