'use strict';
/**
 * Shared helpers of the benches: the BUILT node (dist/, run `npm run build` first; BENCH_DIST
 * points at another build, e.g. to compare two builds), the engine harness and the sandbox
 * (plain JS), timing, memory sampling and the one-JSON-line report.
 */
const crypto = require('node:crypto');
const path = require('node:path');
const fs = require('node:fs');
const { median, pairRounds, balancedRatio } = require('./rounds');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.resolve(ROOT, process.env.BENCH_DIST || 'dist');

const TYPE_NAME = 'n8n-nodes-whatsapp-templates.whatsAppTemplates';
const CREDENTIAL_NAME = 'whatsAppTemplatesApi';
const MiB = 1024 * 1024;

function requireDist(rel) {
	const file = path.join(DIST, rel);
	if (!fs.existsSync(file)) {
		throw new Error(`bench: ${path.relative(ROOT, file)} is missing; run \`npm run build\` first`);
	}
	return require(file);
}

/**
 * The API generation the benches speak: BENCH_API=v2 (a `wm_` token on a v2-only workspace), else
 * v1 (token and subdomain on a v1-only workspace). The credential chooses it, as a user's does
 * (API Version left unset: Auto).
 */
const API = process.env.BENCH_API || 'v1';
if (!['v1', 'v2'].includes(API)) throw new Error(`bench: BENCH_API=${API}: use v1 or v2`);

const product = {
	node: () => new (requireDist('nodes/WhatsAppTemplates/WhatsAppTemplates.node.js').WhatsAppTemplates)(),
	credentialType: () => new (requireDist('credentials/WhatsAppTemplatesApi.credentials.js').WhatsAppTemplatesApi)(),
	/**
	 * The node's Platform for the bench's API (shared/platform/: routes, the send's wire names, the
	 * 429's wait, the rate-limit report): the benches spell no path or wire name themselves.
	 */
	platform: () => requireDist('nodes/WhatsAppTemplates/shared/platform/index.js')[API],
	/** A node module by its path under nodes/WhatsAppTemplates/shared/, e.g. 'multipart/multipartBody'. */
	shared: (rel) => requireDist(`nodes/WhatsAppTemplates/shared/${rel}.js`),
};

/** The sandbox credential, in the credential's fields (v2: no subdomain, API Version unset = Auto). */
const credentialOf = (sb) =>
	API === 'v2' ? { baseUrl: sb.baseUrl, apiToken: sb.v2Tokens.send } : { baseUrl: sb.baseUrl, subdomain: sb.subdomain, apiToken: sb.tokens.send };

/** The token the credential carries (for the benches' own baselines and probes). */
const tokenOf = (sb) => credentialOf(sb).apiToken;

/** The absolute URL of one of the node's routes on the sandbox (for the benches' own baselines). */
const routeUrl = (sb, route) => `${product.platform().apiBase(credentialOf(sb))}/${route.path}`;

/** v2 tokens may allow at most this many requests per window (CONTRACT-v2.md): "no limit" for a limited token. */
const V2_MAX_LIMIT = 10000;

/**
 * The sandbox on loopback, in a process of its own (remote-sandbox.js: call `await sb.refresh()`
 * before reading what it recorded), for the bench's API only, with the token's limit `rateLimit` ({max,
 * windowMs}; null: none on v1, v2's highest on v2). v1 has one limit per workspace config; v2 has
 * it per token (`limit`) with one window length (`v2WindowMs`).
 */
async function startBenchSandbox({ rateLimit = null, v2Scopes, ...options } = {}) {
	const start = require('./remote-sandbox').startRemoteSandbox;
	if (API === 'v1') return await start({ port: 0, apis: ['v1'], rateLimit, ...options });
	// v2Scopes: the token's scopes when it needs more than sends (the contact benches: contacts:*).
	const scopes = v2Scopes ? { scopes: v2Scopes } : {};
	const limit = { v2Tokens: { send: { limit: rateLimit ? rateLimit.max : V2_MAX_LIMIT, ...scopes } }, ...(rateLimit && { v2WindowMs: rateLimit.windowMs }) };
	return await start({ port: 0, apis: ['v2'], ...limit, ...options });
}

/** Lifts the token's limit (for a warm-up) until restoreLimit(); v2's lasts until sb.reset(). */
async function liftLimit(sb) {
	if (API === 'v1') await sb.configure({ rateLimit: null });
	else await sb.updateV2Token('send', { limit: V2_MAX_LIMIT });
}

/** The limit of the start again, and a fresh window (clears what the sandbox recorded). */
async function restoreLimit(sb, rateLimit) {
	await sb.reset();
	if (API === 'v1') await sb.configure({ rateLimit });
}

const harness = () => require(path.join(ROOT, 'test/engine/harness.js'));
const sandbox = () => require(path.join(ROOT, 'test/sandbox/index.js'));

/** Runs the product node (or `nodeType`) through n8n's real engine with the sandbox credential. */
async function runProduct(sb, { parameters, items, nodeType, typeName } = {}) {
	const { runNode } = harness();
	return await runNode({
		nodeType: nodeType ?? product.node(),
		typeName: typeName ?? TYPE_NAME,
		credentialTypes: [product.credentialType()],
		credentials: { [CREDENTIAL_NAME]: credentialOf(sb) },
		parameters: { resource: 'message', operation: 'sendTemplate', templateSource: 'byName', templateLanguage: 'en', ...parameters },
		items,
	});
}

/** The send requests recorded (messages.template); the node's one template-list read is not a send. */
const sendsOf = (sb) => sb.requests.filter((r) => r.route === 'messages.template');

/** The requests the sandbox recorded to one of the node's routes (its path from the node's table). */
const requestsTo = (sb, route) => {
	const path = new URL(routeUrl(sb, route)).pathname;
	return sb.requests.filter((r) => r.path === path);
};

/** A distinct valid phone per index (E.164 without '+', 13 digits). */
const phoneOf = (i) => `4915${String(i).padStart(9, '0')}`;

const round = (n, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * The least wall time `counted` requests can take under `limit` ({max, windowMs}): a window opens
 * with its first counted request, so they fill ceil(counted / max) windows and the last opens
 * (windows - 1) windows after the first (= counted / rate, rounded to whole windows).
 */
function idealUnderLimit(counted, limit) {
	const windows = Math.ceil(counted / limit.max);
	return { windows, idealMs: (windows - 1) * limit.windowMs };
}

/** The sha256 of what harness.storeBinary({ size, fill }) stores (same chunking and pattern), computed independently. */
function expectedSha256(size, fill) {
	const chunkSize = Math.min(size, MiB) || 1;
	const chunk =
		Buffer.isBuffer(fill) || typeof fill === 'string' || typeof fill === 'number'
			? Buffer.alloc(chunkSize, fill)
			: Buffer.from(Array.from({ length: chunkSize }, (_, i) => i % 251));
	const hash = crypto.createHash('sha256');
	for (let left = size; left > 0; left -= chunkSize) hash.update(left >= chunkSize ? chunk : chunk.subarray(0, left));
	return hash.digest('hex');
}

/** gc (needs --expose-gc) a few times and let the allocator settle. */
async function settle() {
	for (let i = 0; i < 4; i++) {
		if (global.gc) global.gc();
		await new Promise((r) => setTimeout(r, 25));
	}
}

/**
 * Peak RSS sampler: every `everyMs`, process.memoryUsage.rss(). Also reads the kernel's peak
 * (resourceUsage().maxRSS) at start and stop: when it rose during the run, that is the exact peak.
 */
function startRssSampler(everyMs = 5) {
	const base = process.memoryUsage();
	const baseline = base.rss;
	const kernelPeakBefore = process.resourceUsage().maxRSS * 1024;
	let peak = baseline;
	let samples = 0;
	let last = performance.now();
	let maxGapMs = 0;
	let atPeak = base;
	const sample = () => {
		const now = performance.now();
		maxGapMs = Math.max(maxGapMs, now - last);
		last = now;
		samples++;
		const rss = process.memoryUsage.rss();
		if (rss > peak) {
			peak = rss;
			// What JS holds at the peak: a buffered upload shows up here, allocator slack does not.
			atPeak = process.memoryUsage();
		}
	};
	const timer = setInterval(sample, everyMs);
	return {
		baseline,
		stop() {
			clearInterval(timer);
			sample();
			const kernelPeakAfter = process.resourceUsage().maxRSS * 1024;
			const kernelPeak = kernelPeakAfter > kernelPeakBefore ? kernelPeakAfter : null;
			return {
				baselineMB: round(baseline / MiB, 1),
				peakGrowthMB: round((peak - baseline) / MiB, 1),
				// null: the kernel's peak of the process came before the baseline (it is sticky), so it says nothing here.
				kernelPeakGrowthMB: kernelPeak === null ? null : round((kernelPeak - baseline) / MiB, 1),
				heapUsedAtPeakMB: round((atPeak.heapUsed - base.heapUsed) / MiB, 1),
				arrayBuffersAtPeakMB: round((atPeak.arrayBuffers - base.arrayBuffers) / MiB, 1),
				samples,
				maxSampleGapMs: round(maxGapMs, 1),
			};
		},
	};
}

/** Prints the bench's single JSON line and sets the exit code from `pass`. */
function report(result) {
	process.stdout.write(`${JSON.stringify(result)}\n`);
	process.exitCode = result.pass ? 0 : 1;
}

/** Runs `main`; any throw becomes a failing JSON line (so run.js always gets one line). */
function runBench(name, main) {
	main().then(
		(result) => {
			report(result);
			// Sockets/timers of the engine may linger; the figures are out.
			setTimeout(() => process.exit(), 200).unref();
		},
		(error) => {
			report({ bench: name, pass: false, error: String(error && error.stack ? error.stack : error) });
			setTimeout(() => process.exit(), 200).unref();
		},
	);
}

module.exports = {
	ROOT,
	MiB,
	TYPE_NAME,
	CREDENTIAL_NAME,
	requireDist,
	API,
	product,
	credentialOf,
	tokenOf,
	routeUrl,
	startBenchSandbox,
	liftLimit,
	restoreLimit,
	harness,
	sandbox,
	runProduct,
	phoneOf,
	sendsOf,
	requestsTo,
	median,
	pairRounds,
	balancedRatio,
	round,
	idealUnderLimit,
	expectedSha256,
	settle,
	startRssSampler,
	report,
	runBench,
};
