/** API v2's limiter: one fixed window per token, the X-RateLimit-* headers, 429 with Retry-After, allow-listed tokens. */
import { PLAIN, send, sleep, useSandbox } from './helpers';
import { V2_PLAIN, envelopeError, rateHeaders, v2Get, v2Send } from './v2helpers';

const ref = useSandbox();
const nowSeconds = () => Math.floor(Date.now() / 1000);

test('every answer from the limiter on: Limit, Remaining counting down, Window 60, Reset = now + 60 (not the window end)', async () => {
	const { sb } = ref;
	const first = await v2Send(sb, V2_PLAIN);
	const h = rateHeaders(first);
	expect(Object.keys(h).sort()).toEqual(['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'x-ratelimit-window']);
	expect([h['x-ratelimit-limit'], h['x-ratelimit-remaining'], h['x-ratelimit-window']]).toEqual(['60', '59', '60']);
	expect(Number(h['x-ratelimit-reset']) - nowSeconds()).toBeGreaterThanOrEqual(59);
	await sleep(1100);
	// A second later the window's end is unchanged, but Reset has moved on: it is always now + 60.
	const later = rateHeaders(await v2Get(sb, 'templates?per_page=1'));
	expect(later['x-ratelimit-remaining']).toBe('58');
	expect(Number(later['x-ratelimit-reset'])).toBeGreaterThan(Number(h['x-ratelimit-reset']));
	// Refusals after the limiter carry the headers too, and count.
	const refused = await v2Send(sb, { ...V2_PLAIN, template_name: 'nope' });
	expect([refused.status, rateHeaders(refused)['x-ratelimit-remaining']]).toEqual([404, '57']);
});

test('the 429: Retry-After, meta.retry_after and the message carry the true rest of the window; nothing is sent', async () => {
	const { sb } = ref;
	const token = sb.addV2Token({ limit: 3 });
	for (let i = 0; i < 3; i++) expect((await v2Send(sb, V2_PLAIN, { token })).status).toBe(200);
	const r = await v2Send(sb, V2_PLAIN, { token });
	expect(r.status).toBe(429);
	const n = r.data.meta.retry_after;
	expect([59, 60]).toContain(n);
	expect(r.data).toEqual({ ...envelopeError('RATE_LIMIT_EXCEEDED', `Too many requests. Please try again in ${n} seconds.`), meta: { ...r.data.meta, retry_after: n } });
	const h = rateHeaders(r);
	expect([h['retry-after'], h['x-ratelimit-limit'], h['x-ratelimit-remaining']]).toEqual([String(n), '3', '0']);
	expect(Number(h['x-ratelimit-reset']) - nowSeconds()).toBeLessThanOrEqual(n);
	expect(sb.messages).toHaveLength(3);
	expect(sb.rateLimited).toEqual([{ api: 'v2', at: expect.any(Number), token, windowStart: expect.any(Number), retryAfter: n, seq: 4 }]);
});

test('a fixed window from the first counted request (config v2WindowMs); a 429 is not counted; Window and Reset follow it', async () => {
	const { sb } = ref;
	sb.configure({ v2WindowMs: 1500 });
	const token = sb.addV2Token({ limit: 2 });
	const t0 = Date.now();
	const statuses = [];
	for (let i = 0; i < 4; i++) statuses.push((await v2Send(sb, V2_PLAIN, { token })).status);
	expect(statuses).toEqual([200, 200, 429, 429]);
	expect(sb.rateLimited.map((x) => x.retryAfter)).toEqual([2, 2]);
	const window = sb.rateLimited[0].windowStart;
	expect(window).toBeGreaterThanOrEqual(t0);
	// Wait from the window's own start (the first counted request), not from t0: on a busy machine
	// the first request may arrive well after t0.
	await sleep(Math.max(0, window + 1550 - Date.now()));
	const next = await v2Send(sb, V2_PLAIN, { token });
	expect([next.status, rateHeaders(next)['x-ratelimit-remaining'], rateHeaders(next)['x-ratelimit-window']]).toEqual([200, '1', '2']);
	expect((await v2Send(sb, V2_PLAIN, { token })).status).toBe(200);
	expect((await v2Send(sb, V2_PLAIN, { token })).status).toBe(429);
	// Two windows, two 429s in the first and one in the second: countable per window.
	const perWindow = new Map<number, number>();
	for (const x of sb.rateLimited) perWindow.set(x.windowStart, (perWindow.get(x.windowStart) ?? 0) + 1);
	expect([...perWindow.values()]).toEqual([2, 1]);
	expect(() => sb.configure({ v2WindowMs: 0 })).toThrow(/v2WindowMs/);
});

test('one bucket per token, across every route; a scope refusal counts; 401s and IP refusals do not', async () => {
	const { sb } = ref;
	const a = sb.addV2Token({ limit: 2, scopes: ['messages:send'] });
	const b = sb.addV2Token({ limit: 2 });
	expect((await v2Get(sb, 'templates', { token: a })).status).toBe(403);
	expect((await v2Send(sb, V2_PLAIN, { token: a })).status).toBe(200);
	expect((await v2Send(sb, V2_PLAIN, { token: a })).status).toBe(429);
	expect((await v2Get(sb, 'templates', { token: b })).status).toBe(200);
	expect((await v2Send(sb, V2_PLAIN, { token: b })).status).toBe(200);
	for (let i = 0; i < 5; i++) await v2Send(sb, V2_PLAIN, { token: sb.v2Tokens.revoked });
	expect(sb.rateLimited.map((x) => x.token)).toEqual([a]);
});

test('an allow-listed token is never limited: unlimited, Whitelisted true, no Window or Reset', async () => {
	const { sb } = ref;
	sb.updateV2Token('allowListed', { limit: 1 });
	for (let i = 0; i < 5; i++) {
		const r = await v2Send(sb, V2_PLAIN, { token: sb.v2Tokens.allowListed });
		expect([r.status, rateHeaders(r)]).toEqual([200, { 'x-ratelimit-limit': 'unlimited', 'x-ratelimit-remaining': 'unlimited', 'x-ratelimit-whitelisted': 'true' }]);
	}
	const scope = await v2Get(sb, 'templates', { token: sb.addV2Token({ ipAllowList: ['127.0.0.1'], scopes: [] }) });
	expect([scope.status, rateHeaders(scope)['x-ratelimit-whitelisted']]).toEqual([403, 'true']);
	expect(sb.rateLimited).toEqual([]);
});

test('v1 and v2 count apart; v1 429s are logged too; reset() clears the windows and the log', async () => {
	const { sb } = ref;
	sb.configure({ rateLimit: { max: 1, windowMs: 60_000 } });
	const token = sb.addV2Token({ limit: 1 });
	expect((await send(sb, PLAIN)).status).toBe(200);
	expect((await v2Send(sb, V2_PLAIN, { token })).status).toBe(200);
	expect((await send(sb, PLAIN)).status).toBe(429);
	expect((await v2Send(sb, V2_PLAIN, { token })).status).toBe(429);
	expect(sb.rateLimited.map((x) => [x.api, x.token])).toEqual([['v1', sb.tokens.send], ['v2', token]]);
	sb.reset();
	expect(sb.rateLimited).toEqual([]);
	const again = await v2Send(sb, V2_PLAIN);
	expect(rateHeaders(again)['x-ratelimit-remaining']).toBe('59');
});
