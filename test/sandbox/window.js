'use strict';
/**
 * Free-form messages and WhatsApp's 24-hour customer-service window (issue 20): the sandbox's
 * side. This file keeps the window and the accepted free-form messages; the endpoints are
 * chat.js (v1) and v2/chat.js, their tables chat-platform.js and v2/chat-platform.js, media
 * chat-media.js. Nothing here comes from the node.
 *
 * Endpoints (each with its API's gate: v1 ability messages.send / v2 scope messages:send, the
 * rate limit, strict validation, faults):
 *   v1 POST /api/v1/{subdomain}/messages/send   phone_number, message_body <= 4096, contact; Xobito's
 *        message_type/header/footer/buttons/button_text/button_url: checked as documented, then
 *        IGNORED (recorded in `ignored`); 200 data.message_id, sent_at 'Y-m-d H:i:s'.
 *   v1 POST /api/v1/{subdomain}/messages/media  phone_number 10-15, media_type, media_url | media_file,
 *        caption <= 1024 (dropped for audio), filename <= 255, contact; extension/size 422
 *        {status, message}; a URL the server cannot download: 200 with an EMPTY body; a document
 *        without `filename` crashes 2.2.0 (500 Server Error, [inferred] in the evidence).
 *   v2 POST /api/v2/messages/text         ANY validation failure: 500 {"message":"Server Error"} outside
 *        the envelope (HTML without Accept: application/json); record.validationErrors says why.
 *   v2 POST /api/v2/messages/media        envelope 422 for the validator; extension/size 422 outside
 *        it; an undownloadable URL: 500 outside the envelope.
 *   v2 POST /api/v2/messages/interactive  type button|list, body_text, header_text, footer_text,
 *        buttons[] | list_button_text + sections[].rows[].
 *
 * Sandbox API (index.d.ts):
 *   sb.freeForm                 every accepted free-form message (FreeFormMessage: api, route, kind,
 *                               wamid, digits, fields, files, whatsapp (what WhatsApp got), ignored,
 *                               storedFileName, overwroteUpload, inWindow); sb.messages stays templates.
 *   sb.requests                 every request as before (route 'messages.send', 'messages.media',
 *                               'messages.text', 'messages.interactive'; validationErrors on refusals).
 *   sb.stats.overwrittenUploads uploads stored under a name already used (0 = no overwrite).
 *   sb.setRemoteMedia(url, { fetchable?, size? })  a media URL the server cannot download / its size;
 *                               hosts under `.invalid` are never downloadable.
 *   CHAT_MEDIA (module export)  per kind: extensions, jpg, maxBytes (5 / 16 / 16 / 100 MiB).
 *   sb.emitReceivedMessage({ from, name, text, wamid?, at? })  posts the signed inbound message
 *                               (format 2 whatsapp.message.received, format 3 message.received) to the
 *                               configured webhook AND opens `from`'s window at `at` (default now).
 *   sb.openWindow(digits, at?)  opens a window without posting (a customer wrote earlier);
 *   sb.lastInbound(digits)      ms of the last inbound message, or null; config.serviceWindowMs (24 h).
 *   Faults (sb.injectFault, match.route to aim at one endpoint): v1 whatsapp500 with `code`
 *   (default 131030; 500 {status, message, error: Graph's JSON AS A STRING}), noMessageId200 (here a
 *   500, error "No message ID in response"), system500 (error "Internal server error"), notConnected503 (422
 *   whatsapp_connection_not_configured here), the network kinds; v2 (api: 'v2' for a kind both
 *   have) sendFailedWhatsApp500 with `code` (details.error "(#131047) Re-engagement message"),
 *   the other v2 kinds. sb.reset() also clears freeForm, the windows and setRemoteMedia.
 *
 * The window: per workspace (the sandbox has one, shared by its v1 and v2 tokens), the last inbound
 * message per phone. A free-form message to a phone without one in the last serviceWindowMs is
 * ACCEPTED (200, a wamid) and then FAILS in the lifecycle webhooks: 'sent' (when configured), then
 * 'failed' with WhatsApp's 131047 "Re-engagement message", whatever lifecycle says. Template sends
 * do not look at the window.
 */
const crypto = require('node:crypto');
const { statusError } = require('./whatsapp-errors');

const DAY_MS = 24 * 60 * 60 * 1000;
const REENGAGEMENT = 131047;

const newWamid = () => `wamid.${crypto.randomBytes(30).toString('base64url')}`;
const toMs = (at) => (at === undefined ? Date.now() : at instanceof Date ? at.getTime() : at);

function checkDigits(digits, what) {
	if (typeof digits !== 'string' || !/^[1-9]\d{7,14}$/.test(digits)) throw new TypeError(`${what}: a phone as digits, country code first (8-15)`);
	return digits;
}

function checkWindowConfig(change, into) {
	if ('serviceWindowMs' in change) {
		if (!(Number.isInteger(change.serviceWindowMs) && change.serviceWindowMs > 0)) throw new TypeError('serviceWindowMs must be a positive integer (milliseconds)');
		into.serviceWindowMs = change.serviceWindowMs;
	}
	return into;
}

/** The last inbound message per phone (digits). */
class ServiceWindow {
	constructor() {
		this.lastAt = new Map();
	}

	open(digits, at) {
		const ms = toMs(at);
		if (!Number.isFinite(ms)) throw new TypeError('openWindow: at must be a Date or ms since the epoch');
		const key = checkDigits(digits, 'openWindow');
		if (!(this.lastAt.get(key) > ms)) this.lastAt.set(key, ms);
	}

	last(digits) {
		return this.lastAt.get(digits) ?? null;
	}

	isOpen(digits, windowMs, now = Date.now()) {
		const at = this.last(digits);
		return at !== null && now - at < windowMs;
	}

	reset() {
		this.lastAt.clear();
	}
}

/**
 * Record an accepted free-form message (its answer goes out in `answerInMs`) and schedule its
 * lifecycle: outside the window, WhatsApp fails it later with 131047.
 */
function acceptFreeForm(state, ex, message, answerInMs) {
	if (!ex.current()) return;
	message.inWindow = state.window.isOpen(message.digits, state.config.serviceWindowMs);
	state.freeForm.push(message);
	state.stats.accepted += 1;
	state.webhooks.accepted(message, answerInMs, message.inWindow ? null : statusError(REENGAGEMENT));
}

/** The handle's part (property descriptors, getters stay live). */
function windowHandle(state) {
	return {
		get freeForm() {
			return state.freeForm;
		},
		openWindow(digits, at) {
			state.window.open(digits, at);
		},
		lastInbound(digits) {
			return state.window.last(digits);
		},
		emitReceivedMessage(inbound, overrides) {
			state.window.open(checkDigits(inbound && inbound.from, 'emitReceivedMessage'), inbound.at);
			return state.webhooks.emitReceived(inbound.at === undefined ? inbound : { ...inbound, at: new Date(toMs(inbound.at)) }, overrides);
		},
	};
}

module.exports = { ServiceWindow, acceptFreeForm, windowHandle, checkWindowConfig, newWamid, DAY_MS, REENGAGEMENT };
