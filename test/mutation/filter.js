'use strict';
/**
 * jest's `filter` for mutation runs: a mutant runs only the test files that reached it in the dry
 * run (environment.js wrote which), instead of every file that imports the mutated file. A file
 * that never executed a mutant's code cannot see it. Called at the start of every jest run.
 */
const fs = require('node:fs');
const path = require('node:path');

const { startRun, coverageFile } = require('./run-state');

let cached;

function reachedByFile() {
	const file = coverageFile();
	if (!fs.existsSync(file)) return undefined;
	const mtime = fs.statSync(file).mtimeMs;
	if (cached?.mtime !== mtime) {
		const raw = JSON.parse(fs.readFileSync(file, 'utf8'));
		cached = { mtime, byFile: new Map(Object.entries(raw).map(([name, ids]) => [name, new Set(ids)])) };
	}
	return cached.byFile;
}

module.exports = async function filter(testPaths) {
	const run = startRun();
	const byFile = run.mutant === undefined ? undefined : reachedByFile();
	const kept = byFile
		? testPaths.filter((testPath) => {
				const reached = byFile.get(path.relative(process.cwd(), testPath));
				return reached === undefined || reached.has(run.mutant);
			})
		: testPaths;
	// Never an empty run: that would count as a surviving mutant.
	return { filtered: (kept.length ? kept : testPaths).map((test) => ({ test })) };
};
