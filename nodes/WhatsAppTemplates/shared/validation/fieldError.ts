/**
 * A field value the API would refuse, found before sending. The send turns it into a
 * NodeOperationError that names the field (as the UI shows it), the item and the fix.
 */
export class FieldError extends Error {
	constructor(
		readonly field: string,
		message: string,
		readonly fix: string,
	) {
		super(message);
		this.name = 'FieldError';
	}
}

/** A parameter value as text: numbers and booleans from expressions become strings. */
export function asText(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
	return JSON.stringify(value);
}

export function checkMaxLength(field: string, value: string, max: number): void {
	const length = [...value].length;
	if (length > max) {
		throw new FieldError(field, `${field} is ${length} characters long; the limit is ${max}`, `Shorten ${field} to at most ${max} characters`);
	}
}

/** A required value as trimmed text; empty is refused, with an example of what to give. */
export function requiredText(field: string, value: unknown, example: string): string {
	const text = asText(value).trim();
	if (text === '') throw new FieldError(field, `${field} is empty`, `Fill in ${field}, e.g. ${example}`);
	return text;
}

/** An optional value: undefined when empty, so that it is not sent. */
export function optionalText(value: unknown): string | undefined {
	const text = asText(value);
	return text === '' ? undefined : text;
}
