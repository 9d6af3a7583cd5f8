'use strict';
/**
 * The request pipeline (one function per request):
 *   route/method -> workspace -> token -> ability -> rate limit -> content type   (gate.js, on arrival)
 *   body (always read completely, streamed) -> 400 -> 422 -> transport fault
 *   -> send steps (send.js) -> platform fault -> 200
 * Refusals decided on arrival are answered only after the whole body was read,
 * like nginx + PHP-FPM, so a client never gets its answer mid-upload.
 * Every answer is delayed by config.latencyMs (without blocking anything).
 */
const { performance } = require('node:perf_hooks');
const { readJsonText, readMultipart, drain } = require('./body');
const { rebuild } = require('./brackets');
const { validate } = require('./validate');
const { resolveRoute, checkAccess, mediaType, isEmptyBody } = require('./gate');
const { listTemplates, showTemplate } = require('./catalog');
const { prepareSend, completeSend } = require('./send');
const R = require('./responses');

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

function createHandler(state) {
	return function handle(req, res) {
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
		const answer = (a, extraMs = 0) => {
			const delay = (state.config.latencyMs || 0) + extraMs;
			if (delay <= 0) return send(a);
			const timer = setTimeout(() => {
				state.timers.delete(timer);
				send(a);
			}, delay);
			state.timers.add(timer);
		};
		const dropConnection = (kind) => {
			record.fault = kind;
			req.socket.destroy();
		};

		const resolved = resolveRoute(state.prefix, req.method, path);
		const route = resolved.route || null;
		record.route = route ? route.name : null;
		const redirect = state.faults.takeRedirect(record.route);
		if (redirect) record.fault = redirect.kind;
		const early = (redirect && redirect.answer) || resolved.answer || checkAccess(state, req, route, resolved.subdomain);
		const isSend = route !== null && route.name === 'messages.template';
		const kind = isSend ? mediaType(record.contentType) : null; // null: the body is only drained

		// dropMidUpload: armed on arrival (no phone match) or when the phone_number part arrives.
		let dropAfter = null;
		let received = 0;
		const contentLength = Number(req.headers['content-length']);
		const arm = () => {
			dropAfter = Number.isFinite(contentLength) && contentLength > 1 ? Math.min(MID_UPLOAD_BYTES, Math.floor(contentLength / 2)) : MID_UPLOAD_BYTES;
			if (received >= dropAfter) dropConnection('dropMidUpload');
		};
		if (isSend && !early && state.faults.takeDropMidUpload(undefined)) arm();
		req.on('data', (chunk) => {
			received += chunk.length;
			if (dropAfter !== null && received >= dropAfter && !req.socket.destroyed) dropConnection('dropMidUpload');
		});
		const onText = (name, value) => {
			if (!early && dropAfter === null && name === 'phone_number' && state.faults.takeDropMidUpload(value)) arm();
		};

		let reading;
		if (kind === 'json') reading = readJsonText(req).then((b) => ({ json: b }));
		else if (kind === 'multipart') reading = readMultipart(req, { onText }).then((b) => ({ multipart: b }));
		else reading = drain(req).then(() => ({}));

		reading.then(
			(body) => afterBody(body),
			(err) => {
				if (err.code === 'MALFORMED') answer(early || R.malformedMultipart());
				else record.error = err.message;
			},
		);

		function afterBody(body) {
			if (dropAfter !== null) return dropConnection('dropMidUpload'); // body smaller than the threshold
			let malformed = null;
			if (body.json) {
				let parsed;
				if (body.json.tooLarge) malformed = R.payloadTooLarge();
				else {
					try {
						parsed = JSON.parse(body.json.text);
					} catch {
						parsed = undefined;
					}
					// Laravel would read it as an empty form; the node never sends it, so say what it is.
					if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) malformed = R.malformedJson();
				}
				record.fields = malformed ? null : parsed;
			} else if (body.multipart) {
				record.fields = rebuild(body.multipart.texts.map((t) => [t.name, t.value]));
				record.files = body.multipart.files;
			} else if (isEmptyBody(req)) {
				record.fields = {};
			}
			if (early) return answer(early);
			if (malformed) return answer(malformed);

			const pageUrl = `http://${req.headers.host}${path}`;
			if (route.name === 'templates.list') return answer(listTemplates(state.templates, record.query, pageUrl));
			if (route.name === 'templates.show') return answer(showTemplate(state.templates, resolved.params.id));
			return handleSend(body);
		}

		function handleSend(body) {
			// Laravel's input is the query merged with the body (the body wins).
			const fields = { ...record.query, ...record.fields };
			const errors = validate({
				fields,
				files: record.files,
				truncated: body.multipart ? body.multipart.texts.filter((t) => t.truncated).map((t) => t.name) : [],
			});
			if (errors) return answer(R.validation(errors));

			if (body.json && state.faults.takeDropMidUpload(fields.phone_number)) return dropConnection('dropMidUpload');
			let extraMs = 0;
			const early = state.faults.takeAt('transport', fields.phone_number);
			if (early) {
				record.fault = early.kind;
				if (early.kind === 'drop') return dropConnection('drop');
				if (early.kind === 'hang') return undefined; // never answered; the client or close() ends it
				if (early.kind === 'latency') extraMs = early.ms;
				else return answer(early.answer);
			}

			const prepared = prepareSend(state, fields, record.files, `http://${req.headers.host}${state.prefix}`);
			if (prepared.answer) return answer(prepared.answer, extraMs);
			const late = state.faults.takeAt('platform', fields.phone_number);
			if (late) record.fault = late.kind;
			const done = completeSend(prepared.plan, fields, record.files, late);
			if (done.message && current()) {
				state.messages.push(done.message);
				stats.accepted += 1;
				state.webhooks.accepted(done.message, (state.config.latencyMs || 0) + extraMs); // lifecycle events (webhooks.js)
			}
			return answer(done.answer, extraMs);
		}
	};
}

module.exports = { createHandler };
