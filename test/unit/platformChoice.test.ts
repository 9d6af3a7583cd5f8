/**
 * Which API generation a credential speaks (shared/platform/choice.ts, index.ts), where its token
 * goes, and how v2's answers are read: paging, the 429's wait, the rate-limit headers.
 */
import { HostError } from '../../nodes/WhatsAppTemplates/shared/endpoint';
import { platformFor, resolveApiBase, v1, v2 } from '../../nodes/WhatsAppTemplates/shared/platform';
import { PATHS } from '../support/wire';
import { PATHS_V2, RATE_HEADERS, answersV2 } from '../support/wireV2';

const V2_TOKEN = `wm_${'a1B2'.repeat(15)}`;
const V1_TOKEN = 'f'.repeat(64);
const URL_ = 'https://dash.example.com';

describe('platformFor: API Version, and under Auto the token', () => {
	it.each([
		['Auto, wm_ token', 'API v2', { apiVersion: 'auto', apiToken: V2_TOKEN }],
		['Auto, hex token', 'API v1', { apiVersion: 'auto', apiToken: V1_TOKEN }],
		['Auto, apitk_ token', 'API v1', { apiVersion: 'auto', apiToken: 'apitk_abc' }],
		['Auto, wm_ token with spaces around it', 'API v2', { apiVersion: 'auto', apiToken: ` ${V2_TOKEN}\n` }],
		['a credential saved before API Version existed, v1 token', 'API v1', { apiToken: V1_TOKEN }],
		['a credential saved before API Version existed, wm_ token', 'API v2', { apiToken: V2_TOKEN }],
		['v1 with a wm_ token', 'API v1', { apiVersion: 'v1', apiToken: V2_TOKEN }],
		['v2 with a v1 token', 'API v2', { apiVersion: 'v2', apiToken: V1_TOKEN }],
	])('%s → %s', (_name, label, credentials) => {
		expect(platformFor(credentials).label).toBe(label);
	});
});

describe('the API base: the only URLs the token goes under', () => {
	it('v2: {platform URL}/api/v2, no subdomain needed (one given is ignored)', () => {
		expect(resolveApiBase({ baseUrl: URL_, apiToken: V2_TOKEN })).toBe(PATHS_V2.apiBase(URL_));
		expect(resolveApiBase({ baseUrl: `${URL_}/waba/`, subdomain: 'acme', apiVersion: 'v2', apiToken: V1_TOKEN })).toBe(PATHS_V2.apiBase(`${URL_}/waba`));
	});

	it('v1: {platform URL}/api/v1/{subdomain}', () => {
		expect(resolveApiBase({ baseUrl: URL_, subdomain: 'acme', apiToken: V1_TOKEN })).toBe(PATHS.apiBase(URL_, 'acme'));
	});

	it('Auto with a v1 token and no subdomain: a plain error that says why it is needed', () => {
		let error: unknown;
		try {
			resolveApiBase({ baseUrl: URL_, subdomain: '', apiToken: V1_TOKEN });
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(HostError);
		expect((error as HostError).field).toBe('Workspace Subdomain');
		expect((error as HostError).message).toMatch(/is empty, and API v1 needs it: a token that does not start with wm_ is an API v1 token/);
	});

	it.each([PATHS.apiRoot, PATHS_V2.apiRoot])('the same host checks on both: a Platform URL with %s is refused', (root) => {
		expect(() => resolveApiBase({ baseUrl: `${URL_}${root}`, apiToken: V2_TOKEN })).toThrow(HostError);
		expect(() => resolveApiBase({ baseUrl: `${URL_}${root}/`, subdomain: 'acme', apiToken: V1_TOKEN })).toThrow(HostError);
		expect(() => resolveApiBase({ baseUrl: 'http://example.com', apiToken: V2_TOKEN })).toThrow(/plain http/);
	});
});

describe("API v2's readers", () => {
	it('pages by meta.pagination: has_more, else current_page < total_pages', () => {
		const page = answersV2.templatePage([{ id: 1 }], { current: 1, totalPages: 3, perPage: 100 });
		expect(v2.templateList.readPage(page)).toEqual({ records: [{ id: 1 }], more: true });
		expect(v2.templateList.readPage(answersV2.templatePage([{ id: 2 }], { current: 3, totalPages: 3, perPage: 100 }))).toEqual({ records: [{ id: 2 }], more: false });
		expect(v2.templateList.readPage({ success: true, data: [{ id: 3 }], meta: { pagination: { current_page: 1, total_pages: 2 } } }).more).toBe(true);
		expect(v2.templateList.readPage({ success: true, data: [] , meta: { pagination: { has_more: true } } }).more).toBe(false);
		expect(v2.templateList.query(2)).toEqual({ page: 2, per_page: 100 });
	});

	it("a 429's wait: meta.retry_after (the Retry-After header is read by the engine)", () => {
		expect(v2.bodyRetryAfter(answersV2.rateLimited(17))).toBe(17);
		expect(v2.bodyRetryAfter(answersV2.error('RATE_LIMIT_EXCEEDED', 'x', { retry_after: 9 }))).toBe(9);
		expect(v2.bodyRetryAfter({})).toBeUndefined();
	});

	it('X-RateLimit-Remaining: a count, unlimited, or nothing said; X-RateLimit-Reset is never read', () => {
		expect(v2.rateLimit({ [RATE_HEADERS.remaining]: '42', [RATE_HEADERS.reset]: '1' })).toEqual({ remaining: 42 });
		expect(v2.rateLimit({ 'X-RateLimit-Remaining': '0' })).toEqual({ remaining: 0 });
		expect(v2.rateLimit({ [RATE_HEADERS.remaining]: RATE_HEADERS.unlimited, [RATE_HEADERS.whitelisted]: 'true' })).toBe('unlimited');
		expect(v2.rateLimit({ [RATE_HEADERS.reset]: '1999999999' })).toBe('absent');
		expect(v2.rateLimit({ [RATE_HEADERS.remaining]: 'soon' })).toBe('absent');
		expect(v1.rateLimit({ [RATE_HEADERS.remaining]: '3' })).toBe('absent');
	});
});
