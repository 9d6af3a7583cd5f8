import type { IDataObject } from 'n8n-workflow';

import { codeInText, explainWhatsappCode } from '../shared/whatsappCodes';

/** Which of the platform's three webhook bodies an event came in (CONTRACT.md, "Webhooks the platform sends"). */
export type BodyFormat = 'legacy' | 'n8n' | 'xobito' | 'unknown';

/**
 * One platform event, the same shape whatever body format carried it. Every key is always
 * present (null when the event has no such value) so workflows can map fields without guards.
 */
export interface TriggerEvent extends IDataObject {
	/** message.sent|delivered|read|failed|received, template.status_updated, contact.created, ... */
	event: string;
	/** The WhatsApp message id (wamid...): the same value the send's `messageId` gives. */
	messageId: string | null;
	/** sent, delivered, read, failed; a template's APPROVED, REJECTED, ...; null otherwise. */
	status: string | null;
	/** The other party's number as +digits (recipient of a status, sender of a reply, the contact's phone). */
	phone: string | null;
	/** Text of a received (or, in Xobito's message.sent, the sent) message. */
	text: string | null;
	/** Why a message failed, in the platform's or WhatsApp's words. */
	error: string | null;
	/** WhatsApp's error code when it gave one (e.g. 131026). */
	errorCode: string | null;
	/** The error code in plain words with what to do, the same as the action node says (e.g. 131047: outside the 24-hour window). */
	explanation: string | null;
	/** When it happened, ISO 8601 (UTC). */
	timestamp: string | null;
	/** The contact the event is about, as the platform sent it. */
	contact: IDataObject | null;
	/** The record the event is about: {type, id, attributes, ...}. */
	resource: IDataObject | null;
	/** For updates: {previous, current, modifiedFields}. */
	changes: IDataObject | null;
	/** The platform's own name for the event (e.g. `whatsapp.message.delivered`, `updated`). */
	platformEvent: string | null;
	/** The platform's event id (n8n format only). */
	eventId: string | null;
	format: BodyFormat;
	/** The body exactly as parsed from the request, untouched. */
	raw: IDataObject;
}

export function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objectOrNull(value: unknown): IDataObject | null {
	return isObject(value) ? value : null;
}

/** A non-empty string (numbers become strings); anything else null. */
export function text(value: unknown): string | null {
	if (typeof value === 'string') return value.trim() === '' ? null : value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return null;
}

/** The first of the values that is a non-empty string or a number. */
export function firstText(...values: unknown[]): string | null {
	for (const value of values) {
		const found = text(value);
		if (found !== null) return found;
	}
	return null;
}

/**
 * A phone number as +digits when it holds 8 to 15 digits (the platform stores `+4915...`, WhatsApp
 * sends `4915...`): one spelling, so it can be matched against CRM rows. Anything else as given.
 */
export function phoneOf(value: unknown): string | null {
	const given = text(value);
	if (given === null) return null;
	const digits = given.replace(/[\s().-]/g, '').replace(/^(\+|00)/, '');
	return /^\d{8,15}$/.test(digits) ? `+${digits}` : given;
}

/**
 * ISO 8601 from Unix seconds (WhatsApp: "1750857384"), milliseconds, or a date string
 * ("2026-05-28T14:50:56+00:00"). Null when it is none of them; `raw` keeps the original.
 */
export function isoTime(value: unknown): string | null {
	let ms: number;
	if (typeof value === 'number' || (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()))) {
		const n = Number(value);
		ms = n < 1e12 ? n * 1000 : n;
	} else if (typeof value === 'string' && value.trim() !== '') {
		ms = Date.parse(value);
	} else {
		return null;
	}
	if (!Number.isFinite(ms)) return null;
	const date = new Date(ms);
	return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The same event with every key present. */
export function eventOf(format: BodyFormat, raw: IDataObject, fields: Partial<TriggerEvent> & { event: string }): TriggerEvent {
	const errorCode = fields.errorCode ?? codeInText(fields.error ?? '') ?? null;
	return {
		event: fields.event,
		messageId: fields.messageId ?? null,
		status: fields.status ?? null,
		phone: fields.phone ?? null,
		text: fields.text ?? null,
		error: fields.error ?? null,
		errorCode,
		explanation: explainWhatsappCode(errorCode ?? undefined) ?? null,
		timestamp: fields.timestamp ?? null,
		contact: fields.contact ?? null,
		resource: fields.resource ?? null,
		changes: fields.changes ?? null,
		platformEvent: fields.platformEvent ?? null,
		eventId: fields.eventId ?? null,
		format,
		raw,
	};
}

/** Keys whose values differ between two records (JSON comparison). */
export function modifiedFields(previous: IDataObject | null, current: IDataObject | null): string[] {
	if (!previous || !current) return [];
	const keys = new Set([...Object.keys(previous), ...Object.keys(current)]);
	return [...keys].filter((key) => JSON.stringify(previous[key]) !== JSON.stringify(current[key]));
}
