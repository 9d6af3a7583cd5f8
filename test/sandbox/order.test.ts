/** The platform's checks, one status each, and the order they run in. */
import axios from 'axios';
import { startSandbox, ROUTES, SUBDOMAIN } from '.';
import { PLAIN, apiUrl, get, send, useSandbox } from './helpers';

const ref = useSandbox();

describe('one status per check', () => {
	test('404 JSON for a route the platform does not have (also outside /api/v1)', async () => {
		const { sb } = ref;
		const r = await send(sb, PLAIN, { subdomain: `${sb.subdomain}/messages` });
		expect([r.status, r.data]).toEqual([404, { message: `The route api/v1/acme/messages/messages/template could not be found.` }]);
		const old = await axios.post(`${sb.baseUrl}/api/v1/messages/send`, PLAIN, { validateStatus: () => true });
		expect(old.status).toBe(404);
		const slash = await get(sb, 'templates/');
		expect(slash.status).toBe(404);
		expect(sb.requests.map((q) => q.route)).toEqual([null, null, null]);
	});

	test('405 with Allow for another method on a known route', async () => {
		const { sb } = ref;
		const r = await axios.get(apiUrl(sb, 'messages/template'), { validateStatus: () => true });
		expect([r.status, r.headers.allow]).toEqual([405, 'POST']);
		expect(r.data.message).toMatch(/The GET method is not supported for route api\/v1\/acme\/messages\/template/);
		const del = await axios.delete(apiUrl(sb, 'templates'), { validateStatus: () => true });
		expect([del.status, del.headers.allow]).toEqual([405, 'GET']);
	});

	test.each([500, 400] as const)('%i with a string `errors` for an unknown workspace', async (status) => {
		const { sb } = ref;
		sb.configure({ invalidTenantStatus: status });
		const r = await send(sb, PLAIN, { subdomain: 'nobody' });
		expect([r.status, r.data]).toEqual([status, { status: 'error', message: 'Validation failed', errors: 'Invalid tenant subdomain' }]);
		expect(sb.config.invalidTenantStatus).toBe(status);
	});

	test('404 when the workspace never set its API up', async () => {
		const r = await get(ref.sb, 'templates', { subdomain: 'noapi' });
		expect([r.status, r.data]).toEqual([404, { status: 'error', message: 'API settings not found for this tenant' }]);
	});

	test('403 when the workspace disabled its API', async () => {
		const r = await send(ref.sb, PLAIN, { subdomain: 'disabled' });
		expect([r.status, r.data]).toEqual([403, { status: 'error', message: 'API access is disabled' }]);
	});

	test('401 "API token is required" without a bearer token', async () => {
		const { sb } = ref;
		for (const headers of [{}, { Authorization: 'Bearer ' }, { Authorization: `Token ${sb.tokens.send}` }] as Record<string, string>[]) {
			const r = await send(sb, PLAIN, { token: null, headers });
			expect([r.status, r.data]).toEqual([401, { status: 'error', message: 'API token is required' }]);
		}
	});

	test('401 "Invalid API token" for a token the workspace does not have; recorded with the raw header', async () => {
		const { sb } = ref;
		const r = await send(sb, PLAIN, { token: 'apitk_nope' });
		expect([r.status, r.data]).toEqual([401, { status: 'error', message: 'Invalid API token' }]);
		expect(sb.requests[0]).toMatchObject({ authorization: 'Bearer apitk_nope', route: 'messages.template', fields: PLAIN });
	});

	test('403 for a missing ability, per route', async () => {
		const { sb } = ref;
		const noSend = await send(sb, PLAIN, { token: sb.tokens.noSend });
		expect([noSend.status, noSend.data]).toEqual([403, { status: 'error', message: 'Token does not have the required ability: messages.send' }]);
		const noTemplates = await get(sb, 'templates', { token: sb.tokens.noTemplates });
		expect(noTemplates.data).toEqual({ status: 'error', message: 'Token does not have the required ability: templates.read' });
		expect((await get(sb, 'templates', { token: sb.tokens.noSend })).status).toBe(200);
		expect((await send(sb, PLAIN, { token: sb.tokens.noTemplates })).status).toBe(200);
	});

	test('429 after the limit', async () => {
		const { sb } = ref;
		sb.configure({ rateLimit: { max: 1, windowMs: 60_000 } });
		expect((await send(sb, PLAIN)).status).toBe(200);
		const r = await send(sb, PLAIN);
		expect([r.status, r.data]).toEqual([429, { message: 'Too many requests', retry_after: 60 }]);
	});

	test('415 for a body that is neither JSON nor multipart; an empty one is an empty form (422)', async () => {
		const { sb } = ref;
		const text = await send(sb, 'phone_number=1', { headers: { 'Content-Type': 'text/plain' } });
		expect([text.status, text.data]).toEqual([415, { status: 'error', message: 'Unsupported content type' }]);
		const empty = await send(sb, undefined);
		expect(empty.status).toBe(422);
		expect(Object.keys(empty.data.errors).sort()).toEqual(['phone_number', 'template_language', 'template_name']);
		expect(sb.requests[1].fields).toEqual({});
	});

	test('then the endpoint validates (422)', async () => {
		const r = await send(ref.sb, { ...PLAIN, phone_number: '12' });
		expect(r.status).toBe(422);
	});
});

describe('the order', () => {
	test('each check wins over every later one', async () => {
		const { sb } = ref;
		sb.configure({ rateLimit: { max: 1, windowMs: 60_000 } });
		const bad = { phone_number: 'x' };
		const status = async (p: Promise<{ status: number }>) => (await p).status;
		expect(await status(send(sb, bad, { subdomain: 'nobody', token: null }))).toBe(500);
		expect(await status(send(sb, bad, { subdomain: 'noapi', token: 'wrong' }))).toBe(404);
		expect(await status(send(sb, bad, { subdomain: 'disabled', token: null }))).toBe(403);
		expect(await status(send(sb, bad, { token: null }))).toBe(401);
		expect(await status(send(sb, bad, { token: 'wrong' }))).toBe(401);
		expect(await status(send(sb, bad, { token: sb.tokens.noSend }))).toBe(403);
		expect(await status(send(sb, bad))).toBe(422); // counted: opens the window
		expect(await status(send(sb, bad, { headers: { 'Content-Type': 'text/plain' } }))).toBe(429);
		// Refusals before the rate limit do not count against it.
		expect(sb.requests.map((r) => r.status)).toEqual([500, 404, 403, 401, 401, 403, 422, 429]);
	});

	test('refusals decided on arrival are answered after the whole body was read', async () => {
		const { sb } = ref;
		const body = { ...PLAIN, field_1: 'x'.repeat(300_000) };
		const r = await send(sb, body, { token: 'wrong' });
		expect(r.status).toBe(401);
		expect(sb.requests[0].fields).toEqual(body);
	});
});

describe('routes and the prefix option', () => {
	test('ROUTES is the sandbox own table; requests record the route', async () => {
		// The contact routes after these: contacts-v1.test.ts.
		expect(ROUTES.slice(0, 5).map((r) => [r.name, r.method, r.path, r.ability])).toEqual([
			['templates.list', 'GET', 'templates', 'templates.read'],
			['templates.show', 'GET', 'templates/{id}', 'templates.read'],
			['messages.template', 'POST', 'messages/template', 'messages.send'],
			['messages.send', 'POST', 'messages/send', 'messages.send'],
			['messages.media', 'POST', 'messages/media', 'messages.send'],
		]);
		const { sb } = ref;
		await get(sb, 'templates');
		await get(sb, 'templates/101');
		await send(sb, PLAIN);
		expect(sb.requests.map((r) => r.route)).toEqual(['templates.list', 'templates.show', 'messages.template']);
		expect(sb.subdomain).toBe(SUBDOMAIN);
	});

	test('with a prefix, the platform lives under it and nowhere else', async () => {
		const sb = await startSandbox({ prefix: '/waba' });
		try {
			expect(sb.baseUrl).toBe(`http://127.0.0.1:${sb.port}/waba`);
			expect((await send(sb, PLAIN)).status).toBe(200);
			const bare = await axios.post(`http://127.0.0.1:${sb.port}/api/v1/acme/messages/template`, PLAIN, {
				headers: { Authorization: `Bearer ${sb.tokens.send}` },
				validateStatus: () => true,
			});
			expect(bare.status).toBe(404);
			expect(sb.requests.map((r) => r.path)).toEqual(['/waba/api/v1/acme/messages/template', '/api/v1/acme/messages/template']);
		} finally {
			await sb.close();
		}
		await expect(startSandbox({ prefix: '/waba/' })).rejects.toThrow(/prefix/);
	});
});
