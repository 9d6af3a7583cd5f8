/**
 * Expected wire bodies and paths, written from CONTRACT.md: the one place in the tests that
 * names the platform's wire fields. A wire rename is a change here, in the node's table
 * (nodes/…/shared/platform.ts) and in the sandbox's (test/sandbox/platform.js).
 */

export type MediaKind = 'image' | 'video' | 'document';

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
	contact: 'contact',
	body: (n: number) => `field_${n}`,
	button: (n: number) => `button_${n}`,
	mediaUrl: (kind: MediaKind) => `header_${kind}_url`,
	mediaFile: (kind: MediaKind) => `header_${kind}_file`,
} as const;

/** Paths under the platform URL. */
export const PATHS = {
	sendTemplate: (subdomain: string) => `/api/v1/${subdomain}/messages/template`,
	templates: (subdomain: string) => `/api/v1/${subdomain}/templates`,
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
