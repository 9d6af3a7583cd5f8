'use strict';
/**
 * jest's runner for mutation runs: in a mutant's run, test files go one at a time and the rest are
 * not even loaded once one test failed (environment.js notes it: the mutant is killed). Loading a
 * file of engine tests costs a few hundred milliseconds, and a mutant in shared code reaches dozens.
 */
const TestRunner = require('jest-runner').default;

const { current } = require('./run-state');

class UntilKilled extends TestRunner {
	async runTests(tests, watcher, options) {
		const run = current();
		if (run.mutant === undefined || !options.serial) return await super.runTests(tests, watcher, options);
		for (const test of tests) {
			if (run.killed || watcher.isInterrupted()) return;
			await super.runTests([test], watcher, options);
		}
	}
}

module.exports = UntilKilled;
