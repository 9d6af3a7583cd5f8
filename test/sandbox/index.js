'use strict';
/**
 * The sandbox: WhatsMark SaaS API v1 as Xobito runs it (/work/shared/api/CONTRACT.md)
 * and API v2 (/work/shared/api/CONTRACT-v2.md, v2/), on loopback, strict. An independent witness of the contract: nothing here comes
 * from the node (nodes/, dist/). See index.d.ts for the public API.
 */
const http = require('node:http');
const crypto = require('node:crypto');
const platform = require('./platform');
const { TEMPLATES, withMoreTemplates } = require('./templates');
const { FaultQueue, KINDS } = require('./faults');
const { RateLimiter, checkRateLimitConfig } = require('./rateLimit');
const { ContactBook } = require('./contacts');
const { createHandler } = require('./server');
const { WebhookEmitter } = require('./webhooks');
const v2 = require('./v2/state');
const { DEMO_TOKENS: V2_DEMO_TOKENS, SCOPES: V2_SCOPES, ROUTES: V2_ROUTES, LOG_FIELDS: V2_LOG_FIELDS, API_PREFIX: V2_API_PREFIX } = require('./v2/platform');
const { describeError: describeV2Error } = require('./v2/envelope');
const { V2_FAULT_KINDS } = require('./v2/faults');
const { CrmLists, checkCrmConfig, CRM_DEFAULTS, crmHandle } = require('./crm');
const { CRM_FAULT_KINDS } = require('./crm-faults');
const { ServiceWindow, windowHandle, checkWindowConfig, DAY_MS } = require('./window');
const { checkRemoteSpec } = require('./chat-media');
const { CHAT_MEDIA, maxBytes } = require('./chat-platform');

// Stock tokens are 64 hex characters; Xobito shows `apitk_...`. Both kinds are used.
const randomTokens = () => ({
	send: crypto.randomBytes(32).toString('hex'),
	noSend: `apitk_nosend_${crypto.randomBytes(16).toString('hex')}`,
	noTemplates: `apitk_notemplates_${crypto.randomBytes(16).toString('hex')}`,
	contactsReadOnly: `apitk_contactsro_${crypto.randomBytes(16).toString('hex')}`,
});

function checkLatency(ms) {
	if (!(typeof ms === 'number' && ms >= 0 && Number.isFinite(ms))) throw new TypeError('latencyMs must be a number >= 0');
	return ms;
}

function checkTenantStatus(status) {
	if (status !== 500 && status !== 400) throw new TypeError('invalidTenantStatus must be 500 (stock) or 400 (Xobito)');
	return status;
}

function checkPrefix(prefix) {
	if (prefix === '') return prefix;
	if (typeof prefix !== 'string' || !/^(\/[A-Za-z0-9._~-]+)+$/.test(prefix)) {
		throw new TypeError("prefix must be '' or a path like '/waba' (no trailing slash)");
	}
	return prefix;
}

function checkConfig(change, into) {
	if ('latencyMs' in change) into.latencyMs = checkLatency(change.latencyMs);
	if ('rateLimit' in change) into.rateLimit = checkRateLimitConfig(change.rateLimit);
	if ('invalidTenantStatus' in change) into.invalidTenantStatus = checkTenantStatus(change.invalidTenantStatus);
	if ('acceptJpg' in change) {
		if (typeof change.acceptJpg !== 'boolean') throw new TypeError('acceptJpg must be a boolean');
		into.acceptJpg = change.acceptJpg;
	}
	return checkCrmConfig(change, checkWindowConfig(change, v2.checkV2Config(change, into)));
}

function emptyStats(inFlight) {
	return { inFlight, maxInFlight: inFlight, total: 0, accepted: 0, noAnswer: 0, byStatus: {}, overwrittenUploads: 0 };
}

async function startSandbox(options = {}) {
	const given = Object.entries(options.tokens || {}).filter(([, v]) => typeof v === 'string' && v !== '');
	const tokens = Object.freeze({ ...randomTokens(), ...Object.fromEntries(given) });
	const config = checkConfig(
		{
			latencyMs: options.latencyMs ?? 0,
			rateLimit: options.rateLimit ?? null,
			invalidTenantStatus: options.invalidTenantStatus ?? 500,
			acceptJpg: options.acceptJpg ?? true,
			serviceWindowMs: options.serviceWindowMs ?? DAY_MS,
			...Object.fromEntries(Object.entries({ ...v2.V2_DEFAULTS, ...CRM_DEFAULTS }).map(([k, d]) => [k, options[k] ?? d])),
		},
		{},
	);
	const lists = new CrmLists();
	const state = {
		config,
		apis: v2.checkApis(options.apis ?? v2.APIS),
		prefix: checkPrefix(options.prefix ?? ''),
		tokenAbilities: new Map(Object.entries(tokens).map(([kind, token]) => [token, platform.TOKEN_ABILITIES[kind]])),
		templates: options.moreTemplates ? withMoreTemplates(options.moreTemplates) : TEMPLATES,
		lists,
		contacts: new ContactBook(lists),
		storedNames: new Set(),
		requests: [],
		messages: [],
		freeForm: [],
		window: new ServiceWindow(),
		remoteMedia: new Map(),
		rateLimited: [],
		stats: emptyStats(0),
		seq: 0,
		generation: 0,
		inFlight: new Set(),
		timers: new Set(),
		faults: new FaultQueue(),
		limiter: new RateLimiter(),
		webhooks: new WebhookEmitter(),
		v2: v2.createV2State(options),
	};
	if (options.webhook) state.webhooks.configure(options.webhook);

	const server = http.createServer(
		// Idle keep-alive sockets stay open longer than any client pool keeps them,
		// so a reused socket is never closed under a request (nginx default: 75 s).
		{ keepAliveTimeout: 75_000, headersTimeout: 80_000, requestTimeout: 0 },
		createHandler(state),
	);
	const host = options.host || '127.0.0.1';
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.removeListener('error', reject);
			resolve();
		});
	});
	const { port } = server.address();
	let closed = false;

	const handle = {
		baseUrl: `http://${host}:${port}${state.prefix}`,
		port,
		subdomain: platform.SUBDOMAIN,
		tokens,
		templates: state.templates,
		get requests() {
			return state.requests;
		},
		get messages() {
			return state.messages;
		},
		get contacts() {
			return state.contacts.list;
		},
		get stats() {
			return state.stats;
		},
		get config() {
			return { ...state.config };
		},
		configure(change = {}) {
			const next = checkConfig(change, { ...state.config });
			if ('rateLimit' in change) state.limiter.reset();
			if ('v2WindowMs' in change) state.v2.limiter.reset();
			if ('webhook' in change) state.webhooks.configure(change.webhook);
			Object.assign(state.config, next);
		},
		// Outbound webhooks (webhooks.js): every attempt, and events on demand.
		get webhookDeliveries() {
			return state.webhooks.deliveries;
		},
		emitContactEvent(change, overrides) {
			return state.webhooks.emitRecordEvent({ resource: 'contact', ...change }, overrides);
		},
		/** A media URL as the platform's download would find it (chat-media.js). */
		setRemoteMedia(url, spec) {
			state.remoteMedia.set(new URL(url).href, checkRemoteSpec(spec));
		},
		postWebhook(body, options) {
			return state.webhooks.post(body, options);
		},
		webhooksIdle() {
			return state.webhooks.idle();
		},
		reset() {
			state.generation += 1;
			state.requests.length = 0;
			state.messages.length = 0;
			state.freeForm.length = 0;
			state.window.reset();
			state.remoteMedia.clear();
			state.rateLimited.length = 0;
			Object.assign(state.stats, emptyStats(state.inFlight.size));
			state.stats.byStatus = {};
			state.seq = 0;
			state.faults.clear();
			state.limiter.reset();
			state.lists.reset();
			state.contacts.reset();
			state.storedNames.clear();
			state.webhooks.reset();
			v2.resetV2(state.v2);
		},
		async close() {
			if (closed) return;
			closed = true;
			state.webhooks.close();
			for (const t of state.timers) clearTimeout(t);
			state.timers.clear();
			const done = new Promise((resolve) => server.close(() => resolve()));
			server.closeAllConnections();
			await done;
		},
	};
	// API v2's part: its tokens, the 429 log, contacts as stored, and faults for either API;
	// then the free-form messages and the 24-hour window (window.js), the contacts APIs' lists and seeding (crm.js).
	Object.defineProperties(handle, Object.getOwnPropertyDescriptors(v2.v2Handle(state)));
	Object.defineProperties(handle, Object.getOwnPropertyDescriptors(windowHandle(state)));
	return Object.defineProperties(handle, Object.getOwnPropertyDescriptors(crmHandle(state)));
}

module.exports = {
	startSandbox,
	TEMPLATES,
	DEMO_TOKENS: platform.DEMO_TOKENS,
	SUBDOMAIN: platform.SUBDOMAIN,
	FAULT_KINDS: KINDS,
	ROUTES: platform.ROUTES,
	FILE_LIMITS: platform.FILE_LIMITS,
	// Free-form media kinds: extensions (jpg: see acceptJpg) and size limits in bytes.
	CHAT_MEDIA: Object.freeze(Object.fromEntries(Object.entries(CHAT_MEDIA).map(([k, m]) => [k, Object.freeze({ extensions: m.extensions, jpg: Boolean(m.jpg), maxBytes: maxBytes(k) })]))),
	// The fault kinds each API's contact routes take (aimed with match.route).
	CRM_FAULT_KINDS,
	V2_DEMO_TOKENS,
	V2_SCOPES,
	V2_ROUTES,
	V2_FAULT_KINDS,
	V2_API_PREFIX,
	V2_LOG_FIELDS,
	describeV2Error,
};
