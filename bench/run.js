'use strict';
/**
 * `npm run bench`: builds the node (unless --no-build), then runs each bench in its own child
 * process (`node --expose-gc bench/<name>.js`), one after the other, collects each one's single
 * JSON line, prints the lines and a summary table, and exits non-zero if any goal is missed.
 *
 *   npm run bench                         all benches
 *   npm run bench -- memory throughput    some of them
 *   npm run bench -- --no-build           use dist/ as it is
 *
 * The throughput benches (template and Send Text), the rate-limit bench and the contacts bench run
 * once per API generation: `throughput`, `throughput-text`, `rate-limit` and `contacts` on API v1,
 * the same names with `-v2` on API v2 (BENCH_API, bench/lib.js).
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');

/** Bench name → its file and the API generation it speaks. */
const ENTRIES = {
	memory: { file: 'memory', api: 'v1' },
	throughput: { file: 'throughput', api: 'v1' },
	'throughput-v2': { file: 'throughput', api: 'v2' },
	'throughput-text': { file: 'throughput-text', api: 'v1' },
	'throughput-text-v2': { file: 'throughput-text', api: 'v2' },
	'rate-limit': { file: 'rate-limit', api: 'v1' },
	'rate-limit-v2': { file: 'rate-limit', api: 'v2' },
	contacts: { file: 'contacts', api: 'v1' },
	'contacts-v2': { file: 'contacts', api: 'v2' },
};
const BENCHES = Object.keys(ENTRIES);
const args = process.argv.slice(2);
const selected = args.filter((a) => !a.startsWith('--'));
const unknown = selected.filter((name) => !BENCHES.includes(name));
if (unknown.length) {
	console.error(`unknown bench(es): ${unknown.join(', ')} (have: ${BENCHES.join(', ')})`);
	process.exit(2);
}
const names = selected.length ? selected : BENCHES;
const root = path.resolve(__dirname, '..');

const started = performance.now();
if (!args.includes('--no-build')) {
	const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
	if (build.status !== 0) {
		console.error('bench: `npm run build` failed');
		process.exit(1);
	}
}

/** Goal, measured figure and ratio of each bench, for the table. */
const SUMMARY = {
	memory: (r) => [
		'100 MiB ≤ 48 MB; 400 MiB and 5×100 MiB ≤ 1.10 × 100 MiB (template header; Send Media: 100 and 5×100)',
		`100: +${r.streamed100MB} MB, 400: +${r.streamed400MB} MB, 5×100: +${r.streamed5x100MB} MB (buffered: +${r.buffered100MB} MB, ×${r.ratioBufferedToStreamed}); Send Media 100: +${r.media100MB} MB, 5×100: +${r.media5x100MB} MB`,
		`${r.ratio400to100} / ${r.ratio5x100to100} / ${r.ratioMedia5x100to100}`,
	],
	throughput: (r) => [
		'node ≤ 1.15 × axios loop (fresh agent per request, as n8n); check on ≤ 1.03 × check off; node ≤ 1.02 × minimal n8n node',
		`node ${r.nodeMs} ms, loop ${r.baselineMs} ms (keep-alive loop ${r.keepAliveBaselineMs} ms: ×${r.ratioToKeepAlive}; minimal n8n node ${r.minimalNodeMs} ms: ×${r.ratioToMinimalNode}); check off ${r.nodeNoCheckMs} ms; load ${r.loadAverage?.join('→')}`,
		`${r.ratio} / ${r.checkRatio} / ${r.ratioToMinimalNode}`,
	],
	'throughput-text': (r) => [
		'Send Text: node ≤ 1.02 × minimal n8n node (median over round pairs, each order once)',
		`node ${r.nodeMs} ms, minimal n8n node ${r.minimalNodeMs} ms (CPU ${r.nodeCpuMs} / ${r.minimalNodeCpuMs} ms); load ${r.loadAverage?.join('→')}`,
		String(r.ratio),
	],
	'rate-limit': (r) => [
		r.api === 'v2'
			? `0 failed, 0 twice, ≤ ${r.max429PerWindow} × 429 per window, ≤ ${r.goalRatio} × N / rate`
			: `0 failed, 0 twice, retry_after in body only, ≤ ${r.goalRatio} × ideal`,
		`${r.wallMs} ms (ideal ${r.idealMs} ms), ${r.status429} × 429 (most in a window ${r.most429InAWindow}), ${r.failed} failed, ${r.sentTwice} twice; load ${r.loadAverage?.join('→')}`,
		String(r.ratio),
	],
	contacts: (r) => [
		`Create or Update of ${r.rows} rows (${r.existing} existing): 0 duplicates, 0 lost, each written once, ≤ ${r.goalRatio} × ideal`,
		`${r.wallMs} ms (ideal ${r.idealMs} ms for ${r.countedRequests} requests: ${r.requestsPerContact} per contact), ${r.status429} × 429, ${r.duplicates} duplicates, ${r.lost} lost, ${r.failed} failed; load ${r.loadAverage?.join('→')}`,
		String(r.ratio),
	],
};

const results = [];
for (const name of names) {
	const t0 = performance.now();
	const { file, api } = ENTRIES[name];
	const child = spawnSync(process.execPath, ['--expose-gc', path.join(__dirname, `${file}.js`)], {
		cwd: root,
		env: { ...process.env, BENCH_API: api },
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
		maxBuffer: 64 * 1024 * 1024,
	});
	const seconds = (performance.now() - t0) / 1000;
	const lines = (child.stdout || '').split('\n').filter((l) => l.trim().startsWith('{'));
	let result;
	try {
		result = JSON.parse(lines[lines.length - 1]);
	} catch {
		result = { bench: name, pass: false, error: `no JSON line (exit ${child.status}, signal ${child.signal})` };
	}
	if (lines.length !== 1) result.pass = false;
	if (child.status !== 0 && result.pass) result.pass = false;
	console.log(JSON.stringify(result));
	results.push({ name, result, seconds, exit: child.status });
}

const rows = results.map(({ name, result, seconds }) => {
	let cells;
	try {
		cells = result.error && !result.bench ? null : SUMMARY[ENTRIES[name].file](result);
	} catch {
		cells = null;
	}
	const [goal, figures, ratio] = cells ?? ['', result.error ? String(result.error).split('\n')[0] : '', ''];
	return [name, result.pass ? 'PASS' : 'FAIL', goal, figures, ratio, `${seconds.toFixed(1)} s`];
});
const header = ['bench', 'result', 'goal', 'figures', 'ratio', 'time'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log('');
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of rows) console.log(line(row));
console.log(`\n${results.filter((r) => r.result.pass).length}/${results.length} passed in ${((performance.now() - started) / 1000).toFixed(1)} s (Node ${process.version})`);
process.exitCode = results.every((r) => r.result.pass) ? 0 : 1;
