'use strict';
/**
 * Memory bench: peak RSS growth while one node run uploads big documents from stored binaries
 * (n8n's filesystem binary mode) to the sandbox (its own process), through n8n's real engine, in-process.
 *
 * Every measurement runs in two fresh child processes (bench/memory-child.js): `--prepare=X`
 * stores the binaries in a temp user folder, then `--scenario=X` (same folder and encryption key)
 * runs the node on them. This process runs each scenario REPS times, collects the children's
 * lines, deletes the temp folders and prints the bench's one JSON line (figures: medians).
 *
 * Scenarios (template invoice_ready, en: DOCUMENT header, 1 body variable):
 *   node100     the product node, 1 item, 100 MiB document (the API's maximum, 102400 KB)
 *   node5x100   the product node, 5 items of 100 MiB, Messages In Flight 5 (all five uploading at once)
 *   path400     400 MiB through the node's upload path (bench/memory-nodes.js: its built modules
 *               without its validation, which refuses a document over 102400 KB before reading
 *               it); the sandbox hashes the whole upload and answers 422 (too large)
 *   path100     the same upload path with 100 MiB, to compare like with like
 *   buffered100 the baseline: getBinaryDataBuffer (whole file in memory) + `form-data` + axios
 *   media100    Message → Send Media: the product node, 1 item, a 100 MiB document (the free-form
 *               limit, 100 MiB) as a free-form message, from the stored binary
 *   media5x100  the same with 5 items, Messages In Flight 5
 * Goals: 100 MiB (template header and Send Media) ≤ 48 MB; 400 MiB and 5 × 100 MiB ≤ 1.10 × the
 * same path's 100 MiB.
 */
const { spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const lib = require('./lib');
const { SCENARIOS } = require('./memory-child');

const GOAL_MB = 48;
const SCALE_TOLERANCE = 1.1;
const REPS = Number(process.env.BENCH_MEMORY_REPS || 9);
const CHILD = path.join(__dirname, 'memory-child.js');

function spawnChild(args, env) {
	const child = spawnSync(process.execPath, ['--expose-gc', CHILD, ...args], {
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
	const media100 = fig('media100');
	const media5x100 = fig('media5x100');
	const ratio400 = streamed400 / streamed100;
	const ratio5x100 = streamed5x100 / streamed100;
	const ratioMedia5x100 = media5x100 / media100;
	const goals = {
		streamed100: streamed100 <= GOAL_MB,
		streamed400: ratio400 <= SCALE_TOLERANCE,
		streamed5x100: ratio5x100 <= SCALE_TOLERANCE,
		media100: media100 <= GOAL_MB,
		media5x100: ratioMedia5x100 <= SCALE_TOLERANCE,
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
		media100MB: media100,
		media5x100MB: media5x100,
		goalMB: GOAL_MB,
		ratio400to100: lib.round(ratio400, 3),
		ratio5x100to100: lib.round(ratio5x100, 3),
		ratioMedia5x100to100: lib.round(ratioMedia5x100, 3),
		ratioBufferedToStreamed: lib.round(buffered100 / streamed100, 2),
		// The goal nearest to being missed, as a fraction of it.
		ratio: lib.round(Math.max(streamed100 / GOAL_MB, media100 / GOAL_MB, ratio400 / SCALE_TOLERANCE, ratio5x100 / SCALE_TOLERANCE, ratioMedia5x100 / SCALE_TOLERANCE), 3),
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

lib.runBench('memory', main);
