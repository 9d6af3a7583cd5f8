import { createHash } from 'node:crypto';

import { storeBinary, setupEngine } from '../engine/harness';
import { PATHS, WIRE, readAnswer, readSendData, wireBody, wireContact, type MediaKind } from '../support/wire';
import { jsonOut, sends, startProduct, type Product } from './setup';

let product: Product;
beforeAll(async () => {
	product = await startProduct('filesystem');
});
afterAll(async () => await product.close());
beforeEach(() => product.sb.reset());

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('every field reaches the platform under its wire name', () => {
	it('sends a JSON message with every text field and outputs messageId beside the answer', async () => {
		const result = await product.send({
			phone: '+49 (151) 2345-678',
			templateName: 'ten_vars',
			templateLanguage: 'en',
			bodyVariables: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`var${i + 1}`, `v${i + 1} ü`])),
			buttonParameters: { button0: 'track/1', button1: 'b1', button2: 'b2' },
			additionalFields: {
				otp: 'v1 ü',
				phoneNumberId: '1098765',
				contact: JSON.stringify(wireContact({ firstName: 'Ada', lastName: 'Lovelace', groups: ['vip', 'beta'], statusId: 1 })),
			},
			newContact: { email: 'ada@example.com', country: 'Germany', sourceId: '2', assignedId: 5 },
		});
		expect(result.error).toBeUndefined();
		expect(sends(product)).toHaveLength(1);
		const [request] = sends(product);
		expect(request.path).toBe(PATHS.sendTemplate(product.sb.subdomain));
		expect(request.contentType).toMatch(/^application\/json/);
		expect(request.accept).toBe('application/json');
		expect(request.authorization).toBe(`Bearer ${product.sb.tokens.send}`);
		expect(request.fields).toEqual(
			wireBody({
				phone: '491512345678',
				template: 'ten_vars',
				language: 'en',
				from: '1098765',
				body: Array.from({ length: 10 }, (_, i) => `v${i + 1} ü`),
				buttons: ['track/1', 'b1', 'b2'],
				copyCode: 'v1 ü',
				contact: wireContact({
					firstName: 'Ada',
					lastName: 'Lovelace',
					groups: 'vip,beta',
					statusId: '1',
					email: 'ada@example.com',
					country: 'Germany',
					sourceId: '2',
					assignedId: '5',
				}),
			}),
		);
		const [out] = jsonOut(result);
		const [message] = product.sb.messages;
		expect(out.messageId).toBe(message.wamid);
		// The node's own keys, the same on both API generations; the rest is the platform's answer.
		const { messageId, phone, contactId, templateName, templateLanguage, ...answer } = out;
		expect({ phone, templateName, templateLanguage }).toEqual({ phone: '491512345678', templateName: 'ten_vars', templateLanguage: 'en' });
		expect(contactId).toBe((readSendData(readAnswer(request.response).data).contact as { id: unknown }).id);
		expect(answer).toEqual(request.response);
		expect(result.outputs![0][0].pairedItem).toEqual({ item: 0 });
	});

	it('sends a text header variable as the header field', async () => {
		const result = await product.send({
			templateName: 'order_update',
			headerType: 'text',
			headerText: 'A-1042',
			bodyVariables: { var1: 'Ada', var2: 'A-1042' },
		});
		expect(result.error).toBeUndefined();
		expect(sends(product)[0].fields).toEqual(
			wireBody({ phone: '491512345678', template: 'order_update', language: 'en', headerText: 'A-1042', body: ['Ada', 'A-1042'] }),
		);
		expect(product.sb.messages[0].whatsapp).toEqual({ header: ['A-1042'], body: ['Ada', 'A-1042'] });
	});

	const urlCases: Array<[MediaKind, string, string]> = [
		['image', 'product_photo', 'https://cdn.example.com/p/photo.png'],
		['video', 'welcome_video', 'https://cdn.example.com/v/clip.mp4'],
		['document', 'invoice_ready', 'https://cdn.example.com/d/invoice.pdf'],
	];
	it.each(urlCases)('sends a %s header from a URL', async (kind, templateName, url) => {
		const vars = templateName === 'welcome_video' ? {} : { var1: 'Ada' };
		const result = await product.send({ templateName, headerType: kind, mediaSource: 'url', mediaUrl: url, documentFilename: 'Invoice 42.pdf', bodyVariables: vars });
		expect(result.error).toBeUndefined();
		expect(sends(product)[0].fields).toEqual(
			wireBody({
				phone: '491512345678',
				template: templateName,
				language: 'en',
				mediaUrl: { kind, url },
				documentName: kind === 'document' ? 'Invoice 42.pdf' : undefined,
				body: Object.values(vars),
			}),
		);
		expect(product.sb.messages).toHaveLength(1);
	});

	it('a .jpg URL goes as given: the platform decides (2.2.0 takes it)', async () => {
		const url = 'https://cdn.example.com/photo.jpg';
		const result = await product.send({ templateName: 'product_photo', headerType: 'image', mediaUrl: url, bodyVariables: { var1: 'x' } });
		expect(result.error).toBeUndefined();
		expect(sends(product)[0].fields![WIRE.mediaUrl('image')]).toBe(url);
	});
});

describe('binary header media: bytes verified by hash, uploaded under a unique accepted name', () => {
	const cases = [
		{ kind: 'image', template: 'product_photo', mimeType: 'image/png', fileName: 'photo.png', ext: 'png', size: 300_000 },
		{ kind: 'video', template: 'welcome_video', mimeType: 'video/mp4', fileName: 'clip.mp4', ext: 'mp4', size: 2_000_000 },
		{ kind: 'document', template: 'invoice_ready', mimeType: 'application/pdf', fileName: 'invoice.pdf', ext: 'pdf', size: 5_000_000 },
	] as const;

	for (const mode of ['filesystem', 'default'] as const) {
		it.each(cases)(`uploads a $kind from a ${mode}-mode binary`, async ({ kind, template, mimeType, fileName, ext, size }) => {
			await setupEngine({ binaryMode: mode });
			const bytes = Buffer.alloc(size, `${kind}-${mode}-bytes`);
			const binary = await storeBinary(bytes, { fileName, mimeType });
			expect(Boolean(binary.id)).toBe(mode === 'filesystem');
			const vars = kind === 'video' ? {} : { var1: 'Ada' };
			const result = await product.send(
				{ templateName: template, headerType: kind, mediaSource: 'binary', binaryPropertyName: 'file', bodyVariables: vars, newContact: { firstName: 'Ada' } },
				{ items: [{ json: {}, binary: { file: binary } }] },
			);
			expect(result.error).toBeUndefined();
			const [request] = sends(product);
			expect(request.contentType).toMatch(/^multipart\/form-data/);
			expect(request.files).toEqual([
				{ field: WIRE.mediaFile(kind), filename: expect.stringMatching(new RegExp(`^[a-z0-9-]+\\.${ext}$`)), mimeType, size, sha256: sha256(bytes) },
			]);
			expect(request.files[0].filename.startsWith(fileName.replace(/\..*$/, ''))).toBe(true);
			expect(request.fields).toEqual(
				wireBody({
					phone: '491512345678',
					template,
					language: 'en',
					documentName: kind === 'document' ? fileName : undefined,
					body: Object.values(vars),
					contact: wireContact({ firstName: 'Ada' }),
				}),
			);
			expect(jsonOut(result)[0].messageId).toBe(product.sb.messages[0].wamid);
		});
	}

	it.each([
		['invoice', 'application/pdf', 'document', 'invoice_ready', 'invoice', 'pdf'],
		['photo.jpg', 'image/jpeg', 'image', 'product_photo', 'photo', 'jpeg'],
		['Scan 2024 (final).JPG', 'image/jpeg', 'image', 'product_photo', 'scan-2024-final', 'jpeg'],
	] as const)('%s (%s) goes up with the extension the platform accepts, under a name of its own', async (fileName, mimeType, kind, template, slug, ext) => {
		const bytes = Buffer.from(`%${fileName}%`);
		const binary = await storeBinary(bytes, { fileName, mimeType });
		const upload = async () =>
			await product.send({ templateName: template, headerType: kind, mediaSource: 'binary', bodyVariables: { var1: 'x' } }, { items: [{ json: {}, binary: { data: binary } }] });
		const result = await upload();
		expect(result.error).toBeUndefined();
		// The name, the item index and a random part: two uploads of one file never share a name.
		expect(sends(product)[0].files[0].filename).toMatch(new RegExp(`^${slug}-0-[0-9a-f]{12}\\.${ext}$`));
		expect((await upload()).error).toBeUndefined();
		expect(sends(product)[1].files[0].filename).not.toBe(sends(product)[0].files[0].filename);
		expect(sends(product)[0].files[0].sha256).toBe(sha256(bytes));
		if (kind === 'document') expect(sends(product)[0].fields![WIRE.documentName]).toBe(fileName);
	});
});
