'use strict';
/**
 * The platform's outbound webhooks (CONTRACT.md, "Webhooks the platform sends"; platform-notes §5),
 * built from the contract alone, not from the node. After an accepted send the sandbox can post
 * that message's lifecycle (sent → delivered → read, or sent → failed) to a configured URL, and
 * contact / status / source events or an inbound message on demand, in one of the three formats:
 *   1 legacy CRUD envelope (up to 1.5; Xobito's CRUD events): {event:"created", model, data, original, timestamp}
 *   2 "n8n format" (1.6+): {event:{id,type,timestamp,version}, tenant, data:{resource,relationships}, changes|whatsapp, metadata}
 *   3 Xobito's message events: {event:"message.delivered", model:"WhatsAppMessage", data:{message_id,...}, timestamp}
 * Each body is PHP's json_encode output (`\/`, `\uXXXX`), signed as the platform signs it:
 * X-Webhook-Signature = lowercase hex HMAC-SHA256 of exactly those bytes. Up to 3 attempts, 1 s then
 * 2 s apart (times multiplied by `timeScale`), 30 s timeout, any 2xx is success; forwarded WhatsApp
 * events (format 2 message events) get one attempt, as on the platform.
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
function metaStatus(wamid, status, digits, at) {
	const entry = { id: wamid, status, timestamp: unix(at), recipient_id: digits };
	if (status === 'failed') entry.errors = [FAILED_ERROR];
	else entry.pricing = { billable: true, pricing_model: 'CBP', category: 'utility' };
	const value = { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550001111', phone_number_id: '100200300' }, statuses: [entry] };
	return { object: 'whatsapp_business_account', entry: [{ id: '400500600', changes: [{ field: 'messages', value }] }] };
}

/**
 * One message status event. `message`: { wamid, digits, text? }. Returns { event, body } where
 * `event` is what X-Webhook-Event carries.
 */
function messageEvent(format, status, message, at = new Date()) {
	if (!STATUSES.includes(status)) throw new TypeError(`status must be one of ${STATUSES.join(', ')}`);
	if (format === 3) {
		const data = { message_id: message.wamid, status, error_message: status === 'failed' ? FAILED_ERROR.title : null, tenant_id: TENANT.id };
		if (status === 'sent' && message.text) Object.assign(data, { text: message.text, type: 'text' });
		return { event: `message.${status}`, body: { event: `message.${status}`, model: 'WhatsAppMessage', data, timestamp: phpIso(at) } };
	}
	if (format === 2) {
		const meta = metaStatus(message.wamid, status, message.digits, at);
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

function checkWebhookConfig(given) {
	if (given === null) return null;
	if (typeof given !== 'object') throw new TypeError('webhook must be an object or null');
	const url = given.url;
	if (typeof url !== 'string' || !/^https?:\/\//.test(url)) throw new TypeError('webhook.url must be an http(s) URL');
	const format = given.format ?? 3;
	if (![1, 2, 3].includes(format)) throw new TypeError('webhook.format must be 1, 2 or 3');
	const lifecycle = given.lifecycle ?? (format === 1 ? [] : ['sent', 'delivered', 'read']);
	if (!Array.isArray(lifecycle) || lifecycle.some((s) => !STATUSES.includes(s))) throw new TypeError(`webhook.lifecycle: statuses from ${STATUSES.join(', ')}`);
	if (format === 1 && lifecycle.length) throw new TypeError('format 1 (the legacy CRUD envelope) carries no message events: lifecycle must be []');
	const retries = given.retries ?? 3;
	if (!Number.isInteger(retries) || retries < 1 || retries > 3) throw new TypeError('webhook.retries: the number of attempts, 1 to 3');
	const timeScale = given.timeScale ?? 1;
	if (!(typeof timeScale === 'number' && timeScale >= 0)) throw new TypeError('webhook.timeScale must be a number >= 0');
	const secret = given.secret ?? '123';
	if (typeof secret !== 'string') throw new TypeError('webhook.secret must be a string');
	return { url, format, secret, lifecycle: [...lifecycle], retries, timeScale };
}

/** Posts events; one instance per sandbox. */
class WebhookEmitter {
	constructor() {
		this.config = null;
		this.deliveries = [];
		this.pending = new Set();
		this.waits = new Set();
		this.controllers = new Set();
		this.generation = 0;
		this.closed = false;
	}

	configure(given) {
		this.config = checkWebhookConfig(given);
	}

	/**
	 * The send hook: an accepted message's lifecycle, posted in order once the send was answered
	 * (`answerInMs`: when the sandbox answers it).
	 */
	accepted(message, answerInMs = 0) {
		const config = this.config;
		if (!config || !config.lifecycle.length) return;
		const digits = String(message.fields.phone_number).replace(/\D/g, '');
		const text = Array.isArray(message.whatsapp?.body) ? message.whatsapp.body.join(' ') : undefined;
		const target = { wamid: message.wamid, digits, text };
		this.track(async (gen) => {
			await this.wait(answerInMs + 10); // after the send's answer: Meta reports statuses later
			for (const status of config.lifecycle) {
				if (gen !== this.generation) return;
				const { event, body } = messageEvent(config.format, status, target);
				await this.deliver(config, event, body, { messageId: message.wamid, retry: config.format !== 2 });
			}
		});
	}

	/** A contact / status / source event now; resolves with its delivery attempts. */
	emitRecordEvent(change, overrides = {}) {
		const config = this.effective(overrides);
		const { event, body } = recordEvent(config.format, change);
		return this.track(() => this.deliver(config, event, body, { retry: true }));
	}

	/** A customer's reply now (formats 2 and 3). */
	emitReceived(inbound, overrides = {}) {
		const config = this.effective(overrides);
		const { event, body } = receivedEvent(config.format, inbound);
		return this.track(() => this.deliver(config, event, body, { retry: config.format !== 2 }));
	}

	/** Post any body, signed (or with the given signature / none): for forged and replayed events. */
	post(body, { event = 'test', signature, ...overrides } = {}) {
		const config = this.effective(overrides);
		return this.track(() => this.deliver(config, event, body, { retry: false, signature }));
	}

	effective(overrides) {
		const merged = { ...(this.config || {}), ...overrides };
		if (!merged.url) throw new Error('sandbox webhooks: configure({ webhook: { url, ... } }) first, or pass url');
		return checkWebhookConfig({ ...merged, lifecycle: [] });
	}

	track(fn) {
		const p = Promise.resolve().then(() => fn(this.generation));
		this.pending.add(p);
		const done = () => this.pending.delete(p);
		p.then(done, done);
		return p;
	}

	/** Resolves when every event posted or scheduled so far was delivered or given up. */
	async idle() {
		while (this.pending.size) await Promise.allSettled([...this.pending]);
	}

	wait(ms) {
		return new Promise((resolve) => {
			const entry = { resolve };
			entry.timer = setTimeout(() => {
				this.waits.delete(entry);
				resolve();
			}, ms);
			this.waits.add(entry);
		});
	}

	/** Up to `retries` attempts; each recorded in `deliveries`. Returns this event's attempts. */
	async deliver(config, event, body, { messageId = null, retry, signature }) {
		const text = typeof body === 'string' ? body : phpJson(body);
		const attempts = [];
		const gen = this.generation;
		const max = retry ? config.retries : 1;
		for (let attempt = 1; attempt <= max && !this.closed && gen === this.generation; attempt++) {
			const headers = {
				'Content-Type': 'application/json',
				'User-Agent': 'whatsmark-Webhook/1.0',
				'X-Webhook-Event': event,
				'X-Webhook-Timestamp': new Date().toISOString(), // recomputed per attempt, not signed
			};
			const sig = signature === undefined ? sign(text, config.secret) : signature;
			if (sig !== null) headers['X-Webhook-Signature'] = sig;
			if (config.format === 2) headers['X-Webhook-Format'] = 'n8n';
			const record = { event, format: config.format, url: config.url, attempt, messageId, body: text, headers, status: null, response: null, error: null };
			const controller = new AbortController();
			this.controllers.add(controller);
			const timer = setTimeout(() => controller.abort(), Math.max(1, 30000 * config.timeScale));
			try {
				const res = await fetch(config.url, { method: 'POST', headers, body: text, signal: controller.signal });
				record.status = res.status;
				record.response = await res.text();
			} catch (error) {
				record.error = error.name === 'AbortError' ? 'timeout' : error.message;
			} finally {
				clearTimeout(timer);
				this.controllers.delete(controller);
			}
			if (gen !== this.generation) break;
			this.deliveries.push(record);
			attempts.push(record);
			if (record.status !== null && record.status >= 200 && record.status < 300) break;
			if (attempt < max) await this.wait(1000 * 2 ** (attempt - 1) * config.timeScale);
		}
		return attempts;
	}

	reset() {
		this.generation += 1;
		this.deliveries.length = 0;
		this.cancelWaits();
	}

	cancelWaits() {
		for (const entry of this.waits) {
			clearTimeout(entry.timer);
			entry.resolve();
		}
		this.waits.clear();
	}

	close() {
		this.closed = true;
		this.generation += 1;
		this.cancelWaits();
		for (const c of this.controllers) c.abort();
	}
}

module.exports = { WebhookEmitter, checkWebhookConfig, messageEvent, receivedEvent, recordEvent, phpJson, sign, STATUSES, TENANT, FAILED_ERROR };
