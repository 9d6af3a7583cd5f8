'use strict';
/**
 * Test files in a mutation run go shortest first (by the last recorded duration): with the bail in
 * environment.js, a mutant that a quick unit test kills never waits for the engine tests.
 */
const Sequencer = require('@jest/test-sequencer').default;

class ShortestFirst extends Sequencer {
	sort(tests) {
		const duration = (test) => this.time(test) ?? 0;
		return [...tests].sort((a, b) => duration(a) - duration(b) || a.path.localeCompare(b.path));
	}
}

module.exports = ShortestFirst;
