'use strict';
/**
 * Injected faults: a FIFO queue. A fault without `match.phone` applies to the
 * next request(s) that reach it; one with `match.phone` only to requests whose
 * `phone` field equals it. `times` (default 1) counts applications.
 */

const KINDS = Object.freeze(['500', 'drop', 'dropMidUpload', 'latency', 'html502', 'nonJson200', 'statusError200', 'hang']);

const NGINX_502 =
	'<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n' +
	'<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** Canned answers of the faults that answer: { status, contentType, body (string) }. */
const ANSWERS = Object.freeze({
	500: { status: 500, contentType: 'application/json', body: JSON.stringify({ status: 'error', message: 'Failed to send template message' }) },
	html502: { status: 502, contentType: 'text/html', body: NGINX_502 },
	nonJson200: { status: 200, contentType: 'text/html', body: '<html>OK</html>' },
	statusError200: {
		status: 200,
		contentType: 'application/json',
		body: JSON.stringify({ status: 'error', message: 'Failed to send template message' }),
	},
});

function normalize(fault) {
	if (!fault || !KINDS.includes(fault.kind)) {
		throw new TypeError(`injectFault: kind must be one of ${KINDS.join(', ')}; got ${fault && fault.kind}`);
	}
	const times = fault.times === undefined ? 1 : fault.times;
	if (!(times === Infinity || (Number.isInteger(times) && times > 0))) {
		throw new TypeError('injectFault: times must be a positive integer (or Infinity)');
	}
	if (fault.kind === 'latency' && !(typeof fault.ms === 'number' && fault.ms >= 0)) {
		throw new TypeError("injectFault: a 'latency' fault needs ms >= 0");
	}
	const phone = fault.match && fault.match.phone !== undefined ? String(fault.match.phone) : undefined;
	return { kind: fault.kind, remaining: times, ms: fault.ms || 0, phone };
}

class FaultQueue {
	constructor() {
		this.items = [];
	}

	add(fault) {
		this.items.push(normalize(fault));
	}

	clear() {
		this.items.length = 0;
	}

	/** Consume one application of the first fault accepted by `pick`; returns { kind, ms } or null. */
	take(pick) {
		const index = this.items.findIndex(pick);
		if (index === -1) return null;
		const fault = this.items[index];
		fault.remaining -= 1;
		if (fault.remaining <= 0) this.items.splice(index, 1);
		return { kind: fault.kind, ms: fault.ms };
	}

	/** A fault applied to a well-formed request with this phone (not dropMidUpload). */
	takeForRequest(phone) {
		return this.take((f) => f.kind !== 'dropMidUpload' && (f.phone === undefined || f.phone === phone));
	}

	/** dropMidUpload: without a phone (when the request arrives) or for this phone (once it is known). */
	takeDropMidUpload(phone) {
		return this.take((f) => f.kind === 'dropMidUpload' && f.phone === phone);
	}

	get pending() {
		return this.items.map((f) => ({ kind: f.kind, remaining: f.remaining, ms: f.ms, phone: f.phone }));
	}
}

module.exports = { FaultQueue, ANSWERS, KINDS };
