/**
 * The signature gate, through the receiver (n8n's webhook path with n8n-core's WebhookContext):
 * only a body signed with the Signing Secret starts the workflow; anything else is answered 401 and
 * starts nothing.
 */
import { AT, DIGITS, WAMID, emitted, messageEvent, phpJson, postSigned, SECRET, sign } from './helpers';
import { startReceiver, useReceiver } from './receiver';

const delivered = () => messageEvent(3, 'delivered', { wamid: WAMID, digits: DIGITS }, AT).body;

describe('signature: with a Signing Secret', () => {
	const receiver = useReceiver({ secret: SECRET });

	it('a body signed with the secret starts one execution with the normalised event, answered in JSON', async () => {
		const answer = await postSigned(receiver(), delivered());
		expect(answer.status).toBe(200);
		expect(JSON.parse(answer.body)).toEqual({ received: true, started: true, event: 'message.delivered' });
		expect(emitted(receiver())).toMatchObject([{ event: 'message.delivered', messageId: WAMID }]);
	});

	it('a signature made with another secret: 401, nothing started', async () => {
		const answer = await postSigned(receiver(), delivered(), 'another-secret');
		expect(answer.status).toBe(401);
		expect(JSON.parse(answer.body)).toEqual({ received: false, started: false, reason: 'Invalid X-Webhook-Signature' });
		expect(receiver().executions).toHaveLength(0);
	});

	it('no signature header: 401, nothing started', async () => {
		const answer = await receiver().post(phpJson(delivered()));
		expect(answer.status).toBe(401);
		expect(JSON.parse(answer.body)).toEqual({ received: false, started: false, reason: 'Missing X-Webhook-Signature' });
		expect(receiver().executions).toHaveLength(0);
	});

	it('the body changed by one byte after signing: 401, nothing started', async () => {
		const bytes = phpJson(delivered());
		const signature = sign(bytes, SECRET);
		// "delivered" → "delivereD": one byte, still valid JSON of the same shape.
		const changed = bytes.replace('"delivered"', '"delivereD"');
		expect(Buffer.byteLength(changed)).toBe(Buffer.byteLength(bytes));
		const answer = await receiver().post(changed, { 'x-webhook-signature': signature });
		expect(answer.status).toBe(401);
		expect(receiver().executions).toHaveLength(0);
	});

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

	it.each([
		['a "sha256=" prefix (another platform\'s style)', (s: string) => `sha256=${s}`],
		['a truncated digest', (s: string) => s.slice(0, 63)],
		['the digest in base64', (s: string) => Buffer.from(s, 'hex').toString('base64')],
		['an empty header', () => ''],
	])('%s: 401', async (_name, mangle) => {
		const bytes = phpJson(delivered());
		const answer = await receiver().post(bytes, { 'x-webhook-signature': mangle(sign(bytes, SECRET)) });
		expect(answer.status).toBe(401);
		expect(receiver().executions).toHaveLength(0);
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
