/** v2 POST messages/text: the envelope, ANY validation failure as a 500 outside it, the gate, the faults. */
import { useSandbox } from './helpers';
import { chatSent, envelopeError, rateHeaders, v2Post } from './v2helpers';

const ref = useSandbox();
const TEXT = { phone: '4915123456789', message: 'Your order A-17 has shipped.' };
const text = (body: unknown, opts = {}) => v2Post(ref.sb, 'messages/text', body, opts);

test('200 in the envelope: the wamid in data.message_id, the digits, the text after merge tokens; rate-limit headers', async () => {
	const { sb } = ref;
	const r = await text({ phone: '4915112345678', message: 'Hi {contact_first_name}!' });
	expect(r.status).toBe(200);
	expect(r.data).toEqual(chatSent('4915112345678', { message: 'Hi Ana!' }, 'Message sent successfully'));
	expect(r.data.data.contact_id).toBe(1);
	expect(rateHeaders(r)).toMatchObject({ 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '59', 'x-ratelimit-window': '60' });
	expect(sb.freeForm[0]).toMatchObject({ api: 'v2', route: 'messages.text', kind: 'text', digits: '4915112345678', contactId: 1, whatsapp: { type: 'text', text: 'Hi Ana!' } });
});

describe('any validation failure: 500 outside the envelope (the platform crashes building its 422)', () => {
	test.each([
		['a phone of 9 characters', { ...TEXT, phone: '491512345' }, { phone: ['The phone field must be between 10 and 20 characters.'] }],
		['a phone with spaces (the [decided] digits-only rule)', { ...TEXT, phone: '49 151 2345 6789' }, { phone: ['The phone field format is invalid.'] }],
		['no phone', { message: 'x' }, { phone: ['The phone field is required.'] }],
		['a message of 4097', { ...TEXT, message: 'x'.repeat(4097) }, { message: ['The message field must not be greater than 4096 characters.'] }],
		['an unknown contact_id', { ...TEXT, contact_id: 999 }, { contact_id: ['The selected contact id is invalid.'] }],
		['an unknown field', { ...TEXT, text: 'x' }, { text: ['The text field is prohibited.'] }],
	])('%s', async (_name, body, errors) => {
		const { sb } = ref;
		const r = await text(body);
		expect([r.status, r.data]).toEqual([500, { message: 'Server Error' }]);
		expect(r.data.success).toBeUndefined();
		expect(rateHeaders(r)['x-ratelimit-limit']).toBe('60');
		expect(sb.requests[0].validationErrors).toEqual(errors);
		expect(sb.freeForm).toEqual([]);
	});

	test("without Accept: application/json it is Laravel's HTML page", async () => {
		const r = await text({ ...TEXT, message: '' }, { accept: null });
		expect(r.status).toBe(500);
		expect(r.headers['content-type']).toMatch(/^text\/html/);
		expect(r.data).toContain('Server Error');
	});

	test('4096 characters and a 20-digit phone pass', async () => {
		expect((await text({ phone: '49151234567890123456', message: 'x'.repeat(4096) })).status).toBe(200);
	});
});

test('scope messages:send; a v1 token is INVALID_TOKEN', async () => {
	const { sb } = ref;
	const r = await text(TEXT, { token: sb.v2Tokens.noSend });
	expect([r.status, r.data]).toEqual([403, envelopeError('INSUFFICIENT_SCOPE', 'Your API token does not have the required permissions for this action. Required scope: messages:send')]);
	expect((await text(TEXT, { token: sb.tokens.send })).data.error.code).toBe('INVALID_TOKEN');
});

test('the rate limit: 429 with Retry-After; the crash counted too', async () => {
	const { sb } = ref;
	const token = sb.addV2Token({ limit: 2 });
	expect((await text({ phone: 'x' }, { token })).status).toBe(500);
	expect((await text(TEXT, { token })).status).toBe(200);
	const r = await text(TEXT, { token });
	expect(r.status).toBe(429);
	expect(r.data.error.code).toBe('RATE_LIMIT_EXCEEDED');
	expect(Number(rateHeaders(r)['retry-after'])).toBeGreaterThan(0);
});

describe('faults', () => {
	test('sendFailedWhatsApp500 with a code: details.error carries it', async () => {
		ref.sb.injectFault({ kind: 'sendFailedWhatsApp500', code: 131047 });
		const r = await text(TEXT);
		expect([r.status, r.data]).toEqual([500, envelopeError('MESSAGE_SEND_FAILED', 'Failed to send message', { error: '(#131047) Re-engagement message' })]);
	});

	test.each([
		['sendFailedUnknown500', 500, 'MESSAGE_SEND_FAILED'],
		['internalError500', 500, 'INTERNAL_ERROR'],
		['notConfigured422', 422, 'WHATSAPP_NOT_CONFIGURED'],
	] as const)('%s', async (kind, status, code) => {
		ref.sb.injectFault({ kind });
		const r = await text(TEXT);
		expect([r.status, r.data.error.code]).toEqual([status, code]);
		expect(ref.sb.freeForm).toEqual([]);
	});

	test('serverError500 is outside the envelope; noMessageId200 is a success with message_id null, nothing recorded', async () => {
		const { sb } = ref;
		sb.injectFault({ kind: 'serverError500' });
		expect((await text(TEXT)).data).toEqual({ message: 'Server Error' });
		sb.injectFault({ kind: 'noMessageId200', api: 'v2' });
		const r = await text(TEXT);
		expect([r.status, r.data.success, r.data.data.message_id]).toEqual([200, true, null]);
		expect(sb.freeForm).toEqual([]);
	});

	test('the network kinds act here too (drop: no answer)', async () => {
		const { sb } = ref;
		sb.injectFault({ kind: 'drop', api: 'v2', match: { route: 'messages.text' } });
		await expect(text(TEXT)).rejects.toThrow();
		expect(sb.requests[0]).toMatchObject({ fault: 'drop', status: null });
	});
});

test('no opt-out check on text (the platform has none there)', async () => {
	const { sb } = ref;
	sb.addContact({ phone: '+4917000000055', optedOut: true });
	expect((await text({ ...TEXT, phone: '4917000000055' })).status).toBe(200);
});
