/** The v2 side of the sandbox tests' client: plain HTTP under `${baseUrl}/api/v2/`, never throwing on a status. */
import axios, { AxiosRequestConfig, AxiosResponse } from 'axios';
import FormData from 'form-data';
import { Sandbox } from '.';

export interface V2CallOptions {
	/** Default: the v2 send token; null = no Authorization header. */
	token?: string | null;
	/** Default 'application/json'; null = no Accept header. */
	accept?: string | null;
	headers?: Record<string, string>;
	config?: AxiosRequestConfig;
}

/** A v2 send that passes everything: plain_notice has no parameters and no header. */
export const V2_PLAIN = { phone: '4915123456789', template_name: 'plain_notice', language: 'en' };
/** order_update: TEXT header with {{1}}, body with {{1}} and {{2}}. */
export const V2_ORDER = { ...V2_PLAIN, template_name: 'order_update', header_field_1: 'A-17', field_1: 'Ana', field_2: 'A-17' };

export const v2Url = (sb: Sandbox, path: string) => `${sb.baseUrl}/api/v2/${path}`;

function headersFor(sb: Sandbox, opts: V2CallOptions, data?: unknown) {
	const token = opts.token === undefined ? sb.v2Tokens.send : opts.token;
	const accept = opts.accept === undefined ? 'application/json' : opts.accept;
	// axios sends its own Accept unless told otherwise: '' keeps the header out.
	const headers: Record<string, string> = { Accept: accept === null ? '' : accept };
	if (token !== null) headers.Authorization = `Bearer ${token}`;
	if (data instanceof FormData) Object.assign(headers, data.getHeaders());
	return { ...headers, ...opts.headers };
}

const base = { validateStatus: () => true, maxBodyLength: Infinity, maxContentLength: Infinity };

/** POST messages/template on v2. */
export const v2Send = (sb: Sandbox, data: unknown, opts: V2CallOptions = {}) => v2Post(sb, 'messages/template', data, opts);

/** POST a v2 path (e.g. 'messages/text'). */
export function v2Post(sb: Sandbox, path: string, data: unknown, opts: V2CallOptions = {}): Promise<AxiosResponse> {
	return axios.post(v2Url(sb, path), data, { ...base, ...opts.config, headers: headersFor(sb, opts, data) });
}

/** GET a v2 path (e.g. 'templates?per_page=5'). */
export function v2Get(sb: Sandbox, path: string, opts: V2CallOptions = {}): Promise<AxiosResponse> {
	return axios.get(v2Url(sb, path), { ...base, ...opts.config, headers: headersFor(sb, opts) });
}

/** The X-RateLimit-* and Retry-After headers of an answer, lower-case names. */
export const rateHeaders = (r: AxiosResponse) =>
	Object.fromEntries(Object.entries(r.headers).filter(([k]) => /^x-ratelimit-|^retry-after$/.test(k))) as Record<string, string>;

/** The envelope's meta: a uuid v4 request_id and an ISO-8601 timestamp with +00:00. */
export const META = {
	request_id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
	timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/),
};

/** The error envelope of `code`, exactly. */
export const envelopeError = (code: string, message: string, details?: unknown) => ({
	success: false,
	error: details === undefined ? { code, message } : { code, message, details },
	meta: META,
});

/** The 200 of a v2 free-form send: its own `data` keys between the common ones, and its `message`. */
export const chatSent = (phone: string, own: Record<string, unknown>, message: string) => ({
	success: true,
	data: {
		message_id: expect.stringMatching(/^wamid\./),
		contact_id: expect.any(Number),
		phone,
		...own,
		status: 'sent',
		sent_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/),
		chat_id: expect.any(Number),
		chat_message_id: expect.any(Number),
	},
	message,
	meta: META,
});

export const invalid = (details: unknown) => envelopeError('VALIDATION_ERROR', 'The given data was invalid.', details);
