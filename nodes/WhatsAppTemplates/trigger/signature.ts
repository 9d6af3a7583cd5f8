import { createHmac, timingSafeEqual } from 'crypto';

/** The header the platform signs with (CONTRACT.md): lowercase hex HMAC-SHA256 of the raw body, no prefix. */
export const SIGNATURE_HEADER = 'x-webhook-signature';

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/** The signature the platform would send for this body. */
export function sign(rawBody: Buffer, secret: string): string {
	return createHmac('sha256', secret).update(rawBody).digest('hex');
}

/**
 * Whether `header` is the HMAC-SHA256 of exactly these bytes under `secret`. The two digests are
 * compared in constant time; a header that is missing, repeated or not 64 hex digits fails
 * before any comparison (its length is no secret).
 */
export function verifySignature(rawBody: Buffer, header: unknown, secret: string): boolean {
	if (typeof header !== 'string' || !HEX_SHA256.test(header.trim())) return false;
	const given = Buffer.from(header.trim(), 'hex');
	const expected = createHmac('sha256', secret).update(rawBody).digest();
	return given.length === expected.length && timingSafeEqual(given, expected);
}
