'use strict';
/**
 * The sandbox: the workspace messaging API of /work/shared/api/CONTRACT.md on
 * loopback, strict. See index.d.ts for the public API.
 */
const http = require('node:http');
const crypto = require('node:crypto');
const fixtures = require('./fixtures');
const { FaultQueue, KINDS } = require('./faults');
const { RateLimiter, checkRateLimitConfig } = require('./rateLimit');
const { createHandler } = require('./server');

const randomToken = (label) => `apitk_${label}_${crypto.randomBytes(16).toString('hex')}`;

function checkLatency(ms) {
	if (!(typeof ms === 'number' && ms >= 0 && Number.isFinite(ms))) throw new TypeError('latencyMs must be a number >= 0');
	return ms;
}

function emptyStats(inFlight) {
	return { inFlight, maxInFlight: inFlight, total: 0, accepted: 0, noAnswer: 0, byStatus: {} };
}

/**
 * Start a sandbox. options: { port = 0, host = '127.0.0.1', latencyMs = 0,
 * rateLimit = null, tokens = random per instance ({ send, noAbility }) }.
 */
async function startSandbox(options = {}) {
	const tokens = Object.freeze({
		send: (options.tokens && options.tokens.send) || randomToken('send'),
		noAbility: (options.tokens && options.tokens.noAbility) || randomToken('noability'),
	});
	const state = {
		config: { latencyMs: checkLatency(options.latencyMs ?? 0), rateLimit: checkRateLimitConfig(options.rateLimit) },
		tokenAbilities: new Map([
			[tokens.send, [fixtures.ABILITY]],
			[tokens.noAbility, ['messages.read']],
		]),
		templates: fixtures.TEMPLATES,
		requests: [],
		messages: [],
		stats: emptyStats(0),
		seq: 0,
		generation: 0,
		inFlight: new Set(),
		hung: new Set(),
		timers: new Set(),
		faults: new FaultQueue(),
		limiter: new RateLimiter(),
	};

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

	return {
		baseUrl: `http://${host}:${port}`,
		port,
		tokens,
		templates: fixtures.TEMPLATES,
		get requests() {
			return state.requests;
		},
		get messages() {
			return state.messages;
		},
		get stats() {
			return state.stats;
		},
		get config() {
			return { ...state.config };
		},
		get pendingFaults() {
			return state.faults.pending;
		},
		configure(change = {}) {
			if ('latencyMs' in change) state.config.latencyMs = checkLatency(change.latencyMs);
			if ('rateLimit' in change) {
				state.config.rateLimit = checkRateLimitConfig(change.rateLimit);
				state.limiter.reset();
			}
		},
		injectFault(fault) {
			state.faults.add(fault);
		},
		reset() {
			state.generation += 1;
			state.requests.length = 0;
			state.messages.length = 0;
			Object.assign(state.stats, emptyStats(state.inFlight.size));
			state.stats.byStatus = {};
			state.seq = 0;
			state.faults.clear();
			state.limiter.reset();
		},
		async close() {
			if (closed) return;
			closed = true;
			for (const t of state.timers) clearTimeout(t);
			state.timers.clear();
			const done = new Promise((resolve) => server.close(() => resolve()));
			server.closeAllConnections();
			await done;
		},
	};
}

module.exports = {
	startSandbox,
	TEMPLATES: fixtures.TEMPLATES,
	DEMO_TOKENS: fixtures.DEMO_TOKENS,
	FILE_LIMITS: fixtures.FILE_LIMITS,
	PATH: fixtures.PATH,
	FAULT_KINDS: KINDS,
};
