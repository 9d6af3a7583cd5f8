/**
 * A real send through the action node (n8n's engine, the sandbox platform), then the platform's
 * webhooks for that message into the trigger: the lifecycle events carry the send's messageId, in
 * each format that has message events.
 */
import type { IDataObject } from 'n8n-workflow';

import { jsonOut, startProduct, type Product } from '../product/setup';
import { emitted, SECRET } from './helpers';
import { startReceiver, type Receiver } from './receiver';

let product: Product;
let receiver: Receiver;
beforeEach(async () => {
	product = await startProduct();
	receiver = await startReceiver({ secret: SECRET });
});
afterEach(async () => {
	await product.sb.close();
	await receiver.close();
	expect(receiver.errors).toEqual([]);
});

async function sendOne(): Promise<string> {
	const result = await product.send({ phone: '+49 151 23456789' });
	expect(result.error).toBeUndefined();
	const [out] = jsonOut(result);
	expect(out.messageId).toBe(product.sb.messages[0].wamid);
	return out.messageId as string;
}

it.each([
	[3, 'xobito', null],
	[2, 'n8n', '+4915123456789'],
] as const)('format %s: sent, delivered, read for the message just sent, with its messageId', async (format, name, phone) => {
	product.sb.configure({ webhook: { url: receiver.url, format, secret: SECRET } });
	const messageId = await sendOne();
	await product.sb.webhooksIdle();
	await receiver.settled();
	expect(product.sb.webhookDeliveries.map((d) => [d.event.replace('whatsapp.', ''), d.status])).toEqual([
		['message.sent', 200],
		['message.delivered', 200],
		['message.read', 200],
	]);
	const events = emitted(receiver);
	expect(events.map((e) => [e.event, e.messageId, e.status, e.phone, e.format])).toEqual([
		['message.sent', messageId, 'sent', phone, name],
		['message.delivered', messageId, 'delivered', phone, name],
		['message.read', messageId, 'read', phone, name],
	]);
});

it('a failed message: sent, then failed with the reason; a trigger on Message Failed starts once', async () => {
	await receiver.close();
	receiver = await startReceiver({ secret: SECRET, parameters: { events: ['message.failed'] } });
	product.sb.configure({ webhook: { url: receiver.url, format: 2, secret: SECRET, lifecycle: ['sent', 'failed'] } });
	const messageId = await sendOne();
	await product.sb.webhooksIdle();
	await receiver.settled();
	expect(product.sb.webhookDeliveries.map((d) => d.status)).toEqual([200, 200]);
	expect(emitted(receiver)).toMatchObject([{ event: 'message.failed', messageId, error: 'Message undeliverable', errorCode: '131026' }]);
});

it('the platform signs with another secret than the credential holds: every event refused 401, retried, nothing started', async () => {
	product.sb.configure({ webhook: { url: receiver.url, format: 3, secret: 'not-the-secret', lifecycle: ['delivered'], timeScale: 0.01 } });
	await sendOne();
	await product.sb.webhooksIdle();
	await receiver.settled();
	// 401 is not a 2xx: the platform tries 3 times, then gives up.
	expect(product.sb.webhookDeliveries.map((d) => [d.attempt, d.status])).toEqual([
		[1, 401],
		[2, 401],
		[3, 401],
	]);
	expect(receiver.executions).toHaveLength(0);
});

it('contact events on demand, in the legacy envelope and the n8n format', async () => {
	product.sb.configure({ webhook: { url: receiver.url, format: 1, secret: SECRET } });
	const record = { id: 42, firstname: 'Ada', lastname: 'Lovelace', phone: '+4915100000042' };
	await product.sb.emitContactEvent({ action: 'created', record });
	await product.sb.emitContactEvent({ action: 'updated', record: { ...record, lastname: 'King' }, previous: record }, { format: 2 });
	await receiver.settled();
	const events = emitted(receiver);
	expect(events.map((e) => [e.event, e.format, e.phone, (e.contact as IDataObject).lastname])).toEqual([
		['contact.created', 'legacy', '+4915100000042', 'Lovelace'],
		['contact.updated', 'n8n', '+4915100000042', 'King'],
	]);
	expect(events[1].changes).toMatchObject({ modifiedFields: ['lastname'] });
});
