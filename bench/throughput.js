'use strict';
/**
 * Throughput bench: 1000 JSON sends (no file) against the sandbox with 20 ms latency per answer,
 * the node at Messages In Flight 10, through n8n's real engine, against a plain HTTP loop doing
 * the same 1000 requests in the same process.
 *
 * Baseline (the goal's): axios (the project's dev dependency; n8n's transport is axios too),
 * 10 workers, the same JSON body with the same headers the node sent (copied from the node's
 * recorded warm-up request), and a fresh http.Agent per request, because that is what n8n's
 * transport does for every request a node makes (@n8n/backend-network: setAxiosAgents ->
 * buildNodeAgents builds `new http.Agent(agentOptions)` per request; a node cannot pass one), so
 * every send opens a new connection. The bench also times the same loop with one shared
 * keep-alive agent (what a hand-written client gets) and reports that ratio, not as the goal.
 *
 * Per round: fresh-agent loop, node, keep-alive loop (ROUNDS rounds after a warm-up of each);
 * figures are the medians. Goal: node ≤ 1.15 × baseline. Also reported: the node's dry run of
 * the same items (its up-front validation, no request), for the diagnosis.
 */
const http = require('node:http');
const lib = require('./lib');

const COUNT = 1000;
const CONCURRENCY = 10;
const LATENCY_MS = 20;
const GOAL_RATIO = 1.15;
const ROUNDS = Number(process.env.BENCH_THROUGHPUT_ROUNDS || 5);
const TEMPLATE = 'order_update';

async function main() {
	const axios = require('axios');
	await lib.harness().setupEngine({ binaryMode: 'filesystem' });
	const sb = await lib.sandbox().startSandbox({ port: 0, latencyMs: LATENCY_MS });
	const url = `${sb.baseUrl}${lib.sandbox().PATH}`;
	const parameters = { phone: '={{ $json.phone }}', templateName: TEMPLATE, options: { concurrency: CONCURRENCY } };
	const itemsOf = (n) => Array.from({ length: n }, (_, i) => ({ json: { phone: lib.phoneOf(i) } }));

	/** Every run must deliver exactly `n` distinct messages, all 200, with `CONCURRENCY` in flight at most and at peak. */
	const check = (label, n) => {
		const phones = new Set(sb.messages.map((m) => m.fields.phone));
		const ok200 = sb.stats.byStatus[200] ?? 0;
		if (sb.messages.length !== n || phones.size !== n || ok200 !== n || sb.stats.total !== n) {
			throw new Error(`${label}: ${sb.messages.length} messages, ${phones.size} phones, ${ok200} × 200, ${sb.stats.total} requests; expected ${n}`);
		}
		if (sb.stats.maxInFlight !== CONCURRENCY) throw new Error(`${label}: ${sb.stats.maxInFlight} in flight at most, expected ${CONCURRENCY}`);
	};

	const runNodeOnce = async (n) => {
		sb.reset();
		const items = itemsOf(n);
		const t0 = performance.now();
		const result = await lib.runProduct(sb, { parameters, items });
		const ms = performance.now() - t0;
		if (result.error) throw new Error(`node failed: ${result.error.message}`);
		if (result.outputs[0].length !== n) throw new Error(`node: ${result.outputs[0].length} items out, expected ${n}`);
		check('node', n);
		return ms;
	};

	// Warm-up of the node; its request gives the baseline's exact body shape and headers.
	await runNodeOnce(50);
	const sample = sb.requests[0];
	const SKIP = new Set(['host', 'content-length', 'connection', 'transfer-encoding']);
	const headers = Object.fromEntries(Object.entries(sample.headers).filter(([k]) => !SKIP.has(k)));
	const bodyOf = (phone) => ({ ...sample.fields, phone });
	if (JSON.stringify(Object.keys(sample.fields)) !== JSON.stringify(['phone', 'template_name', 'template_language'])) {
		throw new Error(`unexpected node body ${JSON.stringify(sample.fields)}`);
	}

	const keepAlive = new http.Agent({ keepAlive: true });
	const client = axios.create({ headers, validateStatus: () => true, maxRedirects: 0 });
	/** `agentOf()` per request: the shared keep-alive agent, or a fresh agent as n8n's transport makes. */
	const runBaselineOnce = async (n, agentOf) => {
		sb.reset();
		let next = 0;
		const t0 = performance.now();
		const worker = async () => {
			while (next < n) {
				const i = next++;
				const res = await client.post(url, bodyOf(lib.phoneOf(i)), { httpAgent: agentOf() });
				if (res.status !== 200) throw new Error(`baseline: status ${res.status}`);
			}
		};
		await Promise.all(Array.from({ length: CONCURRENCY }, worker));
		const ms = performance.now() - t0;
		check('baseline', n);
		return ms;
	};
	const shared = () => keepAlive;
	const fresh = () => new http.Agent();
	await runBaselineOnce(50, shared);
	await runBaselineOnce(50, fresh);

	const runs = { baselineMs: [], nodeMs: [], keepAliveMs: [] };
	for (let r = 0; r < ROUNDS; r++) {
		runs.baselineMs.push(await runBaselineOnce(COUNT, fresh));
		runs.nodeMs.push(await runNodeOnce(COUNT));
		runs.keepAliveMs.push(await runBaselineOnce(COUNT, shared));
	}
	// What the node does before its first request: n8n's parameter reads and the validation of every
	// item, which the node completes before it sends anything (a dry run of the same 1000 items).
	sb.reset();
	const t0 = performance.now();
	await lib.runProduct(sb, { parameters: { ...parameters, options: { ...parameters.options, dryRun: true } }, items: itemsOf(COUNT) });
	const dryRunMs = performance.now() - t0;
	keepAlive.destroy();
	await sb.close();

	const base = lib.median(runs.baselineMs);
	const node = lib.median(runs.nodeMs);
	const keepAliveMs = lib.median(runs.keepAliveMs);
	const ratio = node / base;
	return {
		bench: 'throughput',
		node: process.version,
		sends: COUNT,
		concurrency: CONCURRENCY,
		latencyMs: LATENCY_MS,
		baseline: 'axios 1.13 loop, 10 workers, same body and headers, a fresh http.Agent per request as n8n\'s transport makes',
		baselineMs: Math.round(base),
		nodeMs: Math.round(node),
		idealMs: (COUNT / CONCURRENCY) * LATENCY_MS,
		ratio: lib.round(ratio, 3),
		goalRatio: GOAL_RATIO,
		pass: ratio <= GOAL_RATIO,
		// Not the goal: the same loop reusing connections (one shared keep-alive agent), which no node can
		// get from n8n's request helpers; and the node's dry run (validation only, no request).
		keepAliveBaselineMs: Math.round(keepAliveMs),
		ratioToKeepAlive: lib.round(node / keepAliveMs, 3),
		nodeDryRunMs: Math.round(dryRunMs),
		runs: Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, v.map(Math.round)])),
	};
}

lib.runBench('throughput', main);
