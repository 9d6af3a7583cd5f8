'use strict';
/**
 * Throughput bench: 1000 JSON sends (template plain_notice, en: no header, no variables) against
 * the sandbox with 20 ms latency per answer,
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
 * Per round: fresh-agent loop; the node and the minimal n8n node (throughput-node.js), in turns
 * first; keep-alive loop; the node with Check Template Before Sending off; the node's dry run
 * (ROUNDS rounds after a warm-up of each: 50 items, then a full-size run that is not counted);
 * figures are the medians. Goals: node ≤ 1.15 × baseline,
 * check on ≤ 1.03 × check off, and node ≤ 1.02 × the minimal node (lib.balancedRatio: the two run
 * side by side taking turns first, so a change of load between rounds cancels, and so does the order;
 * an even number of rounds, 16 by default). BENCH_API=v2 runs
 * it all on API v2 (bench/lib.js).
 */
const http = require('node:http');
const os = require('node:os');
const lib = require('./lib');
const { minimalSendNode } = require('./throughput-node');

const COUNT = 1000;
const CONCURRENCY = 10;
const LATENCY_MS = 20;
const GOAL_RATIO = 1.15;
/** Check Template Before Sending on vs off, same 1000 sends, same run. */
const CHECK_GOAL_RATIO = 1.03;
/** The node's own cost: node ≤ 1.02 × the minimal n8n node (throughput-node.js), same sends, same run. */
const MINIMAL_GOAL_RATIO = 1.02;
const ROUNDS = lib.pairRounds();
const TEMPLATE = { name: 'plain_notice', language: 'en' };

async function main() {
	const axios = require('axios');
	const loadBefore = os.loadavg()[0];
	await lib.harness().setupEngine({ binaryMode: 'filesystem' });
	const sb = await lib.startBenchSandbox({ latencyMs: LATENCY_MS });
	const { routes, templateSend: SEND } = lib.product.platform();
	const url = lib.routeUrl(sb, routes.sendTemplate);
	const parameters = {
		phone: '={{ $json.phone }}',
		templateName: TEMPLATE.name,
		templateLanguage: TEMPLATE.language,
		options: { concurrency: CONCURRENCY },
	};
	const itemsOf = (n) => Array.from({ length: n }, (_, i) => ({ json: { phone: lib.phoneOf(i) } }));

	/**
	 * Every run must deliver exactly `n` distinct messages in `n` sends, all 200, never more than
	 * `CONCURRENCY` in flight (the node's one template-list read per run comes before the sends).
	 * The peak is recorded per run: on a loaded machine a worker may finish before the last starts.
	 */
	const peaks = { baselineMs: [], nodeMs: [], keepAliveMs: [], nodeNoCheckMs: [], minimalNodeMs: [] };
	const check = async (label, n) => {
		await sb.refresh();
		const phones = new Set(sb.messages.map((m) => m.fields[SEND.phone]));
		const sends = lib.sendsOf(sb);
		const ok200 = sends.filter((r) => r.status === 200).length;
		if (sb.messages.length !== n || phones.size !== n || ok200 !== n || sends.length !== n) {
			throw new Error(`${label}: ${sb.messages.length} messages, ${phones.size} phones, ${ok200} × 200, ${sends.length} sends; expected ${n}`);
		}
		if (sb.stats.maxInFlight > CONCURRENCY) throw new Error(`${label}: ${sb.stats.maxInFlight} in flight, more than ${CONCURRENCY}`);
		return sb.stats.maxInFlight;
	};

	const cpuMs = [];
	const minimalCpuMs = [];
	const runNodeOnce = async (n, checkTemplate = true) => {
		await sb.reset();
		const items = itemsOf(n);
		const cpu0 = process.cpuUsage();
		const t0 = performance.now();
		const result = await lib.runProduct(sb, { parameters: { ...parameters, options: { ...parameters.options, checkTemplate } }, items });
		const ms = performance.now() - t0;
		const cpu = process.cpuUsage(cpu0);
		if (n === COUNT && checkTemplate) cpuMs.push((cpu.user + cpu.system) / 1000);
		if (result.error) throw new Error(`node failed: ${result.error.message}`);
		if (result.outputs[0].length !== n) throw new Error(`node: ${result.outputs[0].length} items out, expected ${n}`);
		await check('node', n);
		return ms;
	};

	// Warm-up of the node; its request gives the baseline's exact body shape and headers.
	await runNodeOnce(50);
	const [sample] = lib.sendsOf(sb);
	const SKIP = new Set(['host', 'content-length', 'connection', 'transfer-encoding']);
	const headers = Object.fromEntries(Object.entries(sample.headers).filter(([k]) => !SKIP.has(k)));
	const bodyOf = (phone) => ({ ...sample.fields, [SEND.phone]: phone });
	if (JSON.stringify(Object.keys(sample.fields)) !== JSON.stringify([SEND.phone, SEND.templateName, SEND.templateLanguage])) {
		throw new Error(`unexpected node body ${JSON.stringify(sample.fields)}`);
	}

	const keepAlive = new http.Agent({ keepAlive: true });
	const client = axios.create({ headers, validateStatus: () => true, maxRedirects: 0 });
	/** `agentOf()` per request: the shared keep-alive agent, or a fresh agent as n8n's transport makes. */
	const runBaselineOnce = async (n, agentOf) => {
		await sb.reset();
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
		await check('baseline', n);
		return ms;
	};
	// The least any n8n node does for the same sends (bench/throughput-node.js): not the goal.
	const minimal = minimalSendNode(url, sample.fields, SEND.phone, CONCURRENCY);
	const runMinimalOnce = async (n) => {
		await sb.reset();
		const cpu0 = process.cpuUsage();
		const t0 = performance.now();
		const result = await lib.runProduct(sb, { nodeType: minimal, typeName: 'benchMinimalSend', parameters: { phone: parameters.phone }, items: itemsOf(n) });
		const ms = performance.now() - t0;
		const cpu = process.cpuUsage(cpu0);
		if (n === COUNT) minimalCpuMs.push((cpu.user + cpu.system) / 1000);
		if (result.error || result.outputs[0].length !== n) throw new Error(`minimal node: ${result.error?.message ?? result.outputs[0].length}`);
		await check('minimal node', n);
		return ms;
	};
	await runMinimalOnce(50);
	const shared = () => keepAlive;
	const fresh = () => new http.Agent();
	await runBaselineOnce(50, shared);
	await runBaselineOnce(50, fresh);
	// A full-size run of each, not counted: after 50 items every first round ran 5-15 % slower
	// (JIT and heap still growing), whoever went first.
	await runBaselineOnce(COUNT, fresh);
	await runNodeOnce(COUNT);
	await runMinimalOnce(COUNT);
	await runBaselineOnce(COUNT, shared);
	await runNodeOnce(COUNT, false);
	cpuMs.length = 0;
	minimalCpuMs.length = 0;

	// What the node does before its first request: the template-list read, n8n's parameter reads and
	// the validation of every item, which it completes before it sends anything (a dry run of the
	// same 1000 items).
	const dryRun = async () => {
		await sb.reset();
		const t0 = performance.now();
		await lib.runProduct(sb, { parameters: { ...parameters, options: { ...parameters.options, dryRun: true } }, items: itemsOf(COUNT) });
		return performance.now() - t0;
	};

	const runs = { baselineMs: [], nodeMs: [], keepAliveMs: [], nodeNoCheckMs: [], minimalNodeMs: [], nodeDryRunMs: [] };
	const measure = async (key, run) => {
		runs[key].push(await run());
		peaks[key].push(sb.stats.maxInFlight);
	};
	for (let r = 0; r < ROUNDS; r++) {
		await measure('baselineMs', () => runBaselineOnce(COUNT, fresh));
		// The node and the minimal node side by side, in turns first: their ratio is taken per round.
		const pair = [() => measure('nodeMs', () => runNodeOnce(COUNT)), () => measure('minimalNodeMs', () => runMinimalOnce(COUNT))];
		for (const run of r % 2 ? pair.reverse() : pair) await run();
		await measure('keepAliveMs', () => runBaselineOnce(COUNT, shared));
		await measure('nodeNoCheckMs', () => runNodeOnce(COUNT, false));
		runs.nodeDryRunMs.push(await dryRun());
	}
	keepAlive.destroy();
	await sb.close();

	const base = lib.median(runs.baselineMs);
	const node = lib.median(runs.nodeMs);
	const keepAliveMs = lib.median(runs.keepAliveMs);
	const ratio = node / base;
	const checkRatio = node / lib.median(runs.nodeNoCheckMs);
	// The node's own engine over n8n's request path: node / minimal node over each two rounds (one in each order).
	const ratioToMinimal = lib.balancedRatio(runs.nodeMs, runs.minimalNodeMs);
	return {
		bench: 'throughput',
		api: lib.API,
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
		pass: ratio <= GOAL_RATIO && checkRatio <= CHECK_GOAL_RATIO && ratioToMinimal <= MINIMAL_GOAL_RATIO,
		// The same 1000 sends with Check Template Before Sending off (no template-list read, no check).
		nodeNoCheckMs: Math.round(lib.median(runs.nodeNoCheckMs)),
		checkRatio: lib.round(checkRatio, 3),
		checkGoalRatio: CHECK_GOAL_RATIO,
		// Not the goal: the same loop reusing connections (one shared keep-alive agent), which no node can
		// get from n8n's request helpers; and the node's dry run (validation only, no request).
		keepAliveBaselineMs: Math.round(keepAliveMs),
		ratioToKeepAlive: lib.round(node / keepAliveMs, 3),
		nodeDryRunMs: Math.round(lib.median(runs.nodeDryRunMs)),
		minimalNodeMs: Math.round(lib.median(runs.minimalNodeMs)),
		ratioToMinimalNode: lib.round(ratioToMinimal, 3),
		minimalNodeGoalRatio: MINIMAL_GOAL_RATIO,
		// CPU of the whole process (node and engine; the sandbox has its own process) per node run: steadier than
		// wall time on a shared machine, which the load average (1 min, before / after) describes.
		nodeCpuMs: Math.round(lib.median(cpuMs)),
		minimalNodeCpuMs: Math.round(lib.median(minimalCpuMs)),
		cpuRatioToMinimalNode: lib.round(lib.median(cpuMs) / lib.median(minimalCpuMs), 3),
		cores: os.cpus().length,
		loadAverage: [lib.round(loadBefore, 2), lib.round(os.loadavg()[0], 2)],
		runs: Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, v.map(Math.round)])),
		cpuRunsMs: cpuMs.map(Math.round),
		minimalCpuRunsMs: minimalCpuMs.map(Math.round),
		inFlightPeaks: peaks,
	};
}

lib.runBench(`throughput-${lib.API}`, main);
