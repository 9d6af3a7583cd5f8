'use strict';
/**
 * Memory bench: peak RSS growth while one node run uploads big documents from stored binaries
 * (n8n's filesystem binary mode) to the sandbox, through n8n's real engine, in-process.
 *
 * Every measurement runs in fresh child processes: `--prepare=X` stores the binaries in a temp
 * user folder, then `--scenario=X` (same folder and encryption key) runs the node on them. Peak
 * RSS is sticky and freed pages stay mapped: storing 100s of MB, or an earlier scenario, in the
 * measuring process would leave memory the upload then reuses unseen. This process runs each
 * scenario REPS times, collects the children's lines, deletes the temp folders and prints the
 * bench's one JSON line (figures: medians).
 *
 * Scenarios:
 *   node100     the product node, 1 item, 100 MiB document (the API's maximum, 102400 KB)
 *   node5x100   the product node, 5 items of 100 MiB, Messages In Flight 5 (all five uploading at once)
 *   path400     400 MiB through the node's upload path (its built body/media/transport modules:
 *               toMultipartBody + readBinaryMedia + buildRequest + postMessage, in a bench node run by
 *               the engine). The product node refuses a document over 102400 KB before reading
 *               it (as the API would), so 400 MiB cannot go through its validation; the sandbox
 *               hashes the whole upload and answers 422 (too large).
 *   path100     the same upload path with 100 MiB, to compare like with like
 *   buffered100 the baseline: getBinaryDataBuffer (whole file in memory) + `form-data` + axios
 *               (maxRedirects 0, so axios' redirect layer does not keep a second copy)
 *
 * In the measuring child: a warm-up run with a 64 KiB file over the same path (module loading,
 * first use), gc, baseline RSS, RSS sampled every 5 ms during the run (kernel maxRSS recorded too),
 * then the size and sha256 of every file the sandbox received are checked against the bytes stored.
 */
const { spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const lib = require('./lib');

const GOAL_MB = 48;
const SCALE_TOLERANCE = 1.1;
const REPS = Number(process.env.BENCH_MEMORY_REPS || 5);

const SCENARIOS = {
	node100: { kind: 'node', sizeMiB: 100, items: 1 },
	node5x100: { kind: 'node', sizeMiB: 100, items: 5 },
	path400: { kind: 'path', sizeMiB: 400, items: 1 },
	path100: { kind: 'path', sizeMiB: 100, items: 1 },
	buffered100: { kind: 'buffered', sizeMiB: 100, items: 1 },
};

const fillOf = (i) => Buffer.from(`bench item ${i} `);
const MIME = 'application/pdf';

/** A bench node running the product's upload path (built modules) for each item, without its validation. */
function uploadPathNode() {
	const { toMultipartBody } = lib.requireDist('nodes/WhatsAppTemplates/body/multipartBody.js');
	const { readBinaryMedia } = lib.requireDist('nodes/WhatsAppTemplates/media/binaryMedia.js');
	const { buildRequest, postMessage } = lib.requireDist('nodes/WhatsAppTemplates/transport/postMessage.js');
	const { readRunOptions } = lib.requireDist('nodes/WhatsAppTemplates/fields/runOptions.js');
	return {
		description: {
			displayName: 'Bench Upload Path',
			name: 'benchUploadPath',
			group: ['output'],
			version: 1,
			description: 'The WhatsApp Templates upload path without validation',
			defaults: { name: 'Bench Upload Path' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: lib.CREDENTIAL_NAME, required: true }],
			properties: [],
		},
		async execute() {
			const options = readRunOptions(this);
			const out = [];
			for (const [i, item] of this.getInputData().entries()) {
				const binary = item.binary.data;
				const media = {
					fileName: binary.fileName,
					mimeType: binary.mimeType,
					size: (await this.helpers.getBinaryMetadata(binary.id)).fileSize,
					itemIndex: i,
					propertyName: 'data',
					binaryId: binary.id,
				};
				const wire = {
					fields: [['phone', item.json.phone], ['template_name', 'order_shipped_media'], ['template_language', 'en_US']],
					file: { field: 'header_document', media },
				};
				const response = await postMessage(this, buildRequest(toMultipartBody(wire, () => readBinaryMedia(this, media)), options));
				out.push({ json: { statusCode: response.statusCode, failure: response.failure } });
			}
			return [out];
		},
	};
}

/** The buffered baseline as a bench node: the whole file from getBinaryDataBuffer, `form-data`, axios. */
function bufferedNode(sb) {
	const FormData = require('form-data');
	const axios = require('axios');
	return {
		description: {
			displayName: 'Bench Buffered Upload',
			name: 'benchBufferedUpload',
			group: ['output'],
			version: 1,
			description: 'Reads the file into memory and posts it with form-data + axios',
			defaults: { name: 'Bench Buffered Upload' },
			inputs: ['main'],
			outputs: ['main'],
			properties: [],
		},
		async execute() {
			const out = [];
			for (const [i, item] of this.getInputData().entries()) {
				const buffer = await this.helpers.getBinaryDataBuffer(i, 'data');
				const form = new FormData();
				form.append('phone', item.json.phone);
				form.append('template_name', 'order_shipped_media');
				form.append('template_language', 'en_US');
				form.append('header_document', buffer, { filename: item.binary.data.fileName, contentType: item.binary.data.mimeType });
				const response = await axios.post(`${sb.baseUrl}/api/v1/messages/send`, form, {
					headers: { ...form.getHeaders(), Accept: 'application/json', Authorization: `Bearer ${sb.tokens.send}` },
					maxBodyLength: Infinity,
					maxContentLength: Infinity,
					maxRedirects: 0,
					validateStatus: () => true,
				});
				out.push({ json: { statusCode: response.status } });
			}
			return [out];
		},
	};
}

/** Child 1: stores the scenario's binaries (and a 64 KiB warm-up one) in $N8N_USER_FOLDER, lists them in items.json. */
async function prepareScenario(name) {
	const scenario = SCENARIOS[name];
	const { setupEngine, storeBinary } = lib.harness();
	await setupEngine({ binaryMode: 'filesystem' });
	const store = async (i, size) => ({
		json: { phone: lib.phoneOf(i) },
		binary: { data: await storeBinary({ size, fill: fillOf(i) }, { fileName: `doc-${i}.pdf`, mimeType: MIME }) },
	});
	const warm = [await store(0, 64 * 1024)];
	const items = [];
	for (let i = 0; i < scenario.items; i++) items.push(await store(i, scenario.sizeMiB * lib.MiB));
	fs.writeFileSync(path.join(process.env.N8N_USER_FOLDER, 'bench-items.json'), JSON.stringify({ warm, items }));
	return { prepared: name };
}

/**
 * Child 2: runs the scenario on the binaries child 1 stored. Storing 100s of MB in this
 * process would leave freed pages mapped, which the upload would then reuse unseen.
 */
async function runScenario(name) {
	const scenario = SCENARIOS[name];
	if (!scenario) throw new Error(`unknown scenario ${name}`);
	const { setupEngine } = lib.harness();
	await setupEngine({ binaryMode: 'filesystem' });
	const { warm, items } = JSON.parse(fs.readFileSync(path.join(process.env.N8N_USER_FOLDER, 'bench-items.json'), 'utf8'));
	const sb = await lib.sandbox().startSandbox({ port: 0 });

	const nodeType =
		scenario.kind === 'node' ? lib.product.node() : scenario.kind === 'path' ? uploadPathNode() : bufferedNode(sb);
	const typeName = scenario.kind === 'node' ? lib.TYPE_NAME : `bench.${nodeType.description.name}`;
	const parameters = {
		phone: '={{ $json.phone }}',
		templateName: 'order_shipped_media',
		headerType: 'document',
		mediaSource: 'binary',
		binaryPropertyName: 'data',
		options: { concurrency: scenario.items },
	};
	const run = async (input) => await lib.runProduct(sb, { nodeType, typeName, parameters, items: input });

	// Warm-up over the same path: module loading and first-use allocations are not the upload's.
	const warmResult = await run(warm);
	if (warmResult.error) throw new Error(`warm-up failed: ${warmResult.error.message}`);
	sb.reset();

	const size = scenario.sizeMiB * lib.MiB;
	await lib.settle();
	const sampler = lib.startRssSampler(5);
	const started = performance.now();
	const result = await run(items);
	const durationMs = performance.now() - started;
	const memory = sampler.stop();
	if (result.error) throw new Error(`${name}: node failed: ${result.error.message} ${result.error.description ?? ''}`);

	// The bytes arrived intact: every request carried its item's file, with the right size and sha256.
	const { requests, stats } = sb;
	if (requests.length !== scenario.items) throw new Error(`${name}: ${requests.length} requests, expected ${scenario.items}`);
	const overLimit = size > lib.sandbox().FILE_LIMITS.header_document;
	for (let i = 0; i < scenario.items; i++) {
		const req = requests.find((r) => r.fields && r.fields.phone === lib.phoneOf(i));
		if (!req) throw new Error(`${name}: no request for item ${i}`);
		const [file] = req.files;
		const sha256 = lib.expectedSha256(size, fillOf(i));
		if (!file || file.size !== size || file.sha256 !== sha256) {
			throw new Error(`${name}: item ${i}: received ${JSON.stringify(file)}, expected size ${size} sha256 ${sha256}`);
		}
		const expectedStatus = overLimit ? 422 : 200;
		if (req.status !== expectedStatus) throw new Error(`${name}: item ${i}: status ${req.status}, expected ${expectedStatus}`);
	}
	if (scenario.items > 1 && stats.maxInFlight !== scenario.items) {
		throw new Error(`${name}: ${stats.maxInFlight} uploads in flight at most, expected all ${scenario.items} together`);
	}
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

function spawnChild(args, env) {
	const child = spawnSync(process.execPath, ['--expose-gc', __filename, ...args], {
		encoding: 'utf8',
		maxBuffer: 16 * lib.MiB,
		env: { ...process.env, ...env },
	});
	const line = child.stdout.trim().split('\n').filter(Boolean).pop();
	let parsed;
	try {
		parsed = JSON.parse(line);
	} catch {
		throw new Error(`${args.join(' ')}: no JSON line (exit ${child.status}): ${child.stdout}\n${child.stderr}`);
	}
	if (child.status !== 0 || parsed.error) throw new Error(`${args.join(' ')} failed: ${parsed.error ?? child.stderr}`);
	return parsed;
}

/** One measurement of a scenario: prepare and measure in two fresh processes sharing a temp user folder. */
function runChild(name) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-memory-'));
	try {
		// One user folder and one encryption key for both children (n8n checks the key against the folder's config).
		const env = { N8N_USER_FOLDER: dir, N8N_ENCRYPTION_KEY: crypto.randomBytes(24).toString('hex') };
		spawnChild([`--prepare=${name}`], env);
		return spawnChild([`--scenario=${name}`], env);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

async function main() {
	const runs = {};
	for (let rep = 0; rep < REPS; rep++) {
		for (const name of Object.keys(SCENARIOS)) (runs[name] ??= []).push(runChild(name));
	}
	// The figure of a scenario: the median of its runs' peak growth (sampled every 5 ms).
	const fig = (name) => lib.median(runs[name].map((r) => r.peakGrowthMB));
	const streamed100 = fig('node100');
	const streamed5x100 = fig('node5x100');
	const path100 = fig('path100');
	const streamed400 = fig('path400');
	const buffered100 = fig('buffered100');
	const ratio400 = streamed400 / streamed100;
	const ratio5x100 = streamed5x100 / streamed100;
	const goals = {
		streamed100: streamed100 <= GOAL_MB,
		streamed400: ratio400 <= SCALE_TOLERANCE,
		streamed5x100: ratio5x100 <= SCALE_TOLERANCE,
	};
	return {
		bench: 'memory',
		node: process.version,
		reps: REPS,
		streamed100MB: streamed100,
		streamed400MB: streamed400,
		streamed5x100MB: streamed5x100,
		path100MB: path100,
		buffered100MB: buffered100,
		goalMB: GOAL_MB,
		ratio400to100: lib.round(ratio400, 3),
		ratio5x100to100: lib.round(ratio5x100, 3),
		ratioBufferedToStreamed: lib.round(buffered100 / streamed100, 2),
		ratio: lib.round(Math.max(streamed100 / GOAL_MB, ratio400 / SCALE_TOLERANCE, ratio5x100 / SCALE_TOLERANCE), 3),
		goals,
		pass: Object.values(goals).every(Boolean),
		runs: Object.fromEntries(
			Object.entries(runs).map(([name, rs]) => [
				name,
				rs.map((r) => ({
					peak: r.peakGrowthMB,
					kernelPeak: r.kernelPeakGrowthMB,
					arrayBuffers: r.arrayBuffersAtPeakMB,
					heap: r.heapUsedAtPeakMB,
					base: r.baselineMB,
					ms: r.durationMs,
					gap: r.maxSampleGapMs,
				})),
			]),
		),
	};
}

const argOf = (flag) => process.argv.find((a) => a.startsWith(`--${flag}=`))?.slice(flag.length + 3);
if (argOf('prepare')) {
	lib.runBench(`memory:prepare`, async () => ({ ...(await prepareScenario(argOf('prepare'))), pass: true }));
} else if (argOf('scenario')) {
	lib.runBench(`memory:${argOf('scenario')}`, async () => ({ ...(await runScenario(argOf('scenario'))), pass: true }));
} else {
	lib.runBench('memory', main);
}
