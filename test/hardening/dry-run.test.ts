/**
 * Options → Dry Run: each item is validated and the exact request is output instead of sent,
 * with the token hidden. Nothing reaches the sandbox; an invalid item still fails; and the body
 * shown is the body a real send puts on the wire.
 */
import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { storeBinary } from '../engine/harness';
import { jsonOut, startProduct, type Product } from '../product/setup';
import { CONTACT_KEYS as K, PATHS, WIRE, wireBody, wireContact } from '../support/wire';
import { onlyReads, sendsOf } from './sends';

let product: Product;
beforeAll(async () => {
	product = await startProduct('filesystem');
});
afterAll(async () => await product.close());
beforeEach(() => product.sb.reset());
const sends = () => sendsOf(product.sb);

const dryRun = { options: { dryRun: true } };
const sendUrl = () => `${product.sb.baseUrl}${PATHS.sendTemplate(product.sb.subdomain)}`;
type Part = { name: string; value?: string; file?: { name: string; type: string; size: number } };
const requestOf = (json: IDataObject) => json.request as { url: string; headers: IDataObject; body?: IDataObject; multipart?: Part[] };

/** Multipart parts as the platform (Laravel) rebuilds them: `contact[x]` into an object. */
function rebuilt(parts: Part[]): IDataObject {
	const fields: IDataObject = {};
	for (const { name, value } of parts.filter((p) => p.value !== undefined)) {
		const bracket = /^(\w+)\[(\w+)\]$/.exec(name);
		if (bracket) fields[bracket[1]] = { ...(fields[bracket[1]] as IDataObject), [bracket[2]]: value };
		else fields[name] = value;
	}
	return fields;
}

describe('Dry Run outputs the exact request per item and sends nothing', () => {
	it('JSON: every field under its wire name, one output per item, paired', async () => {
		const result = await product.send(
			{
				...dryRun,
				phone: '={{ $json.phone }}',
				templateName: 'order_update',
				templateLanguage: 'de',
				headerType: 'text',
				headerText: '={{ $json.order }}',
				bodyVariables: { var1: '={{ $json.name }}', var2: 'line\nbreak' },
				buttonParameters: { button0: 'track/{{ $json.n }}' },
				additionalFields: { phoneNumberId: '1098765', contact: `={{ { ${K.firstName}: $json.name, ${K.groups}: ["vip", "beta"] } }}` },
			},
			{ items: [{ json: { phone: '+49 (151) 111-1111', name: 'Ada', order: 'A-1' } }, { json: { phone: '0049 151 2222222', name: 'Zoë 🎉', order: 'A-2' } }] },
		);
		expect(result.error).toBeUndefined();
		const expected = [
			['491511111111', 'Ada', 'A-1'],
			['491512222222', 'Zoë 🎉', 'A-2'],
		].map(([phone, name, order]) => ({
			dryRun: true,
			request: {
				method: 'POST',
				url: sendUrl(),
				headers: { Accept: 'application/json', Authorization: 'Bearer [redacted]', 'Content-Type': 'application/json' },
				body: wireBody({
					phone,
					template: 'order_update',
					language: 'de',
					from: '1098765',
					headerText: order,
					body: [name, 'line break'],
					buttons: ['track/{{ $json.n }}'],
					contact: wireContact({ firstName: name, groups: 'vip,beta' }),
				}),
			},
		}));
		expect(jsonOut(result)).toEqual(expected);
		expect(result.outputs![0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(sends()).toHaveLength(0);
		expect(onlyReads(product.sb)).toBe(true);
		expect(JSON.stringify(result.outputs)).not.toContain(product.sb.tokens.send);
	});

	it('the JSON body is what a real send puts on the wire', async () => {
		const params = { templateName: 'order_update', headerType: 'text', headerText: 'A-1', bodyVariables: { var1: 'Ada', var2: 'x     y' }, newContact: { firstName: 'Ada', email: '' } };
		const dry = await product.send({ ...params, ...dryRun });
		expect(sends()).toHaveLength(0);
		await product.send(params);
		expect(sends()).toHaveLength(1);
		expect(sends()[0].status).toBe(200);
		expect(requestOf(jsonOut(dry)[0]).body).toEqual(sends()[0].fields);
	});

	it('multipart: text parts in order, the contact bracketed, the file as upload name, type and size', async () => {
		const binary = await storeBinary({ size: 123_456 }, { fileName: 'invoice 42.pdf', mimeType: 'application/pdf' });
		const result = await product.send(
			{
				...dryRun,
				templateName: 'invoice_ready',
				headerType: 'document',
				mediaSource: 'binary',
				binaryPropertyName: 'file',
				bodyVariables: { var1: 'Ada' },
				additionalFields: { contact: JSON.stringify(wireContact({ firstName: 'Ada', groups: ['a', 'b'], assignedId: 3 })) },
			},
			{ items: [{ json: {}, binary: { file: binary } }] },
		);
		expect(result.error).toBeUndefined();
		const text = wireBody({ phone: '491512345678', template: 'invoice_ready', language: 'en', documentName: 'invoice 42.pdf', body: ['Ada'] });
		expect(jsonOut(result)).toEqual([
			{
				dryRun: true,
				request: {
					method: 'POST',
					url: sendUrl(),
					headers: { Accept: 'application/json', Authorization: 'Bearer [redacted]', 'Content-Type': 'multipart/form-data' },
					multipart: [
						...Object.entries(text).map(([name, value]) => ({ name, value })),
						{ name: `${WIRE.contact}[${K.firstName}]`, value: 'Ada' },
						{ name: `${WIRE.contact}[${K.groups}]`, value: 'a,b' },
						{ name: `${WIRE.contact}[${K.assignedId}]`, value: '3' },
						{ name: WIRE.mediaFile('document'), file: { name: expect.stringMatching(/^invoice-42-0-[0-9a-f]{12}\.pdf$/), type: 'application/pdf', size: 123_456 } },
					],
				},
			},
		]);
		expect(sends()).toHaveLength(0);
	});

	it('the multipart parts are what a real send puts on the wire (file name aside: it is unique per send)', async () => {
		const binary = await storeBinary({ size: 5000 }, { fileName: 'photo.jpg', mimeType: 'image/jpeg' });
		const params = { templateName: 'product_photo', headerType: 'image', mediaSource: 'binary', binaryPropertyName: 'file', bodyVariables: { var1: 'Lamp' }, newContact: { firstName: 'Ada', statusId: '2' } };
		const items = [{ json: {}, binary: { file: binary } }];
		const dry = await product.send({ ...params, ...dryRun }, { items });
		await product.send(params, { items });
		const [request] = sends();
		expect(request.status).toBe(200);
		const parts = requestOf(jsonOut(dry)[0]).multipart!;
		expect(rebuilt(parts)).toEqual(request.fields);
		const file = parts.find((p) => p.file)!;
		expect(file.name).toBe(WIRE.mediaFile('image'));
		expect(request.files).toEqual([expect.objectContaining({ field: file.name, mimeType: file.file!.type, size: file.file!.size })]);
		for (const name of [file.file!.name, request.files[0].filename]) expect(name).toMatch(/^photo-0-[0-9a-f]{12}\.jpeg$/);
		expect(file.file!.name).not.toBe(request.files[0].filename);
	});

	it('a URL header and a Platform URL with a sub-folder (template check off: no connection to that host)', async () => {
		const result = await product.send(
			{ options: { dryRun: true, checkTemplate: false }, templateName: 'product_photo', headerType: 'image', mediaSource: 'url', mediaUrl: 'https://cdn.example.com/a.png', bodyVariables: { var1: 'Lamp' } },
			{ credentials: { baseUrl: 'https://example.com/waba/' } },
		);
		const request = requestOf(jsonOut(result)[0]);
		expect(request.url).toBe(`https://example.com/waba${PATHS.sendTemplate(product.sb.subdomain)}`);
		expect(request.body![WIRE.mediaUrl('image')]).toBe('https://cdn.example.com/a.png');
	});
});

describe('an invalid item still fails under Dry Run', () => {
	it('the node stops with the field error; nothing is sent', async () => {
		const result = await product.send({ ...dryRun, phone: '={{ $json.phone }}' }, { items: [{ json: { phone: '+49 151 1111111' } }, { json: { phone: '0151 2222222' } }] });
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error!.message).toMatch(/^Recipient Phone "0151 2222222" has no country code .*\[item 1\]$/);
		expect(result.error!.description).toMatch(/Nothing was sent for this item\.$/);
		expect(sends()).toHaveLength(0);
	});

	it('an oversized binary and a variable gap fail too', async () => {
		const binary = await storeBinary({ size: 5120 * 1024 + 1 }, { fileName: 'big.png', mimeType: 'image/png' });
		const big = await product.send({ ...dryRun, templateName: 'product_photo', headerType: 'image', mediaSource: 'binary', binaryPropertyName: 'file' }, { items: [{ json: {}, binary: { file: binary } }] });
		expect(big.error!.message).toMatch(/^Input Binary Field "file": .* takes at most 5120 KB/);
		const gap = await product.send({ ...dryRun, bodyVariables: { var2: 'x' } });
		expect(gap.error!.message).toMatch(/^Body Variable \{\{2\}\} is set but Body Variable \{\{1\}\} is empty/);
		expect(sends()).toHaveLength(0);
	});

	it('with continue-on-fail: the invalid item as an error, the valid one as its dry run', async () => {
		const result = await product.send({ ...dryRun, phone: '={{ $json.phone }}' }, { onError: 'continueRegularOutput', items: [{ json: { phone: 'nope' } }, { json: { phone: '+49 151 2222222' } }] });
		const out = jsonOut(result);
		expect(out).toHaveLength(2);
		expect(out[0]).toEqual({ error: expect.stringMatching(/^Recipient Phone "nope" .*\[item 0\]$/), details: expect.objectContaining({ delivery: 'not sent', itemIndex: 0 }) });
		expect(out[1]).toMatchObject({ dryRun: true, request: { body: { [WIRE.phone]: '491512222222' } } });
		expect(sends()).toHaveLength(0);
	});
});
