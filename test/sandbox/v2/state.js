'use strict';
/**
 * What the sandbox keeps for API v2, its options and config, and the part of the sandbox's
 * handle that is v2's (index.js adds it to the handle). See index.d.ts.
 */
const { RateLimiter } = require('../rateLimit');
const { TokenBook } = require('./tokens');
const { newV2FaultQueue, V2_FAULT_KINDS } = require('./faults');
const { KINDS: V1_FAULT_KINDS } = require('../faults');
const { checkAimedFault, V1_CRM_ROUTE_NAMES } = require('../crm-faults');
const { CRM_ROUTES } = require('./crm-platform');

const V2_CRM_ROUTE_NAMES = Object.freeze(CRM_ROUTES.map((r) => r.name));

const APIS = Object.freeze(['v1', 'v2']);

function checkApis(apis) {
	if (!Array.isArray(apis) || apis.length === 0 || apis.some((a) => !APIS.includes(a))) {
		throw new TypeError("apis must be a non-empty list of 'v1' and 'v2'");
	}
	return APIS.filter((a) => apis.includes(a));
}

const CHOICES = Object.freeze({ v2UnknownFields: ['refuse', 'ignore'], v2ButtonsData: ['string', 'array'] });

/** Check the v2 keys of a config change into `into`. */
function checkV2Config(change, into) {
	if ('v2WindowMs' in change) {
		if (!(Number.isInteger(change.v2WindowMs) && change.v2WindowMs > 0)) throw new TypeError('v2WindowMs must be a positive integer (milliseconds)');
		into.v2WindowMs = change.v2WindowMs;
	}
	for (const [key, allowed] of Object.entries(CHOICES)) {
		if (!(key in change)) continue;
		if (!allowed.includes(change[key])) throw new TypeError(`${key} must be ${allowed.map((a) => `'${a}'`).join(' or ')}`);
		into[key] = change[key];
	}
	if ('v2ShowWrapped' in change) {
		if (typeof change.v2ShowWrapped !== 'boolean') throw new TypeError('v2ShowWrapped must be a boolean');
		into.v2ShowWrapped = change.v2ShowWrapped;
	}
	return into;
}

/** The v2 config's defaults: the platform's own behaviour. */
const V2_DEFAULTS = Object.freeze({ v2WindowMs: 60_000, v2UnknownFields: 'refuse', v2ButtonsData: 'string', v2ShowWrapped: true });

function createV2State(options) {
	return { tokens: new TokenBook(options.v2Tokens || {}), limiter: new RateLimiter(), faults: newV2FaultQueue(), chats: new Map() };
}

function resetV2(v2) {
	v2.tokens.reset();
	v2.limiter.reset();
	v2.faults.clear();
	v2.chats.clear();
}

/** Which queue a fault goes to: its `api`, else the one API served, else v2 for v2-only kinds, else v1. */
function faultApi(state, fault) {
	const api = fault && fault.api;
	if (api !== undefined) {
		if (!state.apis.includes(api)) throw new TypeError(`injectFault: api must be one this sandbox serves (${state.apis.join(', ')})`);
		return api;
	}
	if (state.apis.length === 1) return state.apis[0];
	const kind = fault && fault.kind;
	return V2_FAULT_KINDS.includes(kind) && !V1_FAULT_KINDS.includes(kind) ? 'v2' : 'v1';
}

/** The v2 part of the handle (property descriptors: getters stay live). */
function v2Handle(state) {
	return {
		get apis() {
			return [...state.apis];
		},
		get v2Tokens() {
			return state.v2.tokens.names;
		},
		/** Every v2 token with its attributes and last use (live objects). */
		get v2TokenList() {
			return state.v2.tokens.entries;
		},
		addV2Token(spec) {
			return state.v2.tokens.add(spec);
		},
		updateV2Token(token, change) {
			state.v2.tokens.update(token, change);
		},
		get rateLimited() {
			return state.rateLimited;
		},
		addContact(contact) {
			return state.contacts.add(contact);
		},
		injectFault(fault) {
			const api = faultApi(state, fault);
			checkAimedFault(api, fault, api === 'v2' ? V2_CRM_ROUTE_NAMES : V1_CRM_ROUTE_NAMES);
			(api === 'v2' ? state.v2.faults : state.faults).add(fault);
		},
		get pendingFaults() {
			return [...state.faults.pending.map((f) => ({ api: 'v1', ...f })), ...state.v2.faults.pending.map((f) => ({ api: 'v2', ...f }))];
		},
	};
}

module.exports = { checkApis, checkV2Config, V2_DEFAULTS, createV2State, resetV2, v2Handle, APIS };
