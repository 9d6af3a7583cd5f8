import { createHash } from 'node:crypto';

import { storeBinary, setupEngine } from '../engine/harness';
import { jsonOut, startProduct, type Product } from './setup';

let product: Product;
beforeAll(async () => {
	product = await startProduct('filesystem');
});
afterAll(async () => await product.close());
beforeEach(() => product.sb.reset());

describe('every field reaches the sandbox under its wire name', () => {
	it('sends a JSON message with all fields and outputs the API answer, paired', async () => {
		const result = await product.send({
			phone: '+49 (151) 2345-678',
			templateName: 'order_update',
			templateLanguage: 'de',
			headerType: 'text',
			headerText: 'Ada 🎉',
			bodyVariables: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`var${i + 1}`, `v${i + 1} ü`])),
			buttonParameters: { button0: 'track/1', button1: 'b1', button2: 'b2' },
			additionalFields: {
				otp: '123456',
				phoneNumberId: '1098765',
				contact: '{"first_name":"Ada","last_name":"Lovelace","groups":["vip"],"custom_fields":{"plan":"pro"}}',
			},
		});
		expect(result.error).toBeUndefined();
		const [request] = product.sb.requests;
		expect(product.sb.requests).toHaveLength(1);
		expect(request.contentType).toMatch(/^application\/json/);
		expect(request.accept).toBe('application/json');
		expect(request.authorization).toBe(`Bearer ${product.sb.tokens.send}`);
		expect(request.fields).toEqual({
			phone: '491512345678',
			template_name: 'order_update',
			template_language: 'de',
			phone_number_id: '1098765',
			header_text: 'Ada 🎉',
			...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`body_${i + 1}`, `v${i + 1} ü`])),
			button_0: 'track/1',
			button_1: 'b1',
			button_2: 'b2',
			otp: '123456',
			contact: { first_name: 'Ada', last_name: 'Lovelace', groups: ['vip'], custom_fields: { plan: 'pro' } },
		});
		const [out] = jsonOut(result);
		expect(out).toEqual(product.sb.requests[0].response);
		expect((out.data as { id: string }).id).toBe(product.sb.messages[0].id);
		expect(result.outputs![0][0].pairedItem).toEqual({ item: 0 });
	});

	it.each(['image', 'video', 'document'] as const)('sends a %s header from a URL', async (kind) => {
		const result = await product.send({
			templateName: 'order_shipped_media',
			headerType: kind,
			mediaSource: 'url',
			mediaUrl: `https://cdn.example.com/file.${kind}`,
			documentFilename: 'Invoice 42.pdf',
		});
		expect(result.error).toBeUndefined();
		const fields = product.sb.requests[0].fields!;
		expect(fields[`header_${kind}_url`]).toBe(`https://cdn.example.com/file.${kind}`);
		expect(fields.header_document_filename).toBe(kind === 'document' ? 'Invoice 42.pdf' : undefined);
		expect(product.sb.messages).toHaveLength(1);
	});
});

describe('binary header media, bytes verified by hash', () => {
	const cases = [
		{ kind: 'image', mimeType: 'image/png', fileName: 'photo.png', size: 300_000 },
		{ kind: 'video', mimeType: 'video/mp4', fileName: 'clip.mp4', size: 2_000_000 },
		{ kind: 'document', mimeType: 'application/pdf', fileName: 'invoice.pdf', size: 5_000_000 },
	] as const;

	for (const mode of ['filesystem', 'default'] as const) {
		it.each(cases)(`uploads a $kind from a ${mode}-mode binary`, async ({ kind, mimeType, fileName, size }) => {
			await setupEngine({ binaryMode: mode });
			const bytes = Buffer.alloc(size, `${kind}-${mode}-bytes`);
			const binary = await storeBinary(bytes, { fileName, mimeType });
			expect(Boolean(binary.id)).toBe(mode === 'filesystem');
			const result = await product.send(
				{
					templateName: 'order_shipped_media',
					headerType: kind,
					mediaSource: 'binary',
					binaryPropertyName: 'file',
					bodyVariables: { var1: 'Ada' },
					additionalFields: { contact: { first_name: 'Ada', vip: true, groups: ['a', 'b'] } },
				},
				{ items: [{ json: {}, binary: { file: binary } }] },
			);
			expect(result.error).toBeUndefined();
			const [request] = product.sb.requests;
			expect(request.contentType).toMatch(/^multipart\/form-data/);
			expect(request.files).toEqual([
				{
					field: `header_${kind}`,
					filename: fileName,
					mimeType,
					size,
					sha256: createHash('sha256').update(bytes).digest('hex'),
				},
			]);
			expect(request.fields).toMatchObject({
				phone: '491512345678',
				body_1: 'Ada',
				contact: { first_name: 'Ada', vip: '1', groups: ['a', 'b'] },
			});
			if (kind === 'document') expect(request.fields!.header_document_filename).toBe(fileName);
			expect(jsonOut(result)[0].status).toBe('success');
		});
	}
});
