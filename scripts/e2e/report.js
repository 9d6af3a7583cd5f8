'use strict';
/* One PASS/FAIL line per e2e check, with its time, and the final count. */
const { secs } = require('../lib/package');

function log(msg) {
	process.stdout.write(`[e2e] ${msg}\n`);
}

function indent(text, prefix = '     ') {
	return String(text)
		.split('\n')
		.slice(0, 60)
		.map((l) => prefix + l)
		.join('\n');
}

const results = [];

/** Run one named check; a thrown error is a FAIL with its stack, never an abort of the run. */
async function check(name, fn) {
	const t0 = Date.now();
	try {
		await fn();
		results.push({ name, ok: true });
		process.stdout.write(`PASS ${name} (${secs(Date.now() - t0)})\n`);
	} catch (err) {
		results.push({ name, ok: false, err });
		process.stdout.write(`FAIL ${name} (${secs(Date.now() - t0)})\n`);
		process.stdout.write(indent(err && err.stack ? err.stack : String(err)) + '\n');
	}
}

/** Print "N passed, M failed" (a setup error counts as one more failure); true when all passed. */
function summary(setupError) {
	const passed = results.filter((r) => r.ok).length;
	const failed = results.filter((r) => !r.ok).length + (setupError ? 1 : 0);
	if (setupError) process.stdout.write(`FAIL e2e setup: ${setupError.stack || setupError}\n`);
	process.stdout.write(`e2e: ${passed} passed, ${failed} failed\n`);
	return failed === 0 && passed > 0;
}

module.exports = { log, indent, check, summary };
