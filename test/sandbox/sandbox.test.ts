import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import axios, { AxiosRequestConfig } from 'axios';
import FormData from 'form-data';
import { startSandbox, Sandbox, FILE_LIMITS } from './index';

const SEND = '/api/v1/messages/send';
const valid = { phone: '4915123456789', template_name: 'order_update', template_language: 'en_US' };
let sb: Sandbox;

beforeAll(async () => {
	sb = await startSandbox({ port: 0 });
});
afterAll(() => sb.close());
beforeEach(() => {
	sb.configure({ latencyMs: 0, rateLimit: null });
	sb.reset();
});

function post(data: unknown, opts: { token?: string | null; config?: AxiosRequestConfig } = {}) {
	const token = opts.token === undefined ? sb.tokens.send : opts.token;
	const headers: Record<string, string> = { Accept: 'application/json' };
	if (token !== null) headers.Authorization = `Bearer ${token}`;
	if (data instanceof FormData) Object.assign(headers, data.getHeaders());
	return axios.post(sb.baseUrl + SEND, data, {
		validateStatus: () => true,
		maxBodyLength: Infinity,
		...opts.config,
		headers: { ...headers, ...opts.config?.headers },
	});
}

function form(fields: Record<string, string>, files: Record<string, [Buffer | Readable, string, string, number?]> = {}) {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) f.append(k, v);
	for (const [k, [data, filename, contentType, knownLength]] of Object.entries(files)) {
		f.append(k, data, { filename, contentType, knownLength });
	}
	return f;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('auth, route, content type', () => {
	test('401 without or with an unknown token, recorded with the raw header', async () => {
		const none = await post(valid, { token: null });
		const bad = await post(valid, { token: 'apitk_nope' });
		for (const r of [none, bad]) expect([r.status, r.data]).toEqual([401, { status: 'error', message: 'Invalid API token' }]);
		expect(sb.requests.map((r) => r.authorization)).toEqual([null, 'Bearer apitk_nope']);
		expect(sb.requests[0].fields).toEqual(valid);
		expect(sb.messages).toHaveLength(0);
	});

	test('403 for a token without messages.send', async () => {
		const r = await post(valid, { token: sb.tokens.noAbility });
		expect(r.status).toBe(403);
		expect(r.data).toEqual({ status: 'error', message: 'Token does not have the required ability: messages.send' });
	});

	test('404 for another route, 405 for another method; both recorded', async () => {
		const other = await axios.post(`${sb.baseUrl}/api/v1/messages/sent`, valid, { validateStatus: () => true });
		const get = await axios.get(sb.baseUrl + SEND, { validateStatus: () => true });
		expect([other.status, other.data]).toEqual([404, { status: 'error', message: 'Not found' }]);
		expect([get.status, get.headers.allow]).toEqual([405, 'POST']);
		expect(sb.requests.map((r) => [r.method, r.path, r.status])).toEqual([
			['POST', '/api/v1/messages/sent', 404],
			['GET', SEND, 405],
		]);
	});

	test('415 for other content types, 400 for malformed or non-object JSON; Accept recorded', async () => {
		const text = await post('phone=1', { config: { headers: { 'Content-Type': 'text/plain' } } });
		expect([text.status, text.data]).toEqual([415, { status: 'error', message: 'Unsupported content type' }]);
		for (const body of ['{"phone":', 'null', '[1]']) {
			const r = await post(body, { config: { headers: { 'Content-Type': 'application/json' }, transformRequest: [(d) => d] } });
			expect([r.status, r.data]).toEqual([400, { status: 'error', message: 'Malformed JSON body' }]);
		}
		const noBoundary = await post('--x\r\n', { config: { headers: { 'Content-Type': 'multipart/form-data' } } });
		expect([noBoundary.status, noBoundary.data]).toEqual([400, { status: 'error', message: 'Malformed multipart body' }]);
		await post(valid, { config: { headers: { Accept: 'text/html' } } });
		expect(sb.requests.map((r) => r.accept)).toEqual([...Array(5).fill('application/json'), 'text/html']);
	});
});

describe('validation (422) and templates', () => {
	test.each([
		['phone', 'The phone field is required.', { ...valid, phone: undefined }],
		['phone', 'The phone field must be between 8 and 15 characters.', { ...valid, phone: '4915' }],
		['phone', 'The phone field format is invalid.', { ...valid, phone: '+4915123456789' }],
		['phone', 'The phone field must be a string.', { ...valid, phone: 4915123456789 }],
		['template_language', 'The template language field must be between 2 and 10 characters.', { ...valid, template_language: 'e' }],
		['template_name', 'The template name field must not be greater than 255 characters.', { ...valid, template_name: 'x'.repeat(256) }],
		['phone_number_id', 'The phone number id field format is invalid.', { ...valid, phone_number_id: '12a' }],
		['header_image_url', 'The header image url field must be a valid URL.', { ...valid, header_image_url: 'ftp://x.test/a.png' }],
		['otp', 'The otp field must not be greater than 100 characters.', { ...valid, otp: '1'.repeat(101) }],
		['header_document_filename', 'The header document filename field must not be greater than 255 characters.', { ...valid, header_document_url: 'https://x.test/a.pdf', header_document_filename: 'a'.repeat(256) }],
		['header_document_filename', 'The header document filename field is prohibited unless header document or header document url is present.', { ...valid, header_document_filename: 'a.pdf' }],
		['header_image', 'The header image field must be a file.', { ...valid, header_image: 'abc' }],
		['header_video_url', 'Only one header media may be given.', { ...valid, header_image_url: 'https://x.test/a.png', header_video_url: 'https://x.test/a.mp4' }],
		['headerImageUrl', 'The headerImageUrl field is prohibited.', { ...valid, headerImageUrl: 'https://x.test/a.png' }],
		['body_1', 'The body 1 field must not be empty.', { ...valid, body_1: '' }],
		['body_11', 'The body 11 field is prohibited.', { ...valid, body_11: 'x' }],
		['button_0', 'The button 0 field must not be greater than 1024 characters.', { ...valid, button_0: 'x'.repeat(1025) }],
		['contact', 'The contact field must be an object.', { ...valid, contact: ['a'] }],
		['contact', 'The contact field must be an object.', { ...valid, contact: 'Ann' }],
	])('errors.%s: %s', async (field, message, body) => {
		const r = await post(body);
		expect(r.status).toBe(422);
		expect(r.data).toMatchObject({ status: 'error', message: 'Validation failed' });
		expect(r.data.errors[field]).toContain(message);
		expect(sb.messages).toHaveLength(0);
	});

	test('every failing field is listed, and only those', async () => {
		const r = await post({ phone: 'x', template_name: 'order_update', body_2: '', foo: 'bar' });
		expect(Object.keys(r.data.errors).sort()).toEqual(['body_2', 'foo', 'phone', 'template_language']);
		expect(r.data.errors.phone).toEqual(['The phone field must be between 8 and 15 characters.', 'The phone field format is invalid.']);
	});

	test('a query parameter counts as a field (Laravel merges it)', async () => {
		const r = await axios.post(`${sb.baseUrl}${SEND}?debug=1`, valid, { headers: { Authorization: `Bearer ${sb.tokens.send}` }, validateStatus: () => true });
		expect(r.data.errors).toEqual({ debug: ['The debug field is prohibited.'] });
	});

	test('404 for an unknown template or language, 422 for one not APPROVED', async () => {
		for (const body of [{ ...valid, template_name: 'nope' }, { ...valid, template_language: 'fr' }]) {
			const r = await post(body);
			expect([r.status, r.data]).toEqual([404, { status: 'error', message: 'Template not found' }]);
		}
		const pending = await post({ ...valid, template_name: 'summer_promo' });
		expect([pending.status, pending.data]).toEqual([422, { status: 'error', message: 'Validation failed', errors: { template_name: ['Template is not APPROVED.'] } }]);
		expect(sb.messages).toHaveLength(0);
	});
});

describe('accepted messages', () => {
	test('200 JSON with every field', async () => {
		const body = {
			...valid, template_language: 'de', phone_number_id: '1234567890', header_text: 'Nr. 5',
			...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`body_${i + 1}`, `v${i + 1}`])),
			button_0: 'a', button_1: 'b', button_2: 'c', otp: '123456',
			contact: { first_name: 'Ann', groups: ['vip'], custom_fields: { plan: 'pro' }, subscribed: true },
		};
		const r = await post(body);
		expect(r.status).toBe(200);
		expect(r.data).toEqual({
			status: 'success', message: 'Template message queued',
			data: { id: expect.stringMatching(/^[0-9a-f-]{36}$/), wamid: expect.stringMatching(/^wamid\.\S{20,}$/), phone: valid.phone, template_name: 'order_update', template_language: 'de' },
		});
		expect(sb.messages).toEqual([{ id: r.data.data.id, wamid: r.data.data.wamid, fields: body, files: [] }]);
		expect(sb.stats).toMatchObject({ total: 1, accepted: 1, byStatus: { 200: 1 } });
	});

	test('multipart: file hashed, bracketed contact rebuilt, text/file kinds enforced', async () => {
		const png = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256));
		const contact = { 'contact[first_name]': 'Ann', 'contact[custom_fields][plan]': 'pro', 'contact[groups][0]': 'vip', 'contact[groups][1]': 'new', 'contact[subscribed]': '1' };
		const r = await post(form({ ...valid, template_name: 'order_shipped_media', ...contact }, { header_image: [png, 'photo ä.png', 'image/png'] }));
		expect(r.status).toBe(200);
		const [msg] = sb.messages;
		expect(msg.fields.contact).toEqual({ first_name: 'Ann', custom_fields: { plan: 'pro' }, groups: ['vip', 'new'], subscribed: '1' });
		expect(msg.files).toEqual([{ field: 'header_image', filename: 'photo ä.png', mimeType: 'image/png', size: png.length, sha256: sha256(png) }]);

		const wrongKinds = await post(form(valid, { body_1: [Buffer.from('x'), 'b.txt', 'text/plain'], 'contact[avatar]': [png, 'a.png', 'image/png'] }));
		expect(wrongKinds.data.errors).toEqual({ body_1: ['The body 1 field must be a string.'], contact: ['The contact field must not contain files.'] });
	});

	test.each([
		[FILE_LIMITS.header_image, 200],
		[FILE_LIMITS.header_image + 1, 422],
	])('an image of %i bytes → %i', async (size, status) => {
		const r = await post(form({ ...valid, template_name: 'order_shipped_media' }, { header_image: [Buffer.alloc(size, 1), 'a.jpg', 'image/jpeg'] }));
		expect(r.status).toBe(status);
		if (status === 422) expect(r.data.errors).toEqual({ header_image: ['The header image field must not be greater than 5120 kilobytes.'] });
		expect(sb.requests[0].files[0].size).toBe(size);
	});

	test('a 100 MB + 1 byte document is streamed (memory stays flat) and refused', async () => {
		const size = FILE_LIMITS.header_document + 1;
		let left = size;
		const chunk = Buffer.alloc(1024 * 1024, 7);
		const stream = new Readable({ read() { const n = Math.min(left, chunk.length); left -= n; this.push(n ? chunk.subarray(0, n) : null); } });
		const base = process.memoryUsage();
		let peak = 0;
		const sampler = setInterval(() => { const m = process.memoryUsage(); peak = Math.max(peak, m.heapUsed + m.arrayBuffers - base.heapUsed - base.arrayBuffers); }, 20);
		const r = await post(form({ ...valid, template_name: 'order_shipped_media' }, { header_document: [stream, 'big.pdf', 'application/pdf', size] }));
		clearInterval(sampler);
		expect(r.data.errors).toEqual({ header_document: ['The header document field must not be greater than 102400 kilobytes.'] });
		expect(sb.requests[0].files[0].size).toBe(size);
		expect(peak).toBeLessThan(40 * 1024 * 1024);
	});
});

describe('rate limit', () => {
	test('429 with retry_after and Retry-After over the limit; not processed', async () => {
		sb.configure({ rateLimit: { perSecond: 3, retryAfter: 2 } });
		const rs = [];
		for (let i = 0; i < 5; i++) rs.push(await post(valid));
		expect(rs.map((r) => r.status)).toEqual([200, 200, 200, 429, 429]);
		expect(rs[3].data).toEqual({ message: 'Too many requests', retry_after: 2 });
		expect(rs[3].headers['retry-after']).toBe('2');
		expect(sb.messages).toHaveLength(3);
		expect(sb.stats.byStatus).toEqual({ 200: 3, 429: 2 });
		await sleep(1050);
		expect((await post(valid)).status).toBe(200);
	});
});

describe('faults (applied to well-formed requests only)', () => {
	const answers: [string, number, string, unknown][] = [
		['500', 500, 'application/json', { status: 'error', message: 'Failed to send template message' }],
		['html502', 502, 'text/html', expect.stringContaining('<center><h1>502 Bad Gateway</h1></center>')],
		['nonJson200', 200, 'text/html', '<html>OK</html>'],
		['statusError200', 200, 'application/json', { status: 'error', message: 'Failed to send template message' }],
	];
	test.each(answers)('%s answers %i %s, message not accepted', async (kind, status, type, body) => {
		sb.injectFault({ kind: kind as '500' });
		expect((await post({ ...valid, phone: '12' })).status).toBe(422); // a refused request does not consume it
		const r = await post(valid);
		expect([r.status, r.headers['content-type'], r.data]).toEqual([status, type, body]);
		expect(sb.messages).toHaveLength(0);
		expect(sb.requests[1].fault).toBe(kind);
		expect((await post(valid)).status).toBe(200);
	});

	test('times and match.phone', async () => {
		sb.injectFault({ kind: '500', times: 2, match: { phone: '4915100000002' } });
		const statuses = [];
		for (const phone of ['4915100000001', '4915100000002', '4915100000001', '4915100000002', '4915100000002']) statuses.push((await post({ ...valid, phone })).status);
		expect(statuses).toEqual([200, 500, 200, 500, 200]);
	});

	test('drop: the whole body is read, then the socket closes without an answer', async () => {
		sb.injectFault({ kind: 'drop' });
		await expect(post(valid)).rejects.toThrow(/socket hang up|ECONNRESET/);
		await sleep(20);
		expect(sb.requests[0]).toMatchObject({ fields: valid, status: null, fault: 'drop' });
		expect(sb.stats).toMatchObject({ accepted: 0, inFlight: 0, noAnswer: 1 });
	});

	test('dropMidUpload: the socket closes during the upload', async () => {
		sb.injectFault({ kind: 'dropMidUpload' });
		const big = Buffer.alloc(2 * 1024 * 1024, 3);
		await expect(post(form({ ...valid, template_name: 'order_shipped_media' }, { header_image: [big, 'a.png', 'image/png'] }))).rejects.toThrow(/socket hang up|ECONNRESET|EPIPE/);
		await sleep(20);
		const [rec] = sb.requests;
		expect(rec).toMatchObject({ status: null, fault: 'dropMidUpload', error: expect.stringContaining('not complete') });
		expect(rec.files.length === 0 || rec.files[0].size < big.length).toBe(true);
		expect(sb.stats).toMatchObject({ accepted: 0, inFlight: 0 });
	});

	test('latency delays one answer', async () => {
		sb.injectFault({ kind: 'latency', ms: 300 });
		let t = Date.now();
		expect((await post(valid)).status).toBe(200);
		expect(Date.now() - t).toBeGreaterThanOrEqual(290);
		t = Date.now();
		await post(valid);
		expect(Date.now() - t).toBeLessThan(200);
	});

	test('hang never answers; the client timing out ends it; close() ends the rest', async () => {
		sb.injectFault({ kind: 'hang', times: 2 });
		await expect(post(valid, { config: { timeout: 300 } })).rejects.toThrow(/timeout/);
		await sleep(20);
		expect(sb.stats.inFlight).toBe(0);
		const other = await startSandbox();
		other.injectFault({ kind: 'hang' });
		const pending = axios.post(other.baseUrl + SEND, valid, { headers: { Authorization: `Bearer ${other.tokens.send}` } });
		await sleep(100);
		expect(other.stats.inFlight).toBe(1);
		await other.close();
		await expect(pending).rejects.toThrow();
	});
});

describe('in-flight counting and latency', () => {
	test('maxInFlight counts concurrent requests; latencyMs does not serialize them', async () => {
		sb.configure({ latencyMs: 200 });
		const t = Date.now();
		const rs = await Promise.all(Array.from({ length: 6 }, () => post(valid)));
		expect(rs.every((r) => r.status === 200)).toBe(true);
		expect(Date.now() - t).toBeLessThan(900);
		expect(sb.stats).toMatchObject({ maxInFlight: 6, inFlight: 0, total: 6, accepted: 6 });
		for (const r of sb.requests) expect(r.endedAt! - r.startedAt).toBeGreaterThanOrEqual(190);
		sb.reset();
		for (let i = 0; i < 3; i++) await post(valid);
		expect(sb.stats).toMatchObject({ maxInFlight: 1, total: 3 });
		expect(sb.requests.map((r) => r.seq)).toEqual([1, 2, 3]);
	});
});

describe('an empty POST without a content type', () => {
	it('is an empty form (422 for the missing fields), as Laravel treats it; a non-empty one is 415', async () => {
		const sb = await startSandbox({ port: 0 });
		try {
			const empty = await axios.post(`${sb.baseUrl}/api/v1/messages/send`, undefined, {
				headers: { Authorization: `Bearer ${sb.tokens.send}`, Accept: 'application/json' },
				validateStatus: () => true,
			});
			expect(empty.status).toBe(422);
			expect(Object.keys(empty.data.errors)).toEqual(expect.arrayContaining(['phone', 'template_name', 'template_language']));
			const text = await axios.post(`${sb.baseUrl}/api/v1/messages/send`, 'phone=1', {
				headers: { Authorization: `Bearer ${sb.tokens.send}`, 'Content-Type': 'text/plain' },
				validateStatus: () => true,
			});
			expect(text.status).toBe(415);
		} finally {
			await sb.close();
		}
	});
});
