'use strict';
/**
 * Injected faults: a FIFO queue, applied to sends (messages.template and the free-form
 * routes, chat.js) once they passed auth and validation. A fault with `match.phone` applies only to
 * requests whose phone_number (as sent) equals it, one with `match.route` only to that route;
 * `times` (default 1) counts applications. A kind names what happened; each endpoint answers it
 * as the platform does there (the free-form routes: chat.js). `code` (whatsapp500): WhatsApp's
 * error code, default 132000.
 *
 * Two moments, as on the real platform:
 * - 'transport' faults (a proxy, the network) act right after validation, before
 *   the platform looks at the template;
 * - 'platform' faults are the platform's own refusals after it did its work (the
 *   template and media were checked, a new contact was created), at the moment it
 *   would call WhatsApp.
 * Only the first matching fault is ever considered, so faults apply in the order added.
 * dropMidUpload is separate: it acts while the body arrives.
 *
 * A fault AIMED at a route (`match.route`) acts only there; the contact routes (crm-faults.js)
 * take only faults aimed at them, so a fault meant for a send never hits a contact read.
 *
 * 'redirect' (v1) is separate too: a 3xx with a Location, as a web server or proxy in front of the
 * platform answers (http to https, a moved host), on arrival, before the platform looks at the
 * request, for any route (`match.route`, default every route). The first redirect fault for the
 * route applies; the others wait.
 */
const R = require('./responses');
const { refusalText } = require('./whatsapp-errors');

const STAGE = Object.freeze({
	drop: 'transport',
	dropMidUpload: 'upload',
	hang: 'transport',
	latency: 'transport',
	html502: 'transport',
	nonJson200: 'transport',
	statusError200: 'transport',
	tooLarge413: 'transport',
	respond: 'transport',
	redirect: 'arrival',
	system500: 'platform',
	whatsapp500: 'platform',
	// WhatsApp answered without a message id: 200 on messages/template, a 500 on the free-form routes (chat.js).
	noMessageId200: 'platform',
	notConnected503: 'platform',
	optedOut403: 'platform',
	conversationLimit403: 'platform',
});
const KINDS = Object.freeze(Object.keys(STAGE).filter((k) => k !== 'respond' && k !== 'redirect'));
const REDIRECTS = Object.freeze({ 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 307: 'Temporary Redirect', 308: 'Permanent Redirect' });


/** Canned answers of the faults that answer. noMessageId200 is built by the send (it carries its data). */
const ANSWERS = Object.freeze({
	html502: R.html(502, R.nginxPage(502, 'Bad Gateway')),
	nonJson200: R.html(200, '<html><body>OK</body></html>'),
	statusError200: R.json(200, { status: 'error', message: 'Failed to send template' }),
	tooLarge413: R.payloadTooLarge(),
	system500: R.json(500, {
		status: 'error',
		message: 'internal_server_error',
		errors: { system: ['An error occurred while sending the template message'] },
	}),
	whatsapp500: R.whatsappRefused(refusalText(132000)),
	// The stock server's untranslated key (see platform-notes §12).
	notConnected503: R.json(503, { status: 'error', message: 'whatsapp_not_connected' }),
	optedOut403: R.json(403, { status: 'error', message: 'Contact has opted out of receiving messages', error_code: 'CONTACT_OPTED_OUT' }),
	conversationLimit403: R.json(403, {
		status: 'error',
		message: 'Conversation limit reached. Please upgrade your plan to continue messaging.',
		limit_reached: true,
	}),
});

/** The answer of a 'respond' fault: any status and body. A string body goes out as is. */
function customAnswer(fault) {
	const isText = typeof fault.body === 'string';
	const contentType = fault.contentType || (isText ? 'text/plain; charset=utf-8' : 'application/json');
	return { status: fault.status, contentType, body: isText ? fault.body : JSON.stringify(fault.body), headers: fault.headers || {} };
}

/** v1's kinds: when each acts, and the canned answers. v2 has its own table (v2/faults.js). */
/** nginx's answer for a `return 301 https://...;`: its HTML page and the Location header. */
function redirectAnswer(fault) {
	if (!REDIRECTS[fault.status]) throw new TypeError(`injectFault: a 'redirect' fault needs status ${Object.keys(REDIRECTS).join(', ')}`);
	if (typeof fault.location !== 'string' || fault.location === '') throw new TypeError("injectFault: a 'redirect' fault needs a location");
	return { ...R.html(fault.status, R.nginxPage(fault.status, REDIRECTS[fault.status])), headers: { Location: fault.location } };
}

const V1_TABLE = Object.freeze({ stages: STAGE, answers: ANSWERS });

function normalize(fault, table = V1_TABLE) {
	const special = ['respond', 'redirect'];
	const allowed = [...Object.keys(table.stages).filter((k) => !special.includes(k)), ...special.filter((k) => k in table.stages)];
	if (!fault || !allowed.includes(fault.kind)) {
		throw new TypeError(`injectFault: kind must be one of ${allowed.join(', ')}; got ${fault && fault.kind}`);
	}
	const times = fault.times === undefined ? 1 : fault.times;
	if (!(times === Infinity || (Number.isInteger(times) && times > 0))) {
		throw new TypeError('injectFault: times must be a positive integer (or Infinity)');
	}
	if (fault.kind === 'latency' && !(typeof fault.ms === 'number' && fault.ms >= 0)) {
		throw new TypeError("injectFault: a 'latency' fault needs ms >= 0");
	}
	let answer = table.answers[fault.kind] || null;
	if (fault.kind === 'respond') {
		if (!(Number.isInteger(fault.status) && fault.status >= 100 && fault.status <= 599)) {
			throw new TypeError("injectFault: a 'respond' fault needs an HTTP status (100-599)");
		}
		if (fault.body === undefined) throw new TypeError("injectFault: a 'respond' fault needs a body");
		answer = customAnswer(fault);
	}
	if (fault.kind === 'redirect') answer = redirectAnswer(fault);
	const phone = fault.match && fault.match.phone !== undefined ? String(fault.match.phone) : undefined;
	// `detail`: the details.error text of a v2 MESSAGE_SEND_FAILED / INTERNAL_ERROR fault (v2/faults.js).
	const detail = typeof fault.detail === 'string' ? fault.detail : null;
	const route = fault.match && fault.match.route !== undefined ? String(fault.match.route) : undefined;
	if (fault.code !== undefined && !(Number.isInteger(fault.code) && fault.code > 0)) throw new TypeError('injectFault: code must be a WhatsApp error code (a positive integer)');
	const code = fault.code ?? null;
	if (code !== null && fault.kind === 'whatsapp500') answer = R.whatsappRefused(refusalText(code));
	return { kind: fault.kind, stage: table.stages[fault.kind], remaining: times, ms: fault.ms || 0, phone, route, answer, detail, code };
}

const forRoute = (fault, route) => fault.route === undefined || fault.route === route;

class FaultQueue {
	/** `table`: { stages: { kind: stage }, answers: { kind: answer } } (default v1's). */
	constructor(table = V1_TABLE) {
		this.items = [];
		this.table = table;
	}

	add(fault) {
		this.items.push(normalize(fault, this.table));
	}

	clear() {
		this.items.length = 0;
	}

	/**
	 * Consume one application of the first fault (dropMidUpload aside) that matches
	 * `phone` and `route`, if it acts at `stage`; null otherwise (it then waits for its moment).
	 */
	takeAt(stage, phone, route) {
		const fault = this.items.find((f) => f.stage !== 'upload' && f.stage !== 'arrival' && (f.phone === undefined || f.phone === phone) && forRoute(f, route));
		if (!fault || fault.stage !== stage) return null;
		return this.consume(fault);
	}

	/** A redirect fault for this route (a route name, or null for a path no route matches), if any. */
	takeRedirect(route) {
		const fault = this.items.find((f) => f.stage === 'arrival' && (f.route === undefined || f.route === route));
		return fault ? this.consume(fault) : null;
	}

	/** dropMidUpload: without a phone (when the request arrives) or for this phone (once it is known). */
	takeDropMidUpload(phone, route) {
		const fault = this.items.find((f) => f.stage === 'upload' && f.phone === phone && forRoute(f, route));
		return fault ? this.consume(fault) : null;
	}

	/** The first fault aimed at exactly this route (and this phone, if it names one), whatever its stage. */
	takeAimed(route, phone) {
		const fault = this.items.find((f) => f.route === route && f.stage !== 'arrival' && (f.phone === undefined || f.phone === phone));
		return fault ? this.consume(fault) : null;
	}

	consume(fault) {
		fault.remaining -= 1;
		if (fault.remaining <= 0) this.items.splice(this.items.indexOf(fault), 1);
		return { kind: fault.kind, ms: fault.ms, answer: fault.answer, detail: fault.detail, code: fault.code };
	}

	get pending() {
		return this.items.map((f) => ({ kind: f.kind, remaining: f.remaining, ms: f.ms, phone: f.phone, ...(f.route === undefined ? {} : { route: f.route }) }));
	}
}

module.exports = { FaultQueue, KINDS, ANSWERS, STAGE };
