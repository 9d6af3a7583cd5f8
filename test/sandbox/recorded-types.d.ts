/** Types of what the sandbox records: requests as they arrived and the messages it accepted; re-exported by index.d.ts. */

import type { FaultKind, TemplateRecord, V2FaultKind } from './index';
import type { CrmRouteName } from './crm-types';

export interface RecordedFile {
	/** The part's field name as sent. */
	field: string;
	filename: string;
	mimeType: string;
	size: number;
	/** Hex sha256 of the bytes received. */
	sha256: string;
}

export type Fields = Record<string, any>;
export type RouteName = 'templates.list' | 'templates.show' | 'messages.template' | 'messages.send' | 'messages.media' | 'messages.text' | 'messages.interactive' | CrmRouteName;

export type ApiVersion = 'v1' | 'v2';

export interface RecordedRequest {
	/** 1-based, in arrival order (restarts at 1 after reset()). */
	seq: number;
	/** The API generation the path is under (`/api/v1/...`, `/api/v2/...`), null for neither. */
	api: ApiVersion | null;
	method: string;
	/** Path without the query string (with the prefix). */
	path: string;
	/** Query string parameters (bracketed names rebuilt). */
	query: Fields;
	/** The route matched, null when none did (404/405). */
	route: RouteName | null;
	contentType: string | null;
	/** Raw Authorization header value. */
	authorization: string | null;
	/** Raw Accept header value. */
	accept: string | null;
	/** All request headers, lower-case names. */
	headers: Record<string, string | string[] | undefined>;
	/** Parsed send body: JSON object or rebuilt multipart text parts; {} for an empty body; null when not parsed. */
	fields: Fields | null;
	/** Multipart file parts. */
	files: RecordedFile[];
	/** Status answered; null while pending or when never answered (drop, dropMidUpload, hang, client gone). */
	status: number | null;
	/** Body answered: parsed JSON, or the raw text for non-JSON answers. */
	response: any;
	/** The fault applied to this request, if any. */
	fault: FaultKind | V2FaultKind | 'respond' | 'redirect' | null;
	/** Free-form sends refused by the validator: why (v2 messages/text answers them with a bare 500). */
	validationErrors?: Record<string, string[]>;
	/** Free-form media: the platform could not download media_url (v1 200 empty, v2 500). */
	mediaUnfetchable?: boolean;
	/** v2 sends: the fields (and file parts) the v2 table does not have, as received. */
	unknownFields?: string[];
	/** Why the body was not read completely (the connection closed), if so. */
	error: string | null;
	/** performance.now() at arrival / at answer end or socket close. */
	startedAt: number;
	endedAt: number | null;
}

export interface GeneratedOtp {
	code: string;
	generated: true;
	length: number;
	field_number: number;
}

/** A send answered 200 with a message id. */
export interface AcceptedMessage {
	api: ApiVersion;
	wamid: string;
	/** The recipient as WhatsApp got it: digits only. */
	digits: string;
	/** Fields as validated (body, plus query parameters the body did not have). */
	fields: Fields;
	files: RecordedFile[];
	template: TemplateRecord;
	/** True when the send created the contact. */
	contactCreated: boolean;
	/** The contact the message went to (either API). */
	contactId: number;
	/**
	 * The text parameters as WhatsApp receives them after the platform's rewriting:
	 * positional by presence, cut/padded to the template's counts, merge tokens replaced,
	 * whitespace collapsed, trimmed, '0' and empty -> ' '.
	 */
	whatsapp: { header: string[]; body: string[] };
	/** Where an uploaded header file was stored (`template_header_<unix second>_<slug>.<ext>`). */
	storedFileName?: string;
	/** v1: the code returned in data.otp. v2: the code the platform made for auto_generate_otp and never returned. */
	otp?: GeneratedOtp;
	/** v2: button_0..2 as sent, which the platform drops. */
	droppedButtons?: Record<string, string>;
	/** v2: fields the platform does not know, dropped (config v2UnknownFields 'ignore'; [] otherwise). */
	ignoredFields?: string[];
}
