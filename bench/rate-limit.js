'use strict';
/**
 * Rate-limit bench: 300 JSON sends through n8n's real engine against the sandbox limited to
 * 20 requests per second per token (fixed one-second window, Laravel style) answering 429 with
 * retry_after 1. The node pauses all its workers for retry_after after a 429 and sends the
 * refused items again (a 429 was not processed, so this cannot double-send).
 *
 * Goals: 0 failed items, 0 messages accepted twice (the sandbox's accepted messages: 300, 300
 * distinct phones, 300 answers 200), wall time ≤ 1.15 × 300 / 20 s = 17.25 s. Prints the number
 * of 429 answers. Messages In Flight: the node's default, 5 (BENCH_RATE_CONCURRENCY to try others).
 */
const lib = require('./lib');

const COUNT = 300;
const PER_SECOND = 20;
const RETRY_AFTER = 1;
const CONCURRENCY = Number(process.env.BENCH_RATE_CONCURRENCY || 5);
const GOAL_MS = 1.15 * (COUNT / PER_SECOND) * 1000;

async function main() {
	await lib.harness().setupEngine({ binaryMode: 'filesystem' });
	const sb = await lib.sandbox().startSandbox({ port: 0, rateLimit: { perSecond: PER_SECOND, retryAfter: RETRY_AFTER } });
	const items = Array.from({ length: COUNT }, (_, i) => ({ json: { phone: lib.phoneOf(i) } }));
	const parameters = { phone: '={{ $json.phone }}', templateName: 'order_update', options: { concurrency: CONCURRENCY } };

	// Warm-up without the limit (module loading), then a fresh window.
	sb.configure({ rateLimit: null });
	await lib.runProduct(sb, { parameters, items: items.slice(0, 5) });
	sb.configure({ rateLimit: { perSecond: PER_SECOND, retryAfter: RETRY_AFTER } });
	sb.reset();

	const t0 = performance.now();
	const result = await lib.runProduct(sb, { parameters, items });
	const wallMs = performance.now() - t0;
	await sb.close();

	const out = result.outputs?.[0] ?? [];
	const failed = result.error ? COUNT : out.filter((o) => o.json.error).length;
	const phones = sb.messages.map((m) => m.fields.phone);
	const distinct = new Set(phones).size;
	const sentTwice = phones.length - distinct;
	const accepted200 = sb.stats.byStatus[200] ?? 0;
	const tooMany = sb.stats.byStatus[429] ?? 0;
	const otherStatuses = Object.keys(sb.stats.byStatus).filter((s) => s !== '200' && s !== '429');
	const allDelivered = distinct === COUNT && phones.length === COUNT && accepted200 === COUNT && otherStatuses.length === 0;
	const ratio = wallMs / ((COUNT / PER_SECOND) * 1000);
	return {
		bench: 'rate-limit',
		node: process.version,
		sends: COUNT,
		perSecond: PER_SECOND,
		retryAfter: RETRY_AFTER,
		concurrency: CONCURRENCY,
		wallMs: Math.round(wallMs),
		goalMs: GOAL_MS,
		ratio: lib.round(ratio, 3),
		requests: sb.stats.total,
		status429: tooMany,
		failed,
		sentTwice,
		accepted: phones.length,
		maxInFlight: sb.stats.maxInFlight,
		error: result.error ? `${result.error.message} ${result.error.description ?? ''}` : undefined,
		pass: failed === 0 && sentTwice === 0 && allDelivered && wallMs <= GOAL_MS,
	};
}

lib.runBench('rate-limit', main);
