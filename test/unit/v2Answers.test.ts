/**
 * What the node reads from API v2's answers (shared/platform/v2/answers.ts, CONTRACT-v2.md): the
 * rate-limit header that may hold a run, the message id that makes a send count as sent, and the
 * envelope's error, request id and words, which are taken only when they are non-empty text.
 */
import { v1, v2 } from '../../nodes/WhatsAppTemplates/shared/platform';
import { errorOf, readMessageId } from '../../nodes/WhatsAppTemplates/shared/platform/v2/answers';
import { answers } from '../support/wire';
import { RATE_HEADERS, answersV2 } from '../support/wireV2';

const answer = (statusCode: number, body: unknown) => ({ statusCode, headers: {}, body });

describe('X-RateLimit-Remaining: only a whole count of 0 or more holds or paces the run', () => {
	it.each([
		['an empty header says nothing (not 0, which would hold the run)', '', 'absent'],
		['a header without a value says nothing', null, 'absent'],
		['a negative count is no count', '-1', 'absent'],
		['a fraction is no count', '2.5', 'absent'],
		['unlimited in capitals with spaces around it', ' Unlimited ', 'unlimited'],
		['0 is a count: hold new requests', '0', { remaining: 0 }],
		['an array (a repeated header): its first value', ['7', '9'], { remaining: 7 }],
	] as const)('%s', (_name, value, report) => {
		expect(v2.rateLimit({ [RATE_HEADERS.remaining]: value as never })).toEqual(report);
	});

	it('an answer without headers says nothing (and does not fail the send)', () => {
		expect(v2.rateLimit(undefined as never)).toBe('absent');
	});
});

describe("X-RateLimit-Limit and X-RateLimit-Window: the token's limit and its window's length, read only as a pair of whole counts", () => {
	const remaining = { [RATE_HEADERS.remaining]: '59' };
	it.each([
		['both: the report carries them', { [RATE_HEADERS.limit]: '60', [RATE_HEADERS.window]: '60' }, { remaining: 59, limit: 60, windowSeconds: 60 }],
		['in capitals, as a server may write them', { 'X-RateLimit-Limit': '60', 'X-RateLimit-Window': '4' }, { remaining: 59, limit: 60, windowSeconds: 4 }],
		['the window alone: neither', { [RATE_HEADERS.window]: '60' }, { remaining: 59 }],
		['the limit alone: neither', { [RATE_HEADERS.limit]: '60' }, { remaining: 59 }],
		['a window of 0: neither', { [RATE_HEADERS.limit]: '60', [RATE_HEADERS.window]: '0' }, { remaining: 59 }],
		['a limit of 0: neither', { [RATE_HEADERS.limit]: '0', [RATE_HEADERS.window]: '60' }, { remaining: 59 }],
		['a window that is no count: neither', { [RATE_HEADERS.limit]: '60', [RATE_HEADERS.window]: '1m' }, { remaining: 59 }],
	] as const)('%s', (_name, headers, report) => {
		expect(v2.rateLimit({ ...remaining, ...headers })).toEqual(report);
	});
});

describe('data.message_id: the send counts as sent only with a WhatsApp message id', () => {
	it.each([
		['an empty id', ''],
		['a number instead of a wamid', 12345],
		['null', null],
	])('%s: read as no id, so the send is not counted as sent', (_name, id) => {
		const body = { ...answersV2.success('wamid.X'), data: { ...(answersV2.success('wamid.X').data as object), message_id: id } };
		expect(readMessageId(body)).toBeUndefined();
		expect(v2.isDelivered(answer(200, body))).toBe(false);
		expect(v2.explain(answer(200, body), {}).message).toBe('The platform answered HTTP 200 without a WhatsApp message id');
	});

	it('a redirect is never a sent message, whatever its body says', () => {
		expect(v2.isDelivered(answer(300, answersV2.success('wamid.X')))).toBe(false);
		expect(v1.isDelivered(answer(300, answers.success('wamid.X')))).toBe(false);
	});

	it('a wamid is read as it came', () => {
		expect(readMessageId(answersV2.success('wamid.HBgLNDkxNTE='))).toBe('wamid.HBgLNDkxNTE=');
	});
});

describe("the envelope's error: code and message only as non-empty text", () => {
	it.each([
		['an empty code and message', { code: '', message: '' }, { code: undefined, message: undefined }],
		['a code and message that are not text', { code: 500, message: ['Source is in use.'] }, { code: undefined, message: undefined }],
		['both as text', { code: 'RESOURCE_CONFLICT', message: 'Source is in use.' }, { code: 'RESOURCE_CONFLICT', message: 'Source is in use.' }],
	])('%s', (_name, error, read) => {
		expect(errorOf({ success: false, error })).toEqual({ ...read, details: undefined });
	});

	it('a success answer has no error', () => {
		expect(errorOf(answersV2.success('wamid.X'))).toBeUndefined();
	});

	it('an unknown code given as a number is not shown as the code, and an empty message falls back to the status', () => {
		expect(v2.explain(answer(503, { success: false, error: { code: 503, message: 'Service down' } }), {}).message).toBe('The platform failed while handling the message (HTTP 503)');
		const conflict = v2.explain(answer(409, { success: false, error: { code: 'RESOURCE_CONFLICT', message: '' } }), {});
		expect(conflict.message).toBe('The platform refused the request (HTTP 409)');
		expect(conflict.said).toBeUndefined();
	});

	it("a message that is not text is no hint; the words outside the envelope are, when the envelope's are empty", () => {
		expect(v2.explain(answer(409, { success: false, error: { code: 'RESOURCE_CONFLICT', message: { en: 'Source is in use.' } } }), {}).said).toBeUndefined();
		expect(v2.explain(answer(409, { success: false, error: { code: 'X', message: '' }, message: 'Conflict' }), {}).said).toBe('Conflict');
	});
});

describe("meta.request_id and the words outside the envelope: only non-empty text", () => {
	it.each([
		['an empty request id', { request_id: '' }],
		['a request id that is not text', { request_id: 42 }],
	])('%s is not given to support', (_name, meta) => {
		expect(v2.explain(answer(404, { ...answersV2.error('NOT_FOUND', 'Template not found.'), meta }), {}).requestId).toBeUndefined();
	});

	it('the request id as it came', () => {
		expect(v2.explain(answer(404, answersV2.error('NOT_FOUND', 'Template not found.', undefined, 'req-7f3a')), {}).requestId).toBe('req-7f3a');
	});

	it.each([
		['an empty message', ''],
		['a message that is not text', 500],
	])('%s outside the envelope is no hint', (_name, message) => {
		const explained = v2.explain(answer(500, { message }), {});
		expect(explained.said).toBeUndefined();
		expect(explained.delivery).toBe('unknown');
	});
});
