/**
 * The answers the trigger writes itself (401, 400, 500), through the receiver (n8n's webhook path):
 * JSON with its exact Content-Type and Content-Length, written once (n8n must not answer again),
 * the reason in words, the Signing Secret problem logged without the secret; a body with a UTF-8
 * BOM read as JSON; a body without any id is keyed by its own bytes.
 */
import { emitted, messageEvent, phpJson, sign, SECRET, AT, DIGITS, WAMID } from './helpers';
import { startReceiver, useReceiver, type Receiver } from './receiver';

const { state } = require('../engine/engine-env') as { state: { logs: string[] } };

const delivered = () => phpJson(messageEvent(3, 'delivered', { wamid: WAMID, digits: DIGITS }, AT).body);

/** Post and keep the headers too (the receiver's post reads only status and body). */
async function postRaw(receiver: Receiver, body: string | Buffer, headers: Record<string, string>) {
	const res = await fetch(receiver.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
	const text = await res.text();
	await receiver.settled();
	return { status: res.status, body: text, type: res.headers.get('content-type'), length: res.headers.get('content-length') };
}

describe('answers: with a Signing Secret', () => {
	const receiver = useReceiver({ secret: SECRET });

	it('a 401 is JSON in UTF-8 with its exact length, answered once, nothing started', async () => {
		const answer = await postRaw(receiver(), delivered(), { 'x-webhook-signature': sign(delivered(), 'another-secret') });
		expect(answer).toEqual({
			status: 401,
			body: '{"received":false,"started":false,"reason":"Invalid X-Webhook-Signature"}',
			type: 'application/json; charset=utf-8',
			length: String(Buffer.byteLength(answer.body)),
		});
		expect(receiver().executions).toHaveLength(0);
	});

	it('a body that is not JSON: 400 "The body is not JSON", nothing started', async () => {
		const bytes = '{"event":';
		const answer = await postRaw(receiver(), bytes, { 'x-webhook-signature': sign(bytes, SECRET), 'content-type': 'text/plain' });
		expect(answer.status).toBe(400);
		expect(JSON.parse(answer.body)).toEqual({ received: false, started: false, reason: 'The body is not JSON' });
		expect(receiver().executions).toHaveLength(0);
	});

	it('a body starting with a UTF-8 BOM is read as JSON', async () => {
		const bytes = `\uFEFF${delivered()}`;
		const answer = await postRaw(receiver(), bytes, { 'x-webhook-signature': sign(bytes, SECRET), 'content-type': 'text/plain' });
		expect(answer.status).toBe(200);
		expect(emitted(receiver())).toHaveLength(1);
	});

	it('a BOM inside a value is the value\'s own: kept', async () => {
		const bytes = delivered().replace('"delivered"', '"delivered","note":"\uFEFFkept"');
		expect((await postRaw(receiver(), bytes, { 'x-webhook-signature': sign(bytes, SECRET) })).status).toBe(200);
		expect((emitted(receiver())[0].raw as { data: { note: string } }).data.note).toBe('\uFEFFkept');
	});
});

describe('answers: configuration', () => {
	it('an empty Signing Secret: 500 with its reason, logged in words without a secret', async () => {
		const receiver = await startReceiver({ secret: '' });
		const before = state.logs.length;
		const answer = await postRaw(receiver, delivered(), { 'x-webhook-signature': sign(delivered(), '') });
		await receiver.close();
		expect(receiver.errors).toEqual([]);
		expect(answer.status).toBe(500);
		expect(answer.type).toBe('application/json; charset=utf-8');
		expect(JSON.parse(answer.body)).toEqual({ received: false, started: false, reason: 'Signature cannot be checked: the Signing Secret credential is empty' });
		expect(state.logs.slice(before)).toContain('error: WhatsApp Templates Trigger refused an event: the Signing Secret credential is empty');
		expect(receiver.executions).toHaveLength(0);
	});

	it('two bodies without any id are two events (keyed by their own bytes)', async () => {
		const receiver = await startReceiver({ parameters: { authentication: 'none' } });
		expect((await receiver.post('{"hello":1}')).status).toBe(200);
		expect((await receiver.post('{"hello":2}')).status).toBe(200);
		await receiver.close();
		expect(receiver.errors).toEqual([]);
		expect(receiver.executions).toHaveLength(2);
	});
});
