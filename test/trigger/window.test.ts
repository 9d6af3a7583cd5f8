/**
 * The 24-hour window where the node can know it: a Send Text or Send Media through the action node
 * (n8n's engine, the sandbox) to someone who has not written in 24 hours is accepted, then fails in
 * the platform's webhooks with WhatsApp's 131047; the trigger explains it in the same words as the
 * node does when a send answers 131047 itself, in each body format that carries message events.
 * A customer's message opens the window: the reply then goes through, and no failure follows.
 */
import type { NodeApiError } from 'n8n-workflow';

import { jsonOut, startProduct, type Product } from '../product/setup';
import { emitted, SECRET } from './helpers';
import { startReceiver, type Receiver } from './receiver';

let product: Product;
let receiver: Receiver;
beforeEach(async () => {
	product = await startProduct();
	receiver = await startReceiver({ secret: SECRET, parameters: { events: ['message.failed', 'message.received'] } });
});
afterEach(async () => {
	await product.sb.close();
	await receiver.close();
	expect(receiver.errors).toEqual([]);
});

const PHONE = '4915123456789';
const TEXT = { operation: 'sendText', phone: `+${PHONE}`, text: 'Your invoice is ready.' };
const MEDIA = { operation: 'sendMedia', phone: `+${PHONE}`, mediaType: 'document', mediaUrl: 'https://cdn.example.com/invoice.pdf' };

/** The node's own words for 131047, from a send the platform answers with it. */
async function nodeWordsFor131047(): Promise<string> {
	product.sb.injectFault({ kind: 'whatsapp500', code: 131047, match: { route: 'messages.send' } });
	const refused = await product.send(TEXT);
	product.sb.reset();
	return (refused.error as unknown as NodeApiError).description!;
}

it.each([
	[2, 'n8n', 'Send Text', TEXT],
	[3, 'xobito', 'Send Text', TEXT],
	[2, 'n8n', 'Send Media', MEDIA],
	[3, 'xobito', 'Send Media', MEDIA],
] as const)('format %s (%s), %s: accepted, then message.failed 131047 in the trigger, explained in the node’s words', async (format, name, _operation, params) => {
	const nodeWords = await nodeWordsFor131047();
	product.sb.configure({ webhook: { url: receiver.url, format, secret: SECRET, lifecycle: ['sent'] } });
	const result = await product.send(params);
	expect(result.error).toBeUndefined();
	const [out] = jsonOut(result);
	expect(product.sb.freeForm[0]).toMatchObject({ wamid: out.messageId, inWindow: false });
	await product.sb.webhooksIdle();
	await receiver.settled();
	const [failed, ...rest] = emitted(receiver);
	expect(rest).toEqual([]);
	expect(failed).toMatchObject({ event: 'message.failed', messageId: out.messageId, errorCode: '131047', format: name });
	expect(failed.explanation).toMatch(/^More than 24 hours have passed since the customer last wrote to this number \(WhatsApp code 131047\).*send an approved template instead/);
	// One sentence for both: what the node says of a refused send is what the trigger says of a failed one.
	expect(nodeWords).toContain(failed.explanation as string);
});

it.each([2, 3] as const)('format %s: the customer writes first: the trigger gets it, the reply inside the window goes through and nothing fails', async (format) => {
	product.sb.configure({ webhook: { url: receiver.url, format, secret: SECRET, lifecycle: ['sent', 'delivered'] } });
	await product.sb.emitReceivedMessage({ from: PHONE, name: 'Ana', text: 'invoice please' });
	await receiver.settled();
	const [received] = emitted(receiver);
	expect(received).toMatchObject({ event: 'message.received', phone: `+${PHONE}`, text: 'invoice please', explanation: null });
	const result = await product.send({ ...TEXT, phone: received.phone as string });
	expect(result.error).toBeUndefined();
	await product.sb.webhooksIdle();
	await receiver.settled();
	expect(product.sb.freeForm[0]).toMatchObject({ digits: PHONE, inWindow: true });
	expect(emitted(receiver).map((e) => e.event)).toEqual(['message.received']);
});
