'use strict';
/**
 * One measurement of the memory bench, in a fresh process that bench/memory.js starts:
 *
 *   node bench/memory-child.js --prepare=X    stores scenario X's binaries in $N8N_USER_FOLDER
 *   node bench/memory-child.js --scenario=X   runs X on them and prints its figures
 *
 * Two processes, because peak RSS is sticky and freed pages stay mapped: storing 100s of MB in
 * the measuring process would leave memory the upload then reuses unseen. In the measuring
 * process: a warm-up run with a 64 KiB file over the same path (module loading, first use), gc,
 * baseline RSS, RSS sampled every 5 ms during the run (kernel maxRSS recorded too), then the size
 * and sha256 of every file the sandbox received are checked against the bytes stored.
 */
const fs = require('node:fs');
const path = require('node:path');
const lib = require('./lib');
const { TEMPLATE, uploadPathNode, bufferedNode } = require('./memory-nodes');

const SCENARIOS = {
	node100: { kind: 'node', sizeMiB: 100, items: 1 },
	node5x100: { kind: 'node', sizeMiB: 100, items: 5 },
	path400: { kind: 'path', sizeMiB: 400, items: 1 },
	path100: { kind: 'path', sizeMiB: 100, items: 1 },
	buffered100: { kind: 'buffered', sizeMiB: 100, items: 1 },
	// Message → Send Media: the same documents as a free-form message, not a template header.
	media100: { kind: 'media', sizeMiB: 100, items: 1 },
	media5x100: { kind: 'media', sizeMiB: 100, items: 5 },
};

const fillOf = (i) => Buffer.from(`bench item ${i} `);
const MIME = 'application/pdf';
const itemsFile = () => path.join(process.env.N8N_USER_FOLDER, 'bench-items.json');

/** Child 1: stores the scenario's binaries (and a 64 KiB warm-up one) in $N8N_USER_FOLDER, lists them in a file. */
async function prepareScenario(name) {
	const scenario = SCENARIOS[name];
	const { setupEngine, storeBinary } = lib.harness();
	await setupEngine({ binaryMode: 'filesystem' });
	const store = async (i, size) => ({
		json: { phone: lib.phoneOf(i) },
		binary: { data: await storeBinary({ size, fill: fillOf(i) }, { fileName: `invoice ${i}.pdf`, mimeType: MIME }) },
	});
	const warm = [await store(0, 64 * 1024)];
	const items = [];
	for (let i = 0; i < scenario.items; i++) items.push(await store(i, scenario.sizeMiB * lib.MiB));
	fs.writeFileSync(itemsFile(), JSON.stringify({ warm, items }));
	return { prepared: name };
}

/**
 * Where a scenario's sends go, by the node's table: the route, the phone's field, the file's field,
 * and the API's size limit for a document (the sandbox's own).
 */
function wireOf(scenario) {
	const { routes, templateSend, windowSend } = lib.product.platform();
	if (scenario.kind === 'media') return { route: routes.sendMedia, phone: windowSend.media.phone, fileField: windowSend.media.file, limit: lib.sandbox().CHAT_MEDIA.document.maxBytes };
	const fileField = templateSend.media.document.fileField;
	return { route: routes.sendTemplate, phone: templateSend.phone, fileField, limit: lib.sandbox().FILE_LIMITS[fileField] };
}

/** Every request carried its item's file with the right size and sha256, and got the expected status. */
function checkReceived(name, sb, scenario) {
	const wire = wireOf(scenario);
	const size = scenario.sizeMiB * lib.MiB;
	const { stats } = sb;
	const requests = lib.requestsTo(sb, wire.route);
	if (requests.length !== scenario.items) throw new Error(`${name}: ${requests.length} requests, expected ${scenario.items}`);
	// Over the API's limit the sandbox still reads and hashes the whole upload, then answers 422.
	const overLimit = size > wire.limit;
	for (let i = 0; i < scenario.items; i++) {
		const req = requests.find((r) => r.fields && r.fields[wire.phone] === lib.phoneOf(i));
		if (!req) throw new Error(`${name}: no request for item ${i}`);
		const [file] = req.files;
		const sha256 = lib.expectedSha256(size, fillOf(i));
		if (!file || file.field !== wire.fileField || file.size !== size || file.sha256 !== sha256) {
			throw new Error(`${name}: item ${i}: received ${JSON.stringify(file)}, expected size ${size} sha256 ${sha256}`);
		}
		const expectedStatus = overLimit ? 422 : 200;
		if (req.status !== expectedStatus) {
			throw new Error(`${name}: item ${i}: status ${req.status}, expected ${expectedStatus}: ${JSON.stringify(req.response)}`);
		}
	}
	if (scenario.items > 1 && stats.maxInFlight !== scenario.items) {
		throw new Error(`${name}: ${stats.maxInFlight} uploads in flight at most, expected all ${scenario.items} together`);
	}
}

/** Child 2: runs the scenario on the binaries child 1 stored and returns its figures. */
async function runScenario(name) {
	const scenario = SCENARIOS[name];
	if (!scenario) throw new Error(`unknown scenario ${name}`);
	const { setupEngine } = lib.harness();
	await setupEngine({ binaryMode: 'filesystem' });
	const { warm, items } = JSON.parse(fs.readFileSync(itemsFile(), 'utf8'));
	const sb = await lib.startBenchSandbox();

	const product = scenario.kind === 'node' || scenario.kind === 'media';
	const nodeType = product ? lib.product.node() : scenario.kind === 'path' ? uploadPathNode() : bufferedNode(sb);
	const typeName = product ? lib.TYPE_NAME : `bench.${nodeType.description.name}`;
	const file = { mediaSource: 'binary', binaryPropertyName: 'data' };
	const message =
		scenario.kind === 'media'
			? { operation: 'sendMedia', mediaType: 'document', ...file }
			: { templateName: TEMPLATE.name, templateLanguage: TEMPLATE.language, headerType: 'document', ...file, bodyVariables: { var1: TEMPLATE.var1 } };
	const parameters = { phone: '={{ $json.phone }}', ...message, options: { concurrency: scenario.items } };
	const run = async (input) => await lib.runProduct(sb, { nodeType, typeName, parameters, items: input });

	// Warm-up over the same path: module loading and first-use allocations are not the upload's.
	const warmResult = await run(warm);
	if (warmResult.error) throw new Error(`warm-up failed: ${warmResult.error.message} ${warmResult.error.description ?? ''}`);
	await sb.refresh();
	const [warmSend] = lib.requestsTo(sb, wireOf(scenario).route);
	if (warmSend?.status !== 200) throw new Error(`warm-up: status ${warmSend?.status}: ${JSON.stringify(warmSend?.response)}`);
	await sb.reset();

	await lib.settle();
	const sampler = lib.startRssSampler(5);
	const started = performance.now();
	const result = await run(items);
	const durationMs = performance.now() - started;
	const memory = sampler.stop();
	if (result.error) throw new Error(`${name}: node failed: ${result.error.message} ${result.error.description ?? ''}`);
	await sb.refresh();
	checkReceived(name, sb, scenario);
	const { stats } = sb;
	await sb.close();
	return {
		scenario: name,
		sizeMiB: scenario.sizeMiB,
		items: scenario.items,
		...memory,
		durationMs: Math.round(durationMs),
		maxInFlight: stats.maxInFlight,
		statuses: stats.byStatus,
		verified: true,
	};
}

const argOf = (flag) => process.argv.find((a) => a.startsWith(`--${flag}=`))?.slice(flag.length + 3);
if (require.main === module) {
	if (argOf('prepare')) {
		lib.runBench('memory:prepare', async () => ({ ...(await prepareScenario(argOf('prepare'))), pass: true }));
	} else if (argOf('scenario')) {
		lib.runBench(`memory:${argOf('scenario')}`, async () => ({ ...(await runScenario(argOf('scenario'))), pass: true }));
	} else {
		console.error('usage: memory-child.js --prepare=SCENARIO | --scenario=SCENARIO (bench/memory.js runs both)');
		process.exitCode = 2;
	}
}

module.exports = { SCENARIOS };
