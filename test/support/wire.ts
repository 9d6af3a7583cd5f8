/**
 * The platform as the tests state it, written from CONTRACT.md: the one place in the tests that
 * names the platform's wire fields, answer keys, template-list keys and paths. A wire rename is a
 * change here, in the node's table (nodes/…/shared/platform/) and in the sandbox's
 * (test/sandbox/platform.js). No runtime imports: scripts transpile this file on its own.
 */

export type MediaKind = 'image' | 'video' | 'document';

/** Fields of a template send (POST messages/template). */
export const WIRE = {
	phone: 'phone_number',
	templateName: 'template_name',
	templateLanguage: 'template_language',
	from: 'from_phone_number_id',
	headerText: 'header_field_1',
	documentName: 'header_document_name',
	copyCode: 'copy_code',
	autoGenerateOtp: 'auto_generate_otp',
	otpLength: 'otp_length',
	otpFieldNumber: 'otp_field_number',
	contact: 'contact',
	body: (n: number) => `field_${n}`,
	button: (n: number) => `button_${n}`,
	mediaUrl: (kind: MediaKind) => `header_${kind}_url`,
	mediaFile: (kind: MediaKind) => `header_${kind}_file`,
} as const;

/** Keys of the send's `contact` object, by the node's New Contact field names. */
export const CONTACT_KEYS = {
	firstName: 'firstname',
	lastName: 'lastname',
	email: 'email',
	country: 'country',
	groups: 'groups',
	assignedId: 'assigned_id',
	statusId: 'status_id',
	sourceId: 'source_id',
} as const;
export type ContactField = keyof typeof CONTACT_KEYS;

/** A contact under the platform's keys, from values in the node's terms (their order kept). */
export function wireContact<V extends Partial<Record<ContactField, unknown>>>(values: V): Record<string, V[keyof V]> {
	return Object.fromEntries(Object.entries(values).map(([field, value]) => [CONTACT_KEYS[field as ContactField], value as V[keyof V]]));
}

const API_ROOT = '/api/v1';
const ROUTE = { sendTemplate: 'messages/template', templates: 'templates' } as const;

/** Paths under the platform URL. */
export const PATHS = {
	/** The API's root, which a Platform URL must not contain. */
	apiRoot: API_ROOT,
	/** A workspace's API: `/api/v1/{subdomain}`. */
	api: (subdomain: string) => `${API_ROOT}/${subdomain}`,
	/** The URL every request of a workspace goes under (the token goes nowhere else). */
	apiBase: (platformUrl: string, subdomain: string) => `${platformUrl}${API_ROOT}/${subdomain}`,
	/** Routes relative to the workspace's API. */
	route: ROUTE,
	sendTemplate: (subdomain: string) => `${API_ROOT}/${subdomain}/${ROUTE.sendTemplate}`,
	templates: (subdomain: string) => `${API_ROOT}/${subdomain}/${ROUTE.templates}`,
} as const;

/** What a test expects one message to carry, in the node's terms. */
export interface ExpectedMessage {
	phone: string;
	template: string;
	language: string;
	from?: string;
	headerText?: string;
	mediaUrl?: { kind: MediaKind; url: string };
	documentName?: string;
	/** {{1}}…{{n}} in order. */
	body?: string[];
	buttons?: Array<string | undefined>;
	copyCode?: string;
	autoOtp?: { length: number };
	/** Under the platform's keys: build it with wireContact(). */
	contact?: Record<string, string>;
}

/** The text fields (and the contact) the sandbox should record for a message. */
export function wireBody(m: ExpectedMessage): Record<string, unknown> {
	const body: Record<string, unknown> = {
		[WIRE.phone]: m.phone,
		[WIRE.templateName]: m.template,
		[WIRE.templateLanguage]: m.language,
	};
	if (m.from !== undefined) body[WIRE.from] = m.from;
	if (m.headerText !== undefined) body[WIRE.headerText] = m.headerText;
	if (m.mediaUrl) body[WIRE.mediaUrl(m.mediaUrl.kind)] = m.mediaUrl.url;
	if (m.documentName !== undefined) body[WIRE.documentName] = m.documentName;
	(m.body ?? []).forEach((value, i) => (body[WIRE.body(i + 1)] = value));
	(m.buttons ?? []).forEach((value, i) => value !== undefined && (body[WIRE.button(i)] = value));
	if (m.copyCode !== undefined) body[WIRE.copyCode] = m.copyCode;
	if (m.autoOtp) {
		body[WIRE.autoGenerateOtp] = '1';
		body[WIRE.otpLength] = String(m.autoOtp.length);
	}
	if (m.contact) body[WIRE.contact] = m.contact;
	return body;
}

type Json = Record<string, unknown>;
const at = (value: unknown, key: string): unknown => (typeof value === 'object' && value !== null ? (value as Json)[key] : undefined);

/** The platform's answers (CONTRACT.md: 200 OK, the error table, the rate limit, the template list). */
export const answers = {
	/**
	 * A send's 200: the message id at data.whatsapp_response.messages[0].id (null: no message
	 * id at all), or at data.message_id (`legacyId`, as some copies of the docs show it);
	 * `envelope: 'error'` for the odd 2xx that says "error".
	 */
	success(wamid: string | null, options: { legacyId?: boolean; envelope?: 'success' | 'error'; message?: string } = {}): Json {
		const data = options.legacyId ? { message_id: wamid } : { whatsapp_response: { messages: wamid === null ? [] : [{ id: wamid }] } };
		return { status: options.envelope ?? 'success', ...(options.message !== undefined ? { message: options.message } : {}), data };
	},
	/** An error envelope; `errors` (a string or an object of arrays) only when given. */
	error(message: string, errors?: unknown, flags: { limitReached?: boolean; errorCode?: string } = {}): Json {
		return {
			status: 'error',
			message,
			...(errors !== undefined ? { errors } : {}),
			...(flags.limitReached !== undefined ? { limit_reached: flags.limitReached } : {}),
			...(flags.errorCode !== undefined ? { error_code: flags.errorCode } : {}),
		};
	},
	/** A 429's body: no `status` key, the wait in seconds (as the platform sends it). */
	rateLimited: (seconds: unknown, message = 'Too many requests'): Json => ({ message, retry_after: seconds }),
	/** `errors` of a template validation refusal: one entry per missing field. */
	templateFields: (entries: string[]): Json => ({ template_fields: entries }),
	/** `errors` of a refused header medium. */
	headerMedia: (message: string): Json => ({ header_media: [message] }),
	/** `errors` of WhatsApp's own refusal. */
	whatsapp: (message: string): Json => ({ whatsapp: [message] }),
	/** `errors` of a platform failure (the message may have gone out). */
	system: (message = 'An error occurred while sending the template message'): Json => ({ system: [message] }),
	/** `errors` of a 404 for a template. */
	template: (message: string): Json => ({ template: [message] }),
	/** A page of GET templates: the Laravel paginator in the success envelope. */
	templatePage(records: readonly unknown[], page = { current: 1, last: 1, perPage: 100 }): Json {
		const paginator = { current_page: page.current, last_page: page.last, per_page: page.perPage, total: records.length, data: records };
		return { status: 'success', data: paginator };
	},
};

/** Any answer of the platform, read by what its keys hold (missing keys come back undefined). */
export function readAnswer(body: unknown): { status: unknown; message: unknown; data: unknown; errors: unknown; retryAfter: unknown } {
	return { status: at(body, 'status'), message: at(body, 'message'), data: at(body, 'data'), errors: at(body, 'errors'), retryAfter: at(body, 'retry_after') };
}

/** A send's 200 `data` (the node outputs it as `data`), read by what its keys hold. */
export function readSendData(data: unknown): {
	contact: unknown;
	template: unknown;
	whatsappResponse: unknown;
	/** media_info: where the platform stored a header medium; null without one. */
	mediaInfo: { fileName: unknown; url: unknown; type: unknown } | null;
	otp: unknown;
} {
	const media = at(data, 'media_info');
	return {
		contact: at(data, 'contact'),
		template: at(data, 'template'),
		whatsappResponse: at(data, 'whatsapp_response'),
		mediaInfo: media === null || media === undefined ? null : { fileName: at(media, 'filename'), url: at(media, 'media_url'), type: at(media, 'media_type') },
		otp: at(data, 'otp'),
	};
}

/** Keys of a template record of GET templates, by what they hold. */
export const TEMPLATE_KEYS = {
	id: 'id',
	name: 'template_name',
	language: 'language',
	status: 'status',
	category: 'category',
	headerFormat: 'header_data_format',
	headerText: 'header_data_text',
	headerParams: 'header_params_count',
	body: 'body_data',
	bodyParams: 'body_params_count',
	footer: 'footer_data',
	buttons: 'buttons_data',
	templateType: 'template_type',
	cards: 'cards_json',
} as const;

/** A template record's values as they came (no conversion: a wrong type shows in the test). */
export interface TemplateFacts {
	id: number | string;
	name: string;
	language: string;
	status: string;
	category: string;
	headerFormat: string | null;
	headerText: string | null;
	headerParams: number;
	body: string;
	bodyParams: number;
	footer: string | null;
	/** JSON-encoded on the platform; parsed in Get Many's output. */
	buttons: unknown;
	templateType: string | null;
	cards: string | null;
}

/** Read a template record (of the sandbox, or of Get Many's output) by what its keys hold. */
export function readTemplateRecord(record: unknown): TemplateFacts {
	const facts: Json = {};
	for (const [fact, key] of Object.entries(TEMPLATE_KEYS)) facts[fact] = at(record, key);
	return facts as unknown as TemplateFacts;
}

/** The template list's query (GET templates?page=&per_page=). */
export const LIST = {
	/** The node reads the list 100 templates a page. */
	pageSize: 100,
	/** The query as the sandbox records it (strings); a page left out is not sent. */
	query: (page: number | undefined, perPage: number): Record<string, string> => ({ ...(page !== undefined ? { page: String(page) } : {}), per_page: String(perPage) }),
	/** The page a recorded list read asked for, as it came. */
	pageOf: (query: unknown): unknown => at(query, 'page'),
} as const;
