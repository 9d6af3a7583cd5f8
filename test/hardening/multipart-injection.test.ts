/**
 * Multipart names and values cannot inject part headers or parts. The file part goes up under
 * the node's own ASCII upload name, so a hostile binary file name never reaches a part header;
 * the name the recipient should see travels as a text value, where it is data. Contact keys are
 * the platform's eight, so none can carry a header either; a MIME type with CR/LF is refused.
 */
import { createHash } from 'node:crypto';

import { NodeOperationError, type IBinaryData } from 'n8n-workflow';

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

const document = { templateName: 'invoice_ready', headerType: 'document', mediaSource: 'binary', binaryPropertyName: 'file', bodyVariables: { var1: 'A-1' } };
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const PHONE = '491512345678';

describe('a hostile binary file name', () => {
	it.each([
		['quotes and CR/LF', 'a"\r\nX-Evil: 1.pdf', /^a-x-evil-1-0-[0-9a-f]{12}\.pdf$/],
		['NUL and other controls', 'inv\u0000oice\u001f.pdf', /^invoice-0-[0-9a-f]{12}\.pdf$/],
		['a path', '../../etc/passwd.pdf', /^passwd-0-[0-9a-f]{12}\.pdf$/],
		['a backslash path', 'C:\\Users\\x\\invoice.pdf', /^c-users-x-invoice-0-[0-9a-f]{12}\.pdf$/],
	])('%s: the part header carries a clean upload name, the text value the name intact', async (_name, fileName, uploadName) => {
		const bytes = Buffer.from(`%PDF-1.4 ${fileName}`);
		const binary = await storeBinary(bytes, { fileName, mimeType: 'application/pdf' });
		const result = await product.send(document, { items: [{ json: {}, binary: { file: binary } }] });
		expect(result.error).toBeUndefined();
		const [request] = sends();
		expect(request.status).toBe(200);
		expect(request.files).toEqual([{ field: WIRE.mediaFile('document'), filename: expect.stringMatching(uploadName), mimeType: 'application/pdf', size: bytes.length, sha256: sha256(bytes) }]);
		// In a part's body the value is data: it arrives whole. (n8n itself keeps only a path's last segment.)
		expect(request.fields).toEqual(wireBody({ phone: PHONE, template: 'invoice_ready', language: 'en', documentName: binary.fileName, body: ['A-1'] }));
		expect(binary.fileName).toBe(fileName.includes('/') ? 'passwd.pdf' : fileName);
	});
});

describe('contact values with quotes and CR/LF', () => {
	it('stay one text part each; no extra part, no extra header', async () => {
		// The first name tries to smuggle in a phone part of its own.
		const contact = wireContact({ firstName: `Ada"\r\nContent-Disposition: form-data; name="${WIRE.phone}"\r\n\r\n0000`, lastName: '"; filename="x.php' });
		const binary = await storeBinary(Buffer.from('%PDF'), { fileName: 'x.pdf', mimeType: 'application/pdf' });
		const result = await product.send(
			{ ...document, phone: '+49 151 7777777', additionalFields: { contact: '={{ $json.contact }}' } },
			{ items: [{ json: { contact }, binary: { file: binary } }] },
		);
		expect(result.error).toBeUndefined();
		const [request] = sends();
		expect(request.fields).toEqual(wireBody({ phone: '491517777777', template: 'invoice_ready', language: 'en', documentName: 'x.pdf', body: ['A-1'], contact }));
		expect(request.files).toHaveLength(1);
		expect(request.status).toBe(200);
	});

	it('a contact key with quotes and CR/LF is not one of the platform keys: refused, nothing sent', async () => {
		const binary = await storeBinary(Buffer.from('%PDF'), { fileName: 'x.pdf', mimeType: 'application/pdf' });
		const result = await product.send(
			{ ...document, additionalFields: { contact: '={{ $json.contact }}' } },
			{ items: [{ json: { contact: { 'k"\r\nX-Evil: 1': 'v' } }, binary: { file: binary } }] },
		);
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error!.message).toMatch(/^Contact has the key "k"\r\nX-Evil: 1", which the platform does not know \[item 0\]$/);
		expect(sends()).toHaveLength(0);
	});
});

describe('a MIME type with CR/LF', () => {
	it('is refused: it would become a part header of its own', async () => {
		const stored = await storeBinary(Buffer.from('%PDF'), { fileName: 'x.pdf', mimeType: 'application/pdf' });
		const binary: IBinaryData = { ...stored, mimeType: 'application/pdf\r\nX-Evil: 1' };
		const result = await product.send(document, { items: [{ json: {}, binary: { file: binary } }] });
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error!.message).toMatch(/^Input Binary Field "file": .* has an invalid MIME type "application\/pdf\\r\\nX-Evil: 1" \[item 0\]$/);
		expect(result.error!.description).toMatch(/Nothing was sent for this item\.$/);
		expect(sends()).toHaveLength(0);
	});
});
