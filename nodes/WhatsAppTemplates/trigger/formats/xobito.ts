import type { IDataObject } from 'n8n-workflow';

import { eventOf, firstText, isoTime, objectOrNull, phoneOf, type TriggerEvent } from '../shape';

/**
 * Format 3, Xobito's message events:
 * `{event: "message.sent|delivered|read|failed|received", model: "WhatsAppMessage", data: {message_id, status, error_message, ...}, timestamp}`.
 * `data.message_id` is the wamid the send answered with. Xobito documents no phone on status events.
 */
export function isXobito(body: IDataObject): boolean {
	return typeof body.event === 'string' && body.event.includes('.');
}

export function normaliseXobito(body: IDataObject): TriggerEvent {
	const event = String(body.event).trim().toLowerCase();
	const data = objectOrNull(body.data) ?? {};
	const isMessage = event.startsWith('message.');
	const contact = objectOrNull(data.contact);
	const attributes = objectOrNull(data.attributes);
	return eventOf('xobito', body, {
		event,
		messageId: isMessage ? firstText(data.message_id, data.wamid, data.id) : null,
		status: firstText(data.status) ?? (isMessage && event !== 'message.received' ? event.slice(8) : null),
		phone: phoneOf(firstText(data.phone, data.from, data.wa_id, data.recipient_id, contact?.phone, attributes?.phone)),
		text: isMessage ? firstText(data.text, objectOrNull(data.text)?.body, data.message, data.body) : null,
		error: firstText(data.error_message, data.error),
		errorCode: firstText(data.error_code),
		timestamp: isoTime(body.timestamp),
		contact: contact ?? (event.startsWith('contact.') ? attributes : null),
		resource: isMessage ? { type: 'message', id: firstText(data.message_id), attributes: data } : objectOrNull(data),
		platformEvent: firstText(body.event),
	});
}
