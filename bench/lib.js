'use strict';
/**
 * Shared helpers of the benches: the BUILT node (dist/, run `npm run build` first; BENCH_DIST
 * points at another build, e.g. to compare two builds), the engine harness and the sandbox
 * (plain JS), timing, memory sampling and the one-JSON-line report.
 */
const crypto = require('node:crypto');
const path = require('node:path');
const fs = require('node:fs');

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

const product = {
	node: () => new (requireDist('nodes/WhatsAppTemplates/WhatsAppTemplates.node.js').WhatsAppTemplates)(),
	credentialType: () => new (requireDist('credentials/WhatsAppTemplatesApi.credentials.js').WhatsAppTemplatesApi)(),
	/** The node's tables of paths and wire names, API v1's (the benches spell none themselves). */
	platform: () => ({ ...requireDist('nodes/WhatsAppTemplates/shared/platform/index.js'), ...requireDist('nodes/WhatsAppTemplates/shared/platform/v1/index.js') }),
	/** A node module by its path under nodes/WhatsAppTemplates/shared/, e.g. 'multipart/multipartBody'. */
	shared: (rel) => requireDist(`nodes/WhatsAppTemplates/shared/${rel}.js`),
};

/** The sandbox credential, in the credential's fields. */
const credentialOf = (sb) => ({ baseUrl: sb.baseUrl, subdomain: sb.subdomain, apiToken: sb.tokens.send });

/** The absolute URL of one of the node's routes on the sandbox (for the benches' own baselines). */
const routeUrl = (sb, route) => `${product.platform().resolveApiBase(credentialOf(sb))}/${route.path}`;

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

/**
 * The send requests the sandbox recorded (route messages.template): the product node also reads
 * the workspace's template list once per run, which the benches do not count as sends.
 */
const sendsOf = (sb) => sb.requests.filter((r) => r.route === 'messages.template');

/** A distinct valid phone per index (E.164 without '+', 13 digits). */
const phoneOf = (i) => `4915${String(i).padStart(9, '0')}`;

const median = (values) => {
	const s = [...values].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const round = (n, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

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
	product,
	credentialOf,
	routeUrl,
	harness,
	sandbox,
	runProduct,
	phoneOf,
	sendsOf,
	median,
	round,
	expectedSha256,
	settle,
	startRssSampler,
	report,
	runBench,
};
