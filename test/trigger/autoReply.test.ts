/**
 * examples/auto-reply.json through n8n's engine, on API v1 and v2: the sandbox posts a signed
 * inbound message (formats 2 and 3) to the trigger as the example sets it up; its output goes into
 * the example's two WhatsApp Templates nodes, with their parameters exactly as the file has them.
 * The IF between them is n8n's own (not installed here): each case takes the branch its text
 * selects. The real n8n run of the whole file is the e2e's.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { APIS, startProduct, type Product } from '../product/setup';
import { emitted, SECRET } from './helpers';
import { startReceiver, type Receiver } from './receiver';

interface ExampleNode {
	name: string;
	type: string;
	parameters: INodeParameters;
}
// The file exactly as users import it.
const example = require('../../examples/auto-reply.json') as { nodes: ExampleNode[]; connections: IDataObject };
const node = (name: string) => example.nodes.find((n) => n.name === name)!;

const PHONE = '4915123456789';

describe.each(APIS)('examples/auto-reply.json on API %s', (api) => {
	let product: Product;
	let receiver: Receiver;
	beforeAll(async () => {
		product = await startProduct('filesystem', { api });
	});
	afterAll(async () => await product.close());
	beforeEach(async () => {
		product.sb.reset();
		receiver = await startReceiver({ secret: SECRET, parameters: node('Customer wrote').parameters });
	});
	afterEach(async () => {
		await receiver.close();
		expect(receiver.errors).toEqual([]);
	});

	it.each([
		[2, 'Hello, where is my order?', 'Reply with text'],
		[3, 'Can I get my INVOICE please', 'Send the invoice'],
	] as const)('format %s, "%s": one reply, to the sender, inside the window', async (format, text, branch) => {
		product.sb.configure({ webhook: { url: receiver.url, format, secret: SECRET } });
		await product.sb.emitReceivedMessage({ from: PHONE, name: 'Ana', text });
		await receiver.settled();
		const events = emitted(receiver);
		expect(events).toHaveLength(1);
		// What the example's IF (text contains "invoice", any case) decides.
		expect(/invoice/i.test(String(events[0].text))).toBe(branch === 'Send the invoice');

		const result = await product.send(node(branch).parameters, { items: events.map((json) => ({ json })) });
		expect(result.error).toBeUndefined();
		expect(product.sb.freeForm).toHaveLength(1);
		const [reply] = product.sb.freeForm;
		expect(reply).toMatchObject({ digits: PHONE, inWindow: true, kind: branch === 'Send the invoice' ? 'media' : 'text' });
		if (branch === 'Send the invoice') expect(reply.whatsapp).toMatchObject({ type: 'document', caption: 'Here is your invoice, Ana.', filename: 'invoice.pdf' });
		else expect(reply.whatsapp).toEqual({ type: 'text', text: expect.stringMatching(/^Thanks for your message, Ana! /) });
	});

	it('a replayed inbound event starts nothing, so nothing is sent twice', async () => {
		product.sb.configure({ webhook: { url: receiver.url, format: 2, secret: SECRET } });
		const [delivery] = await product.sb.emitReceivedMessage({ from: PHONE, name: 'Ana', text: 'hi', wamid: 'wamid.REPLAY' });
		await product.sb.postWebhook(delivery.body);
		await receiver.settled();
		expect(receiver.executions).toHaveLength(1);
	});
});
