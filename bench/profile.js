'use strict';
/**
 * Where the node's own cost over the minimal n8n node goes (not a bench: no goal, not run by
 * `npm run bench`). The throughput bench's 1000 sends (plain_notice, 10 in flight, 20 ms latency),
 * the product node and the minimal node (throughput-node.js) alternating, each run under an
 * in-process CPU profile (inspector, 100 µs sampling). Prints per run, for the node and the
 * minimal node: self time by owner, and the functions whose self time grew most from the minimal
 * node to the node; then the node's own frames with what they called, inclusive.
 *
 *   node bench/profile.js               API v1; BENCH_API=v2 for v2
 *   BENCH_PROFILE_ROUNDS=5              rounds (default 5)
 *   BENCH_PROFILE_OP=sendText           Send Text's 1000 messages instead of the template sends
 */
const inspector = require('node:inspector');
const path = require('node:path');
const lib = require('./lib');
const { minimalSendNode } = require('./throughput-node');

const COUNT = 1000;
const ROUNDS = Number(process.env.BENCH_PROFILE_ROUNDS || 5);
/** BENCH_PROFILE_OP=sendText profiles Send Text (the Send Text bench's message) instead of the template send. */
const TEXT = process.env.BENCH_PROFILE_OP === 'sendText' ? 'Your order A-1042 is on its way. Reply here if anything is wrong.' : undefined;
const DIST = path.resolve(lib.ROOT, process.env.BENCH_DIST || 'dist');

/** The owner of a profile frame: the package (or part of this repository) its script belongs to. */
function ownerOf({ url, functionName }) {
	if (!url) return functionName.startsWith('(') ? functionName : '(native)';
	const file = url.replace(/^file:\/\//, '');
	if (file.startsWith(`${DIST}/nodes`)) return 'node (dist/nodes)';
	if (file.startsWith(`${DIST}/credentials`)) return 'node (dist/credentials)';
	if (file.startsWith(path.join(lib.ROOT, 'test/sandbox'))) return 'sandbox';
	if (file.startsWith(path.join(lib.ROOT, 'test/engine'))) return 'harness';
	if (file.startsWith(path.join(lib.ROOT, 'bench'))) return 'bench';
	const pkg = file.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/);
	if (pkg) return pkg[1];
	if (file.startsWith('node:')) return 'node: internals';
	return file;
}

const isOurs = (owner) => owner.startsWith('node (');

/** Self ms by owner and by function, and our frames' inclusive ms by what they called. */
function summarise(profile) {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const selfMs = new Map();
	const owners = {};
	const functions = {};
	const ours = {};
	for (let i = 0; i < profile.samples.length; i++) {
		const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
		selfMs.set(profile.samples[i], (selfMs.get(profile.samples[i]) ?? 0) + ms);
	}
	const add = (table, key, ms) => (table[key] = (table[key] ?? 0) + ms);
	for (const [id, ms] of selfMs) {
		const frame = byId.get(id).callFrame;
		const owner = ownerOf(frame);
		add(owners, owner, ms);
		add(functions, `${owner}: ${frame.functionName || '(anonymous)'}`, ms);
		// The innermost of our frames on the stack, and the owner of the leaf it led to.
		for (let up = id; up !== undefined; up = parent.get(up)) {
			const f = byId.get(up).callFrame;
			if (isOurs(ownerOf(f))) {
				add(ours, `${f.functionName || '(anonymous)'} (${path.basename(f.url)}:${f.lineNumber + 1}) → ${owner}`, ms);
				break;
			}
		}
	}
	return { owners, functions, ours };
}

function accumulate(into, summary) {
	for (const key of Object.keys(summary)) for (const [k, v] of Object.entries(summary[key])) into[key][k] = (into[key][k] ?? 0) + v;
}

const table = (rows, limit) =>
	rows
		.slice(0, limit)
		.map(([k, ...v]) => `  ${v.map((x) => (typeof x === 'number' ? x.toFixed(1) : x).padStart(8)).join(' ')}  ${k}`)
		.join('\n');

async function main() {
	await lib.harness().setupEngine({ binaryMode: 'filesystem' });
	const sb = await lib.startBenchSandbox({ latencyMs: 20 });
	const { routes, templateSend, windowSend } = lib.product.platform();
	const parameters = TEXT
		? { operation: 'sendText', phone: '={{ $json.phone }}', text: TEXT, options: { concurrency: 10 } }
		: { phone: '={{ $json.phone }}', templateName: 'plain_notice', templateLanguage: 'en', options: { concurrency: 10 } };
	const route = TEXT ? routes.sendText : routes.sendTemplate;
	const sends = () => lib.requestsTo(sb, route);
	const items = () => Array.from({ length: COUNT }, (_, i) => ({ json: { phone: lib.phoneOf(i) } }));
	await sb.reset();
	await lib.runProduct(sb, { parameters, items: items().slice(0, 50) });
	await sb.refresh();
	// As in the Send Text bench: on API v2 its first request goes alone, as the node's does.
	const firstAlone = Boolean(TEXT) && lib.product.platform().announcesRateLimit;
	const minimal = minimalSendNode(lib.routeUrl(sb, route), sends()[0].fields, (TEXT ? windowSend.text : templateSend).phone, 10, { firstAlone });
	const runs = {
		node: () => lib.runProduct(sb, { parameters, items: items() }),
		minimal: () => lib.runProduct(sb, { nodeType: minimal, typeName: 'benchMinimalSend', parameters: { phone: parameters.phone }, items: items() }),
	};
	for (const run of Object.values(runs)) await run();

	const session = new inspector.Session();
	session.connect();
	const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));
	await post('Profiler.enable');
	await post('Profiler.setSamplingInterval', { interval: 100 });
	const totals = { node: { owners: {}, functions: {}, ours: {} }, minimal: { owners: {}, functions: {}, ours: {} } };
	const wall = { node: [], minimal: [] };
	for (let r = 0; r < ROUNDS; r++) {
		for (const [name, run] of Object.entries(runs)) {
			await sb.reset();
			await post('Profiler.start');
			const t0 = performance.now();
			const result = await run();
			wall[name].push(performance.now() - t0);
			const { profile } = await post('Profiler.stop');
			await sb.refresh();
			if (result.error || sends().length !== COUNT) throw new Error(`${name}: ${result.error?.message ?? sends().length}`);
			accumulate(totals[name], summarise(profile));
		}
	}
	session.disconnect();
	await sb.close();

	const per = (v) => v / ROUNDS;
	const keys = (a, b) => [...new Set([...Object.keys(a), ...Object.keys(b)])];
	const { node, minimal: min } = totals;
	const ownerRows = keys(node.owners, min.owners)
		.map((k) => [k, per(node.owners[k] ?? 0), per(min.owners[k] ?? 0), per((node.owners[k] ?? 0) - (min.owners[k] ?? 0))])
		.sort((a, b) => b[3] - a[3]);
	const functionRows = keys(node.functions, min.functions)
		.map((k) => [k, per(node.functions[k] ?? 0), per(min.functions[k] ?? 0), per((node.functions[k] ?? 0) - (min.functions[k] ?? 0))])
		.sort((a, b) => b[3] - a[3]);
	const ourRows = Object.entries(node.ours).map(([k, v]) => [k, per(v)]).sort((a, b) => b[1] - a[1]);
	const sum = (o) => per(Object.values(o).reduce((a, b) => a + b, 0));
	console.log(`API ${lib.API}, ${ROUNDS} rounds of ${COUNT} sends; ms per run (self time); wall node ${wall.node.map(Math.round).join(', ')}; minimal ${wall.minimal.map(Math.round).join(', ')}`);
	console.log(`sampled: node ${sum(node.owners).toFixed(0)} ms, minimal ${sum(min.owners).toFixed(0)} ms per run`);
	console.log(`\nby owner:      node  minimal    delta\n${table(ownerRows, 20)}`);
	console.log(`\nfunctions, most grown from the minimal node:\n     node  minimal    delta\n${table(functionRows, 30)}`);
	console.log(`\nthe node's own frames → the owner of what ran under them (inclusive):\n${table(ourRows, 30)}`);
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
