'use strict';
/**
 * The bodies of the platform's outbound webhooks, per event and format, as PHP encodes and signs them.
 * Built from the contract alone (CONTRACT.md, "Webhooks the platform sends"; platform-notes §5),
 * not from the node. The three formats:
 *   1 legacy CRUD envelope (up to 1.5; Xobito's CRUD events): {event:"created", model, data, original, timestamp}
 *   2 "n8n format" (1.6+): {event:{id,type,timestamp,version}, tenant, data:{resource,relationships}, changes|whatsapp, metadata}
 *   3 Xobito's message events: {event:"message.delivered", model:"WhatsAppMessage", data:{message_id,...}, timestamp}
 * Each body is PHP's json_encode output (`\/`, `\uXXXX`), signed as the platform signs it:
 * X-Webhook-Signature = lowercase hex HMAC-SHA256 of exactly those bytes. Delivery: webhooks.js.
 */
const crypto = require('node:crypto');

const STATUSES = ['sent', 'delivered', 'read', 'failed'];
const RESOURCES = { contact: 'Contact', status: 'Status', source: 'Source' };
const ACTIONS = ['created', 'updated', 'deleted'];
const TENANT = { id: 1, name: 'Acme Corp', domain: 'acme' };
const FAILED_ERROR = { code: 131026, title: 'Message undeliverable', message: 'Message undeliverable', error_data: { details: 'Message Undeliverable.' } };

/** PHP's json_encode with default flags: slashes and every non-ASCII character escaped. */
function phpJson(value) {
	return JSON.stringify(value)
		.replace(/\//g, '\\/')
		.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function sign(body, secret) {
	return crypto.createHmac('sha256', secret).update(body).digest('hex');
}

const iso = (at) => at.toISOString(); // 2026-05-28T14:50:56.123Z (format 2)
const phpIso = (at) => `${at.toISOString().slice(0, 19)}+00:00`; // Carbon toIso8601String (format 3)
const laravelIso = (at) => `${at.toISOString().slice(0, 23)}000Z`; // Carbon's JSON, microseconds (format 1)
const unix = (at) => String(Math.floor(at.getTime() / 1000)); // Meta's timestamps
const eventId = (at) => `evt_${unix(at)}_${crypto.randomBytes(5).toString('hex')}`;

function n8nEnvelope(type, at, data, extra) {
	return { event: { id: eventId(at), type, timestamp: iso(at), version: '1.0' }, tenant: TENANT, data, ...extra };
}

/** Meta's webhook for one status, as the platform forwards it under whatsapp.original_payload. */
function metaStatus(wamid, status, digits, at, error = FAILED_ERROR) {
	const entry = { id: wamid, status, timestamp: unix(at), recipient_id: digits };
	if (status === 'failed') entry.errors = [error];
	else entry.pricing = { billable: true, pricing_model: 'CBP', category: 'utility' };
	const value = { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550001111', phone_number_id: '100200300' }, statuses: [entry] };
	return { object: 'whatsapp_business_account', entry: [{ id: '400500600', changes: [{ field: 'messages', value }] }] };
}

/**
 * One message status event. `message`: { wamid, digits, text?, error? } (`error`: the failure's
 * item of Meta's errors[], default FAILED_ERROR). Returns { event, body } where `event` is what
 * X-Webhook-Event carries.
 */
function messageEvent(format, status, message, at = new Date()) {
	if (!STATUSES.includes(status)) throw new TypeError(`status must be one of ${STATUSES.join(', ')}`);
	const error = message.error || FAILED_ERROR;
	if (format === 3) {
		const data = { message_id: message.wamid, status, error_message: status === 'failed' ? error.title : null, tenant_id: TENANT.id };
		if (status === 'sent' && message.text) Object.assign(data, { text: message.text, type: 'text' });
		return { event: `message.${status}`, body: { event: `message.${status}`, model: 'WhatsAppMessage', data, timestamp: phpIso(at) } };
	}
	if (format === 2) {
		const meta = metaStatus(message.wamid, status, message.digits, at, error);
		const attributes = { message_id: message.wamid, ...meta.entry[0].changes[0].value.statuses[0] };
		delete attributes.id;
		const type = `whatsapp.message.${status}`;
		const data = { resource: { type: 'message', id: message.wamid, attributes }, relationships: {} };
		const extra = { whatsapp: { original_payload: meta }, metadata: { source: 'whatsapp_webhook_forward', environment: 'production', request_id: crypto.randomUUID() } };
		return { event: type, body: n8nEnvelope(type, at, data, extra) };
	}
	throw new TypeError('format 1 (the legacy CRUD envelope) carries no message events');
}

/** A customer's reply. `inbound`: { wamid?, from (digits), name, text }. */
function receivedEvent(format, inbound, at = new Date()) {
	const wamid = inbound.wamid || `wamid.${crypto.randomBytes(24).toString('base64url')}`;
	if (format === 3) {
		const data = { message_id: wamid, status: 'received', from: inbound.from, text: inbound.text, type: 'text', contact: { name: inbound.name, phone: `+${inbound.from}` }, tenant_id: TENANT.id };
		return { event: 'message.received', body: { event: 'message.received', model: 'WhatsAppMessage', data, timestamp: phpIso(at) } };
	}
	if (format === 2) {
		const attributes = { message_id: wamid, from: inbound.from, timestamp: unix(at), type: 'text', text: inbound.text, context: null };
		const data = { resource: { type: 'message', id: wamid, attributes }, relationships: { contact: { wa_id: inbound.from, name: inbound.name } } };
		const value = { messaging_product: 'whatsapp', contacts: [{ profile: { name: inbound.name }, wa_id: inbound.from }], messages: [{ from: inbound.from, id: wamid, timestamp: unix(at), type: 'text', text: { body: inbound.text } }] };
		const extra = {
			whatsapp: { original_payload: { object: 'whatsapp_business_account', entry: [{ id: '400500600', changes: [{ field: 'messages', value }] }] } },
			metadata: { source: 'whatsapp_webhook_forward', environment: 'production', request_id: crypto.randomUUID() },
		};
		return { event: 'whatsapp.message.received', body: n8nEnvelope('whatsapp.message.received', at, data, extra), wamid };
	}
	throw new TypeError('format 1 (the legacy CRUD envelope) carries no message events');
}

/**
 * A contact / status / source event. `change`: { action, resource, record: {id, ...}, previous? }.
 * Format 3 (Xobito) sends CRUD events in the legacy envelope, as Xobito documents.
 */
function recordEvent(format, change, at = new Date()) {
	const { action, resource = 'contact', record } = change;
	if (!ACTIONS.includes(action)) throw new TypeError(`action must be one of ${ACTIONS.join(', ')}`);
	if (!RESOURCES[resource]) throw new TypeError(`resource must be one of ${Object.keys(RESOURCES).join(', ')}`);
	if (!record || record.id === undefined) throw new TypeError('record needs an id');
	const previous = change.previous || null;
	if (format === 2) {
		const type = `${resource}.${action}`;
		const modified = previous ? Object.keys(record).filter((k) => JSON.stringify(record[k]) !== JSON.stringify(previous[k])) : null;
		const data = { resource: { type: resource, id: record.id, attributes: record }, relationships: {} };
		const extra = { changes: { previous, current: record, modified_fields: modified }, metadata: { source: 'api_webhook_manager', environment: 'production', request_id: crypto.randomUUID() } };
		return { event: type, body: n8nEnvelope(type, at, data, extra) };
	}
	const body = {
		event: action,
		model: `App\\Models\\Tenant\\${RESOURCES[resource]}`,
		data: { id: record.id, attributes: record, relations: {} },
		original: previous || {},
		timestamp: laravelIso(at),
	};
	return { event: action, body };
}

module.exports = { messageEvent, receivedEvent, recordEvent, phpJson, sign, STATUSES, TENANT, FAILED_ERROR };
