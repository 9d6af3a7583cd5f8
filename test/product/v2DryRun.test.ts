/** Options → Dry Run on API v2: the exact v2 request (its URL under /api/v2/, its wire names), token hidden, nothing sent. */
import { storeBinary } from '../engine/harness';
import { NOT_IN_V2, PATHS_V2, WIRE_V2, wireBodyV2 } from '../support/wireV2';
import { jsonOut, sends, startProduct, type Product } from './setup';

let product: Product;
beforeAll(async () => {
	product = await startProduct('filesystem', { api: 'v2' });
});
afterAll(async () => await product.close());
beforeEach(() => product.sb.reset());

const dryRun = { options: { dryRun: true } };
type Request = { method: string; url: string; headers: Record<string, string>; body?: Record<string, unknown>; multipart?: Array<{ name: string; value?: string; file?: { name: string } }> };

describe('Dry Run on API v2', () => {
	it('outputs the v2 URL, the v2 body and a hidden token; sends nothing', async () => {
		const result = await product.send({ ...dryRun, templateName: 'order_update', headerType: 'text', headerText: 'A-1', bodyVariables: { var1: 'Ada', var2: 'A-1' } });
		expect(result.error).toBeUndefined();
		const request = jsonOut(result)[0].request as Request;
		expect(request.method).toBe('POST');
		expect(request.url).toBe(`${PATHS_V2.apiBase(product.sb.baseUrl)}/${PATHS_V2.route.sendTemplate}`);
		expect(request.headers.Authorization).toBe('Bearer [redacted]');
		expect(JSON.stringify(result.outputs)).not.toContain(product.tokens.send);
		expect(request.body).toEqual(wireBodyV2({ phone: '491512345678', template: 'order_update', language: 'en', headerText: 'A-1', body: ['Ada', 'A-1'] }));
		expect(NOT_IN_V2.filter((name) => name in request.body!)).toEqual([]);
		expect(sends(product)).toHaveLength(0);
	});

	it('a generated one-time password shows as field_1 of the request, and a file as its v2 part', async () => {
		const otp = jsonOut(await product.send({ ...dryRun, templateName: 'login_code', options: { dryRun: true, autoGenerateOtp: true } }))[0].request as Request;
		expect(otp.body![WIRE_V2.body(1)]).toMatch(/^[1-9]\d{5}$/);
		const binary = await storeBinary(Buffer.from('%PDF-1.4'), { fileName: 'a.pdf', mimeType: 'application/pdf' });
		const result = await product.send({ ...dryRun, templateName: 'invoice_ready', headerType: 'document', mediaSource: 'binary', binaryPropertyName: 'f', bodyVariables: { var1: 'R' } }, { items: [{ json: {}, binary: { f: binary } }] });
		const parts = (jsonOut(result)[0].request as Request).multipart!;
		expect(parts.find((p) => p.file)!.name).toBe(WIRE_V2.mediaFile('document'));
		expect(sends(product)).toHaveLength(0);
	});
});
