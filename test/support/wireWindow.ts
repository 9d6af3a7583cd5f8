/**
 * The messages in the 24-hour window as the tests state them, written from CONTRACT.md ("Messages
 * in the 24-hour window (v1)") and CONTRACT-v2.md ("Messages in the 24-hour window"): the one place
 * in the tests that names these sends' paths and wire fields. Never built from the node's table.
 * No runtime imports: scripts may transpile this file on its own.
 */

export type Api = 'v1' | 'v2';
export type MessageMediaKind = 'image' | 'video' | 'audio' | 'document';

/** Routes under the API base, and the sandbox's names for them. */
export const WINDOW_ROUTES = {
	v1: { text: 'messages/send', media: 'messages/media', buttons: 'messages/send' },
	v2: { text: 'messages/text', media: 'messages/media', buttons: 'messages/interactive' },
} as const;
export const WINDOW_ROUTE_NAMES = {
	v1: { text: 'messages.send', media: 'messages.media', buttons: 'messages.send' },
	v2: { text: 'messages.text', media: 'messages.media', buttons: 'messages.interactive' },
} as const;

/** The full path of a window send under the platform URL. */
export function windowPath(api: Api, send: 'text' | 'media' | 'buttons', subdomain: string): string {
	return api === 'v1' ? `/api/v1/${subdomain}/${WINDOW_ROUTES.v1[send]}` : `/api/v2/${WINDOW_ROUTES.v2[send]}`;
}

/** The recipient's field on each API. */
export const PHONE = { v1: 'phone_number', v2: 'phone' } as const;

/** Send Text's body. */
export function textBody(api: Api, phone: string, text: string): Record<string, unknown> {
	return api === 'v1' ? { phone_number: phone, message_body: text } : { phone, message: text };
}

export interface ExpectedMedia {
	phone: string;
	kind: MessageMediaKind;
	url?: string;
	caption?: string;
	fileName?: string;
}

/** Send Media's text fields (the same names on both APIs but the phone's); a file goes as media_file. */
export function mediaBody(api: Api, m: ExpectedMedia): Record<string, unknown> {
	const body: Record<string, unknown> = { [PHONE[api]]: m.phone, media_type: m.kind };
	if (m.url !== undefined) body.media_url = m.url;
	if (m.caption !== undefined) body.caption = m.caption;
	if (m.fileName !== undefined) body.filename = m.fileName;
	return body;
}
export const MEDIA_FILE_FIELD = 'media_file';

export interface ExpectedButtons {
	phone: string;
	body: string;
	header?: string;
	footer?: string;
	buttons?: Array<{ id: string; title: string }>;
	list?: { buttonText: string; sections: Array<{ title?: string; rows: Array<{ id: string; title: string; description?: string }> }> };
}

/** Send Buttons' body: v2 messages/interactive; v1 messages/send as Xobito documents it. */
export function buttonsBody(api: Api, m: ExpectedButtons): Record<string, unknown> {
	if (api === 'v1') {
		const body: Record<string, unknown> = { phone_number: m.phone, message_type: 'interactive', message_body: m.body };
		if (m.header !== undefined) body.header = m.header;
		if (m.footer !== undefined) body.footer = m.footer;
		if (m.buttons) body.buttons = m.buttons;
		return body;
	}
	const body: Record<string, unknown> = { phone: m.phone, type: m.list ? 'list' : 'button', body_text: m.body };
	if (m.header !== undefined) body.header_text = m.header;
	if (m.footer !== undefined) body.footer_text = m.footer;
	if (m.buttons) body.buttons = m.buttons;
	if (m.list) {
		body.list_button_text = m.list.buttonText;
		body.sections = m.list.sections.map((s) => ({ ...(s.title !== undefined ? { title: s.title } : {}), rows: s.rows }));
	}
	return body;
}
