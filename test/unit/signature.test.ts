/**
 * The trigger's signature check (trigger/signature.ts) on its own, against the sandbox's signer
 * (the contract's witness): lowercase hex HMAC-SHA256 of the raw bytes, nothing else accepted. The
 * engine tests (test/trigger/signature.test.ts) run it through n8n's webhook path per body format.
 */
import { SIGNATURE_HEADER, sign, verifySignature } from '../../nodes/WhatsAppTemplates/trigger/signature';
import { phpJson, sign as platformSign, SECRET } from '../trigger/helpers';

const BYTES = Buffer.from(phpJson({ event: 'message.read', data: { message_id: 'wamid.X', note: 'Grüße/Ünïcode' } }));
const GOOD = platformSign(BYTES, SECRET);

describe('verifySignature', () => {
	it('accepts the platform\'s signature of exactly these bytes, in either letter case, spaces around it trimmed', () => {
		expect(GOOD).toMatch(/^[0-9a-f]{64}$/);
		expect(verifySignature(BYTES, GOOD, SECRET)).toBe(true);
		expect(verifySignature(BYTES, GOOD.toUpperCase(), SECRET)).toBe(true);
		expect(verifySignature(BYTES, ` ${GOOD}\t`, SECRET)).toBe(true);
	});

	it('refuses another secret, other bytes, and an empty body signed otherwise', () => {
		expect(verifySignature(BYTES, platformSign(BYTES, `${SECRET}x`), SECRET)).toBe(false);
		expect(verifySignature(Buffer.concat([BYTES, Buffer.from(' ')]), GOOD, SECRET)).toBe(false);
		expect(verifySignature(Buffer.alloc(0), GOOD, SECRET)).toBe(false);
		expect(verifySignature(Buffer.alloc(0), platformSign('', SECRET), SECRET)).toBe(true);
	});

	it.each([
		['missing', undefined],
		['repeated (n8n gives an array)', [GOOD, GOOD]],
		['a number', 42],
		['empty', ''],
		['a "sha256=" prefix', `sha256=${GOOD}`],
		['one hex digit short', GOOD.slice(0, 63)],
		['one hex digit more', `${GOOD}0`],
		['two hex digits more', `${GOOD}00`],
		['two hex digits before', `00${GOOD}`],
		['followed by text', `${GOOD}x`],
		['the digest, text, the digest', `${GOOD}-${GOOD}`],
		['text, then the digest', `x-${GOOD}`],
		['base64', Buffer.from(GOOD, 'hex').toString('base64')],
		['64 characters that are not hex', 'g'.repeat(64)],
		['the right length of another digest', platformSign(BYTES, 'other')],
	])('refuses a header that is %s', (_name, header) => {
		expect(verifySignature(BYTES, header, SECRET)).toBe(false);
	});
});

it("reads the header the platform signs in (CONTRACT.md: X-Webhook-Signature), by n8n's lower-case name", () => {
	expect(SIGNATURE_HEADER).toBe('X-Webhook-Signature'.toLowerCase());
});

describe('sign', () => {
	it('is the signature the platform sends for these bytes', () => {
		expect(sign(BYTES, SECRET)).toBe(GOOD);
		expect(sign(Buffer.from('{}'), '123')).toBe(platformSign('{}', '123'));
	});
});
