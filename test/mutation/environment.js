'use strict';
/**
 * jest's node environment, for mutation runs. Two additions, both keyed on run-state.js:
 * - the dry run records which mutants each test file reached (filter.js then runs only those
 *   files for a mutant): the ids Stryker's coverage counted during this file's tests and hooks;
 * - a mutant run stops at the first failing test: the mutant is killed, the remaining tests (of
 *   this file and the next) are skipped, their beforeAll hooks too. Stryker's jest runner cannot
 *   bail by itself, so without this every killed mutant ran all the tests that reach it.
 */
const fs = require('node:fs');
const path = require('node:path');
const { TestEnvironment } = require('jest-environment-node');

const { current, coverageFile } = require('./run-state');

function skipAll(block) {
	for (const child of block.children) {
		if (child.type === 'test') child.mode = 'skip';
		else skipAll(child);
	}
}

/** Mutant ids whose count grew from `before` to `after` (Stryker counts hits per mutant id). */
function grown(before, after) {
	return Object.keys(after ?? {}).filter((id) => (after[id] ?? 0) > (before?.[id] ?? 0));
}

class MutationEnvironment extends TestEnvironment {
	constructor(config, context) {
		super(config, context);
		this.rootDir = config.projectConfig.rootDir;
		this.testFile = path.relative(this.rootDir, context.testPath);
		this.reached = new Set();
	}

	/** Stryker's instrumenter context (set on the global by its environment mixin, dry run only). */
	coverage() {
		return this.global.__stryker__?.mutantCoverage;
	}

	async setup() {
		await super.setup();
		this.staticBefore = { ...this.coverage()?.static };
	}

	async handleTestEvent(event) {
		const run = current();
		if (run.mutant === undefined) {
			// Stryker still names the running test here (it clears the name after this handler).
			const testId = this.global.__stryker__?.currentTestId;
			if (event.name === 'test_done' && testId) for (const id of Object.keys(this.coverage()?.perTest?.[testId] ?? {})) this.reached.add(id);
			return;
		}
		if (event.name === 'test_done' && event.test.errors.length > 0) run.killed = true;
		if (!run.killed) return;
		if (event.name === 'run_describe_start') skipAll(event.describeBlock);
		if (event.name === 'test_start') event.test.mode = 'skip';
	}

	async teardown() {
		const run = current();
		if (run.mutant === undefined && this.global.__stryker__) {
			for (const id of grown(this.staticBefore, this.coverage()?.static)) this.reached.add(id);
			run.coverage.set(this.testFile, [...this.reached]);
			fs.writeFileSync(coverageFile(this.rootDir), JSON.stringify(Object.fromEntries(run.coverage)));
		}
		await super.teardown();
	}
}

module.exports = MutationEnvironment;
