/**
 * Message → Send Text through n8n's real engine against the sandbox, on API v1 (messages/send) and
 * v2 (messages/text): the contracts' wire names (test/support/wireWindow.ts), the message id on top,
 * every limit refused before any request (v2 answers invalid input with a 500 of unknown outcome),
 * dry run, continue-on-fail paired, and 131047 explained when the send answers it.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { textBody, windowPath, WINDOW_ROUTE_NAMES } from '../support/wireWindow';
import { APIS, hintsOf as hints, jsonOut, startProduct, type Product } from './setup';

const TEXT = { operation: 'sendText', phone: '+49 151 2345678', text: 'Your order A-17 has shipped.' };

describe.each(APIS)('Send Text on API %s', (api) => {
	let product: Product;
	beforeAll(async () => {
		product = await startProduct('filesystem', { api });
	});
	afterAll(async () => await product.close());
	beforeEach(() => product.sb.reset());
	const route = WINDOW_ROUTE_NAMES[api].text;

	it('sends the phone as digits and the text under the contract’s names; the message id on top of the output', async () => {
		const text = 'Hi,\n\nyour order   A-17 has shipped 🚚';
		const result = await product.send({ ...TEXT, text });
		expect(result.error).toBeUndefined();
		const [request] = product.sb.requests;
		expect([request.route, request.path, request.accept]).toEqual([route, windowPath(api, 'text', product.sb.subdomain), 'application/json']);
		expect(request.authorization).toBe(`Bearer ${product.tokens.send}`);
		expect(request.fields).toEqual(textBody(api, '491512345678', text));
		const [message] = product.sb.freeForm;
		expect(message).toMatchObject({ api, kind: 'text', digits: '491512345678' });
		const [out] = jsonOut(result);
		expect(Object.keys(out)[0]).toBe('messageId');
		expect(out).toMatchObject({ messageId: message.wamid, phone: '491512345678', contactId: message.contactId });
		expect(hints(result)).toEqual([]);
	});

	it('exactly 4096 characters (counted as the platform counts them) go out', async () => {
		const result = await product.send({ ...TEXT, text: 'é'.repeat(4095) + '🚚' });
		expect(result.error).toBeUndefined();
		expect(product.sb.freeForm).toHaveLength(1);
	});

	it.each([
		// An empty required field stops n8n before the node runs: an expression reaches it.
		['an empty text', { text: '={{ "" }}' }, /^Text is empty/],
		['a text of spaces and line breaks', { text: ' \n\t ' }, /^Text is empty/],
		['4097 characters', { text: 'x'.repeat(4097) }, /^Text is 4097 characters long; the limit is 4096/],
		['a phone of 9 digits (the messages routes take 10 to 15)', { phone: '+49 151 2345' }, /^Recipient Phone "\+49 151 2345" has 9 digits; a number with country code has 10 to 15/],
		['a national phone', { phone: '0151 2345678' }, /^Recipient Phone "0151 2345678" has no country code/],
		['16 digits', { phone: '4915123456789012' }, /has 16 digits/],
	])('%s: refused naming the field, zero requests', async (_name, params, message) => {
		const result = await product.send({ ...TEXT, ...params });
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error!.message).toMatch(message);
		expect(result.error!.description).toMatch(/Nothing was sent for this item\./);
		expect(product.sb.requests).toHaveLength(0);
	});

	it('one bad item stops the run before anything is sent; under continue-on-fail each item gets exactly one paired output', async () => {
		const items = ['4915100000001', 'not a phone', '4915100000003'].map((phone) => ({ json: { phone } }));
		const stopped = await product.send({ ...TEXT, phone: '={{ $json.phone }}' }, { items });
		expect(stopped.error!.message).toMatch(/\[item 1\]$/);
		expect(product.sb.requests).toHaveLength(0);

		const continued = await product.send({ ...TEXT, phone: '={{ $json.phone }}' }, { items, onError: 'continueRegularOutput' });
		const outputs = continued.outputs![0];
		expect(outputs.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(outputs[0].json.messageId).toBe(product.sb.freeForm.find((m) => m.digits === '4915100000001')!.wamid);
		expect(outputs[1].json).toMatchObject({ error: expect.stringMatching(/^Recipient Phone "not a phone"/), details: { delivery: 'not sent', itemIndex: 1 } });
		expect(outputs[2].json.messageId).toBe(product.sb.freeForm.find((m) => m.digits === '4915100000003')!.wamid);
		expect(product.sb.freeForm).toHaveLength(2);
	});

	it('Dry Run: the exact request, token hidden, nothing sent', async () => {
		const result = await product.send({ ...TEXT, options: { dryRun: true } });
		expect(product.sb.requests).toHaveLength(0);
		expect(jsonOut(result)[0]).toEqual({
			dryRun: true,
			request: {
				method: 'POST',
				url: `${product.sb.baseUrl}${windowPath(api, 'text', product.sb.subdomain)}`,
				headers: { Accept: 'application/json', Authorization: 'Bearer [redacted]', 'Content-Type': 'application/json' },
				body: textBody(api, '491512345678', TEXT.text),
			},
		});
	});

	it('Request Options → Batching: two items per batch, one after the other', async () => {
		const items = [1, 2, 3].map((i) => ({ json: { phone: `491510000000${i}` } }));
		const result = await product.send({ ...TEXT, phone: '={{ $json.phone }}', requestOptions: { batching: { batch: { batchSize: 2, batchInterval: 300 } } } }, { items });
		expect(result.error).toBeUndefined();
		const [, second, third] = product.sb.requests;
		expect(third.startedAt - second.endedAt!).toBeGreaterThanOrEqual(250);
	});

	it('131047 answered by the send: WhatsApp refused it outside the 24-hour window, in the words the trigger uses; not sent', async () => {
		product.sb.injectFault(api === 'v1' ? { kind: 'whatsapp500', code: 131047, match: { route } } : { kind: 'sendFailedWhatsApp500', api: 'v2', code: 131047, match: { route } });
		const result = await product.send(TEXT);
		const error = result.error as unknown as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/^WhatsApp refused the message: \(#131047\)/);
		expect(error.description).toMatch(/More than 24 hours have passed since the customer last wrote to this number \(WhatsApp code 131047\).*send an approved template instead.*does not check the 24-hour window/);
		expect(error.description).toMatch(/Nothing was sent\./);
		expect(product.sb.requests).toHaveLength(1);
	});
});
