'use strict';
/**
 * The sandbox's outbound-webhook sender: the config check and the delivery loop with retries.
 * Bodies and signatures come from webhook-bodies.js (re-exported here for callers). After an
 * accepted send the sandbox can post that message's lifecycle (sent → delivered → read, or
 * sent → failed) to a configured URL, and contact / status / source events or an inbound message
 * on demand (CONTRACT.md, "Webhooks the platform sends"; platform-notes §5). Up to 3 attempts,
 * 1 s then 2 s apart (times multiplied by `timeScale`), 30 s timeout, any 2xx is success;
 * forwarded WhatsApp events (format 2 message events) get one attempt, as on the platform.
 */
const { messageEvent, receivedEvent, recordEvent, phpJson, sign, STATUSES, TENANT, FAILED_ERROR } = require('./webhook-bodies');

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
	 * (`answerInMs`: when the sandbox answers it). `failure` (an item of Meta's errors[]): WhatsApp
	 * fails the message later (window.js: 131047 outside the 24-hour window), so 'sent' (when
	 * configured) is followed by 'failed' with it, whatever else the lifecycle says.
	 */
	accepted(message, answerInMs = 0, failure = null) {
		const config = this.config;
		if (!config || !config.lifecycle.length) return;
		const digits = String(message.digits).replace(/\D/g, ''); // the recipient, either API
		const text = Array.isArray(message.whatsapp?.body) ? message.whatsapp.body.join(' ') : message.whatsapp?.text;
		const target = { wamid: message.wamid, digits, text, error: failure };
		const statuses = failure ? [...config.lifecycle.filter((s) => s === 'sent'), 'failed'] : config.lifecycle;
		this.track(async (gen) => {
			await this.wait(answerInMs + 10); // after the send's answer: Meta reports statuses later
			for (const status of statuses) {
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

	/** A customer's reply now (formats 2 and 3); `inbound.at` (a Date) dates it. */
	emitReceived(inbound, overrides = {}) {
		const config = this.effective(overrides);
		const { event, body } = receivedEvent(config.format, inbound, inbound.at);
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
