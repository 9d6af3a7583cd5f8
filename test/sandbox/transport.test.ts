/** The sandbox as a test instrument: request log, in-flight counting, latency, reset, options. */
import axios from 'axios';
import { DEMO_TOKENS, startSandbox } from '.';
import { ORDER, PLAIN, apiUrl, send, useSandbox } from './helpers';

const ref = useSandbox();

test('the request log records what the node sent, Accept included', async () => {
	const { sb } = ref;
	await send(sb, ORDER, { headers: { Accept: 'text/html', 'X-Trace': 't1' } });
	const [r] = sb.requests;
	expect(r).toMatchObject({
		seq: 1, method: 'POST', path: '/api/v1/acme/messages/template', query: {}, route: 'messages.template',
		contentType: 'application/json', authorization: `Bearer ${sb.tokens.send}`, accept: 'text/html',
		fields: ORDER, files: [], status: 200, fault: null, error: null,
	});
	expect(r.headers['x-trace']).toBe('t1');
	expect(r.response.status).toBe('success');
	expect(r.endedAt).toBeGreaterThanOrEqual(r.startedAt);
});

test('maxInFlight counts concurrent requests; latencyMs does not serialize them', async () => {
	const { sb } = ref;
	sb.configure({ latencyMs: 200 });
	const t = Date.now();
	const rs = await Promise.all(Array.from({ length: 6 }, () => send(sb, PLAIN)));
	expect(rs.every((r) => r.status === 200)).toBe(true);
	expect(Date.now() - t).toBeLessThan(900);
	expect(sb.stats).toMatchObject({ maxInFlight: 6, inFlight: 0, total: 6, accepted: 6 });
	for (const r of sb.requests) expect(r.endedAt! - r.startedAt).toBeGreaterThanOrEqual(190);
	sb.reset();
	sb.configure({ latencyMs: 0 });
	for (let i = 0; i < 3; i++) await send(sb, PLAIN);
	expect(sb.stats).toMatchObject({ maxInFlight: 1, total: 3 });
	expect(sb.requests.map((r) => r.seq)).toEqual([1, 2, 3]);
});

test('reset() clears the run and keeps the configuration', async () => {
	const { sb } = ref;
	sb.configure({ acceptJpg: false, invalidTenantStatus: 400 });
	sb.injectFault({ kind: 'system500', times: 3 });
	await send(sb, PLAIN);
	const requests = sb.requests;
	sb.reset();
	expect(sb.requests).toBe(requests);
	expect([sb.requests.length, sb.messages.length, sb.pendingFaults.length]).toEqual([0, 0, 0]);
	expect(sb.stats).toEqual({ inFlight: 0, maxInFlight: 0, total: 0, accepted: 0, noAnswer: 0, byStatus: {}, overwrittenUploads: 0 });
	expect(sb.config).toEqual({ latencyMs: 0, rateLimit: null, acceptJpg: false, invalidTenantStatus: 400, v2WindowMs: 60000, v2UnknownFields: 'refuse', v2ButtonsData: 'string', v2ShowWrapped: true, serviceWindowMs: 86_400_000,
		platformVersion: '2.2.0', autoLead: { enabled: true, statusId: 1, sourceId: 2, assignedTo: null }, contactQuota: null,
	});
});

test('configure() checks its values', () => {
	const { sb } = ref;
	expect(() => sb.configure({ latencyMs: -1 })).toThrow(/latencyMs/);
	expect(() => sb.configure({ invalidTenantStatus: 404 as 400 })).toThrow(/invalidTenantStatus/);
	expect(() => sb.configure({ acceptJpg: 'no' as unknown as boolean })).toThrow(/acceptJpg/);
	expect(sb.config.invalidTenantStatus).toBe(500);
});

test('HEAD is answered on GET routes, as Laravel does', async () => {
	const r = await axios.head(apiUrl(ref.sb, 'templates'), { headers: { Authorization: `Bearer ${ref.sb.tokens.send}` } });
	expect(r.status).toBe(200);
});

test('tokens: random per instance unless given; DEMO_TOKENS are stable (stock 64-hex and apitk_ forms)', async () => {
	const { sb } = ref;
	expect(sb.tokens.send).toMatch(/^[0-9a-f]{64}$/);
	expect(new Set(Object.values(sb.tokens)).size).toBe(4);
	expect(sb.tokens.contactsReadOnly).toMatch(/^apitk_/);
	expect(DEMO_TOKENS.send).toMatch(/^[0-9a-f]{64}$/);
	expect(DEMO_TOKENS.noSend).toMatch(/^apitk_/);
	const fixed = await startSandbox({ tokens: { send: 'apitk_fixed' }, latencyMs: 5, acceptJpg: false, invalidTenantStatus: 400 });
	try {
		expect(fixed.tokens.send).toBe('apitk_fixed');
		expect(fixed.tokens.noSend).not.toBe(sb.tokens.noSend);
		expect(fixed.config).toEqual({ latencyMs: 5, rateLimit: null, acceptJpg: false, invalidTenantStatus: 400, v2WindowMs: 60000, v2UnknownFields: 'refuse', v2ButtonsData: 'string', v2ShowWrapped: true, serviceWindowMs: 86_400_000,
		platformVersion: '2.2.0', autoLead: { enabled: true, statusId: 1, sourceId: 2, assignedTo: null }, contactQuota: null,
	});
		expect((await send(fixed, PLAIN)).status).toBe(200);
	} finally {
		await fixed.close();
	}
});
