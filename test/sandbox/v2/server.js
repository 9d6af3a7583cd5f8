'use strict';
/**
 * The v2 pipeline (one function per request), on the shared exchange (../exchange.js):
 *   route/method -> token -> IP -> rate limit -> scope -> content type      (gate.js, on arrival)
 *   body (always read completely, streamed) -> 400 -> 422 -> transport fault
 *   -> send steps (send.js, with the 'media' and 'contact' faults; free-form sends: chat.js) -> platform fault -> 200
 *   (the contact routes: aimed fault -> crm.js / crm-lists.js -> webhooks; crm-handler.js)
 * Every answer from the limiter on carries its X-RateLimit-* headers (and a 429 Retry-After);
 * answers of the network's faults do not (no platform wrote them).
 */
const { baseName } = require('../brackets');
const { mediaType, isEmptyBody } = require('../gate');
const R = require('../responses');
const { SEND_FIELDS, MEDIA_FIELDS } = require('./platform');
const { handleV2Chat, validateV2 } = require('./chat');
const { resolveV2Route, checkV2Access } = require('./gate');
const { listV2Templates, showV2Template } = require('./catalog');
const { prepareV2Send, completeV2Send } = require('./send');
const { faultAnswer } = require('./faults');
const { handleV2Crm } = require('./crm-handler');
const E = require('./envelope');

const V2_RULES = Object.freeze({ send: SEND_FIELDS, contact: null, media: MEDIA_FIELDS });
const known = (name) => Object.prototype.hasOwnProperty.call(SEND_FIELDS, baseName(name));

function v2Pipeline(state, ex) {
	const { req, record, path } = ex;
	const resolved = resolveV2Route(state.prefix, req, path);
	const route = resolved.route || null;
	record.route = route ? route.name : null;
	const access = route ? checkV2Access(state, req, route, record) : { answer: resolved.answer, headers: {} };
	const isSend = route !== null && route.name.startsWith('messages.'); // a template or free-form send
	const hasBody = route !== null && route.method !== 'GET'; // sends and the contact routes' writes
	const kind = hasBody ? mediaType(record.contentType) : null; // null: the body is only drained
	// As on v1: an empty body is an empty form; any other type is refused by the sandbox (the node sends JSON or multipart).
	const early = access.answer || (hasBody && !kind && !isEmptyBody(req) ? E.unsupportedType() : null);
	const reply = (answer, extraMs = 0) => ex.answer({ ...answer, headers: { ...answer.headers, ...access.headers } }, extraMs);

	ex.readBody({ kind, faults: early ? null : state.v2.faults, phoneField: 'phone', armNow: isSend && !early }).then((body) => {
		if (!body) return undefined;
		if (body.malformed === 'multipart') return reply(early || E.unreadable('multipart'));
		if (early) return reply(early);
		if (body.malformed === 'tooLarge') return ex.answer(R.payloadTooLarge()); // nginx, in front of the platform
		if (body.malformed) return reply(E.unreadable('JSON'));
		const { config } = state;
		if (route.name === 'templates.list') {
			return reply(listV2Templates(state.templates, record.query, `http://${req.headers.host}${path}`, config.v2ButtonsData));
		}
		if (route.name === 'templates.show') {
			return reply(showV2Template(state.templates, resolved.params.template_id, config.v2ButtonsData, config.v2ShowWrapped));
		}
		if (!isSend) return handleV2Crm(state, ex, reply, resolved.params); // contacts, groups, statuses, sources
		if (route.name !== 'messages.template') return handleV2Chat(state, ex, body, reply); // free-form (chat.js)
		return handleV2Send(state, ex, body, reply);
	});
}

function handleV2Send(state, ex, body, reply) {
	const { req, record } = ex;
	// Laravel's input is the query merged with the body (the body wins).
	const input = { ...record.query, ...record.fields };
	const unknown = [...new Set([...Object.keys(input), ...record.files.map((f) => f.field)].filter((n) => !known(n)).map(baseName))];
	record.unknownFields = unknown;
	// 'refuse' (default): unknown fields fail validation; 'ignore': dropped, as the platform drops them.
	const ignore = state.config.v2UnknownFields === 'ignore';
	const fields = ignore ? Object.fromEntries(Object.entries(input).filter(([n]) => known(n))) : input;
	const files = ignore ? record.files.filter((f) => known(f.field)) : record.files;
	const errors = validateV2(state, { fields, files, truncated: body.truncated }, V2_RULES);
	if (errors) return reply(E.validation(errors));

	const goOn = ex.transportFault(state.v2.faults, fields.phone, body.isJson);
	if (!goOn) return undefined;
	const { extraMs } = goOn;

	const prepared = prepareV2Send(state, fields, files, `http://${req.headers.host}${state.prefix}`);
	if (prepared.answer) return reply(prepared.answer, extraMs);
	if (prepared.fault) {
		record.fault = prepared.fault.kind;
		return reply(faultAnswer(prepared.fault, req, { contacts: state.contacts.list.length }), extraMs);
	}
	const late = state.v2.faults.takeAt('platform', fields.phone, record.route);
	if (late) record.fault = late.kind;
	const done = completeV2Send(state, req, { plan: prepared.plan, fields, files }, late, ignore ? unknown : []);
	if (done.message && ex.current()) {
		state.messages.push(done.message);
		state.stats.accepted += 1;
		state.webhooks.accepted(done.message, (state.config.latencyMs || 0) + extraMs); // lifecycle events (webhooks.js)
	}
	return reply(done.answer, extraMs);
}

module.exports = { v2Pipeline };
