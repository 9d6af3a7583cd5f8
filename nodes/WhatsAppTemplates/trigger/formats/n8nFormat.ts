import type { IDataObject } from 'n8n-workflow';

import { MESSAGE_STATUSES } from '../events';
import { eventOf, firstText, isObject, isoTime, objectOrNull, phoneOf, text, type TriggerEvent } from '../shape';

/**
 * Format 2, the "n8n format" (platform 1.6+):
 * `{event: {id, type, timestamp, version}, tenant, data: {resource: {type, id, attributes}, relationships}, changes, metadata}`.
 * Types are `contact.created` ... `source.deleted`, and on 2.2.0, for forwarded WhatsApp events,
 * `whatsapp.message.sent|delivered|read|failed|received`, `whatsapp.status.updated`,
 * `whatsapp.template.status_updated|quality_updated`, `whatsapp.account.*`, `whatsapp.phone.*`, ...
 * (Meta's own payload under `whatsapp.original_payload`).
 */
export function isN8nFormat(body: IDataObject): boolean {
	return isObject(body.event) && typeof body.event.type === 'string';
}

const WHATSAPP = 'whatsapp.';

/** Meta's error object ({code, title, message, error_data: {details}}) as one line. */
function errorOf(errors: unknown): { error: string | null; errorCode: string | null } {
	const first = Array.isArray(errors) ? errors.find(isObject) : objectOrNull(errors);
	if (!first) return { error: null, errorCode: null };
	const details = objectOrNull(first.error_data)?.details;
	const words = [firstText(first.title), firstText(first.message, details)]
		.filter((w, i, all): w is string => w !== null && all.indexOf(w) === i)
		.join(': ');
	return { error: words || null, errorCode: text(first.code) };
}

/**
 * A received message's text: Meta nests it (`text.body`, a template button's `button.text`, the
 * title of a reply button or list row tapped on Send Buttons' message: `interactive.button_reply`,
 * `interactive.list_reply`).
 */
function messageText(attributes: IDataObject): string | null {
	const t = attributes.text;
	if (isObject(t)) return firstText(t.body);
	const button = objectOrNull(attributes.button);
	const interactive = objectOrNull(attributes.interactive);
	const reply = objectOrNull(interactive?.button_reply) ?? objectOrNull(interactive?.list_reply);
	return firstText(t, button?.text, reply?.title, attributes.caption);
}

function forwarded(body: IDataObject, type: string): TriggerEvent {
	const head = body.event as IDataObject;
	const data = objectOrNull(body.data) ?? {};
	const resource = objectOrNull(data.resource);
	const attributes = objectOrNull(resource?.attributes) ?? {};
	const relationships = objectOrNull(data.relationships) ?? {};
	const contact = objectOrNull(relationships.contact);
	const sub = type.slice(WHATSAPP.length);
	const status = firstText(attributes.status, attributes.event);

	let event = sub;
	if (sub === 'status.updated') {
		// A status Meta reported for a message; the known ones get their own event names.
		const s = (status ?? '').toLowerCase();
		event = MESSAGE_STATUSES.includes(s) ? `message.${s}` : 'message.status_updated';
	}
	const isMessage = event.startsWith('message.') || resource?.type === 'message';
	const { error, errorCode } = errorOf(attributes.errors);
	return eventOf('n8n', body, {
		event,
		messageId: isMessage ? firstText(attributes.message_id, resource?.id) : null,
		status: status ?? (event.startsWith('message.') && event !== 'message.received' ? event.slice(8) : null),
		phone: phoneOf(firstText(attributes.recipient_id, attributes.from, contact?.wa_id, contact?.phone)),
		text: messageText(attributes),
		error,
		errorCode,
		timestamp: isoTime(attributes.timestamp) ?? isoTime(head.timestamp),
		contact,
		resource,
		platformEvent: type,
		eventId: text(head.id),
	});
}

function crud(body: IDataObject, type: string): TriggerEvent {
	const head = body.event as IDataObject;
	const data = objectOrNull(body.data) ?? {};
	const resource = objectOrNull(data.resource);
	const attributes = objectOrNull(resource?.attributes) ?? {};
	const changes = objectOrNull(body.changes);
	const isContact = type.startsWith('contact.');
	return eventOf('n8n', body, {
		event: type,
		phone: isContact ? phoneOf(attributes.phone) : null,
		timestamp: isoTime(head.timestamp),
		contact: isContact ? { id: resource?.id ?? attributes.id ?? null, ...attributes } : null,
		resource,
		changes:
			changes && (isObject(changes.previous) || Array.isArray(changes.modified_fields))
				? { previous: changes.previous ?? null, current: changes.current ?? null, modifiedFields: changes.modified_fields ?? [] }
				: null,
		platformEvent: type,
		eventId: text(head.id),
	});
}

export function normaliseN8nFormat(body: IDataObject): TriggerEvent {
	const type = String((body.event as IDataObject).type).trim();
	return type.startsWith(WHATSAPP) ? forwarded(body, type) : crud(body, type);
}
