import { LIMITS } from '../platform';
import { FieldError, asText } from './fieldError';

const RECIPIENT = 'Recipient Phone';
const EXAMPLE = 'e.g. +49 151 2345678';

/**
 * CONTRACT.md's phone rule: strip spaces, dashes, dots and brackets, then a leading + or 00;
 * what is left must be 8–15 digits (`digitCount`), not starting with 0. A national number is refused, never
 * guessed into a country.
 */
export function normalisePhone(value: unknown, digitCount: { min: number; max: number } = LIMITS.phoneDigits, label = RECIPIENT): string {
	const typed = asText(value).trim();
	if (typed === '') {
		throw new FieldError(label, `${label} is empty`, `Give the number with its country code, ${EXAMPLE}`);
	}
	const digits = typed.replace(/[\s\-.()]/g, '').replace(/^(\+|00)/, '');
	const stray = digits.match(/[^0-9]/u);
	if (stray) {
		throw new FieldError(
			label,
			`${label} "${typed}" contains "${stray[0]}", which is not a digit`,
			`Use digits only, with spaces, dashes or brackets if you like, ${EXAMPLE}`,
		);
	}
	if (digits.startsWith('0')) {
		throw new FieldError(
			label,
			`${label} "${typed}" has no country code (it starts with 0 after removing + or 00)`,
			`Replace the leading 0 with the country code, ${EXAMPLE}`,
		);
	}
	const { min, max } = digitCount;
	if (digits.length < min || digits.length > max) {
		throw new FieldError(
			label,
			`${label} "${typed}" has ${digits.length} digits; a number with country code has ${min} to ${max}`,
			`Check the number and give it with its country code, ${EXAMPLE}`,
		);
	}
	return digits;
}

/**
 * A stored phone's digits, for finding it again whatever its format ("+49 176 …", "0049176…",
 * "49176…"): spaces and signs dropped, then a leading 00. Never refused: the platform stored it.
 */
export function phoneKey(stored: unknown): string | undefined {
	if (typeof stored !== 'string') return undefined;
	const digits = stored.replace(/\D/g, '').replace(/^00/, '');
	return digits === '' ? undefined : digits;
}
