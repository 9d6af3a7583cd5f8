import { randomInt } from 'crypto';

/**
 * A one-time password made by the node, for an API that would not return one it generated
 * (CONTRACT-v2.md, [decided]): digits only, `length` of them, from a cryptographic source. The
 * first digit is never 0, as the platform's own codes: a spreadsheet would drop it.
 */
export function makeOtp(length: number): string {
	return String(randomInt(10 ** (length - 1), 10 ** length));
}
