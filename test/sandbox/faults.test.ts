/** Every fault kind, exactly as answered, and when faults apply. */
import axios from 'axios';
import { FAULT_KINDS, FaultKind, startSandbox } from '.';
import { PLAIN, apiUrl, form, get, send, eventually, sleep, useSandbox } from './helpers';

const ref = useSandbox();
const NEW_PHONE = { ...PLAIN, phone_number: '4917000000099' };
const W132000 = '(#132000) Number of parameters does not match the expected number of params';

test('FAULT_KINDS', () => {
	expect([...FAULT_KINDS].sort()).toEqual([
		'conversationLimit403', 'drop', 'dropMidUpload', 'hang', 'html502', 'latency', 'noMessageId200', 'nonJson200',
		'notConnected503', 'optedOut403', 'statusError200', 'system500', 'tooLarge413', 'whatsapp500',
	]);
	expect(() => ref.sb.injectFault({ kind: '500' as FaultKind })).toThrow(/kind must be one of/);
	expect(() => ref.sb.injectFault({ kind: 'respond', status: 99, body: {} })).toThrow(/status/);
});

describe('faults that answer', () => {
	const answers: [FaultKind, number, RegExp, unknown][] = [
		['html502', 502, /^text\/html/, expect.stringContaining('<center><h1>502 Bad Gateway</h1></center>')],
		['tooLarge413', 413, /^text\/html/, expect.stringContaining('413 Request Entity Too Large')],
		['nonJson200', 200, /^text\/html/, '<html><body>OK</body></html>'],
		['statusError200', 200, /^application\/json$/, { status: 'error', message: 'Failed to send template' }],
		['system500', 500, /^application\/json$/, { status: 'error', message: 'internal_server_error', errors: { system: ['An error occurred while sending the template message'] } }],
		['whatsapp500', 500, /^application\/json$/, { status: 'error', message: W132000, errors: { whatsapp: [W132000] } }],
		['notConnected503', 503, /^application\/json$/, { status: 'error', message: 'whatsapp_not_connected' }],
		['optedOut403', 403, /^application\/json$/, { status: 'error', message: 'Contact has opted out of receiving messages', error_code: 'CONTACT_OPTED_OUT' }],
		['conversationLimit403', 403, /^application\/json$/, { status: 'error', message: 'Conversation limit reached. Please upgrade your plan to continue messaging.', limit_reached: true }],
	];
	test.each(answers)('%s answers %i; the message is not accepted; a refused request does not consume it', async (kind, status, type, body) => {
		const { sb } = ref;
		sb.injectFault({ kind });
		expect((await send(sb, { ...PLAIN, phone_number: '12' })).status).toBe(422);
		expect((await get(sb, 'templates')).status).toBe(200);
		const r = await send(sb, PLAIN);
		expect(r.status).toBe(status);
		expect(r.headers['content-type']).toMatch(type);
		expect(r.data).toEqual(body);
		expect(sb.messages).toHaveLength(0);
		expect(sb.requests[2].fault).toBe(kind);
		expect((await send(sb, PLAIN)).status).toBe(200);
	});

	test('noMessageId200: the success envelope with whatsapp_response [] (the contact was created)', async () => {
		const { sb } = ref;
		sb.injectFault({ kind: 'noMessageId200' });
		const r = await send(sb, NEW_PHONE);
		expect(r.status).toBe(200);
		expect(r.data).toMatchObject({ status: 'success', message: 'Template sent successfully', data: { whatsapp_response: [], media_info: null, contact: { created: true } } });
		expect(sb.messages).toHaveLength(0);
		expect(sb.stats.accepted).toBe(0);
	});

	test('respond: any status, JSON or raw body, headers', async () => {
		const { sb } = ref;
		sb.injectFault({ kind: 'respond', status: 429, body: { message: 'too_many_requests', retry_after: 7 }, headers: { 'Retry-After': '9' } });
		sb.injectFault({ kind: 'respond', status: 504, body: 'Gateway Timeout', contentType: 'text/plain' });
		const a = await send(sb, PLAIN);
		expect([a.status, a.data, a.headers['retry-after']]).toEqual([429, { message: 'too_many_requests', retry_after: 7 }, '9']);
		const b = await send(sb, PLAIN);
		expect([b.status, b.data, b.headers['content-type']]).toEqual([504, 'Gateway Timeout', 'text/plain']);
		expect(sb.requests.map((r) => r.fault)).toEqual(['respond', 'respond']);
	});

	test('redirect: a 3xx with Location on arrival, before any check, for the route named (default: any)', async () => {
		const { sb } = ref;
		const noFollow = { config: { maxRedirects: 0 } };
		sb.injectFault({ kind: 'redirect', status: 308, location: 'https://elsewhere.example/api', match: { route: 'templates.list' } });
		expect(sb.pendingFaults).toEqual([{ api: 'v1', kind: 'redirect', remaining: 1, ms: 0, phone: undefined, route: 'templates.list' }]);
		expect((await send(sb, PLAIN, noFollow)).status).toBe(200);
		const list = await get(sb, 'templates', { token: null, ...noFollow });
		expect([list.status, list.headers.location, list.headers['content-type']]).toEqual([308, 'https://elsewhere.example/api', 'text/html; charset=UTF-8']);
		expect(list.data).toContain('308 Permanent Redirect');
		sb.injectFault({ kind: 'redirect', status: 301, location: '/moved' });
		expect((await send(sb, PLAIN, noFollow)).status).toBe(301);
		expect(sb.requests.map((r) => [r.route, r.fault])).toEqual([['messages.template', null], ['templates.list', 'redirect'], ['messages.template', 'redirect']]);
		expect(sb.messages).toHaveLength(1);
		expect(() => sb.injectFault({ kind: 'redirect', status: 300 as never, location: '/x' })).toThrow(/needs status/);
	});
});

describe('when faults apply', () => {
	test('times, match.phone, and the order they were added in', async () => {
		const { sb } = ref;
		sb.injectFault({ kind: 'system500', times: 2, match: { phone: '4915100000002' } });
		const statuses = [];
		for (const phone_number of ['4915100000001', '4915100000002', '4915100000001', '4915100000002', '4915100000002']) {
			statuses.push((await send(sb, { ...PLAIN, phone_number })).status);
		}
		expect(statuses).toEqual([200, 500, 200, 500, 200]);
		sb.injectFault({ kind: 'whatsapp500' });
		sb.injectFault({ kind: 'html502' });
		expect([(await send(sb, PLAIN)).status, (await send(sb, PLAIN)).status, (await send(sb, PLAIN)).status]).toEqual([500, 502, 200]);
	});

	test('a platform fault waits for a send the platform would make; a transport fault acts before the template lookup', async () => {
		const { sb } = ref;
		sb.injectFault({ kind: 'system500' });
		expect((await send(sb, { ...PLAIN, template_name: 'nope' })).status).toBe(404);
		expect(sb.pendingFaults).toEqual([{ api: 'v1', kind: 'system500', remaining: 1, ms: 0, phone: undefined }]);
		expect((await send(sb, PLAIN)).status).toBe(500);
		sb.injectFault({ kind: 'html502' });
		expect((await send(sb, { ...PLAIN, template_name: 'nope' })).status).toBe(502);
		expect(sb.pendingFaults).toEqual([]);
	});

	test('drop: the whole body is read, then the socket closes without an answer', async () => {
		const { sb } = ref;
		sb.injectFault({ kind: 'drop' });
		await expect(send(sb, PLAIN)).rejects.toThrow(/socket hang up|ECONNRESET/);
		await sleep(20);
		expect(sb.requests[0]).toMatchObject({ fields: PLAIN, status: null, fault: 'drop' });
		expect(sb.stats).toMatchObject({ accepted: 0, inFlight: 0, noAnswer: 1 });
	});

	test('dropMidUpload: the socket closes during the upload (also for a matched phone)', async () => {
		const { sb } = ref;
		sb.injectFault({ kind: 'dropMidUpload' });
		const big = Buffer.alloc(2 * 1024 * 1024, 3);
		const photo = { ...PLAIN, template_name: 'product_photo', field_1: 'x' };
		await expect(send(sb, form(photo, { header_image_file: [big, 'a.png', 'image/png'] }))).rejects.toThrow(/socket hang up|ECONNRESET|EPIPE/);
		await sleep(20);
		expect(sb.requests[0]).toMatchObject({ status: null, fault: 'dropMidUpload', error: expect.stringContaining('not complete') });
		sb.injectFault({ kind: 'dropMidUpload', match: { phone: '4915100000007' } });
		expect((await send(sb, form(photo, { header_image_file: [big, 'a.png', 'image/png'] }))).status).toBe(200);
		await expect(send(sb, form({ ...photo, phone_number: '4915100000007' }, { header_image_file: [big, 'a.png', 'image/png'] }))).rejects.toThrow();
		await sleep(20);
		expect(sb.stats).toMatchObject({ accepted: 1, inFlight: 0 });
	});

	test('latency delays one answer', async () => {
		const { sb } = ref;
		sb.injectFault({ kind: 'latency', ms: 300 });
		let t = Date.now();
		expect((await send(sb, PLAIN)).status).toBe(200);
		expect(Date.now() - t).toBeGreaterThanOrEqual(290);
		t = Date.now();
		await send(sb, PLAIN);
		expect(Date.now() - t).toBeLessThan(200);
	});

	test('hang never answers; the client timing out ends it; close() ends the rest', async () => {
		const { sb } = ref;
		sb.injectFault({ kind: 'hang' });
		await expect(send(sb, PLAIN, { config: { timeout: 300 } })).rejects.toThrow(/timeout/);
		await eventually(() => sb.stats.inFlight === 0);
		expect(sb.stats).toMatchObject({ inFlight: 0, noAnswer: 1 });
		const other = await startSandbox();
		other.injectFault({ kind: 'hang' });
		const pending = axios.post(apiUrl(other, 'messages/template'), PLAIN, { headers: { Authorization: `Bearer ${other.tokens.send}` } });
		await eventually(() => other.stats.inFlight === 1);
		expect(other.stats.inFlight).toBe(1);
		await other.close();
		await expect(pending).rejects.toThrow();
	});
});
