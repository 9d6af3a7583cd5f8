/**
 * The jest run of CI's mutation check (stryker.ci.config.js): the unit tests of the files it
 * mutates, which must kill their mutants on their own.
 */
const base = require('./jest.config.js');

module.exports = {
	...base,
	testMatch: ['<rootDir>/test/unit/{signature,dedupe,endpoint}.test.ts'],
};
