'use strict';
/**
 * One request on a v2 contact, group, status or source route, after the gate and the body: the
 * aimed fault (../crm-faults.js; the network's answers go without X-RateLimit-* headers, the
 * platform's with them), an `{id}` that is not a number (a TypeError: 500 outside the envelope),
 * the endpoint (crm.js, crm-lists.js), then the webhooks of its writes (../crm.js).
 */
const { contactsV2 } = require('./crm');
const { listsV2 } = require('./crm-lists');
const { takeCrmFault } = require('../crm-faults');
const { emitWrite } = require('../crm');
const { faultAnswer } = require('./faults');
const E = require('./envelope');

const VERB = Object.freeze({ list: 'fetch', show: 'fetch', create: 'create', update: 'update', delete: 'delete', batch: 'create', batchDelete: 'delete' });

/** A platform fault in v2's words: INTERNAL_ERROR names what failed; the others as on sends. */
function crmFaultAnswer(fault, req, state, resource, op) {
	if (fault.kind !== 'internalError500') return faultAnswer(fault, req, { contacts: state.contacts.list.length });
	const what = op === 'addContacts' || op === 'removeContacts' ? 'update group' : `${VERB[op] || 'update'} ${resource}`;
	return E.error('INTERNAL_ERROR', `Failed to ${what}`, { error: fault.detail ?? 'SQLSTATE[HY000] [2002] Connection refused' });
}

function handleV2Crm(state, ex, reply, params) {
	const { req, record, path } = ex;
	const [resource, op] = record.route.split('.');
	const input = { ...record.query, ...(record.fields || {}) };
	const goOn = takeCrmFault(ex, state.v2.faults, input.phone, (a) => ex.answer(a));
	if (goOn.handled) return undefined;
	if (goOn.fault) return reply(crmFaultAnswer(goOn.fault, req, state, resource, op));
	if (params.id !== undefined && !/^[1-9]\d*$/.test(params.id || '')) return reply(E.crash(req)); // `int $id`
	const ctx = { input, query: record.query, id: params.id, pageUrl: `http://${req.headers.host}${path}` };
	const out = resource === 'contacts' ? contactsV2(state, op, ctx) : listsV2(state, resource, op, ctx);
	reply(out.answer, goOn.extraMs);
	if (ex.current()) for (const w of out.writes || []) emitWrite(state, w.kind || resource, w.action, w.entry, w.previous);
	return undefined;
}

module.exports = { handleV2Crm };
