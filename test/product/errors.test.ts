import { NodeApiError } from 'n8n-workflow';

import { expectErrorRow, type ErrorRow } from './errorRows';
import { startProduct, type Product } from './setup';

let product: Product;
beforeAll(async () => {
	product = await startProduct();
});
afterAll(async () => await product.close());
beforeEach(() => {
	product.sb.reset();
	product.sb.configure({ invalidTenantStatus: 500, acceptJpg: true, rateLimit: null });
});

const rows: ErrorRow[] = [
	{ name: 'unknown subdomain (stock 500)', credentials: () => ({ subdomain: 'nosuch' }), status: 500, message: /no workspace with this subdomain/, description: /Workspace Subdomain/, delivery: 'not sent' },
	{ name: 'unknown subdomain (Xobito 400)', credentials: () => ({ subdomain: 'nosuch' }), config: { invalidTenantStatus: 400 }, status: 400, message: /no workspace with this subdomain/, description: /Workspace Subdomain/, delivery: 'not sent' },
	{ name: 'API not set up', credentials: () => ({ subdomain: 'noapi' }), status: 404, message: /API is not set up/, description: /API Management/, delivery: 'not sent' },
	{ name: 'API disabled', credentials: () => ({ subdomain: 'disabled' }), status: 403, message: /refused the token/, description: /API access may be disabled.*"API access is disabled"/, delivery: 'not sent' },
	{ name: 'wrong token', credentials: () => ({ apiToken: 'apitk_wrong' }), status: 401, message: /token was refused/, description: /API Management/, delivery: 'not sent' },
	{ name: 'token without messages.send', credentials: (p) => ({ apiToken: p.sb.tokens.noSend }), status: 403, message: /refused the token/, description: /messages\.send/, delivery: 'not sent' },
	{ name: 'template unknown', params: { templateName: 'no_such_template' }, status: 404, message: /"no_such_template" in language "en" was not found, is not APPROVED/, description: /synced into the platform/, delivery: 'not sent' },
	{ name: 'template PENDING', params: { templateName: 'order_update', templateLanguage: 'en_US' }, status: 404, message: /"order_update" in language "en_US"/, description: /en is not en_US/, delivery: 'not sent' },
	{ name: 'template REJECTED', params: { templateName: 'summer_sale' }, status: 404, message: /not APPROVED/, description: /Nothing was sent/, delivery: 'not sent' },
	{ name: 'template needs variables', params: { templateName: 'order_update' }, status: 422, message: /needs values that were not given: .*Body Variable \{\{1\}\}/, description: /exactly the template's variables/, delivery: 'not sent' },
	{ name: 'platform refuses .jpg (older version)', config: { acceptJpg: false }, params: { templateName: 'product_photo', headerType: 'image', mediaUrl: 'https://cdn.example.com/a.jpg', bodyVariables: { var1: 'x' } }, status: 422, message: /refused the header media/, description: /Binary File.*\.jpeg or \.png/, delivery: 'not sent' },
	{ name: 'contact status not in workspace', params: { newContact: { statusId: '99' } }, status: 422, message: /^New Contact Details → Status ID: /, description: /Fix the values/, delivery: 'not sent' },
	{ name: 'opted-out contact', fault: { kind: 'optedOut403' }, status: 403, message: /opted out/, description: /opt in again/, delivery: 'not sent' },
	{ name: 'plan limit', fault: { kind: 'conversationLimit403' }, status: 403, message: /plan limit/, description: /Upgrade/, delivery: 'not sent' },
	{ name: 'WhatsApp not connected', fault: { kind: 'notConnected503' }, status: 503, message: /WhatsApp is not connected/, description: /connect WhatsApp/, delivery: 'not sent' },
	{ name: 'over the upload limit (HTML 413)', fault: { kind: 'tooLarge413' }, status: 413, message: /larger than this platform accepts/, description: /smaller file/, delivery: 'not sent' },
	{ name: 'WhatsApp refused (#132000)', fault: { kind: 'whatsapp500' }, status: 500, message: /^WhatsApp refused the message: \(#132000\)/, description: /do not match the template's variables.*Nothing was sent/, delivery: 'not sent' },
	{ name: 'platform failure (a system error)', fault: { kind: 'system500' }, status: 500, message: /failed while handling/, description: /may or may not have gone out/, delivery: 'unknown' },
	{ name: 'proxy HTML 502', fault: { kind: 'html502' }, status: 502, message: /not JSON: perhaps a proxy/, description: /may or may not have gone out/, delivery: 'unknown' },
	{ name: '200 without a message id', fault: { kind: 'noMessageId200' }, status: 200, message: /without a WhatsApp message id/, description: /may or may not have gone out/, delivery: 'unknown' },
	{ name: '200 with status error', fault: { kind: 'statusError200' }, status: 200, message: /reported an error/, description: /may or may not have gone out/, delivery: 'unknown' },
];

describe('each row of the error table: plain words and whether it may have gone out', () => {
	it.each(rows)('$name', async (row) => await expectErrorRow(product, row));

	it('429 beyond the allowed wait: rate-limit error, nothing sent', async () => {
		product.sb.configure({ rateLimit: { max: 1, windowMs: 30_000 } });
		const result = await product.send({ options: { maxRetryWaitSeconds: 5, checkTemplate: false } }, { items: [{ json: {} }, { json: {} }] });
		const error = result.error as unknown as NodeApiError;
		expect(error.httpCode).toBe('429');
		expect(error.message).toBe('The platform rate-limited the message');
		expect(error.description).toMatch(/asked to wait (29|30) s, longer than the 5 s allowed.*Nothing was sent/);
		expect(error.context.itemIndex).toBe(1);
		expect(product.sb.stats.byStatus[429]).toBe(1);
		expect(product.sb.messages).toHaveLength(1);
	});

	it('a refused connection: nothing was sent', async () => {
		const result = await product.send({}, { credentials: { baseUrl: 'http://127.0.0.1:1' } });
		const error = result.error as unknown as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Could not connect to the platform');
		expect(error.description).toMatch(/Nothing was sent.*ECONNREFUSED/);
	});

	it("a send's refused connection names the node that failed, as n8n shows it", async () => {
		const result = await product.send({ options: { checkTemplate: false } }, { credentials: { baseUrl: 'http://127.0.0.1:1' } });
		const error = result.error as unknown as NodeApiError;
		expect(error.message).toBe('Could not connect to the platform');
		expect(error.node?.type).toMatch(/whatsAppTemplates$/);
	});
});
