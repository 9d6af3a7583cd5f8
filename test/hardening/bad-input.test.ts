/**
 * Bad input through n8n's real engine: every field and limit of CONTRACT.md, refused before
 * anything reaches the sandbox, with an error that names the field (as the UI labels it), the
 * item and a fix. Also the valid edge values next to each limit, unicode, and multipart names
 * and values that try to inject part headers.
 */
import { createHash } from 'node:crypto';

import { NodeOperationError, type IBinaryData, type IDataObject, type INodeExecutionData, type INodeParameters } from 'n8n-workflow';

import { storeBinary } from '../engine/harness';
import { jsonOut, startProduct, type Product } from '../product/setup';

let product: Product;
beforeAll(async () => {
	product = await startProduct('filesystem');
});
afterAll(async () => await product.close());
beforeEach(() => product.sb.reset());

const KB = 1024;
const media = { templateName: 'order_shipped_media' };
const urlHeader = (kind: string, mediaUrl: string) => ({ ...media, headerType: kind, mediaSource: 'url', mediaUrl });
const binaryHeader = (kind: string, binaryPropertyName = 'file') => ({ ...media, headerType: kind, mediaSource: 'binary', binaryPropertyName });
const noClean = { options: { cleanVariables: false } };

interface BadCase {
	name: string;
	params: INodeParameters;
	/** The UI label the message must name. */
	field: string;
	/** What the message must also say. */
	reason: RegExp;
	/** Input items; a function so that binaries are stored (in filesystem mode) only when the case runs. */
	items?: () => Promise<INodeExecutionData[]>;
}

const withFile = (size: number, mimeType: string, fileName = 'f.bin') => async () => [
	{ json: {}, binary: { file: await storeBinary({ size }, { fileName, mimeType }) } },
];

const badCases: BadCase[] = [
	// Recipient Phone
	{ name: 'phone empty (from an expression)', params: { phone: '={{ $json.missing }}' }, field: 'Recipient Phone', reason: /is empty/ },
	{ name: 'phone only spaces', params: { phone: '   ' }, field: 'Recipient Phone', reason: /is empty/ },
	{ name: 'phone too short (7 digits)', params: { phone: '+1234567' }, field: 'Recipient Phone', reason: /has 7 digits/ },
	{ name: 'phone too long (16 digits)', params: { phone: '+1234567890123456' }, field: 'Recipient Phone', reason: /has 16 digits/ },
	{ name: 'phone with letters', params: { phone: '+49 151 CALL-ME' }, field: 'Recipient Phone', reason: /contains "C"/ },
	{ name: 'phone national, leading 0', params: { phone: '0151 2345678' }, field: 'Recipient Phone', reason: /no country code/ },
	{ name: 'phone +0…', params: { phone: '+0151 2345678' }, field: 'Recipient Phone', reason: /no country code/ },
	{ name: 'phone 000…', params: { phone: '000151 2345678' }, field: 'Recipient Phone', reason: /no country code/ },
	{ name: 'phone with Arabic-Indic digits', params: { phone: '٤٩١٥١٢٣٤٥٦٧٨' }, field: 'Recipient Phone', reason: /not a digit/ },
	{ name: 'phone with a slash', params: { phone: '49/151/2345678' }, field: 'Recipient Phone', reason: /contains "\/"/ },
	// Template Name and Language Code
	{ name: 'template name empty (from an expression)', params: { templateName: '={{ "" }}' }, field: 'Template Name', reason: /is empty/ },
	{ name: 'template name only spaces', params: { templateName: '  ' }, field: 'Template Name', reason: /is empty/ },
	{ name: 'template name of 256 characters', params: { templateName: 'x'.repeat(256) }, field: 'Template Name', reason: /256 characters long; the limit is 255/ },
	{ name: 'language code of 1 character', params: { templateLanguage: 'e' }, field: 'Language Code', reason: /has 1 characters; it must have 2 to 10/ },
	{ name: 'language code of 11 characters', params: { templateLanguage: 'en_US_extra' }, field: 'Language Code', reason: /has 11 characters/ },
	{ name: 'language code empty (from an expression)', params: { templateLanguage: '={{ $json.missing }}' }, field: 'Language Code', reason: /is empty/ },
	// One-Time Password, Sender Phone Number ID
	{ name: 'OTP of 101 characters', params: { additionalFields: { otp: '1'.repeat(101) } }, field: 'One-Time Password', reason: /101 characters long; the limit is 100/ },
	{ name: 'OTP of 101 emoji', params: { additionalFields: { otp: '🔑'.repeat(101) } }, field: 'One-Time Password', reason: /101 characters long/ },
	{ name: 'sender phone number id with letters', params: { additionalFields: { phoneNumberId: '10987abc' } }, field: 'Sender Phone Number ID', reason: /is not a number/ },
	{ name: 'sender phone number id negative', params: { additionalFields: { phoneNumberId: '-1098765' } }, field: 'Sender Phone Number ID', reason: /is not a number/ },
	{ name: 'sender phone number id decimal', params: { additionalFields: { phoneNumberId: '1098.765' } }, field: 'Sender Phone Number ID', reason: /is not a number/ },
	{ name: 'sender phone number id with a space', params: { additionalFields: { phoneNumberId: '1098 765' } }, field: 'Sender Phone Number ID', reason: /is not a number/ },
	// Document Filename
	{ name: 'document filename of 256 characters', params: { ...urlHeader('document', 'https://cdn.example.com/a.pdf'), documentFilename: `${'d'.repeat(252)}.pdf` }, field: 'Document Filename', reason: /256 characters long; the limit is 255/ },
	{ name: 'document filename of 256 emoji', params: { ...urlHeader('document', 'https://cdn.example.com/a.pdf'), documentFilename: '📄'.repeat(256) }, field: 'Document Filename', reason: /256 characters long/ },
	// Media URL
	{ name: 'media URL ftp:', params: urlHeader('image', 'ftp://cdn.example.com/a.png'), field: 'Media URL', reason: /is not an http\(s\) URL/ },
	{ name: 'media URL javascript:', params: urlHeader('image', 'javascript:alert(1)'), field: 'Media URL', reason: /is not an http\(s\) URL/ },
	{ name: 'media URL relative', params: urlHeader('video', '/media/clip.mp4'), field: 'Media URL', reason: /is not an http\(s\) URL/ },
	{ name: 'media URL with spaces', params: urlHeader('document', 'https://cdn.example.com/my invoice.pdf'), field: 'Media URL', reason: /is not an http\(s\) URL/ },
	{ name: 'media URL file:', params: urlHeader('document', 'file:///etc/passwd'), field: 'Media URL', reason: /is not an http\(s\) URL/ },
	{ name: 'media URL data:', params: urlHeader('image', 'data:image/png;base64,iVBORw0KGgo='), field: 'Media URL', reason: /is not an http\(s\) URL/ },
	{ name: 'media URL empty', params: urlHeader('image', ''), field: 'Media URL', reason: /is empty/ },
	// Input Binary Field: missing, over the limit, MIME type that does not fit the header kind
	{ name: 'binary: the item has no binary', params: binaryHeader('image'), field: 'Input Binary Field', reason: /the item has no binary field "file"/ },
	{ name: 'binary: another binary field only', params: binaryHeader('document', 'attachment'), items: withFile(10, 'application/pdf'), field: 'Input Binary Field', reason: /has no binary field "attachment"/ },
	{ name: 'binary: image 5120 KB + 1 byte', params: binaryHeader('image'), items: withFile(5120 * KB + 1, 'image/png'), field: 'Input Binary Field', reason: /5242881 bytes; an image header takes at most 5120 KB/ },
	{ name: 'binary: video 16384 KB + 1 byte', params: binaryHeader('video'), items: withFile(16384 * KB + 1, 'video/mp4'), field: 'Input Binary Field', reason: /16777217 bytes; a video header takes at most 16384 KB/ },
	{ name: 'binary: document 102400 KB + 1 byte', params: binaryHeader('document'), items: withFile(102400 * KB + 1, 'application/pdf'), field: 'Input Binary Field', reason: /104857601 bytes; a document header takes at most 102400 KB/ },
	{ name: 'binary: image header with a PDF', params: binaryHeader('image'), items: withFile(100, 'application/pdf'), field: 'Input Binary Field', reason: /is application\/pdf, not image, for an image header/ },
	{ name: 'binary: video header with a PNG', params: binaryHeader('video'), items: withFile(100, 'image/png'), field: 'Input Binary Field', reason: /is image\/png, not video, for a video header/ },
	{ name: 'binary: image header with an octet stream', params: binaryHeader('image'), items: withFile(100, 'application/octet-stream'), field: 'Input Binary Field', reason: /not image/ },
	// Contact
	{ name: 'contact an array', params: { additionalFields: { contact: '["Ada"]' } }, field: 'Contact', reason: /must be a JSON object, not an array/ },
	{ name: 'contact a string', params: { additionalFields: { contact: '"Ada"' } }, field: 'Contact', reason: /not a string/ },
	{ name: 'contact a number', params: { additionalFields: { contact: '42' } }, field: 'Contact', reason: /not a number/ },
	{ name: 'contact a boolean', params: { additionalFields: { contact: 'true' } }, field: 'Contact', reason: /not a boolean/ },
	{ name: 'contact invalid JSON', params: { additionalFields: { contact: '{first_name: "Ada"' } }, field: 'Contact', reason: /is not valid JSON/ },
	{ name: 'contact an array from an expression', params: { additionalFields: { contact: '={{ [1, 2] }}' } }, field: 'Contact', reason: /not an array/ },
	// Variables WhatsApp refuses, with Clean Variable Values off
	{ name: 'body variable with a new line (clean off)', params: { ...noClean, bodyVariables: { var1: 'Ada\nLovelace' } }, field: 'Body Variable {{1}}', reason: /line break, a tab or more than four spaces/ },
	{ name: 'body variable with CR LF (clean off)', params: { ...noClean, bodyVariables: { var3: 'a\r\nb' } }, field: 'Body Variable {{3}}', reason: /line break/ },
	{ name: 'body variable with a tab (clean off)', params: { ...noClean, bodyVariables: { var2: 'a\tb' } }, field: 'Body Variable {{2}}', reason: /a tab/ },
	{ name: 'body variable with 5 spaces (clean off)', params: { ...noClean, bodyVariables: { var10: 'a     b' } }, field: 'Body Variable {{10}}', reason: /more than four spaces/ },
	{ name: 'button with a new line (clean off)', params: { ...noClean, buttonParameters: { button0: 'track\n1' } }, field: 'Button 0', reason: /line break/ },
	{ name: 'button with 5 spaces (clean off)', params: { ...noClean, buttonParameters: { button2: 'x     y' } }, field: 'Button 2', reason: /more than four spaces/ },
	{ name: 'header text with a tab (clean off)', params: { ...noClean, headerType: 'text', headerText: 'Hi\tAda' }, field: 'Header Text Variable', reason: /a tab/ },
	{ name: 'header text with a new line (clean off)', params: { ...noClean, headerType: 'text', headerText: 'Hi\nAda' }, field: 'Header Text Variable', reason: /line break/ },
];

function expectRefused(result: Awaited<ReturnType<Product['send']>>, field: string, reason: RegExp, itemIndex = 0) {
	expect(result.error).toBeInstanceOf(NodeOperationError);
	const error = result.error as unknown as NodeOperationError;
	expect(error.message).toContain(field);
	expect(error.message).toMatch(reason);
	expect(error.message).toMatch(new RegExp(`\\[item ${itemIndex}\\]$`));
	// A fix first, then the promise that nothing went out.
	expect(error.description).toMatch(/^\S.{10,}\. Nothing was sent for this item\.$/s);
	expect(error.context.itemIndex).toBe(itemIndex);
	expect(product.sb.requests).toHaveLength(0);
}

describe(`${badCases.length} invalid inputs: refused before sending, naming field, item and fix`, () => {
	it('the matrix covers at least 40 cases over every field', () => {
		expect(badCases.length).toBeGreaterThanOrEqual(40);
		const fields = new Set(badCases.map((c) => c.field.replace(/ \{\{\d+\}\}| \d$/, '')));
		for (const label of ['Recipient Phone', 'Template Name', 'Language Code', 'One-Time Password', 'Sender Phone Number ID', 'Document Filename', 'Media URL', 'Input Binary Field', 'Contact', 'Body Variable', 'Button', 'Header Text Variable']) {
			expect(fields).toContain(label);
		}
	});

	it.each(badCases)('$name', async ({ params, items, field, reason }) => {
		const result = await product.send(params, { items: items ? await items() : undefined });
		expectRefused(result, field, reason);
	});

	it.each([
		['Recipient Phone', { phone: '' }],
		['Template Name', { templateName: '' }],
		['Language Code', { templateLanguage: '' }],
	])('%s typed empty: n8n itself refuses the workflow (required parameter), nothing is sent', async (label, params) => {
		await expect(product.send(params)).rejects.toThrow(`Parameter "${label}" is required`);
		expect(product.sb.requests).toHaveLength(0);
	});

	it('the item index is the failing one, and a later valid item is not sent either', async () => {
		const result = await product.send(
			{ phone: '={{ $json.phone }}', bodyVariables: { var1: '={{ $json.name }}' }, ...noClean },
			{ items: [{ json: { phone: '+49 151 1111111', name: 'Ada' } }, { json: { phone: '+49 151 2222222', name: 'Bob' } }, { json: { phone: '+49 151 3333333', name: 'Eve\nMallory' } }] },
		);
		expectRefused(result, 'Body Variable {{1}}', /line break/, 2);
	});

	it('with continue-on-fail the invalid items are output as not sent, the valid ones sent', async () => {
		const result = await product.send(
			{ phone: '={{ $json.phone }}', additionalFields: { otp: '={{ $json.otp }}' } },
			{ onError: 'continueRegularOutput', items: [{ json: { phone: '+49 151 1111111', otp: '1'.repeat(101) } }, { json: { phone: '+49 151 2222222', otp: '1'.repeat(100) } }] },
		);
		const out = jsonOut(result);
		expect(out).toHaveLength(2);
		expect(out[0]).toEqual({
			error: expect.stringMatching(/^One-Time Password is 101 characters long; the limit is 100 \[item 0\]$/),
			details: { delivery: 'not sent', itemIndex: 0, description: expect.stringMatching(/Shorten One-Time Password.*Nothing was sent/) },
		});
		expect(out[1].status).toBe('success');
		expect(product.sb.requests.map((r) => r.fields!.phone)).toEqual(['491512222222']);
	});
});

describe('valid values at each limit reach the sandbox and are accepted', () => {
	async function expectAccepted(params: INodeParameters, items?: INodeExecutionData[]) {
		const result = await product.send(params, { items });
		expect(result.error).toBeUndefined();
		expect(product.sb.requests).toHaveLength(1);
		expect(product.sb.requests[0].status).toBe(200);
		expect(product.sb.messages).toHaveLength(1);
		return product.sb.requests[0];
	}

	it('OTP of 100 characters', async () => {
		const request = await expectAccepted({ templateName: 'login_otp', additionalFields: { otp: '9'.repeat(100) } });
		expect(request.fields!.otp).toBe('9'.repeat(100));
	});

	it('document filename of 255 characters', async () => {
		const name = `${'d'.repeat(251)}.pdf`;
		const request = await expectAccepted({ ...urlHeader('document', 'https://cdn.example.com/a.pdf'), documentFilename: name });
		expect(request.fields!.header_document_filename).toBe(name);
	});

	it('phones of 8 and 15 digits, language codes of 2 and 10 characters reach the sandbox', async () => {
		await expectAccepted({ phone: '+1234 5678' });
		product.sb.reset();
		await expectAccepted({ phone: '00 123 456 789 012 345' });
		product.sb.reset();
		await expectAccepted({ templateLanguage: 'de' });
		product.sb.reset();
		// No template has a 10-character language: the sandbox answers 404, but only after the node let it through.
		const result = await product.send({ templateLanguage: 'en_US_POSX' });
		expect(product.sb.requests[0].fields!.template_language).toBe('en_US_POSX');
		expect(product.sb.requests[0].status).toBe(404);
		expect(result.error!.message).toBe('Template not found');
	});

	it.each([
		['image', 5120, 'image/jpeg'],
		['video', 16384, 'video/mp4'],
		['document', 102400, 'application/pdf'],
	] as const)('a %s of exactly %i KB', async (kind, maxKb, mimeType) => {
		const binary = await storeBinary({ size: maxKb * KB }, { fileName: `edge.${kind}`, mimeType });
		const request = await expectAccepted(binaryHeader(kind), [{ json: {}, binary: { file: binary } }]);
		expect(request.files).toEqual([expect.objectContaining({ field: `header_${kind}`, size: maxKb * KB, mimeType })]);
	});

	// Documents take any MIME type; only image and video headers must carry image/* and video/*
	// (WhatsApp renders them as such, and the platform would fail on them after accepting).
	it.each(['application/pdf', 'image/png', 'application/x-msdownload', 'text/csv; charset=utf-8'])('a document of type %s', async (mimeType) => {
		const binary = await storeBinary(Buffer.from('a,b\n1,2\n'), { fileName: 'doc', mimeType });
		const request = await expectAccepted(binaryHeader('document'), [{ json: {}, binary: { file: binary } }]);
		expect(request.files[0].mimeType).toBe(mimeType.split(';')[0]);
	});

	it('image/* and video/* of any subtype, in any case', async () => {
		for (const [kind, mimeType] of [['image', 'IMAGE/WEBP'], ['video', 'video/3gpp']] as const) {
			product.sb.reset();
			const binary = await storeBinary(Buffer.from('x'), { fileName: 'm', mimeType });
			await expectAccepted(binaryHeader(kind), [{ json: {}, binary: { file: binary } }]);
		}
	});
});

describe('Clean Variable Values (on by default) cleans what it would otherwise refuse', () => {
	it('line breaks and tabs become one space, runs of 5+ spaces one space: in body, button and header', async () => {
		const result = await product.send({
			headerType: 'text',
			headerText: 'Hi\tAda',
			bodyVariables: { var1: 'Ada\nLovelace', var2: 'a \r\n b', var3: 'x     y', var4: 'four    ok' },
			buttonParameters: { button0: 'track\n1', button1: 'p\t\tq' },
		});
		expect(result.error).toBeUndefined();
		expect(product.sb.requests[0].fields).toMatchObject({
			header_text: 'Hi Ada',
			body_1: 'Ada Lovelace',
			body_2: 'a b',
			body_3: 'x y',
			body_4: 'four    ok',
			button_0: 'track 1',
			button_1: 'p q',
		});
		expect(product.sb.requests[0].status).toBe(200);
	});
});

describe('unicode and emoji arrive intact', () => {
	const bodyVariables = { var1: 'Zoë 🎉', var2: '李小龙', var3: 'مرحبا', var4: '👩‍👩‍👧‍👦 family', var5: 'e\u0301 combining' };
	const contact = { first_name: 'Zoë', last_name: 'Ødegård 🚀', custom_fields: { 'città': 'Zürich', note: '"quoted" \'single\'' }, groups: ['VIP ⭐'] };
	const filename = 'Rechnung Nr. 42 – Zoë 📄.pdf';
	const expectedBody = Object.fromEntries(Object.entries(bodyVariables).map(([k, v]) => [`body_${k.slice(3)}`, v]));

	it('in a JSON body', async () => {
		const result = await product.send({
			...urlHeader('document', 'https://cdn.example.com/a.pdf'),
			documentFilename: filename,
			bodyVariables,
			additionalFields: { contact: JSON.stringify(contact) },
		});
		expect(result.error).toBeUndefined();
		const [request] = product.sb.requests;
		expect(request.contentType).toMatch(/^application\/json/);
		expect(request.fields).toMatchObject({ ...expectedBody, header_document_filename: filename, contact });
	});

	it('in a multipart body: text parts and the file name', async () => {
		const bytes = Buffer.from('%PDF-1.4 ünïcödé');
		const binary = await storeBinary(bytes, { fileName: filename, mimeType: 'application/pdf' });
		const result = await product.send(
			{ ...binaryHeader('document'), bodyVariables, additionalFields: { contact: JSON.stringify(contact) } },
			{ items: [{ json: {}, binary: { file: binary } }] },
		);
		expect(result.error).toBeUndefined();
		const [request] = product.sb.requests;
		expect(request.contentType).toMatch(/^multipart\/form-data/);
		expect(request.fields).toMatchObject({ ...expectedBody, header_document_filename: filename, contact });
		expect(request.files).toEqual([
			{ field: 'header_document', filename, mimeType: 'application/pdf', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') },
		]);
	});
});

describe('multipart names and values cannot inject part headers or parts', () => {
	const evilName = 'a"\r\nX-Evil: 1.pdf';

	it(`a document filename ${JSON.stringify(evilName)}: escaped in the part header, intact as a text value`, async () => {
		const bytes = Buffer.from('%PDF-1.4 evil');
		const binary = await storeBinary(bytes, { fileName: evilName, mimeType: 'application/pdf' });
		const result = await product.send(binaryHeader('document'), { items: [{ json: {}, binary: { file: binary } }] });
		expect(result.error).toBeUndefined();
		const [request] = product.sb.requests;
		// As the HTML spec (and browsers) do: " CR LF in a part's name or filename become %22 %0D %0A.
		expect(request.files).toEqual([
			{ field: 'header_document', filename: 'a%22%0D%0AX-Evil: 1.pdf', mimeType: 'application/pdf', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') },
		]);
		// In a part's body the value is data: it arrives whole (line breaks as CRLF).
		expect(request.fields).toEqual({
			phone: '491512345678',
			template_name: 'order_shipped_media',
			template_language: 'en_US',
			header_document_filename: evilName,
		});
		expect(request.status).toBe(200);
	});

	it('contact keys and values with quotes and CR/LF: escaped names, no extra part', async () => {
		const contact = { 'a"b': 'x', 'k\r\nX-Evil: 1': 'v', first_name: 'Ada"\r\nContent-Disposition: form-data; name="phone"\r\n\r\n0000' };
		const binary = await storeBinary(Buffer.from('%PDF'), { fileName: 'x.pdf', mimeType: 'application/pdf' });
		const result = await product.send(
			{ ...binaryHeader('document'), additionalFields: { contact: '={{ $json.contact }}' } },
			{ items: [{ json: { contact }, binary: { file: binary } }] },
		);
		expect(result.error).toBeUndefined();
		const [request] = product.sb.requests;
		expect(request.fields).toEqual({
			phone: '491512345678',
			template_name: 'order_shipped_media',
			template_language: 'en_US',
			header_document_filename: 'x.pdf',
			contact: { 'a%22b': 'x', 'k%0D%0AX-Evil: 1': 'v', first_name: contact.first_name },
		});
		expect(request.files).toHaveLength(1);
	});

	it('control characters in a contact key or a file name are escaped: the body stays well-formed', async () => {
		const binary = await storeBinary(Buffer.from('%PDF'), { fileName: 'inv\u0000oice\u001f.pdf', mimeType: 'application/pdf' });
		const result = await product.send(
			{ ...binaryHeader('document'), documentFilename: 'invoice.pdf', additionalFields: { contact: '={{ $json.contact }}' } },
			{ items: [{ json: { contact: { 'first\u0001name': 'Ada', tab: 'a\tb' } }, binary: { file: binary } }] },
		);
		expect(result.error).toBeUndefined();
		const [request] = product.sb.requests;
		expect(request.status).toBe(200);
		expect(request.files[0].filename).toBe('inv%00oice%1F.pdf');
		expect(request.fields!.contact).toEqual({ 'first%01name': 'Ada', tab: 'a\tb' });
	});

	it('a binary whose MIME type carries CR/LF is refused: it would become a part header of its own', async () => {
		const binary: IBinaryData = { ...(await storeBinary(Buffer.from('%PDF'), { fileName: 'x.pdf', mimeType: 'application/pdf' })), mimeType: 'application/pdf\r\nX-Evil: 1' };
		const result = await product.send(binaryHeader('document'), { items: [{ json: {}, binary: { file: binary } }] });
		expectRefused(result, 'Input Binary Field', /invalid MIME type "application\/pdf\\r\\nX-Evil: 1"/);
	});
});

describe('two header media at once', () => {
	// The UI cannot give a URL and a file (Media Source is one option, Header one kind), so the
	// node never builds such a body. The contract rule is enforced by the API: the sandbox refuses it.
	const auth = () => ({ Authorization: `Bearer ${product.sb.tokens.send}`, Accept: 'application/json' });
	const base: IDataObject = { phone: '491512345678', template_name: 'order_shipped_media', template_language: 'en_US' };

	it('the sandbox refuses a JSON body with an image URL and a video URL (422)', async () => {
		const response = await fetch(`${product.sb.baseUrl}/api/v1/messages/send`, {
			method: 'POST',
			headers: { ...auth(), 'Content-Type': 'application/json' },
			body: JSON.stringify({ ...base, header_image_url: 'https://x.example/a.png', header_video_url: 'https://x.example/a.mp4' }),
		});
		expect(response.status).toBe(422);
		const body = (await response.json()) as { errors: Record<string, string[]> };
		expect(body.errors.header_image_url).toContain('Only one header media may be given.');
		expect(product.sb.messages).toHaveLength(0);
	});

	it('the sandbox refuses a multipart body with an image URL and an image file (422)', async () => {
		const form = new FormData();
		for (const [name, value] of Object.entries(base)) form.append(name, String(value));
		form.append('header_image_url', 'https://x.example/a.png');
		form.append('header_image', new Blob([Buffer.from('png')], { type: 'image/png' }), 'a.png');
		const response = await fetch(`${product.sb.baseUrl}/api/v1/messages/send`, { method: 'POST', headers: auth(), body: form });
		expect(response.status).toBe(422);
		const body = (await response.json()) as { errors: Record<string, string[]> };
		expect(body.errors.header_image).toContain('Only one header media may be given.');
		expect(product.sb.messages).toHaveLength(0);
	});
});
