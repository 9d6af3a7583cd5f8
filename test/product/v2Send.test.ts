/**
 * Send Template on API v2 through n8n's real engine against the v2 sandbox: every wire name of
 * CONTRACT-v2.md's template send (built by test/support/wireV2.ts, not the node's table), none of
 * v1's, the fields v2 lacks refused before any request, one-time passwords, buttons, header media.
 */
import { NodeOperationError } from 'n8n-workflow';

import { storeBinary } from '../engine/harness';
import { NOT_IN_V2, PATHS_V2, WIRE_V2, wireBodyV2 } from '../support/wireV2';
import { jsonOut, sends, startProduct, type Product, hintsOf as hints } from './setup';

let product: Product;
beforeAll(async () => {
	product = await startProduct('filesystem', { api: 'v2' });
});
afterAll(async () => await product.close());
beforeEach(() => product.sb.reset());

const noV1Fields = (fields: Record<string, unknown> | null) => NOT_IN_V2.filter((name) => fields && name in fields);

describe('Send Template on API v2: the wire', () => {
	it('sends phone, language, positional field_N as strings and button_N under {Platform URL}/api/v2/, none of v1’s names', async () => {
		const result = await product.send({
			phone: '+49 (151) 2345-678',
			templateName: 'ten_vars',
			bodyVariables: { ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`var${i + 1}`, `v${i + 1} ü`])), var10: '={{ 42 }}' },
			buttonParameters: { button0: 'track/1', button2: 'b2' },
		});
		expect(result.error).toBeUndefined();
		const [request] = sends(product);
		expect(request.api).toBe('v2');
		expect(request.path).toBe(PATHS_V2.sendTemplate);
		expect(request.authorization).toBe(`Bearer ${product.tokens.send}`);
		expect(request.accept).toBe('application/json');
		expect(request.fields).toEqual(
			wireBodyV2({ phone: '491512345678', template: 'ten_vars', language: 'en', body: [...Array.from({ length: 9 }, (_, i) => `v${i + 1} ü`), '42'], buttons: ['track/1', undefined, 'b2'] }),
		);
		expect(noV1Fields(request.fields)).toEqual([]);
		expect(request.unknownFields ?? []).toEqual([]);
		const [out] = jsonOut(result);
		const [message] = product.sb.messages;
		expect(out).toMatchObject({ messageId: message.wamid, phone: '491512345678', contactId: message.contactId, templateName: 'ten_vars', templateLanguage: 'en', success: true });
		expect(message.droppedButtons).toEqual({ [WIRE_V2.button(0)]: 'track/1', [WIRE_V2.button(2)]: 'b2' });
		expect(hints(result)).toEqual([expect.stringMatching(/API v2 on stock platforms \(2\.2\.0\) accepts button values and drops them/)]);
	});

	it('sends a text header variable and a header media URL with the document name', async () => {
		const result = await product.send({ templateName: 'invoice_ready', headerType: 'document', mediaUrl: 'https://cdn.example.com/i-7.pdf', documentFilename: 'Invoice 7.pdf', bodyVariables: { var1: 'R-7' } });
		expect(result.error).toBeUndefined();
		expect(sends(product)[0].fields).toEqual(
			wireBodyV2({ phone: '491512345678', template: 'invoice_ready', language: 'en', mediaUrl: { kind: 'document', url: 'https://cdn.example.com/i-7.pdf' }, documentName: 'Invoice 7.pdf', body: ['R-7'] }),
		);
		const text = await product.send({ templateName: 'order_update', headerType: 'text', headerText: 'A-1', bodyVariables: { var1: 'Ada', var2: 'A-1' } });
		expect(text.error).toBeUndefined();
		expect(sends(product)[1].fields).toEqual(wireBodyV2({ phone: '491512345678', template: 'order_update', language: 'en', headerText: 'A-1', body: ['Ada', 'A-1'] }));
	});

	it('streams a header file as multipart under a unique name; two same-named uploads never share one', async () => {
		const binary = await storeBinary(Buffer.from('%PDF-1.4 v2'), { fileName: 'invoice.pdf', mimeType: 'application/pdf' });
		const params = { templateName: 'invoice_ready', headerType: 'document', mediaSource: 'binary', binaryPropertyName: 'file', bodyVariables: { var1: 'R-7' } };
		const result = await product.send(params, { items: [0, 1].map(() => ({ json: {}, binary: { file: binary } })) });
		expect(result.error).toBeUndefined();
		const uploads = sends(product).map((r) => r.files[0]);
		expect(uploads.map((f) => f.field)).toEqual([WIRE_V2.mediaFile('document'), WIRE_V2.mediaFile('document')]);
		expect(uploads[0].filename).toMatch(/^invoice-0-[0-9a-f]{12}\.pdf$/);
		expect(uploads[1].filename).toMatch(/^invoice-1-[0-9a-f]{12}\.pdf$/);
		expect(product.sb.stats.overwrittenUploads).toBe(0);
		expect(sends(product)[0].contentType).toMatch(/^multipart\/form-data/);
		expect(sends(product)[0].fields).toEqual(wireBodyV2({ phone: '491512345678', template: 'invoice_ready', language: 'en', documentName: 'invoice.pdf', body: ['R-7'] }));
	});
});

describe('Send Template on API v2: what is refused before any request', () => {
	it.each([
		['Sender Phone Number ID', { additionalFields: { phoneNumberId: '1098765' } }, /Sender Phone Number ID cannot be sent: API v2 always sends from the workspace's default number/, /API Version v1 to choose the number/],
		['New Contact Details', { newContact: { firstName: 'Ada' } }, /New Contact Details cannot be sent: API v2 takes no contact details with a send/, /create or update the contact on the platform first/],
		['the Contact JSON', { additionalFields: { contact: '{"firstname": "Ada"}' } }, /New Contact Details cannot be sent/, /Leave New Contact Details and Contact empty/],
		['a variable of exactly 0', { templateName: 'order_update', headerType: 'text', headerText: 'x', bodyVariables: { var1: '0', var2: 'b' } }, /Body Variable \{\{1\}\} is "0"/, /0\.00/],
		['a gap in the body variables', { templateName: 'ten_vars', bodyVariables: { var1: 'a', var3: 'c' } }, /Body Variable \{\{3\}\} is set but Body Variable \{\{2\}\} is empty/, /without gaps/],
	])('%s: a plain error naming the field and the fix, zero requests', async (_name, params, message, fix) => {
		const result = await product.send(params);
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error!.message).toMatch(message);
		expect(result.error!.message).toMatch(/\[item 0\]$/);
		expect(result.error!.description).toMatch(fix);
		expect(result.error!.description).toMatch(/Nothing was sent for this item\./);
		expect(product.sb.requests).toHaveLength(0);
	});

	it('under continue-on-fail the refused item is answered alone and the others go', async () => {
		const result = await product.send({ additionalFields: { phoneNumberId: '={{ $json.from }}' } }, { items: [{ json: {} }, { json: { from: '1098765' } }], onError: 'continueRegularOutput' });
		const out = jsonOut(result);
		expect(out[0].messageId).toBe(product.sb.messages[0].wamid);
		expect(out[1]).toMatchObject({ error: expect.stringMatching(/Sender Phone Number ID cannot be sent.*\[item 1\]/), details: { delivery: 'not sent' } });
		expect(sends(product)).toHaveLength(1);
	});
});

describe('one-time passwords on API v2', () => {
	it('a given code goes as field_1, never as copy_code', async () => {
		const result = await product.send({ templateName: 'login_code', additionalFields: { otp: '482913' } });
		expect(result.error).toBeUndefined();
		expect(sends(product)[0].fields).toEqual(wireBodyV2({ phone: '491512345678', template: 'login_code', language: 'en', body: ['482913'] }));
		expect(product.sb.messages[0].whatsapp.body).toEqual(['482913']);
	});

	it.each([4, 6, 10])('"Generate OTP" makes a %i-digit code itself, sends it as field_1 and returns it as otpCode', async (length) => {
		const result = await product.send({ templateName: 'login_code', options: { autoGenerateOtp: true, otpLength: length } }, { items: [{ json: {} }, { json: {} }] });
		expect(result.error).toBeUndefined();
		const out = jsonOut(result);
		const codes = out.map((o) => o.otpCode as string);
		codes.forEach((code) => expect(code).toMatch(new RegExp(`^[1-9]\\d{${length - 1}}$`)));
		expect(sends(product).map((r) => r.fields![WIRE_V2.body(1)])).toEqual(codes);
		expect(product.sb.messages.map((m) => m.whatsapp.body[0])).toEqual(codes);
		expect(sends(product).every((r) => !(WIRE_V2.autoGenerateOtp in r.fields!))).toBe(true);
		// Not one code for every item, and not the platform's (which v2 would never return).
		expect(new Set(codes).size).toBe(2);
		expect(product.sb.messages.every((m) => m.otp === undefined)).toBe(true);
	});

	it('Retry On Fail never sends a message with a generated code again: the code is not what the retry recognises it by', async () => {
		product.sb.injectFault({ kind: 'sendFailedUnknown500', api: 'v2', match: { phone: '4915100000002' } });
		const result = await product.send(
			{ templateName: 'login_code', phone: '={{ $json.phone }}', options: { autoGenerateOtp: true, concurrency: 1, checkTemplate: false } },
			{ items: ['4915100000001', '4915100000002'].map((phone) => ({ json: { phone } })), retryOnFail: true, maxTries: 2 },
		);
		expect(result.error!.description).toMatch(/Sent: 1 item\(s\): 0 \(.+\)\. Maybe sent \(check before resending\): items 1\./);
		expect(sends(product).map((r) => r.fields![WIRE_V2.phone])).toEqual(['4915100000001', '4915100000002']);
	});
});
