/** Types of what the sandbox records: requests as they arrived and the messages it accepted; re-exported by index.d.ts. */

import type { FaultKind, TemplateRecord } from './index';

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
export type RouteName = 'templates.list' | 'templates.show' | 'messages.template';

export interface RecordedRequest {
	/** 1-based, in arrival order (restarts at 1 after reset()). */
	seq: number;
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
	fault: FaultKind | 'respond' | 'redirect' | null;
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
	wamid: string;
	/** Fields as validated (body, plus query parameters the body did not have). */
	fields: Fields;
	files: RecordedFile[];
	template: TemplateRecord;
	/** True when the send created the contact. */
	contactCreated: boolean;
	/**
	 * The text parameters as WhatsApp receives them after the platform's rewriting:
	 * positional by presence, cut/padded to the template's counts, merge tokens replaced,
	 * whitespace collapsed, trimmed, '0' and empty -> ' '.
	 */
	whatsapp: { header: string[]; body: string[] };
	/** Where an uploaded header file was stored (`template_header_<unix second>_<slug>.<ext>`). */
	storedFileName?: string;
	otp?: GeneratedOtp;
}
