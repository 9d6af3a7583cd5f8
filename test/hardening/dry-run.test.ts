/**
 * Options → Dry Run: each item is validated and the exact request is output instead of sent,
 * with the token hidden. Nothing reaches the sandbox; an invalid item still fails.
 */
import { NodeOperationError } from 'n8n-workflow';

import { storeBinary } from '../engine/harness';
import { jsonOut, startProduct, type Product } from '../product/setup';

let product: Product;
beforeAll(async () => {
	product = await startProduct('filesystem');
});
afterAll(async () => await product.close());
beforeEach(() => product.sb.reset());

const dryRun = { options: { dryRun: true } };
const sendUrl = () => `${product.sb.baseUrl}/api/v1/messages/send`;

describe('Dry Run outputs the exact request per item and sends nothing', () => {
	it('JSON: every field under its wire name, one output per item, paired', async () => {
		const result = await product.send(
			{
				...dryRun,
				phone: '={{ $json.phone }}',
				templateLanguage: 'de',
				headerType: 'text',
				headerText: '={{ $json.name }}',
				bodyVariables: { var1: '={{ $json.name }}', var2: 'line\nbreak' },
				buttonParameters: { button0: 'track/{{ $json.n }}' },
				additionalFields: { otp: '123456', phoneNumberId: '1098765', contact: '={{ { first_name: $json.name, groups: ["vip"], vip: true } }}' },
			},
			{ items: [{ json: { phone: '+49 (151) 111-1111', name: 'Ada', n: 1 } }, { json: { phone: '0049 151 2222222', name: 'Zoë 🎉', n: 2 } }] },
		);
		expect(result.error).toBeUndefined();
		const expected = [
			['491511111111', 'Ada'],
			['491512222222', 'Zoë 🎉'],
		].map(([phone, name]) => ({
			dryRun: true,
			request: {
				method: 'POST',
				url: sendUrl(),
				headers: { Accept: 'application/json', Authorization: 'Bearer [redacted]', 'Content-Type': 'application/json' },
				body: {
					phone,
					template_name: 'order_update',
					template_language: 'de',
					phone_number_id: '1098765',
					header_text: name,
					body_1: name,
					body_2: 'line break',
					button_0: 'track/{{ $json.n }}',
					otp: '123456',
					contact: { first_name: name, groups: ['vip'], vip: true },
				},
			},
		}));
		expect(jsonOut(result)).toEqual(expected);
		expect(result.outputs![0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(product.sb.requests).toHaveLength(0);
		expect(JSON.stringify(result.outputs)).not.toContain(product.sb.tokens.send);
	});

	it('the body is what a real send puts on the wire', async () => {
		const params = { bodyVariables: { var1: 'Ada', var2: 'x     y' }, additionalFields: { contact: '{"first_name":"Ada","email":""}' } };
		const dry = await product.send({ ...params, ...dryRun });
		expect(product.sb.requests).toHaveLength(0);
		await product.send(params);
		expect(product.sb.requests).toHaveLength(1);
		expect((jsonOut(dry)[0].request as { body: unknown }).body).toEqual(product.sb.requests[0].fields);
	});

	it('multipart: text parts in order, the file as name, type and size', async () => {
		const binary = await storeBinary({ size: 123_456 }, { fileName: 'invoice 42.pdf', mimeType: 'application/pdf' });
		const result = await product.send(
			{
				...dryRun,
				templateName: 'order_shipped_media',
				headerType: 'document',
				mediaSource: 'binary',
				binaryPropertyName: 'file',
				bodyVariables: { var1: 'Ada' },
				additionalFields: { contact: '{"first_name":"Ada","vip":true,"groups":["a","b"],"custom_fields":{"plan":"pro"}}' },
			},
			{ items: [{ json: {}, binary: { file: binary } }] },
		);
		expect(result.error).toBeUndefined();
		expect(jsonOut(result)).toEqual([
			{
				dryRun: true,
				request: {
					method: 'POST',
					url: sendUrl(),
					headers: { Accept: 'application/json', Authorization: 'Bearer [redacted]', 'Content-Type': 'multipart/form-data' },
					multipart: [
						{ name: 'phone', value: '491512345678' },
						{ name: 'template_name', value: 'order_shipped_media' },
						{ name: 'template_language', value: 'en_US' },
						{ name: 'header_document_filename', value: 'invoice 42.pdf' },
						{ name: 'body_1', value: 'Ada' },
						{ name: 'contact[first_name]', value: 'Ada' },
						{ name: 'contact[vip]', value: '1' },
						{ name: 'contact[groups][0]', value: 'a' },
						{ name: 'contact[groups][1]', value: 'b' },
						{ name: 'contact[custom_fields][plan]', value: 'pro' },
						{ name: 'header_document', file: { name: 'invoice 42.pdf', type: 'application/pdf', size: 123_456 } },
					],
				},
			},
		]);
		expect(product.sb.requests).toHaveLength(0);
	});

	it('a URL header and a base URL with a path prefix', async () => {
		const result = await product.send(
			{ ...dryRun, templateName: 'order_shipped_media', headerType: 'image', mediaSource: 'url', mediaUrl: 'https://cdn.example.com/a.png' },
			{ credentials: { baseUrl: 'https://proxy.example.com/wa/' } },
		);
		const request = jsonOut(result)[0].request as { url: string; body: Record<string, string> };
		expect(request.url).toBe('https://proxy.example.com/wa/api/v1/messages/send');
		expect(request.body.header_image_url).toBe('https://cdn.example.com/a.png');
	});
});

describe('an invalid item still fails under Dry Run', () => {
	it('the node stops with the field error; nothing is sent', async () => {
		const result = await product.send({ ...dryRun, phone: '={{ $json.phone }}' }, { items: [{ json: { phone: '+49 151 1111111' } }, { json: { phone: '0151 2222222' } }] });
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error!.message).toMatch(/^Recipient Phone "0151 2222222" has no country code .*\[item 1\]$/);
		expect(result.error!.description).toMatch(/Nothing was sent for this item\.$/);
		expect(product.sb.requests).toHaveLength(0);
	});

	it('an oversized binary fails too', async () => {
		const binary = await storeBinary({ size: 5120 * 1024 + 1 }, { fileName: 'big.png', mimeType: 'image/png' });
		const result = await product.send(
			{ ...dryRun, templateName: 'order_shipped_media', headerType: 'image', mediaSource: 'binary', binaryPropertyName: 'file' },
			{ items: [{ json: {}, binary: { file: binary } }] },
		);
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error!.message).toMatch(/^Input Binary Field "file": .* takes at most 5120 KB/);
	});

	it('with continue-on-fail: the invalid item as an error, the valid one as its dry run', async () => {
		const result = await product.send(
			{ ...dryRun, phone: '={{ $json.phone }}' },
			{ onError: 'continueRegularOutput', items: [{ json: { phone: 'nope' } }, { json: { phone: '+49 151 2222222' } }] },
		);
		const out = jsonOut(result);
		expect(out).toHaveLength(2);
		expect(out[0]).toEqual({ error: expect.stringMatching(/^Recipient Phone "nope" .*\[item 0\]$/), details: expect.objectContaining({ delivery: 'not sent', itemIndex: 0 }) });
		expect(out[1]).toMatchObject({ dryRun: true, request: { body: { phone: '491512222222' } } });
		expect(product.sb.requests).toHaveLength(0);
	});
});
