/**
 * The valid side of every limit in bad-input.test.ts: values exactly at each limit, and the
 * values next to the refused ones ("0.00", a URL without an extension, .jpg), go through n8n's
 * real engine and are accepted by the sandbox; Clean Variable Values cleans what it would refuse;
 * unicode arrives intact in JSON and multipart bodies.
 */
import { createHash } from 'node:crypto';

import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { storeBinary } from '../engine/harness';
import { startProduct, type Product } from '../product/setup';
import { WIRE, wireBody, wireContact } from '../support/wire';
import { sendsOf } from './sends';

let product: Product;
beforeAll(async () => {
	product = await startProduct('filesystem');
});
afterAll(async () => await product.close());
beforeEach(() => product.sb.reset());
const sends = () => sendsOf(product.sb);

const KB = 1024;
const PHONE = '491512345678';
const binaryHeader = (templateName: string, headerType: string) => ({ templateName, headerType, mediaSource: 'binary', binaryPropertyName: 'file' });

async function expectAccepted(params: INodeParameters, items?: INodeExecutionData[]) {
	const result = await product.send(params, { items });
	expect(result.error).toBeUndefined();
	expect(sends()).toHaveLength(1);
	expect(sends()[0].status).toBe(200);
	expect(product.sb.messages).toHaveLength(1);
	return sends()[0];
}

describe('valid values at each limit reach the sandbox and are accepted', () => {
	it('OTP of 100 characters: the copy code and {{1}}', async () => {
		const request = await expectAccepted({ templateName: 'login_code', additionalFields: { otp: '9'.repeat(100) } });
		expect(request.fields).toEqual(wireBody({ phone: PHONE, template: 'login_code', language: 'en', body: ['9'.repeat(100)], copyCode: '9'.repeat(100) }));
	});

	it.each([4, 10])('generated OTP of length %i', async (length) => {
		await expectAccepted({ templateName: 'login_code', options: { autoGenerateOtp: true, otpLength: length } });
		expect(product.sb.messages[0].otp!.code).toMatch(new RegExp(`^\\d{${length}}$`));
	});

	it('document name of 255 characters', async () => {
		const name = `${'d'.repeat(251)}.pdf`;
		const request = await expectAccepted({ templateName: 'invoice_ready', headerType: 'document', mediaUrl: 'https://cdn.example.com/a.pdf', documentFilename: name, bodyVariables: { var1: 'A-1' } });
		expect(request.fields![WIRE.documentName]).toBe(name);
	});

	it('ten variables; "0.00", "00" and "zero" next to the refused "0"', async () => {
		const values = ['0.00', '00', 'zero', '0 items', '-0', 'f', 'g', 'h', 'i', 'j'];
		const request = await expectAccepted({ templateName: 'ten_vars', bodyVariables: Object.fromEntries(values.map((v, i) => [`var${i + 1}`, v])) });
		expect(request.fields).toEqual(wireBody({ phone: PHONE, template: 'ten_vars', language: 'en', body: values }));
		expect(product.sb.messages[0].whatsapp.body).toEqual(values);
	});

	it('phones of 8 and 15 digits, language codes of 2 characters', async () => {
		await expectAccepted({ phone: '+1234 5678' });
		product.sb.reset();
		await expectAccepted({ phone: '00 123 456 789 012 345' });
		expect(sends()[0].fields![WIRE.phone]).toBe('123456789012345');
		product.sb.reset();
		await expectAccepted({ templateName: 'order_update', templateLanguage: 'de', headerType: 'text', headerText: 'A-1', bodyVariables: { var1: 'Ada', var2: 'A-1' } });
	});

	it('a language code of 10 characters reaches the platform (its 404 is then explained)', async () => {
		// Without the node's own template check, which would refuse the unknown language first.
		const result = await product.send({ templateLanguage: 'en_US_POSX', options: { checkTemplate: false } });
		expect(sends()[0].fields![WIRE.templateLanguage]).toBe('en_US_POSX');
		expect(sends()[0].status).toBe(404);
		expect(result.error!.message).toMatch(/Template "plain_notice" in language "en_US_POSX" was not found/);
	});

	it('contact values at their limits; ids as whole numbers', async () => {
		const email = `${'a'.repeat(191 - '@example.com'.length)}@example.com`;
		const given = { firstName: 'f'.repeat(255), lastName: 'l'.repeat(255), email, country: 'c'.repeat(100), assignedId: 7, statusId: '2', sourceId: 1, groups: 'vip,beta' };
		const request = await expectAccepted({ phone: '+49 151 9999999', additionalFields: { contact: JSON.stringify(wireContact(given)) } });
		expect(request.fields![WIRE.contact]).toEqual(wireContact({ ...given, assignedId: '7', sourceId: '1' }));
		expect(product.sb.messages[0].contactCreated).toBe(true);
	});

	it('URLs without an extension, and .jpg (accepted from platform 2.2.0 on), go as given', async () => {
		for (const url of ['https://cdn.example.com/render?id=42', 'https://cdn.example.com/p.jpg']) {
			product.sb.reset();
			const request = await expectAccepted({ templateName: 'product_photo', headerType: 'image', mediaUrl: url, bodyVariables: { var1: 'Lamp' } });
			expect(request.fields![WIRE.mediaUrl('image')]).toBe(url);
		}
	});

	it.each([
		['image', 'product_photo', 5120, 'image/jpeg', 'edge.jpg'],
		['video', 'welcome_video', 16384, 'video/mp4', 'edge.mp4'],
		['document', 'invoice_ready', 102400, 'application/pdf', 'edge'],
	] as const)('a %s of exactly the limit (%i KB) goes up whole', async (kind, templateName, maxKb, mimeType, fileName) => {
		const binary = await storeBinary({ size: maxKb * KB }, { fileName, mimeType });
		const variables = kind === 'video' ? {} : { bodyVariables: { var1: 'x' } };
		const request = await expectAccepted({ ...binaryHeader(templateName, kind), ...variables }, [{ json: {}, binary: { file: binary } }]);
		expect(request.files).toEqual([expect.objectContaining({ field: WIRE.mediaFile(kind), size: maxKb * KB, mimeType })]);
	});

	it('an image of type IMAGE/PNG and a 3GP video: the type in any case, the kind\'s accepted extension', async () => {
		for (const [kind, templateName, mimeType, extension] of [['image', 'product_photo', 'IMAGE/PNG', 'png'], ['video', 'welcome_video', 'video/3gpp', '3gp']] as const) {
			product.sb.reset();
			const binary = await storeBinary(Buffer.from('x'), { fileName: 'm', mimeType });
			const request = await expectAccepted({ ...binaryHeader(templateName, kind), bodyVariables: kind === 'image' ? { var1: 'x' } : {} }, [{ json: {}, binary: { file: binary } }]);
			expect(request.files[0].filename).toMatch(new RegExp(`\\.${extension}$`));
		}
	});

	it.each([
		['Recipient Phone', { phone: '' }],
		['Template Name', { templateName: '' }],
		['Language Code', { templateLanguage: '' }],
	])('%s typed empty: n8n itself refuses the workflow (required parameter), nothing is sent', async (label, params) => {
		await expect(product.send(params)).rejects.toThrow(`Parameter "${label}" is required`);
		expect(sends()).toHaveLength(0);
	});
});

describe('Clean Variable Values (on by default) cleans what it would otherwise refuse', () => {
	it('line breaks and tabs become one space, runs of 5+ spaces one space: in body, button and header', async () => {
		const request = await expectAccepted({
			templateName: 'order_update',
			headerType: 'text',
			headerText: 'A\t42',
			bodyVariables: { var1: 'Ada\nLovelace', var2: 'x     y' },
			buttonParameters: { button0: 'track\n1', button1: 'four    ok' },
		});
		expect(request.fields).toEqual(
			wireBody({ phone: PHONE, template: 'order_update', language: 'en', headerText: 'A 42', body: ['Ada Lovelace', 'x y'], buttons: ['track 1', 'four    ok'] }),
		);
	});
});

describe('unicode and emoji arrive intact', () => {
	const vars = ['Zoë 🎉 李小龙', 'مرحبا 👩‍👩‍👧‍👦 e\u0301'];
	const person = { firstName: 'Zoë', lastName: 'Ødegård 🚀', groups: 'VIP ⭐,Grüße' };
	const contact = wireContact(person);
	const name = 'Rechnung Nr. 42 – Zoë 📄.pdf';
	const expected = wireBody({ phone: '491519999999', template: 'contract_copy', language: 'en', documentName: name, body: vars, contact });

	it('in a JSON body', async () => {
		const request = await expectAccepted({
			phone: '+49 151 9999999',
			templateName: 'contract_copy',
			headerType: 'document',
			mediaUrl: 'https://cdn.example.com/a.pdf',
			documentFilename: name,
			bodyVariables: { var1: vars[0], var2: vars[1] },
			newContact: person,
		});
		expect(request.contentType).toMatch(/^application\/json/);
		expect(request.fields).toEqual({ ...expected, [WIRE.mediaUrl('document')]: 'https://cdn.example.com/a.pdf' });
	});

	it('in a multipart body: text parts intact, the file under an ASCII upload name', async () => {
		const bytes = Buffer.from('%PDF-1.4 ünïcödé');
		const binary = await storeBinary(bytes, { fileName: name, mimeType: 'application/pdf' });
		const request = await expectAccepted(
			{ phone: '+49 151 9999999', ...binaryHeader('contract_copy', 'document'), bodyVariables: { var1: vars[0], var2: vars[1] }, additionalFields: { contact: JSON.stringify(contact) } },
			[{ json: {}, binary: { file: binary } }],
		);
		expect(request.contentType).toMatch(/^multipart\/form-data/);
		expect(request.fields).toEqual(expected);
		expect(request.files).toEqual([
			{ field: WIRE.mediaFile('document'), filename: expect.stringMatching(/^rechnung-nr-42-zoe-0-[0-9a-f]{12}\.pdf$/), mimeType: 'application/pdf', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') },
		]);
	});
});
