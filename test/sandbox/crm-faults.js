'use strict';
/**
 * Faults on the contact routes of both APIs. Only faults AIMED at a route (`match.route`, and
 * `match.phone` against the body's `phone` as sent) act there, once the request passed the gate
 * and its body was read, INSTEAD of the work: nothing is written. The network's kinds act as on
 * sends; the platform's are the route's own failure (v1: 500 {status, message:
 * failed_to_<...>, error}; v2: INTERNAL_ERROR, a crash, or a full contact quota).
 */
const { CRM_ROUTES } = require('./crm-platform');

const NETWORK = ['drop', 'hang', 'latency', 'html502', 'nonJson200', 'tooLarge413', 'respond'];
/** What a contact route answers, per API; contactLimit403 only where a contact is created. */
const CRM_FAULT_KINDS = Object.freeze({
	v1: Object.freeze([...NETWORK, 'statusError200', 'system500']),
	v2: Object.freeze([...NETWORK, 'internalError500', 'serverError500', 'html500', 'contactLimit403']),
});
const CREATES = Object.freeze(['contacts.create', 'contacts.batch']);

/** Refuse, when injected, a kind a contact route could not answer. `routes`: that API's contact route names. */
function checkAimedFault(api, fault, routes) {
	const route = fault && fault.match && fault.match.route;
	if (!routes.includes(route) || fault.kind === 'redirect') return; // a redirect acts on arrival, on any route
	const kinds = CRM_FAULT_KINDS[api];
	if (!kinds.includes(fault.kind) || (fault.kind === 'contactLimit403' && !CREATES.includes(route))) {
		throw new TypeError(`injectFault: ${route} (${api}) takes ${kinds.join(', ')} (contactLimit403 only on ${CREATES.join(', ')}); got ${fault.kind}`);
	}
}

/**
 * Take the fault aimed at this request. Returns { extraMs } to go on (maybe delayed), { handled }
 * when the network's fault already acted, or { fault } for the caller to answer in its API's words.
 */
function takeCrmFault(ex, queue, phone, network) {
	const fault = queue.takeAimed(ex.record.route, typeof phone === 'string' ? phone : undefined);
	if (!fault) return { extraMs: 0 };
	ex.record.fault = fault.kind;
	if (fault.kind === 'drop') ex.drop('drop');
	else if (fault.kind === 'latency') return { extraMs: fault.ms };
	else if (fault.kind === 'hang') return { handled: true }; // never answered
	else if (NETWORK.includes(fault.kind) || fault.kind === 'statusError200') network(fault.answer);
	else return { fault };
	return { handled: true };
}

const V1_CRM_ROUTE_NAMES = Object.freeze(CRM_ROUTES.map((r) => r.name));

module.exports = { CRM_FAULT_KINDS, checkAimedFault, takeCrmFault, V1_CRM_ROUTE_NAMES };
