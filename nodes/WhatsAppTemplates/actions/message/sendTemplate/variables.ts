import type { IDataObject } from 'n8n-workflow';

import { LIMITS } from '../../../shared/platform';
import { FieldError, asText } from '../../../shared/validation/fieldError';
import { metaSafeValue } from '../../../shared/validation/variables';

export const bodyLabel = (n: number) => `Body Variable {{${n}}}`;
export const HEADER_TEXT = 'Header Text Variable';
const OTP = 'One-Time Password';
/** The Body Variables collection's keys, var1…varN (built once: they are read for every item). */
const VARIABLE_KEYS = Array.from({ length: LIMITS.bodyVariables }, (_, i) => `var${i + 1}`);

/**
 * A header or body value as the platform passes it on. It turns a value of exactly "0", or one of
 * only spaces, into a blank, with no way to escape it: refuse those rather than send a blank.
 */
export function templateValue(field: string, value: string, clean: boolean): string {
	if (value.trim() === '' || value.trim() === '0') {
		const zero = value.trim() === '0';
		throw new FieldError(
			field,
			`${field} is ${zero ? '"0"' : 'only spaces'}, which the platform sends to WhatsApp as a blank`,
			zero ? 'Write it so that it is not exactly 0, e.g. "0.00", "zero" or "0 items"' : 'Give a value with visible text, or leave the variable out',
		);
	}
	return metaSafeValue(field, value, clean);
}

/**
 * Body variables {{1}}…{{n}} as the platform needs them: it fills the template's variables from
 * the fields present, in order, so a gap would shift every later value one place down. The
 * one-time password fills {{1}} when Variable 1 is empty; a generated one is the code the node
 * `made`, or, where the platform makes it, leaves {{1}} to the platform.
 */
export function bodyVariables(
	collection: IDataObject,
	otp: { given?: string; generated: boolean; made?: string },
	clean: boolean,
): Array<string | undefined> {
	const typed = VARIABLE_KEYS.map((key) => asText(collection[key]));
	if (otp.given !== undefined && typed[0] !== '' && typed[0] !== otp.given) {
		throw new FieldError(
			OTP,
			`${OTP} and ${bodyLabel(1)} are both set and differ; an authentication template takes its code from {{1}}`,
			`Leave ${bodyLabel(1)} empty (the password fills it), or give the same value in both`,
		);
	}
	if (otp.generated && typed[0] !== '') {
		throw new FieldError(
			bodyLabel(1),
			`${bodyLabel(1)} is set while "Generate OTP on the Platform" is on; the generated code goes only into an empty {{1}}`,
			`Leave ${bodyLabel(1)} empty, or turn "Generate OTP on the Platform" off`,
		);
	}
	const firstFromOtp = typed[0] === '' && (otp.given !== undefined || otp.generated);
	const filled = typed.map((value, i) => value !== '' || (i === 0 && firstFromOtp));
	const last = filled.lastIndexOf(true);
	const gap = filled.indexOf(false);
	if (gap !== -1 && gap < last) {
		throw new FieldError(
			bodyLabel(gap + 1),
			`${bodyLabel(last + 1)} is set but ${bodyLabel(gap + 1)} is empty; the platform fills variables in order, so later values would shift into {{${gap + 1}}}`,
			`Fill ${bodyLabel(gap + 1)}, or move the values down so that they start at {{1}} without gaps`,
		);
	}
	return typed.slice(0, last + 1).map((value, i) => {
		if (i === 0 && otp.generated) return otp.made; // the node's code, or none: the platform fills {{1}}
		if (i === 0 && firstFromOtp) return otp.given;
		return templateValue(bodyLabel(i + 1), value, clean);
	});
}
