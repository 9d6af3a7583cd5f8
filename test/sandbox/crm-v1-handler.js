'use strict';
/**
 * One request on a v1 contact, group, status or source route, after the gate and the body:
 * the aimed fault (crm-faults.js), then the endpoint (crm-v1.js, crm-v1-lists.js), then the
 * webhook of a write (crm.js). Laravel's input is the query merged with the body; PHP parses no
 * multipart body on a PUT, so such a PUT arrives empty, as on the platform.
 */
const { KEYS, LISTS } = require('./crm-platform');
const { contactsV1, fail } = require('./crm-v1');
const { listsV1 } = require('./crm-v1-lists');
const { takeCrmFault } = require('./crm-faults');
const { emitWrite } = require('./crm');
const { mediaType } = require('./gate');

const DB_DOWN = 'SQLSTATE[HY000] [2002] Connection refused';
const FAIL = Object.freeze({ create: KEYS.failCreate, update: KEYS.failUpdate, delete: KEYS.failDelete, list: KEYS.failList });

/** A platform fault in the route's words; a show's exception is a 404 on the platform. */
function faultAnswer(resource, op) {
	if (op === 'show') return fail(404, resource === 'contacts' ? KEYS.notFound : LISTS[resource].notFound, { error: DB_DOWN });
	return fail(500, resource === 'contacts' ? FAIL[op] : LISTS[resource].fail[op], { error: DB_DOWN });
}

function handleV1Crm(state, ex, params) {
	const { req, record, path } = ex;
	const [resource, op] = record.route.split('.');
	const body = req.method === 'PUT' && mediaType(record.contentType) === 'multipart' ? {} : record.fields || {};
	const input = { ...record.query, ...body };
	const goOn = takeCrmFault(ex, state.faults, input.phone, (a) => ex.answer(a));
	if (goOn.handled) return undefined;
	if (goOn.fault) return ex.answer(faultAnswer(resource, op));
	const ctx = { input, query: record.query, id: params.id, pageUrl: `http://${req.headers.host}${path}` };
	const out = resource === 'contacts' ? contactsV1(state, op, ctx) : listsV1(state, resource, op, ctx);
	ex.answer(out.answer, goOn.extraMs);
	if (ex.current()) for (const w of out.writes || []) emitWrite(state, w.kind || resource, w.action, w.entry, w.previous);
	return undefined;
}

module.exports = { handleV1Crm };
