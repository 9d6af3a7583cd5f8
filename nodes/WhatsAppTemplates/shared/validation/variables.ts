import { FieldError } from './fieldError';

// WhatsApp refuses template parameters containing new lines, tabs or more than four consecutive spaces.
const REFUSED_WHITESPACE = /[\r\n\t]|\u0020{5,}/;

/**
 * A header, body or button value as WhatsApp accepts it. With `clean` on, line breaks and tabs
 * become one space and runs of more than four spaces shrink to one; off, such a value is refused.
 */
export function metaSafeValue(field: string, value: string, clean: boolean): string {
	if (!REFUSED_WHITESPACE.test(value)) return value;
	if (clean) {
		return value.replace(/[ \t]*(?:\r\n|\r|\n|\t)[ \t]*/g, ' ').replace(/ {5,}/g, ' ');
	}
	throw new FieldError(
		field,
		`${field} contains a line break, a tab or more than four spaces in a row, which WhatsApp refuses in template variables`,
		'Remove them from the value, or turn on the option "Clean Variable Values"',
	);
}
