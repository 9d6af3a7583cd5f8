'use strict';
/**
 * What the jest plugins of a mutation run share inside one Stryker test-runner process: the jest
 * filter, the test environment and the test sequencer are all loaded in the process that calls
 * jest's runCLI, once per process, so a global keeps one state between them.
 *
 * Stryker names the mutant under test in this variable for the length of one jest run; the dry
 * run (every test, with coverage) has none.
 */
const path = require('node:path');

const ACTIVE_MUTANT = '__STRYKER_ACTIVE_MUTANT__';
const KEY = Symbol.for('n8n-nodes-whatsapp-templates.mutation-run');

/** One jest run: the mutant it tests and whether a test already failed (the mutant is killed). */
function current() {
	globalThis[KEY] ??= { mutant: undefined, killed: false, coverage: new Map() };
	return globalThis[KEY];
}

/** Called by the filter at the start of every jest run. */
function startRun() {
	const state = current();
	state.mutant = process.env[ACTIVE_MUTANT];
	state.killed = false;
	return state;
}

/** Which mutants each test file reached in the dry run: written there, read by mutant runs. */
function coverageFile(rootDir = process.cwd()) {
	return path.join(rootDir, '.mutation-coverage-by-file.json');
}

module.exports = { ACTIVE_MUTANT, current, startRun, coverageFile };
