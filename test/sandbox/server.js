'use strict';
/**
 * The request pipeline of the sandbox (one function per request):
 *   route → method → token → ability → rate limit → content type   (decided on arrival)
 *   body (always read completely, streamed) → 400 → 422 → fault → template → 200
 * Refusals decided on arrival are answered only after the whole body was read,
 * like nginx + PHP-FPM, so a client never gets its answer mid-upload.
 * Every answer is delayed by config.latencyMs (without blocking anything).
 */
const crypto = require('node:crypto');
const { performance } = require('node:perf_hooks');
const { PATH, ABILITY } = require('./fixtures');
const { readJsonText, readMultipart, drain } = require('./body');
const { rebuild } = require('./brackets');
const { validate } = require('./validate');
const { ANSWERS } = require('./faults');
const R = require('./responses');

const MID_UPLOAD_BYTES = 64 * 1024;

function mediaType(contentType) {
	const type = String(contentType || '').split(';')[0].trim().toLowerCase();
	if (type === 'application/json') return 'json';
	if (type === 'multipart/form-data') return 'multipart';
	return null;
}

function isEmptyBody(req) {
	const length = req.headers['content-length'];
	return req.headers['transfer-encoding'] === undefined && (length === undefined || length === '0');
}

function bearerToken(header) {
	const m = /^Bearer ([^\s,]+)$/.exec(header || '');
	return m ? m[1] : null;
}

function parseUrl(raw) {
	try {
		const url = new URL(raw, 'http://sandbox.invalid');
		return { path: url.pathname, query: [...url.searchParams] };
	} catch {
		return { path: raw, query: [] };
	}
}

/** Decisions that need only the request line and headers; null = go on. */
function decideOnArrival(state, req, path) {
	if (path !== PATH) return R.notFound();
	if (req.method !== 'POST') return R.methodNotAllowed();
	const token = bearerToken(req.headers.authorization);
	const abilities = token === null ? undefined : state.tokenAbilities.get(token);
	if (!abilities) return R.invalidToken();
	if (!abilities.includes(ABILITY)) return R.missingAbility(ABILITY);
	const limited = state.limiter.hit(token, state.config.rateLimit);
	if (limited) return R.tooManyRequests(limited);
	// An empty POST without a content type is an empty form to Laravel (422 for the missing
	// fields), not a 415: that is what the credential test relies on.
	if (!mediaType(req.headers['content-type']) && !isEmptyBody(req)) return R.unsupportedType();
	return null;
}

function createHandler(state) {
	return function handle(req, res) {
		const gen = state.generation;
		const current = () => gen === state.generation;
		const { path, query } = parseUrl(req.url);
		const record = {
			seq: ++state.seq,
			method: req.method,
			path,
			query: query.length ? rebuild(query) : {},
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
			state.hung.delete(res);
			stats.inFlight = state.inFlight.size;
			record.endedAt = performance.now();
			if (record.status === null && current()) stats.noAnswer += 1;
		};
		res.on('finish', onEnd);
		res.on('close', onEnd);

		const send = (answer) => {
			if (res.destroyed || res.writableEnded) return;
			record.status = answer.status;
			record.response = answer.contentType === 'application/json' ? JSON.parse(answer.body) : answer.body;
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

		const early = decideOnArrival(state, req, path);
		const kind = mediaType(record.contentType); // null: the body is only drained

		// dropMidUpload: armed on arrival (no phone match) or when the phone part arrives.
		let dropAfter = null;
		let received = 0;
		const contentLength = Number(req.headers['content-length']);
		const arm = () => {
			dropAfter = Number.isFinite(contentLength) && contentLength > 1 ? Math.min(MID_UPLOAD_BYTES, Math.floor(contentLength / 2)) : MID_UPLOAD_BYTES;
			if (received >= dropAfter) dropConnection('dropMidUpload');
		};
		if (!early && state.faults.takeDropMidUpload(undefined)) arm();
		req.on('data', (chunk) => {
			received += chunk.length;
			if (dropAfter !== null && received >= dropAfter && !req.socket.destroyed) dropConnection('dropMidUpload');
		});
		const onText = (name, value) => {
			if (!early && dropAfter === null && name === 'phone' && state.faults.takeDropMidUpload(value)) arm();
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
			let parsed = null;
			let malformed = null;
			if (body.json) {
				if (body.json.tooLarge) malformed = R.payloadTooLarge();
				else {
					try {
						parsed = JSON.parse(body.json.text);
					} catch {
						parsed = undefined;
					}
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

			const fields = { ...record.query, ...record.fields };
			const errors = validate({
				fields,
				files: record.files,
				truncated: body.multipart ? body.multipart.texts.filter((t) => t.truncated).map((t) => t.name) : [],
			});
			if (errors) return answer(R.validation(errors));

			if (body.json && state.faults.takeDropMidUpload(fields.phone)) return dropConnection('dropMidUpload');
			let extraMs = 0;
			const fault = state.faults.takeForRequest(fields.phone);
			if (fault) {
				record.fault = fault.kind;
				if (fault.kind === 'drop') return dropConnection('drop');
				if (fault.kind === 'hang') return state.hung.add(res);
				if (fault.kind === 'latency') extraMs = fault.ms;
				else return answer(ANSWERS[fault.kind]);
			}

			const template = state.templates.find((t) => t.name === fields.template_name && t.languages.includes(fields.template_language));
			if (!template) return answer(R.templateNotFound(), extraMs);
			if (template.status !== 'APPROVED') return answer(R.notApproved(), extraMs);

			const data = {
				id: crypto.randomUUID(),
				wamid: `wamid.${crypto.randomBytes(24).toString('base64url')}`,
				phone: fields.phone,
				template_name: fields.template_name,
				template_language: fields.template_language,
			};
			if (current()) {
				state.messages.push({ id: data.id, wamid: data.wamid, fields, files: record.files });
				stats.accepted += 1;
			}
			return answer(R.queued(data), extraMs);
		}
	};
}

module.exports = { createHandler, mediaType, bearerToken };
