'use strict';
/**
 * Throughput bench of Message → Send Text: 1000 free-form texts against the sandbox with 20 ms
 * latency per answer, the node at Messages In Flight 10, through n8n's real engine, against the
 * minimal n8n node (throughput-node.js) posting the same body (copied from the node's recorded
 * warm-up send) to the same route through n8n's own request helper, 10 at a time; on API v2 its
 * first request alone, to learn the token's budget as the node does (both are checked to).
 *
 * Per round the two run side by side, in turns first (ROUNDS rounds after a warm-up of each: 50
 * items, then a full-size run that is not counted).
 * Goal: node ≤ 1.02 × the minimal node, as the median over each two rounds (one in each order) of
 * their ratio (a change of load between rounds cancels, and so does going first: lib.balancedRatio). Every run is checked: 1000 distinct recipients got the text in 1000
 * sends to the node's Send Text route, all 200, never more than 10 in flight. The route and wire
 * names come from the node's table. BENCH_API=v2 runs it on API v2 (bench/lib.js).
 */
const os = require('node:os');
const lib = require('./lib');
const { minimalSendNode } = require('./throughput-node');
const { timeline } = require('./timeline');

const COUNT = 1000;
const CONCURRENCY = 10;
const LATENCY_MS = 20;
const MINIMAL_GOAL_RATIO = 1.02;
const ROUNDS = lib.pairRounds();
const TEXT = 'Your order A-1042 is on its way. Reply here if anything is wrong.';

async function main() {
	const loadBefore = os.loadavg()[0];
	await lib.harness().setupEngine({ binaryMode: 'filesystem' });
	const sb = await lib.startBenchSandbox({ latencyMs: LATENCY_MS });
	const { routes, windowSend } = lib.product.platform();
	const SEND = windowSend.text;
	const itemsOf = (n) => Array.from({ length: n }, (_, i) => ({ json: { phone: lib.phoneOf(i) } }));
	const phone = '={{ $json.phone }}';
	// On API v2 the node's first send goes alone to learn the token's budget; the minimal node does the same (throughput-node.js).
	const firstAlone = lib.product.platform().announcesRateLimit;

	/** `n` distinct recipients got TEXT in `n` sends to Send Text's route, all 200, ≤ CONCURRENCY in flight. */
	const check = async (label, n) => {
		await sb.refresh();
		const sends = lib.requestsTo(sb, routes.sendText);
		const phones = new Set(sb.freeForm.map((m) => m.digits));
		const ok200 = sends.filter((r) => r.status === 200).length;
		const texts = sb.freeForm.filter((m) => m.fields[SEND.text] === TEXT).length;
		if (sb.freeForm.length !== n || phones.size !== n || ok200 !== n || sends.length !== n || texts !== n) {
			throw new Error(`${label}: ${sb.freeForm.length} messages, ${phones.size} phones, ${texts} with the text, ${ok200} × 200, ${sends.length} sends; expected ${n}`);
		}
		if (sb.stats.maxInFlight > CONCURRENCY) throw new Error(`${label}: ${sb.stats.maxInFlight} in flight, more than ${CONCURRENCY}`);
		// On API v2 both learn the token's budget first: the second send starts after the first's answer.
		const [first, second] = [...sends].sort((a, b) => a.startedAt - b.startedAt);
		if (firstAlone && second.startedAt < first.endedAt) throw new Error(`${label}: the first send did not go alone`);
	};
	/** One run of `n` items through `options` (lib.runProduct's): its wall time and process CPU. */
	const timed = async (label, n, options) => {
		await sb.reset();
		const cpu0 = process.cpuUsage();
		const t0 = performance.now();
		const result = await lib.runProduct(sb, { ...options, items: itemsOf(n) });
		const ms = performance.now() - t0;
		const cpu = process.cpuUsage(cpu0);
		if (result.error || result.outputs[0].length !== n) throw new Error(`${label}: ${result.error?.message ?? `${result.outputs[0].length} items out`}`);
		await check(label, n);
		return { ms, cpuMs: (cpu.user + cpu.system) / 1000, ...timeline(sb, lib.requestsTo(sb, routes.sendText), t0, t0 + ms) };
	};

	const node = { parameters: { operation: 'sendText', phone, text: TEXT, options: { concurrency: CONCURRENCY } } };
	await timed('node', 50, node);
	// The node's warm-up send gives the minimal node its exact body.
	const [sample] = lib.requestsTo(sb, routes.sendText);
	if (JSON.stringify(Object.keys(sample.fields).sort()) !== JSON.stringify([SEND.phone, SEND.text].sort())) {
		throw new Error(`unexpected node body ${JSON.stringify(sample.fields)}`);
	}
	const minimal = { nodeType: minimalSendNode(lib.routeUrl(sb, routes.sendText), sample.fields, SEND.phone, CONCURRENCY, { firstAlone }), typeName: 'benchMinimalSend', parameters: { phone } };
	await timed('minimal node', 50, minimal);
	// A full-size run of each, not counted: after 50 items every first round ran 5-15 % slower
	// (JIT and heap still growing), against whichever of the two went first.
	await timed('node', COUNT, node);
	await timed('minimal node', COUNT, minimal);

	const runs = { node: [], minimal: [] };
	for (let r = 0; r < ROUNDS; r++) {
		const pair = [async () => runs.node.push(await timed('node', COUNT, node)), async () => runs.minimal.push(await timed('minimal node', COUNT, minimal))];
		for (const run of r % 2 ? pair.reverse() : pair) await run();
	}
	await sb.close();

	const ms = (key) => runs[key].map((x) => x.ms);
	const cpu = (key) => runs[key].map((x) => x.cpuMs);
	const ratio = lib.balancedRatio(ms('node'), ms('minimal'));
	return {
		bench: 'throughput-text',
		api: lib.API,
		node: process.version,
		sends: COUNT,
		concurrency: CONCURRENCY,
		latencyMs: LATENCY_MS,
		baseline: `the minimal n8n node: one expression read and one httpRequestWithAuthentication per item with the node's body, 10 at a time${firstAlone ? ', the first alone (the token\'s budget learnt first, as on API v2 any client must)' : ''}`,
		nodeMs: Math.round(lib.median(ms('node'))),
		minimalNodeMs: Math.round(lib.median(ms('minimal'))),
		idealMs: (COUNT / CONCURRENCY) * LATENCY_MS,
		ratio: lib.round(ratio, 3),
		goalRatio: MINIMAL_GOAL_RATIO,
		pass: ratio <= MINIMAL_GOAL_RATIO,
		// Process CPU per run (node and engine; the sandbox has its own process): steadier than wall time on a busy machine.
		nodeCpuMs: Math.round(lib.median(cpu('node'))),
		minimalNodeCpuMs: Math.round(lib.median(cpu('minimal'))),
		// Medians, node / minimal node: run start to first send, the sends, last answer to run end (bench/timeline.js).
		...Object.fromEntries(['leadMs', 'sendingMs', 'tailMs'].map((key) => [key, ['node', 'minimal'].map((who) => lib.round(lib.median(runs[who].map((x) => x[key])), 1))])),
		cores: os.cpus().length,
		loadAverage: [lib.round(loadBefore, 2), lib.round(os.loadavg()[0], 2)],
		runs: { nodeMs: ms('node').map(Math.round), minimalNodeMs: ms('minimal').map(Math.round) },
	};
}

lib.runBench(`throughput-text-${lib.API}`, main);
