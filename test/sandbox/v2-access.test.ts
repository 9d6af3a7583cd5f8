/** API v2: where it lives, the envelope, and the token checks in the platform's order. */
import axios from 'axios';
import { startSandbox, V2_DEMO_TOKENS, V2_ROUTES, V2_SCOPES } from '.';
import { PLAIN, apiUrl, send, useSandbox } from './helpers';
import { META, V2_PLAIN, envelopeError, rateHeaders, v2Get, v2Send, v2Url } from './v2helpers';

const ref = useSandbox();
const TOKEN = /^wm_[A-Za-z0-9]{60}$/;

describe('the check order: each step, one answer', () => {
	test('no token: 401 AUTHENTICATION_REQUIRED (also `Bearer` with nothing after it)', async () => {
		const { sb } = ref;
		for (const headers of [{}, { Authorization: 'Bearer ' }, { Authorization: 'Basic abc' }] as Record<string, string>[]) {
			const r = await v2Get(sb, 'templates', { token: null, headers });
			expect([r.status, r.data]).toEqual([401, envelopeError('AUTHENTICATION_REQUIRED', 'API token is required. Please provide a valid token in the Authorization header.')]);
			expect(rateHeaders(r)).toEqual({});
		}
	});

	test('unknown token: 401 INVALID_TOKEN, where a v1 token lands (either v1 shape); a query token is not read', async () => {
		const { sb } = ref;
		for (const token of [sb.tokens.send, sb.tokens.noSend, `wm_${'x'.repeat(60)}`]) {
			const r = await v2Get(sb, 'templates', { token });
			expect([r.status, r.data]).toEqual([401, envelopeError('INVALID_TOKEN', 'The provided API token is invalid.')]);
		}
		const query = await v2Get(sb, `templates?api_token=${sb.v2Tokens.send}`, { token: null });
		expect(query.data.error.code).toBe('AUTHENTICATION_REQUIRED');
	});

	test('revoked, expired, IP not allowed: 401, 401, 403 with the IP named; no rate-limit headers, not counted', async () => {
		const { sb } = ref;
		const rows: [string, number, string, string][] = [
			[sb.v2Tokens.revoked, 401, 'TOKEN_REVOKED', 'The API token has been revoked.'],
			[sb.v2Tokens.expired, 401, 'TOKEN_EXPIRED', 'The API token has expired.'],
			[sb.v2Tokens.ipBlocked, 403, 'IP_NOT_WHITELISTED', 'Your IP address (127.0.0.1) is not whitelisted for this API token.'],
		];
		for (const [token, status, code, message] of rows) {
			const r = await v2Send(sb, V2_PLAIN, { token });
			expect([r.status, r.data, rateHeaders(r)]).toEqual([status, envelopeError(code, message), {}]);
		}
		expect(sb.v2TokenList.filter((t) => t.lastUsedAt !== null)).toEqual([]);
		expect(sb.messages).toHaveLength(0);
	});

	test('a missing scope: 403 INSUFFICIENT_SCOPE naming it, after the limiter (headers, counted)', async () => {
		const { sb } = ref;
		const noSend = await v2Send(sb, V2_PLAIN, { token: sb.v2Tokens.noSend });
		const message = (scope: string) => `Your API token does not have the required permissions for this action. Required scope: ${scope}`;
		expect([noSend.status, noSend.data]).toEqual([403, envelopeError('INSUFFICIENT_SCOPE', message('messages:send'))]);
		expect(rateHeaders(noSend)['x-ratelimit-remaining']).toBe('59');
		const noTemplates = await v2Get(sb, 'templates', { token: sb.v2Tokens.noTemplates });
		expect([noTemplates.status, noTemplates.data.error.message]).toEqual([403, message('templates:read')]);
		expect((await v2Get(sb, 'templates/1200000000799819', { token: sb.v2Tokens.noTemplates })).status).toBe(403);
		expect((await v2Get(sb, 'templates', { token: sb.v2Tokens.full })).status).toBe(200);
	});

	test('the order itself: a revoked token with no scope is TOKEN_REVOKED; an expired, IP-blocked one is TOKEN_EXPIRED', async () => {
		const { sb } = ref;
		const both = sb.addV2Token({ scopes: [], revoked: true, expiresAt: 0, ipAllowList: ['203.0.113.1'] });
		expect((await v2Send(sb, V2_PLAIN, { token: both })).data.error.code).toBe('TOKEN_REVOKED');
		sb.updateV2Token(both, { revoked: false });
		expect((await v2Send(sb, V2_PLAIN, { token: both })).data.error.code).toBe('TOKEN_EXPIRED');
		sb.updateV2Token(both, { expiresAt: null });
		expect((await v2Send(sb, V2_PLAIN, { token: both })).data.error.code).toBe('IP_NOT_WHITELISTED');
		sb.updateV2Token(both, { ipAllowList: null });
		expect((await v2Send(sb, V2_PLAIN, { token: both })).data.error.code).toBe('INSUFFICIENT_SCOPE');
		sb.updateV2Token(both, { scopes: ['messages:send'] });
		expect((await v2Send(sb, V2_PLAIN, { token: both })).status).toBe(200);
	});

	test('a token that expires later passes; the token is matched exactly (case counts)', async () => {
		const { sb } = ref;
		const later = sb.addV2Token({ expiresAt: new Date(Date.now() + 3_600_000) });
		expect((await v2Send(sb, V2_PLAIN, { token: later })).status).toBe(200);
		const upper = `wm_${sb.v2Tokens.send.slice(3).toUpperCase()}`;
		if (upper !== sb.v2Tokens.send) expect((await v2Send(sb, V2_PLAIN, { token: upper })).data.error.code).toBe('INVALID_TOKEN');
	});
});

describe('the envelope', () => {
	test('a fresh request_id every answer, never taken from the request', async () => {
		const { sb } = ref;
		const headers = { 'X-Request-Id': 'fixed', 'Idempotency-Key': 'fixed' };
		const answers = await Promise.all([0, 1, 2].map(() => v2Send(sb, V2_PLAIN, { headers })));
		const ids = answers.map((r) => r.data.meta.request_id);
		expect(new Set(ids).size).toBe(3);
		for (const r of answers) expect(r.data.meta).toEqual(META);
		expect(sb.messages).toHaveLength(3);
	});

	test('unknown route or method: Laravel 404/405 outside the envelope, JSON for a JSON client, HTML otherwise, no headers', async () => {
		const { sb } = ref;
		const json = await v2Get(sb, 'contacts/1/notes');
		expect([json.status, json.data]).toEqual([404, { message: 'The route api/v2/contacts/1/notes could not be found.' }]);
		const html = await v2Get(sb, 'templates/', { accept: 'text/html' });
		expect([html.status, html.headers['content-type']]).toEqual([404, 'text/html; charset=UTF-8']);
		expect(html.data).toContain('Not Found');
		const method = await axios.delete(v2Url(sb, 'messages/template'), { validateStatus: () => true, headers: { Accept: 'application/json', Authorization: `Bearer ${sb.v2Tokens.send}` } });
		expect([method.status, method.headers.allow, method.data.message]).toEqual([405, 'POST', 'The DELETE method is not supported for route api/v2/messages/template. Supported methods: POST.']);
		expect(rateHeaders(method)).toEqual({});
		expect(sb.requests.map((r) => [r.api, r.route])).toEqual([['v2', null], ['v2', null], ['v2', null]]);
	});

	test('the route table', () => {
		// The contact routes after these: v2-contacts.test.ts.
		expect(V2_ROUTES.slice(0, 6).map((r) => [r.method, r.path, r.scope])).toEqual([
			['GET', 'templates', 'templates:read'],
			['GET', 'templates/{template_id}', 'templates:read'],
			['POST', 'messages/template', 'messages:send'],
			['POST', 'messages/text', 'messages:send'],
			['POST', 'messages/media', 'messages:send'],
			['POST', 'messages/interactive', 'messages:send'],
		]);
		expect(V2_SCOPES).toContain('*');
		expect(V2_SCOPES).toHaveLength(16);
	});
});

describe('which API generations a workspace offers', () => {
	test('both by default, one origin: v1 under /api/v1/{subdomain}/, v2 under /api/v2/ with its own tokens', async () => {
		const { sb } = ref;
		expect(sb.apis).toEqual(['v1', 'v2']);
		expect((await send(sb, PLAIN)).status).toBe(200);
		expect((await v2Send(sb, V2_PLAIN)).status).toBe(200);
		// A v2 token on v1 is just an unknown token there.
		expect((await send(sb, PLAIN, { token: sb.v2Tokens.send })).data).toEqual({ status: 'error', message: 'Invalid API token' });
		expect(sb.messages.map((m) => m.api)).toEqual(['v1', 'v2']);
		expect(sb.requests.map((r) => r.api)).toEqual(['v1', 'v2', 'v1']);
	});

	test('v1 only: a v2 path is a route the platform does not have (JSON 404, or HTML), as before 2.2.0', async () => {
		const old = await startSandbox({ apis: ['v1'] });
		try {
			const json = await v2Get(old, 'templates?per_page=1');
			expect([json.status, json.data]).toEqual([404, { message: 'The route api/v2/templates could not be found.' }]);
			const html = await v2Get(old, 'templates?per_page=1', { accept: 'text/html,application/xhtml+xml' });
			expect([html.status, html.headers['content-type']]).toEqual([404, 'text/html; charset=UTF-8']);
			expect(rateHeaders(json)).toEqual({});
			expect((await send(old, PLAIN)).status).toBe(200);
		} finally {
			await old.close();
		}
	});

	test('v2 only: v1 paths are gone the same way; v2 works', async () => {
		const next = await startSandbox({ apis: ['v2'] });
		try {
			const r = await send(next, PLAIN);
			expect([r.status, r.data]).toEqual([404, { message: `The route ${apiUrl(next, 'messages/template').split('/').slice(3).join('/')} could not be found.` }]);
			expect((await v2Send(next, V2_PLAIN)).status).toBe(200);
			expect(() => next.injectFault({ kind: 'drop', api: 'v1' })).toThrow(/api must be one this sandbox serves/);
		} finally {
			await next.close();
		}
		await expect(startSandbox({ apis: [] })).rejects.toThrow(/apis/);
	});
});

describe('tokens', () => {
	test('the default set is `wm_` + 60 letters and digits, random per instance; demo tokens stable; a fixed value may be given', async () => {
		const { sb } = ref;
		expect(Object.keys(sb.v2Tokens).sort()).toEqual(['allowListed', 'expired', 'full', 'ipBlocked', 'noSend', 'noTemplates', 'revoked', 'send']);
		for (const t of [...Object.values(sb.v2Tokens), ...Object.values(V2_DEMO_TOKENS)]) expect(t).toMatch(TOKEN);
		const fixed = await startSandbox({ v2Tokens: { send: V2_DEMO_TOKENS.send, bulk: { limit: 5000, scopes: ['*'] } } });
		try {
			expect(fixed.v2Tokens.send).toBe(V2_DEMO_TOKENS.send);
			expect(fixed.v2Tokens.noSend).not.toBe(sb.v2Tokens.noSend);
			expect(fixed.v2TokenList.find((t) => t.name === 'bulk')).toMatchObject({ limit: 5000, scopes: ['*'], token: expect.stringMatching(TOKEN) });
			fixed.reset();
			expect((await v2Send(fixed, V2_PLAIN, { token: fixed.v2Tokens.bulk })).status).toBe(200);
		} finally {
			await fixed.close();
		}
		await expect(startSandbox({ v2Tokens: { send: 'apitk_nope' } })).rejects.toThrow(/wm_/);
		expect(() => sb.addV2Token({ scopes: ['tokens:manage' as never] })).toThrow(/scopes/);
	});

	test('added and changed tokens last until reset(); the last use is recorded', async () => {
		const { sb } = ref;
		const added = sb.addV2Token({ name: 'tmp' });
		sb.updateV2Token('send', { revoked: true });
		expect((await v2Send(sb, V2_PLAIN)).data.error.code).toBe('TOKEN_REVOKED');
		expect((await v2Send(sb, V2_PLAIN, { token: added })).status).toBe(200);
		expect(sb.v2TokenList.find((t) => t.token === added)).toMatchObject({ name: 'tmp', lastUsedIp: '127.0.0.1', lastUsedAt: expect.any(Number) });
		sb.reset();
		expect((await v2Send(sb, V2_PLAIN)).status).toBe(200);
		expect((await v2Send(sb, V2_PLAIN, { token: added })).data.error.code).toBe('INVALID_TOKEN');
		expect(() => sb.updateV2Token(added, { revoked: true })).toThrow(/no token/);
	});
});
