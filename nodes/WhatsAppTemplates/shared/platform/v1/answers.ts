/** What the node reads from API v1's answers (CONTRACT.md: responses and errors). */
import { field, idOf, seconds } from '../json';
import type { SendReading } from '../types';

/** Keys of the platform's `errors` object that the node explains. */
export const ERROR_KEYS = {
	templateFields: 'template_fields',
	headerMedia: 'header_media',
	whatsapp: 'whatsapp',
	system: 'system',
	template: 'template',
} as const;

/** Other answer keys and values the node reads. */
export const ANSWER = {
	invalidSubdomain: 'Invalid tenant subdomain',
	optedOut: 'CONTACT_OPTED_OUT',
	/** The messages routes' 422 when the workspace has no WhatsApp connection (an untranslated key). */
	notConfigured: 'whatsapp_connection_not_configured',
} as const;

/** The WhatsApp message id of a send's answer: data.whatsapp_response.messages[0].id, else data.message_id. */
export function readMessageId(body: unknown): string | undefined {
	const data = field(body, 'data');
	const messages = field(field(data, 'whatsapp_response'), 'messages');
	const id = field(Array.isArray(messages) ? messages[0] : undefined, 'id') ?? field(data, 'message_id');
	return typeof id === 'string' && id !== '' ? id : undefined;
}

/** The code the platform generated (auto_generate_otp), if any. */
export function readGeneratedOtp(body: unknown): string | undefined {
	const code = field(field(field(body, 'data'), 'otp'), 'code');
	return typeof code === 'string' || typeof code === 'number' ? String(code) : undefined;
}

/** Seconds the platform asks to wait after a 429: the body's retry_after (v1 sends no header). */
export function readRetryAfter(body: unknown): number | undefined {
	return seconds(field(body, 'retry_after'));
}

/** What a send's answer says: the WhatsApp message id and a code the platform generated. */
export const readSend = (body: unknown): SendReading => ({
	messageId: readMessageId(body),
	otpCode: readGeneratedOtp(body),
	// The template send nests the contact; the messages routes answer its id as data.contact_id.
	contactId: idOf(field(field(field(body, 'data'), 'contact'), 'id')) ?? idOf(field(field(body, 'data'), 'contact_id')),
});

/**
 * The `error` of a messages route's 500: WhatsApp's Graph error as JSON *text*
 * (`"{\"error\":{\"message\":\"(#131030) …\",\"code\":131030}}"`) when WhatsApp refused the
 * message; `code` is WhatsApp's, read from the JSON or from "(#NNN)". Anything else (`No message
 * ID in response`, `Internal server error`) comes back as text without a code.
 */
export function sendErrorOf(body: unknown): { text: string; code?: string } | undefined {
	const raw = field(body, 'error');
	if (typeof raw !== 'string' || raw === '') return undefined;
	let graph: unknown;
	try {
		graph = field(JSON.parse(raw), 'error');
	} catch {
		return { text: raw };
	}
	const message = field(graph, 'message');
	const code = idOf(field(graph, 'code'));
	const text = typeof message === 'string' && message !== '' ? message : raw;
	return { text, code: code === undefined ? undefined : String(code) };
}

export const errorsOf = (body: unknown): unknown => field(body, 'errors');
export const messageOf = (body: unknown): unknown => field(body, 'message');
export const isErrorEnvelope = (body: unknown): boolean => field(body, 'status') === 'error';
export const errorCodeOf = (body: unknown): unknown => field(body, 'error_code');
export const limitReached = (body: unknown): boolean => field(body, 'limit_reached') === true;
