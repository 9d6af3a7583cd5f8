/**
 * API v2 as the tests state it, written from CONTRACT-v2.md: the one place in the tests that names
 * v2's wire fields, envelope keys, headers and paths (v1's are in wire.ts). A v2 wire rename is a
 * change here, in the node's v2 table (nodes/…/shared/platform/v2/) and in the sandbox's
 * (test/sandbox/v2/). No runtime imports: scripts may transpile this file on its own.
 */

export type MediaKind = 'image' | 'video' | 'document';

/** Fields of a v2 template send (POST messages/template). */
export const WIRE_V2 = {
	phone: 'phone',
	templateName: 'template_name',
	templateLanguage: 'language',
	headerText: 'header_field_1',
	documentName: 'header_document_name',
	autoGenerateOtp: 'auto_generate_otp',
	otpFieldNumber: 'otp_field_number',
	contactId: 'contact_id',
	body: (n: number) => `field_${n}`,
	button: (n: number) => `button_${n}`,
	mediaUrl: (kind: MediaKind) => `header_${kind}_url`,
	mediaFile: (kind: MediaKind) => `header_${kind}_file`,
} as const;

/** v1 fields v2 does not have: a v2 send must carry none of them. */
export const NOT_IN_V2 = ['phone_number', 'template_language', 'from_phone_number_id', 'copy_code', 'contact', 'otp_length'] as const;

const API_ROOT = '/api/v2';
const ROUTE = { sendTemplate: 'messages/template', templates: 'templates' } as const;

/** Paths under the platform URL: no workspace in them. */
export const PATHS_V2 = {
	apiRoot: API_ROOT,
	apiBase: (platformUrl: string) => `${platformUrl}${API_ROOT}`,
	route: ROUTE,
	sendTemplate: `${API_ROOT}/${ROUTE.sendTemplate}`,
	templates: `${API_ROOT}/${ROUTE.templates}`,
} as const;

/** What a test expects one v2 message to carry, in the node's terms. */
export interface ExpectedV2Message {
	phone: string;
	template: string;
	language: string;
	headerText?: string;
	mediaUrl?: { kind: MediaKind; url: string };
	documentName?: string;
	/** {{1}}…{{n}} in order, every one a string. */
	body?: string[];
	buttons?: Array<string | undefined>;
}

/** The text fields the sandbox should record for a v2 message. */
export function wireBodyV2(m: ExpectedV2Message): Record<string, unknown> {
	const body: Record<string, unknown> = {
		[WIRE_V2.phone]: m.phone,
		[WIRE_V2.templateName]: m.template,
		[WIRE_V2.templateLanguage]: m.language,
	};
	if (m.headerText !== undefined) body[WIRE_V2.headerText] = m.headerText;
	if (m.mediaUrl) body[WIRE_V2.mediaUrl(m.mediaUrl.kind)] = m.mediaUrl.url;
	if (m.documentName !== undefined) body[WIRE_V2.documentName] = m.documentName;
	(m.body ?? []).forEach((value, i) => (body[WIRE_V2.body(i + 1)] = value));
	(m.buttons ?? []).forEach((value, i) => value !== undefined && (body[WIRE_V2.button(i)] = value));
	return body;
}

/** The rate-limit headers (lower case, as an HTTP client gives them). */
export const RATE_HEADERS = {
	limit: 'x-ratelimit-limit',
	remaining: 'x-ratelimit-remaining',
	reset: 'x-ratelimit-reset',
	window: 'x-ratelimit-window',
	whitelisted: 'x-ratelimit-whitelisted',
	retryAfter: 'retry-after',
	unlimited: 'unlimited',
} as const;

/** The scopes the node's operations need. */
export const SCOPES = { send: 'messages:send', templates: 'templates:read' } as const;

type Json = Record<string, unknown>;
const at = (value: unknown, key: string): unknown => (typeof value === 'object' && value !== null ? (value as Json)[key] : undefined);
const meta = (requestId: string) => ({ request_id: requestId, timestamp: '2026-12-01T10:00:00+00:00' });

/** v2's answers (CONTRACT-v2.md: the envelope, the send's 200, the error table, the rate limit, lists). */
export const answersV2 = {
	success(wamid: string | null, requestId = 'req-ok'): Json {
		return {
			success: true,
			message: 'Template message sent successfully',
			data: { message_id: wamid, contact_id: 15, phone: '4915112345678', template_name: 'order_update', language: 'en', status: 'sent', sent_at: '2026-12-01T10:00:00+00:00', chat_id: 7, chat_message_id: null },
			meta: meta(requestId),
		};
	},
	error(code: string, message: string, details?: unknown, requestId = 'req-err'): Json {
		return { success: false, error: { code, message, ...(details !== undefined ? { details } : {}) }, meta: meta(requestId) };
	},
	rateLimited(seconds: number): Json {
		return { success: false, error: { code: 'RATE_LIMIT_EXCEEDED', message: `Too many requests. Please try again in ${seconds} seconds.` }, meta: { ...meta('req-429'), retry_after: seconds } };
	},
	templatePage(records: readonly unknown[], page = { current: 1, totalPages: 1, perPage: 100 }): Json {
		const pagination = { total: records.length, count: records.length, per_page: page.perPage, current_page: page.current, total_pages: page.totalPages, has_more: page.current < page.totalPages };
		return { success: true, data: records, meta: { ...meta('req-list'), pagination }, links: {} };
	},
	/** Outside the envelope: a media file's extension or size. */
	bareError: (message: string): Json => ({ status: 'error', message }),
	/** Outside the envelope: Laravel's crash. */
	serverError: (): Json => ({ message: 'Server Error' }),
};

/** The envelope of any v2 answer, read by what its keys hold. */
export function readV2(body: unknown): { success: unknown; data: unknown; code: unknown; message: unknown; details: unknown; requestId: unknown; retryAfter: unknown } {
	const error = at(body, 'error');
	return {
		success: at(body, 'success'),
		data: at(body, 'data'),
		code: at(error, 'code'),
		message: at(error, 'message'),
		details: at(error, 'details'),
		requestId: at(at(body, 'meta'), 'request_id'),
		retryAfter: at(at(body, 'meta'), 'retry_after'),
	};
}

/** The v2 template list's query (GET templates?page=&per_page=), as the sandbox records it. */
export const LIST_V2 = {
	pageSize: 100,
	query: (page: number | undefined, perPage: number): Record<string, string> => ({ ...(page !== undefined ? { page: String(page) } : {}), per_page: String(perPage) }),
} as const;

/** A request outside the node's run with this token: it opens the token's window, so the run cannot know when that began. */
export async function openWindowElsewhere(baseUrl: string, token: string): Promise<void> {
	const answer = await fetch(`${baseUrl}${PATHS_V2.templates}?per_page=1`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
	if (answer.status !== 200) throw new Error(`openWindowElsewhere: HTTP ${answer.status}`);
}
