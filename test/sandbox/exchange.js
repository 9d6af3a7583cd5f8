'use strict';
/**
 * One request's life, the same for both API generations: its record in `requests`, the
 * stats, the answer (after config.latencyMs, without blocking anything), dropping the
 * connection, and reading the body (always completely, streamed; a dropMidUpload fault
 * armed on arrival or when the phone part arrives). Each API's pipeline (server.js for v1,
 * v2/server.js) decides what to answer.
 */
const { performance } = require('node:perf_hooks');
const { readJsonText, readMultipart, drain } = require('./body');
const { rebuild } = require('./brackets');
const { isEmptyBody } = require('./gate');

const MID_UPLOAD_BYTES = 64 * 1024;

function parseUrl(raw) {
	try {
		const url = new URL(raw, 'http://sandbox.invalid');
		return { path: url.pathname, query: [...url.searchParams] };
	} catch {
		return { path: raw, query: [] };
	}
}

function newRecord(state, req, path, query) {
	return {
		seq: ++state.seq,
		api: null,
		method: req.method,
		path,
		query: query.length ? rebuild(query) : {},
		route: null,
		contentType: req.headers['content-type'] ?? null,
		authorization: req.headers.authorization ?? null,
		accept: req.headers.accept ?? null,
		headers: { ...req.headers },
		fields: null,
		files: [],
		status: null,
		response: null,
		fault: null,
		error: null,
		startedAt: performance.now(),
		endedAt: null,
	};
}

/** Parse what a reader gave: { fields, files, truncated, isJson, malformed: null | 'json' | 'tooLarge' }. */
function parsedBody(req, body) {
	const out = { fields: null, files: [], truncated: [], isJson: Boolean(body.json), malformed: null };
	if (body.json) {
		let parsed;
		if (body.json.tooLarge) out.malformed = 'tooLarge';
		else {
			try {
				parsed = JSON.parse(body.json.text);
			} catch {
				parsed = undefined;
			}
			// Laravel would read it as an empty form; the node never sends it, so say what it is.
			if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) out.malformed = 'json';
		}
		out.fields = out.malformed ? null : parsed;
	} else if (body.multipart) {
		out.fields = rebuild(body.multipart.texts.map((t) => [t.name, t.value]));
		out.files = body.multipart.files;
		out.truncated = body.multipart.texts.filter((t) => t.truncated).map((t) => t.name);
	} else if (isEmptyBody(req)) {
		out.fields = {};
	}
	return out;
}

/** Open the exchange of one request: records it and returns the means to answer it. */
function openExchange(state, req, res) {
	const gen = state.generation;
	const current = () => gen === state.generation;
	const { path, query } = parseUrl(req.url);
	const record = newRecord(state, req, path, query);
	const { stats } = state;
	state.requests.push(record);
	stats.total += 1;
	state.inFlight.add(res);
	stats.inFlight = state.inFlight.size;
	stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);

	let ended = false;
	const onEnd = () => {
		if (ended) return;
		ended = true;
		state.inFlight.delete(res);
		stats.inFlight = state.inFlight.size;
		record.endedAt = performance.now();
		if (record.status === null && current()) stats.noAnswer += 1;
	};
	res.on('finish', onEnd);
	res.on('close', onEnd);

	const send = (answer) => {
		if (res.destroyed || res.writableEnded) return;
		record.status = answer.status;
		let parsed = answer.body;
		if (/json/.test(answer.contentType)) {
			try {
				parsed = JSON.parse(answer.body);
			} catch {
				parsed = answer.body; // a 'respond' fault may send anything
			}
		}
		record.response = parsed;
		if (current()) stats.byStatus[answer.status] = (stats.byStatus[answer.status] || 0) + 1;
		res.writeHead(answer.status, {
			'Content-Type': answer.contentType,
			'Content-Length': Buffer.byteLength(answer.body),
			'Cache-Control': 'no-cache, private',
			...answer.headers,
		});
		res.end(answer.body);
	};
	const ex = {
		req,
		record,
		path,
		current,
		answer(a, extraMs = 0) {
			const delay = (state.config.latencyMs || 0) + extraMs;
			if (delay <= 0) return send(a);
			const timer = setTimeout(() => {
				state.timers.delete(timer);
				send(a);
			}, delay);
			state.timers.add(timer);
		},
		drop(kind) {
			record.fault = kind;
			req.socket.destroy();
		},
		/**
		 * The network's faults of a validated send, at the moment v1 and v2 share: a phone-matched
		 * dropMidUpload of a JSON body (read already: a drop), then a 'transport' fault of `faults`.
		 * Returns { extraMs } to go on, or null when the fault has handled the request.
		 */
		transportFault(faults, phone, isJson) {
			if (isJson && faults.takeDropMidUpload(phone, record.route)) {
				ex.drop('dropMidUpload');
				return null;
			}
			const fault = faults.takeAt('transport', phone, record.route);
			if (!fault) return { extraMs: 0 };
			record.fault = fault.kind;
			if (fault.kind === 'drop') ex.drop('drop');
			else if (fault.kind === 'latency') return { extraMs: fault.ms };
			else if (fault.kind !== 'hang') ex.answer(fault.answer); // a hang is never answered; the client or close() ends it
			return null;
		},
		/**
		 * Read the whole body. `kind`: 'json' | 'multipart' | null (drained). `faults`: the queue
		 * whose dropMidUpload may apply (null: none), armed now when `armNow`, or when the text
		 * part `phoneField` arrives with a matching phone. Resolves parsedBody(), { malformed:
		 * 'multipart' }, or null when there is nothing to answer (dropped, or the client went away).
		 */
		readBody({ kind, faults = null, phoneField, armNow = false }) {
			let dropAfter = null;
			let received = 0;
			const contentLength = Number(req.headers['content-length']);
			const arm = () => {
				dropAfter = Number.isFinite(contentLength) && contentLength > 1 ? Math.min(MID_UPLOAD_BYTES, Math.floor(contentLength / 2)) : MID_UPLOAD_BYTES;
				if (received >= dropAfter) ex.drop('dropMidUpload');
			};
			if (armNow && faults && faults.takeDropMidUpload(undefined, record.route)) arm();
			req.on('data', (chunk) => {
				received += chunk.length;
				if (dropAfter !== null && received >= dropAfter && !req.socket.destroyed) ex.drop('dropMidUpload');
			});
			const onText = (name, value) => {
				if (faults && dropAfter === null && name === phoneField && faults.takeDropMidUpload(value, record.route)) arm();
			};
			let reading;
			if (kind === 'json') reading = readJsonText(req).then((b) => ({ json: b }));
			else if (kind === 'multipart') reading = readMultipart(req, { onText }).then((b) => ({ multipart: b }));
			else reading = drain(req).then(() => ({}));
			return reading.then(
				(body) => {
					if (dropAfter !== null) {
						ex.drop('dropMidUpload'); // the body was smaller than the threshold
						return null;
					}
					const parsed = parsedBody(req, body);
					record.fields = parsed.fields;
					record.files = parsed.files;
					return parsed;
				},
				(err) => {
					if (err.code === 'MALFORMED') return { malformed: 'multipart', fields: null, files: [], truncated: [], isJson: false };
					record.error = err.message;
					return null;
				},
			);
		},
	};
	return ex;
}

module.exports = { openExchange };
