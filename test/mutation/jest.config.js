/**
 * The jest run Stryker uses (npm run test:mutation): the tests of the node and the trigger, without
 * the sandbox's and the harness's own tests, with the plugins that keep a mutant's run short.
 */
const path = require('node:path');

const base = require('../../jest.config.js');

module.exports = {
	...base,
	rootDir: path.join(__dirname, '../..'),
	// findRelatedTests follows imports only through files under the roots.
	roots: ['<rootDir>/test', '<rootDir>/nodes', '<rootDir>/credentials'],
	testMatch: ['<rootDir>/test/{unit,product,hardening,trigger}/**/*.test.ts'],
	// Absolute: Stryker loads the environment itself, by this name.
	testEnvironment: path.join(__dirname, 'environment.js'),
	filter: path.join(__dirname, 'filter.js'),
	testSequencer: path.join(__dirname, 'sequencer.js'),
	runner: path.join(__dirname, 'runner.js'),
};
