'use strict';
/**
 * The request handler: each request goes to the pipeline of the API generation its path names
 * (v1 here, v2 in v2/server.js); a generation the workspace does not offer answers as a
 * platform without it does: Laravel's 404 for an unknown route.
 *
 * The v1 pipeline (one function per request):
 *   route/method -> workspace -> token -> ability -> rate limit -> content type   (gate.js, on arrival)
 *   body (always read completely, streamed) -> 400 -> 422 -> transport fault
 *   -> send steps (send.js; free-form sends: chat.js) -> platform fault -> 200
 *   (the contact routes: aimed fault -> crm-v1.js / crm-v1-lists.js -> webhook; crm-v1-handler.js)
 * Refusals decided on arrival are answered only after the whole body was read,
 * like nginx + PHP-FPM, so a client never gets its answer mid-upload.
 * Every answer is delayed by config.latencyMs (without blocking anything).
 */
const { validate } = require('./validate');
const { resolveRoute, checkAccess, mediaType, expectsJson } = require('./gate');
const { listTemplates, showTemplate } = require('./catalog');
const { prepareSend, completeSend } = require('./send');
const { openExchange } = require('./exchange');
const { handleV1Crm } = require('./crm-v1-handler');
const { handleV1Chat } = require('./chat');
const { v2Pipeline } = require('./v2/server');
const R = require('./responses');
const platform = require('./platform');
const v2platform = require('./v2/platform');

/** The API generation a path is under: 'v1', 'v2', or null. */
function apiOfPath(prefix, path) {
	if (path.startsWith(`${prefix}${platform.API_PREFIX}/`)) return 'v1';
	if (path.startsWith(`${prefix}${v2platform.API_PREFIX}/`)) return 'v2';
	return null;
}

/** What a platform without this API generation answers: no such route (JSON or HTML, as Laravel renders it). */
function notOffered(ex) {
	const answer = expectsJson(ex.req) ? R.routeNotFound(ex.path) : R.laravelErrorPage(404, 'Not Found');
	ex.readBody({ kind: null }).then((body) => body && ex.answer(answer));
}

function v1Pipeline(state, ex) {
	const { req, record, path } = ex;
	const resolved = resolveRoute(state.prefix, req.method, path);
	const route = resolved.route || null;
	record.route = route ? route.name : null;
	const redirect = state.faults.takeRedirect(record.route);
	if (redirect) record.fault = redirect.kind;
	const early = (redirect && redirect.answer) || resolved.answer || checkAccess(state, req, route, resolved.subdomain);
	const isSend = route !== null && route.name.startsWith('messages.'); // a template or free-form send
	const hasBody = route !== null && route.method !== 'GET'; // sends and the contact routes' writes
	const kind = hasBody ? mediaType(record.contentType) : null; // null: the body is only drained

	ex.readBody({ kind, faults: early ? null : state.faults, phoneField: 'phone_number', armNow: isSend && !early }).then((body) => {
		if (!body) return undefined;
		if (body.malformed === 'multipart') return ex.answer(early || R.malformedMultipart());
		if (early) return ex.answer(early);
		if (body.malformed) return ex.answer(body.malformed === 'tooLarge' ? R.payloadTooLarge() : R.malformedJson());
		const pageUrl = `http://${req.headers.host}${path}`;
		if (route.name === 'templates.list') return ex.answer(listTemplates(state.templates, record.query, pageUrl));
		if (route.name === 'templates.show') return ex.answer(showTemplate(state.templates, resolved.params.id));
		if (!isSend) return handleV1Crm(state, ex, resolved.params); // contacts, groups, statuses, sources
		if (route.name !== 'messages.template') return handleV1Chat(state, ex, body); // free-form (chat.js)
		return handleSend(state, ex, body);
	});
}

function handleSend(state, ex, body) {
	const { req, record } = ex;
	// Laravel's input is the query merged with the body (the body wins).
	const fields = { ...record.query, ...record.fields };
	const errors = validate({ fields, files: record.files, truncated: body.truncated });
	if (errors) return ex.answer(R.validation(errors));

	const goOn = ex.transportFault(state.faults, fields.phone_number, body.isJson);
	if (!goOn) return undefined;
	const { extraMs } = goOn;

	const prepared = prepareSend(state, fields, record.files, `http://${req.headers.host}${state.prefix}`);
	if (prepared.answer) return ex.answer(prepared.answer, extraMs);
	const late = state.faults.takeAt('platform', fields.phone_number, record.route);
	if (late) record.fault = late.kind;
	const done = completeSend(prepared.plan, fields, record.files, late);
	if (done.message && ex.current()) {
		state.messages.push(done.message);
		state.stats.accepted += 1;
		state.webhooks.accepted(done.message, (state.config.latencyMs || 0) + extraMs); // lifecycle events (webhooks.js)
	}
	return ex.answer(done.answer, extraMs);
}

function createHandler(state) {
	return function handle(req, res) {
		const ex = openExchange(state, req, res);
		const api = apiOfPath(state.prefix, ex.path);
		ex.record.api = api;
		if (api !== null && !state.apis.includes(api)) return notOffered(ex);
		if (api === 'v2') return v2Pipeline(state, ex);
		return v1Pipeline(state, ex); // also answers a path under no API (404)
	};
}

module.exports = { createHandler };
