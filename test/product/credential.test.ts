import { WhatsAppTemplatesApi } from '../../credentials/WhatsAppTemplatesApi.credentials';
import { credentialTest } from '../engine/harness';
import { LIST, PATHS } from '../support/wire';
import { startProduct, type Product } from './setup';

let product: Product;
beforeAll(async () => {
	product = await startProduct();
});
afterAll(async () => await product.close());
beforeEach(() => {
	product.sb.reset();
	product.sb.configure({ invalidTenantStatus: 500 });
});

const credentialType = new WhatsAppTemplatesApi();
const test = async (change: Record<string, unknown>) =>
	await credentialTest({ credentialType, credentials: { ...product.credentials, ...change } as never });

describe("the credential's Test button", () => {
	it('passes by reading one template, and sends nothing', async () => {
		expect(await test({})).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(product.sb.requests).toHaveLength(1);
		const [request] = product.sb.requests;
		expect(request.method).toBe('GET');
		expect(request.path).toBe(PATHS.templates(product.sb.subdomain));
		expect(request.query).toEqual(LIST.query(undefined, 1));
		expect(request.status).toBe(200);
		expect(product.sb.messages).toHaveLength(0);
	});

	it.each([
		['a wrong token (401)', () => ({ apiToken: 'apitk_wrong' }), /token was refused \(HTTP 401\)/],
		['a token without templates.read (403)', () => ({ apiToken: product.sb.tokens.noTemplates }), /lacks the ability templates\.read \(HTTP 403\)/],
		['API access disabled (403)', () => ({ subdomain: 'disabled' }), /API access is disabled.*\(HTTP 403\)/],
		['API not set up (404)', () => ({ subdomain: 'noapi' }), /API is not set up \(HTTP 404\)/],
		['a wrong subdomain (stock: 500)', () => ({ subdomain: 'nosuch' }), /no workspace with this subdomain/],
	])('says so for %s', async (_name, change, message) => {
		const result = await test(change());
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(message) });
		expect(product.sb.requests.length).toBeGreaterThanOrEqual(1);
		expect(product.sb.messages).toHaveLength(0);
	});

	it('says so for a wrong subdomain on Xobito (400)', async () => {
		product.sb.configure({ invalidTenantStatus: 400 });
		const result = await test({ subdomain: 'nosuch' });
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/no workspace with this subdomain/) });
		expect(product.sb.requests[0].status).toBe(400);
	});

	it('works for a platform installed in a sub-folder', async () => {
		const { startSandbox } = await import('../sandbox');
		const sub = await startSandbox({ prefix: '/waba' });
		try {
			const result = await credentialTest({ credentialType, credentials: { baseUrl: sub.baseUrl, subdomain: sub.subdomain, apiToken: sub.tokens.send } as never });
			expect(result.status).toBe('OK');
			expect(sub.requests[0].path).toBe(`/waba${PATHS.templates(sub.subdomain)}`);
		} finally {
			await sub.close();
		}
	});

	it('refuses an address outside the credential before any request', async () => {
		const result = await test({ subdomain: 'acme/../../evil' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/Workspace Subdomain/);
		expect(product.sb.requests).toHaveLength(0);
	});
});
