/**
 * The signature gate, through the receiver (n8n's webhook path with n8n-core's WebhookContext):
 * only a body signed with the Signing Secret starts the workflow; anything else is answered 401 and
 * starts nothing, whatever the body's format (the gate comes before the format is read).
 */
import type { IDataObject } from 'n8n-workflow';

import { AT, DIGITS, WAMID, emitted, messageEvent, phpJson, postSigned, recordEvent, SECRET, sign } from './helpers';
import { startReceiver, useReceiver } from './receiver';

const delivered = () => messageEvent(3, 'delivered', { wamid: WAMID, digits: DIGITS }, AT).body;

/** A body of each format (CONTRACT.md's three), and a one-byte change that keeps it valid JSON of the same shape. */
const CONTACT = { id: 15, firstname: 'Ana', phone: `+${DIGITS}` };
const FORMATS: Array<[string, string, () => IDataObject, [string, string]]> = [
	['format 1 (legacy)', 'legacy', () => recordEvent(1, { action: 'created', record: CONTACT }, AT).body, ['"Ana"', '"Anb"']],
	['format 2 (n8n format)', 'n8n', () => recordEvent(2, { action: 'created', record: CONTACT }, AT).body, ['"Ana"', '"Anb"']],
	['format 3 (Xobito)', 'xobito', delivered, ['"delivered"', '"delivereD"']],
];

describe.each(FORMATS)('signature: with a Signing Secret, %s', (_name, format, body, [from, to]) => {
	const receiver = useReceiver({ secret: SECRET });

	it('a body signed with the secret starts one execution with the normalised event, answered in JSON', async () => {
		const answer = await postSigned(receiver(), body());
		expect(answer.status).toBe(200);
		const [event] = emitted(receiver()) as Array<{ event: string }>;
		expect(event).toMatchObject({ format });
		expect(JSON.parse(answer.body)).toEqual({ received: true, started: true, event: event.event });
	});

	it('a signature made with another secret: 401, nothing started', async () => {
		const answer = await postSigned(receiver(), body(), 'another-secret');
		expect(answer.status).toBe(401);
		expect(JSON.parse(answer.body)).toEqual({ received: false, started: false, reason: 'Invalid X-Webhook-Signature' });
		expect(receiver().executions).toHaveLength(0);
	});

	it('no signature header: 401, nothing started', async () => {
		const answer = await receiver().post(phpJson(body()));
		expect(answer.status).toBe(401);
		expect(JSON.parse(answer.body)).toEqual({ received: false, started: false, reason: 'Missing X-Webhook-Signature' });
		expect(receiver().executions).toHaveLength(0);
	});

	it('the body changed by one byte after signing: 401, nothing started', async () => {
		const bytes = phpJson(body());
		const signature = sign(bytes, SECRET);
		const changed = bytes.replace(from, to);
		expect(changed).not.toBe(bytes);
		expect(Buffer.byteLength(changed)).toBe(Buffer.byteLength(bytes));
		const answer = await receiver().post(changed, { 'x-webhook-signature': signature });
		expect(answer.status).toBe(401);
		expect(JSON.parse(answer.body)).toEqual({ received: false, started: false, reason: 'Invalid X-Webhook-Signature' });
		expect(receiver().executions).toHaveLength(0);
	});

	it.each([
		['a "sha256=" prefix (another platform\'s style)', (s: string) => `sha256=${s}`],
		['a truncated digest', (s: string) => s.slice(0, 63)],
		['the digest and one more hex digit', (s: string) => `${s}0`],
		['the digest followed by other text', (s: string) => `${s}x`],
		['the digest, then text, then a digest', (s: string) => `${s}-${s}`],
		['the digest in base64', (s: string) => Buffer.from(s, 'hex').toString('base64')],
		['an empty header', () => ''],
	])('a tampered header, %s: 401', async (_case, mangle) => {
		const bytes = phpJson(body());
		const answer = await receiver().post(bytes, { 'x-webhook-signature': mangle(sign(bytes, SECRET)) });
		expect(answer.status).toBe(401);
		expect(receiver().executions).toHaveLength(0);
	});
});

describe('signature: with a Signing Secret', () => {
	const receiver = useReceiver({ secret: SECRET });

	it('the signature is checked over the raw bytes, not over re-serialised JSON', async () => {
		// PHP escapes "/" and non-ASCII; JSON.stringify of the parsed body gives other bytes.
		const body = { ...delivered(), data: { message_id: WAMID, status: 'delivered', error_message: null, note: 'Grüße/Ünïcode' } };
		const bytes = phpJson(body);
		expect(JSON.stringify(JSON.parse(bytes))).not.toBe(bytes);
		expect((await receiver().post(bytes, { 'x-webhook-signature': sign(JSON.stringify(body), SECRET) })).status).toBe(401);
		expect((await receiver().post(bytes, { 'x-webhook-signature': sign(bytes, SECRET) })).status).toBe(200);
		expect(emitted(receiver())).toHaveLength(1);
		expect((emitted(receiver())[0].raw as { data: { note: string } }).data.note).toBe('Grüße/Ünïcode');
	});

	it('an upper-case hex digest of the right bytes is accepted (the same digest)', async () => {
		const bytes = phpJson(delivered());
		expect((await receiver().post(bytes, { 'x-webhook-signature': sign(bytes, SECRET).toUpperCase() })).status).toBe(200);
		expect(receiver().executions).toHaveLength(1);
	});
});

describe('signature: configuration', () => {
	it('Signing Secret chosen but no credential attached: 500, nothing started, never accepted unsigned', async () => {
		const receiver = await startReceiver({ parameters: { authentication: 'signingSecret' } });
		const bytes = phpJson(delivered());
		const answer = await receiver.post(bytes, { 'x-webhook-signature': sign(bytes, SECRET) });
		await receiver.close();
		expect(answer.status).toBe(500);
		expect(JSON.parse(answer.body)).toEqual({ received: false, started: false, reason: expect.stringMatching(/^Signature cannot be checked: the Signing Secret credential cannot be read/) });
		expect(receiver.executions).toHaveLength(0);
	});

	it('an empty Signing Secret refuses everything (500)', async () => {
		const receiver = await startReceiver({ secret: '' });
		const bytes = phpJson(delivered());
		const answer = await receiver.post(bytes, { 'x-webhook-signature': sign(bytes, '') });
		await receiver.close();
		expect(answer.status).toBe(500);
		expect(receiver.executions).toHaveLength(0);
	});

	it('Authentication None: unsigned and wrongly signed events are accepted', async () => {
		const receiver = await startReceiver({ parameters: { authentication: 'none' } });
		expect((await receiver.post(phpJson(delivered()))).status).toBe(200);
		const read = messageEvent(3, 'read', { wamid: WAMID, digits: DIGITS }, AT).body;
		expect((await postSigned(receiver, read, 'whatever')).status).toBe(200);
		await receiver.close();
		expect(emitted(receiver).map((e) => e.event)).toEqual(['message.delivered', 'message.read']);
	});

	it("a stock install's default secret 123 works like any other", async () => {
		const receiver = await startReceiver({ secret: '123' });
		expect((await postSigned(receiver, delivered(), '123')).status).toBe(200);
		expect((await postSigned(receiver, delivered(), SECRET)).status).toBe(401);
		await receiver.close();
		expect(receiver.executions).toHaveLength(1);
	});

	it('a signed body that is not a JSON object: 400, nothing started', async () => {
		const receiver = await startReceiver({ secret: SECRET });
		for (const bytes of ['[1,2]', '"text"', '{"event":']) {
			const answer = await receiver.post(bytes, { 'x-webhook-signature': sign(bytes, SECRET), 'content-type': 'text/plain' });
			expect(answer.status).toBe(400);
			expect(JSON.parse(answer.body)).toEqual({ received: false, started: false, reason: expect.stringMatching(/^The body is not (JSON|a JSON object)$/) });
		}
		await receiver.close();
		expect(receiver.executions).toHaveLength(0);
	});
});
