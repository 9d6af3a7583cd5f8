/**
 * The credential on API v2: its Test button (n8n's credential tester over the declarative test
 * and its rules) says in plain words what each answer of CONTRACT-v2.md means; API Version Auto
 * chooses by the token; the token goes only under the credential's API base.
 */
import { WhatsAppTemplatesApi } from '../../credentials/WhatsAppTemplatesApi.credentials';
import { credentialTest } from '../engine/harness';
import { startSandbox, type Sandbox } from '../sandbox';
import { PATHS } from '../support/wire';
import { LIST_V2, PATHS_V2 } from '../support/wireV2';
import { jsonOut, sends, startProduct, type Product } from './setup';

let product: Product;
let sb: Sandbox;
beforeAll(async () => {
	product = await startProduct('filesystem', { api: 'v2' });
	sb = product.sb;
});
afterAll(async () => await product.close());
beforeEach(() => sb.reset());

const credentialType = new WhatsAppTemplatesApi();
const V1_TOKEN = 'b'.repeat(64);
const test = async (change: Record<string, unknown>, base: Sandbox = sb) =>
	await credentialTest({ credentialType, credentials: { baseUrl: base.baseUrl, apiToken: base.v2Tokens.send, ...change } as never });

describe("the credential's Test button on API v2", () => {
	it('passes by reading one template under /api/v2/, with API Version Auto and no subdomain', async () => {
		expect(await test({})).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sb.requests).toHaveLength(1);
		const [request] = sb.requests;
		expect(request.method).toBe('GET');
		expect(request.path).toBe(PATHS_V2.templates);
		expect(request.query).toEqual(LIST_V2.query(undefined, 1));
		expect(request.authorization).toBe(`Bearer ${sb.v2Tokens.send}`);
		expect(request.status).toBe(200);
	});

	it.each([
		['a wm_ token the platform does not know (INVALID_TOKEN)', () => ({ apiToken: `wm_${'z9'.repeat(30)}` }), /API v2 does not know this API token \(INVALID_TOKEN\)/],
		['a v1 token with API Version v2 (INVALID_TOKEN)', () => ({ apiVersion: 'v2', apiToken: V1_TOKEN }), /A token that does not start with wm_ is an API v1 token, which API v2 refuses: set API Version to Auto or v1 and fill in Workspace Subdomain/],
		['a revoked token', () => ({ apiToken: sb.v2Tokens.revoked }), /revoked on the platform \(TOKEN_REVOKED\)/],
		['an expired token', () => ({ apiToken: sb.v2Tokens.expired }), /has expired \(TOKEN_EXPIRED\)/],
		["n8n's IP not on the token's allow-list", () => ({ apiToken: sb.v2Tokens.ipBlocked }), /allow-list.*\(IP_NOT_WHITELISTED\)/],
		['a token without templates:read', () => ({ apiToken: sb.v2Tokens.noTemplates }), /lacks the scope templates:read \(INSUFFICIENT_SCOPE\)/],
		['an empty token', () => ({ apiVersion: 'v2', apiToken: '' }), /received no API token/],
	])('says so for %s', async (_name, change, message) => {
		const result = await test(change());
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(message) });
		expect(sb.requests).toHaveLength(1);
		expect(sb.requests[0].path).toBe(PATHS_V2.templates);
	});

	it("says so for a token whose rate limit is used up", async () => {
		const token = sb.addV2Token({ limit: 1 });
		expect(await test({ apiToken: token })).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(await test({ apiToken: token })).toEqual({ status: 'Error', message: expect.stringMatching(/rate limit is used up.*\(RATE_LIMIT_EXCEEDED\)/) });
		expect(sb.requests.map((r) => r.status)).toEqual([200, 429]);
	});

	it('works for a platform installed in a sub-folder', async () => {
		const sub = await startSandbox({ prefix: '/waba' });
		try {
			expect((await test({}, sub)).status).toBe('OK');
			expect(sub.requests[0].path).toBe(`/waba${PATHS_V2.templates}`);
		} finally {
			await sub.close();
		}
	});

	it('a platform without API v2 (older than 2.2.0, a JSON 404): use v1 with the workspace subdomain', async () => {
		const old = await startSandbox({ apis: ['v1'] });
		try {
			const result = await credentialTest({ credentialType, credentials: { baseUrl: old.baseUrl, apiToken: sb.v2Tokens.send } as never });
			expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/this platform has no API v2 \(it is older than 2\.2\.0\), so set API Version to v1 and fill in Workspace Subdomain/) });
			expect(old.requests).toHaveLength(1);
		} finally {
			await old.close();
		}
	});

	it('API v1 still answers in its own words (the status rules), beside v2', async () => {
		const v1 = await credentialTest({ credentialType, credentials: { baseUrl: sb.baseUrl, subdomain: sb.subdomain, apiToken: 'apitk_wrong' } as never });
		expect(v1).toEqual({ status: 'Error', message: expect.stringMatching(/token was refused \(HTTP 401\)/) });
		expect(sb.requests[0].path).toBe(PATHS.templates(sb.subdomain));
	});

	it('Auto with a v1 token and no subdomain: a plain error before any request', async () => {
		const result = await test({ apiToken: V1_TOKEN });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/Workspace Subdomain is empty, and API v1 needs it: a token that does not start with wm_ is an API v1 token/);
		expect(sb.requests).toHaveLength(0);
	});
});

describe('API Version chooses where the token goes', () => {
	it.each([
		['Auto, a wm_ token', () => ({}), 'v2'],
		['Auto, a wm_ token, a subdomain left over from v1', () => ({ subdomain: sb.subdomain }), 'v2'],
		['Auto, a v1 token', () => ({ subdomain: sb.subdomain, apiToken: sb.tokens.send }), 'v1'],
		['a credential saved before API Version existed', () => ({ apiVersion: undefined, subdomain: sb.subdomain, apiToken: sb.tokens.send }), 'v1'],
		['v1 chosen', () => ({ apiVersion: 'v1', subdomain: sb.subdomain, apiToken: sb.tokens.send }), 'v1'],
		['v2 chosen', () => ({ apiVersion: 'v2', subdomain: sb.subdomain }), 'v2'],
	])('%s → every request under that API only', async (_name, change, api) => {
		const result = await product.send({ templateName: 'plain_notice' }, { credentials: change() });
		expect(result.error).toBeUndefined();
		expect(jsonOut(result)[0].messageId).toBe(sb.messages[0].wamid);
		expect(sb.requests.length).toBe(2); // the check's list read and the send
		expect(sb.requests.every((r) => r.api === api)).toBe(true);
		const root = api === 'v2' ? PATHS_V2.apiRoot : PATHS.api(sb.subdomain);
		expect(sb.requests.every((r) => r.path.startsWith(`${root}/`))).toBe(true);
		expect(sends(product)).toHaveLength(1);
	});

	it('refuses to send a v2 token to a URL outside {Platform URL}/api/v2/', async () => {
		const credentials = { baseUrl: sb.baseUrl, apiToken: sb.v2Tokens.send, apiVersion: 'auto' };
		for (const url of [`${sb.baseUrl}${PATHS.templates(sb.subdomain)}`, `${sb.baseUrl}/templates`, `${sb.baseUrl}${PATHS_V2.apiRoot}x/templates`, `http://evil.example${PATHS_V2.templates}`]) {
			await expect(credentialType.authenticate(credentials, { url, method: 'GET' })).rejects.toThrow(/Refused to send the API token/);
		}
		const ok = await credentialType.authenticate(credentials, { url: 'templates', method: 'GET' });
		expect(ok.url).toBe(`${PATHS_V2.apiBase(sb.baseUrl)}/templates`);
		expect(ok.baseURL).toBeUndefined();
		expect(sb.requests).toHaveLength(0);
	});
});
