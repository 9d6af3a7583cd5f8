/**
 * The rate limit on API v2 through n8n's real engine: pacing by X-RateLimit-Remaining so that a
 * bulk send meets at most one 429 per window (the sandbox's window shortened to 1 s), Retry-After
 * and meta.retry_after honoured with every request paused, an allow-listed token not paced.
 */
import { WIRE_V2, answersV2, openWindowElsewhere } from '../support/wireV2';
import { bulkPhone, items, jsonOut, sends, startProduct, type Product } from './setup';

let product: Product;
beforeAll(async () => {
	product = await startProduct('filesystem', { api: 'v2' });
});
afterAll(async () => await product.close());
beforeEach(() => {
	product.sb.reset();
	product.sb.configure({ v2WindowMs: 1000, latencyMs: 0 });
});

const byPhone = { phone: '={{ $json.phone }}' };
const perWindow = () => {
	const counts = new Map<number, number>();
	for (const r of product.sb.rateLimited) counts.set(r.windowStart, (counts.get(r.windowStart) ?? 0) + 1);
	return [...counts.values()];
};
const phoneOf = (fields: Record<string, unknown> | null) => fields![WIRE_V2.phone] as string;

describe('API v2: pacing by the remaining budget', () => {
	it.each([
		['with the check before sending (its template-list read counts too)', true],
		['without the check', false],
	])('a bulk send over several windows meets at most one 429 per window, %s', async (_name, checkTemplate) => {
		product.sb.configure({ latencyMs: 20 });
		const token = product.sb.addV2Token({ limit: 5 });
		const result = await product.send({ ...byPhone, options: { concurrency: 5, checkTemplate } }, { items: items(16), credentials: { apiToken: token } });
		expect(result.error).toBeUndefined();
		const out = jsonOut(result);
		expect(out.map((o) => o.messageId)).toEqual(items(16).map((_, i) => product.sb.messages.find((m) => phoneOf(m.fields) === bulkPhone(i))!.wamid));
		// Every message once; the 429s (if any came) were never processed.
		expect(new Set(product.sb.messages.map((m) => phoneOf(m.fields))).size).toBe(16);
		expect(product.sb.messages).toHaveLength(16);
		expect(Math.max(0, ...perWindow())).toBeLessThanOrEqual(1);
	});

	it('in a window the run opened (an answer said limit − 1), the spent budget waits for the window to end (X-RateLimit-Window): no 429', async () => {
		const token = product.sb.addV2Token({ limit: 3 });
		const result = await product.send({ ...byPhone, options: { concurrency: 3, checkTemplate: false } }, { items: items(7), credentials: { apiToken: token } });
		expect(result.error).toBeUndefined();
		expect(new Set(product.sb.messages.map((m) => phoneOf(m.fields))).size).toBe(7);
		expect(product.sb.messages).toHaveLength(7);
		expect(product.sb.rateLimited).toEqual([]);
		// Three windows of 3: each opened by a request that went once the one before was over.
		const starts = sends(product).map((r) => r.startedAt);
		expect(starts[3] - starts[0]).toBeGreaterThanOrEqual(1000);
		expect(starts[6] - starts[3]).toBeGreaterThanOrEqual(1000);
	});

	it("after a 429 every request waits for the window's true rest (meta.retry_after), then the same item goes again", async () => {
		const token = product.sb.addV2Token({ limit: 3 });
		await openWindowElsewhere(product.sb.baseUrl, token); // the run cannot know when this window ends
		const result = await product.send({ ...byPhone, options: { concurrency: 3, checkTemplate: false } }, { items: items(7), credentials: { apiToken: token } });
		expect(result.error).toBeUndefined();
		expect(product.sb.messages).toHaveLength(7);
		expect(sends(product).filter((r) => r.status === 429)).not.toEqual([]);
		for (const limited of sends(product).filter((r) => r.status === 429)) {
			const later = sends(product).filter((r) => r.seq > limited.seq);
			expect(later.length).toBeGreaterThan(0);
			const wait = limited.response.meta.retry_after * 1000;
			expect(Math.min(...later.map((r) => r.startedAt)) - limited.endedAt!).toBeGreaterThanOrEqual(wait - 50);
			expect(later.find((r) => phoneOf(r.fields) === phoneOf(limited.fields))?.status).toBe(200);
		}
	});

	it('honours a Retry-After header alone (no meta.retry_after), pausing every worker', async () => {
		const { meta: _meta, ...withoutWait } = answersV2.rateLimited(1);
		product.sb.injectFault({ kind: 'respond', api: 'v2', status: 429, body: { ...withoutWait, meta: { request_id: 'r-1' } }, headers: { 'Retry-After': '1' }, match: { phone: bulkPhone(1) } });
		const result = await product.send({ ...byPhone, options: { concurrency: 2, checkTemplate: false } }, { items: items(4) });
		expect(result.error).toBeUndefined();
		const limited = sends(product).find((r) => r.status === 429)!;
		const retry = sends(product).find((r) => r.seq > limited.seq && phoneOf(r.fields) === bulkPhone(1))!;
		expect(retry.startedAt - limited.endedAt!).toBeGreaterThanOrEqual(950);
		const during = sends(product).filter((r) => r.startedAt > limited.endedAt! + 50 && r.startedAt < limited.endedAt! + 950);
		expect(during).toEqual([]);
		expect(product.sb.messages).toHaveLength(4);
	});

	it('an allow-listed (unlimited) token is not paced: every worker sends at once', async () => {
		product.sb.configure({ latencyMs: 60 });
		const result = await product.send({ ...byPhone, options: { concurrency: 5 } }, { items: items(20), credentials: { apiToken: product.sb.v2Tokens.allowListed } });
		expect(result.error).toBeUndefined();
		expect(product.sb.messages).toHaveLength(20);
		expect(product.sb.stats.maxInFlight).toBe(5);
		expect(product.sb.rateLimited).toEqual([]);
	});

	it("a token's budget above the requests in flight does not slow the send", async () => {
		product.sb.configure({ latencyMs: 60 });
		const token = product.sb.addV2Token({ limit: 100 });
		await product.send({ ...byPhone, options: { concurrency: 4 } }, { items: items(12), credentials: { apiToken: token } });
		expect(product.sb.stats.maxInFlight).toBe(4);
		expect(product.sb.rateLimited).toEqual([]);
	});
});
