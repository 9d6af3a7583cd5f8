#!/usr/bin/env node
// `npm run test:mutation`: the whole scope, area by area (stryker.config.js AREAS), each run
// incremental against its own reports/mutation/<area>.json, then the scope's score from those
// files: per area and per file, with every surviving mutant listed. MUTATION_AREA=<area> runs one
// area. `-- --report` only prints the score of the results already there; other arguments go to
// Stryker (e.g. `-- --force`). Fails when an area's run fails or the scope is below 90 %.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const BREAK = 90;
const { AREAS } = require(path.join(root, 'test/mutation/areas.js'));
const args = process.argv.slice(2);
const reportOnly = args.includes('--report');
const areas = process.env.MUTATION_AREA ? [process.env.MUTATION_AREA] : Object.keys(AREAS);

const DETECTED = new Set(['Killed', 'Timeout']);
const COUNTED = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);

/** Detected over counted mutants (ignored, compile and runtime errors are not counted). */
function tally(mutants) {
	const counted = mutants.filter((m) => COUNTED.has(m.status));
	const detected = counted.filter((m) => DETECTED.has(m.status)).length;
	return { counted: counted.length, detected, score: counted.length ? (100 * detected) / counted.length : 100 };
}

const percent = ({ score }) => `${score.toFixed(2)} %`;

/** One area's results: its files' mutants from its incremental file (undefined: never measured). */
function resultsOf(area) {
	const file = path.join(root, 'reports/mutation', `${area}.json`);
	if (!fs.existsSync(file)) return undefined;
	return Object.entries(JSON.parse(fs.readFileSync(file, 'utf8')).files ?? {});
}

for (const area of reportOnly ? [] : areas) {
	console.log(`\n== mutation area ${area}`);
	const run = spawnSync('npx', ['stryker', 'run', ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, MUTATION_AREA: area } });
	if (run.status !== 0) {
		console.error(`The ${area} area's run failed (exit ${run.status}).`);
		process.exit(run.status ?? 1);
	}
}

const all = [];
const survivors = [];
let missing = false;
console.log('\n== the scope');
for (const area of areas) {
	const files = resultsOf(area);
	if (!files) {
		console.log(`${area}: never measured (MUTATION_AREA=${area} npm run test:mutation)`);
		missing = true;
		continue;
	}
	const mutants = files.flatMap(([, file]) => file.mutants);
	all.push(...mutants);
	console.log(`${area}: ${percent(tally(mutants))} (${tally(mutants).detected} of ${tally(mutants).counted})`);
	for (const [name, file] of files) {
		console.log(`  ${path.relative('nodes/WhatsAppTemplates', name)}: ${percent(tally(file.mutants))} of ${tally(file.mutants).counted}`);
		for (const m of file.mutants.filter((x) => x.status === 'Survived' || x.status === 'NoCoverage')) {
			survivors.push(`${path.relative("nodes/WhatsAppTemplates", name)}:${m.location.start.line} ${m.mutatorName}${m.replacement === undefined ? '' : ` → ${JSON.stringify(m.replacement).slice(0, 80)}`} (${m.status})`);
		}
	}
}
const total = tally(all);
console.log(`\nscope: ${percent(total)} (${total.detected} of ${total.counted} mutants detected; break at ${BREAK} %)`);
if (survivors.length) console.log(`survivors (${survivors.length}):\n  ${survivors.join('\n  ')}`);
if (missing || total.score < BREAK) process.exit(1);
