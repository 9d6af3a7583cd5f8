'use strict';
/**
 * Rate-limit bench: 300 JSON sends (template plain_notice, en) through n8n's real engine against
 * the sandbox's per-token limit, time-scaled: the platform's 60 requests per window, with a 5 s
 * window instead of 60 s. Like API v1, the sandbox answers 429 `{"message":..., "retry_after": N}`
 * with N in whole seconds until the window closes and NO Retry-After header; a refused request is
 * not counted; a window opens with the first counted request. The node pauses all its workers for
 * retry_after after a 429 and sends the refused item again (a 429 was not processed, so this
 * cannot double-send).
 *
 * Ideal: every counted request (the 300 sends and the node's template-list read per run: 301)
 * in windows of 60, so 6 windows; the last cannot open before 5 × 5 s = 25 s (idealMs).
 * retry_after is rounded up to whole seconds and counted from the 429, so each window costs the
 * node the time it took to send the window's 60 messages on top (printed: lossPerWindowMs). Goals:
 * 0 failed items, 0 messages accepted twice (the sandbox's accepted messages: 300, 300 distinct
 * phones, 300 answers 200, no status but 200 and 429), every 429 carried retry_after in its body,
 * a raw probe shows the 429 has no Retry-After header, and wall time ≤ 1.15 × idealMs.
 * Messages In Flight: the node's default, 5 (BENCH_RATE_CONCURRENCY to try others).
 */
const lib = require('./lib');

const COUNT = 300;
const LIMIT = { max: 60, windowMs: 5000 };
const GOAL_RATIO = 1.15;
const CONCURRENCY = Number(process.env.BENCH_RATE_CONCURRENCY || 5);

/** A raw 429 from the sandbox, to show what the node had to go by: retry_after in the body only. */
async function probe429(sb) {
	const axios = require('axios');
	const { ROUTES } = lib.product.platform();
	sb.reset();
	sb.configure({ rateLimit: { max: 1, windowMs: LIMIT.windowMs } });
	const post = () =>
		axios.post(lib.routeUrl(sb, ROUTES.sendTemplate), {}, {
			headers: { Accept: 'application/json', Authorization: `Bearer ${sb.tokens.send}` },
			validateStatus: () => true,
		});
	await post();
	const refused = await post();
	return {
		status: refused.status,
		retryAfterInBody: lib.product.platform().readRetryAfter(refused.data),
		retryAfterHeader: refused.headers['retry-after'] ?? null,
	};
}

async function main() {
	await lib.harness().setupEngine({ binaryMode: 'filesystem' });
	const sb = await lib.sandbox().startSandbox({ port: 0, rateLimit: LIMIT });
	const { SEND } = lib.product.platform();
	const items = Array.from({ length: COUNT }, (_, i) => ({ json: { phone: lib.phoneOf(i) } }));
	const parameters = {
		phone: '={{ $json.phone }}',
		templateName: 'plain_notice',
		templateLanguage: 'en',
		options: { concurrency: CONCURRENCY },
	};

	// Warm-up without the limit (module loading), then a fresh window.
	sb.configure({ rateLimit: null });
	await lib.runProduct(sb, { parameters, items: items.slice(0, 5) });
	sb.configure({ rateLimit: LIMIT });
	sb.reset();

	const t0 = performance.now();
	const result = await lib.runProduct(sb, { parameters, items });
	const wallMs = performance.now() - t0;

	const out = result.outputs?.[0] ?? [];
	const failed = result.error ? COUNT : out.filter((o) => o.json.error).length;
	const phones = sb.messages.map((m) => m.fields[SEND.phone]);
	const distinct = new Set(phones).size;
	const sentTwice = phones.length - distinct;
	const accepted200 = lib.sendsOf(sb).filter((r) => r.status === 200).length;
	const refusals = sb.requests.filter((r) => r.status === 429);
	const { readRetryAfter } = lib.product.platform();
	const bodyRetryAfter = refusals.every((r) => Number.isInteger(readRetryAfter(r.response)) && readRetryAfter(r.response) >= 1);
	const otherStatuses = Object.keys(sb.stats.byStatus).filter((s) => s !== '200' && s !== '429');
	const allDelivered = distinct === COUNT && phones.length === COUNT && accepted200 === COUNT && otherStatuses.length === 0;
	// Every request counts against the limit, the node's template-list read per run included.
	const requests = sb.stats.total;
	const sendRequests = lib.sendsOf(sb).length;
	const listReads = sb.requests.filter((r) => r.route === 'templates.list').length;
	const maxInFlight = sb.stats.maxInFlight;
	const probe = await probe429(sb);
	await sb.close();
	const bodyOnly = probe.status === 429 && Number.isInteger(probe.retryAfterInBody) && probe.retryAfterHeader === null;

	// Refused requests are not counted by the platform; everything else is, the template-list read too.
	const counted = requests - refusals.length;
	const windows = Math.ceil(counted / LIMIT.max);
	const idealMs = (windows - 1) * LIMIT.windowMs;
	const ratio = wallMs / idealMs;
	return {
		bench: 'rate-limit',
		node: process.version,
		sends: COUNT,
		limit: LIMIT,
		concurrency: CONCURRENCY,
		wallMs: Math.round(wallMs),
		countedRequests: counted,
		windows,
		idealMs,
		goalMs: Math.round(GOAL_RATIO * idealMs),
		ratio: lib.round(ratio, 3),
		lossPerWindowMs: Math.round((wallMs - idealMs) / windows),
		requests,
		sendRequests,
		listReads,
		status429: refusals.length,
		retryAfterSeen: [...new Set(refusals.map((r) => readRetryAfter(r.response)))].sort(),
		failed,
		sentTwice,
		accepted: phones.length,
		otherStatuses,
		maxInFlight,
		probe429: probe,
		error: result.error ? `${result.error.message} ${result.error.description ?? ''}` : undefined,
		pass: failed === 0 && sentTwice === 0 && allDelivered && bodyRetryAfter && refusals.length > 0 && bodyOnly && ratio <= GOAL_RATIO,
	};
}

lib.runBench('rate-limit', main);
