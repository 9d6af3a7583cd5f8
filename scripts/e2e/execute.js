'use strict';
/*
 * `n8n execute` of one imported workflow, as every manual-workflow check runs it: the run parsed
 * when n8n printed one, and the sandbox checked to have received only sends and the one
 * template-list read of the credential's API (wire.js).
 */
const assert = require('node:assert/strict');

const app = require('../lib/n8n-app');
const { assertOnlySendsAndOneListRead } = require('./wire');
const { log } = require('./report');

/**
 * Runs workflow `id`; returns n8nCli's result plus `run` (null when none was printed) and `output`.
 * `leg` (wire.js LEGS): the API its credential speaks, which every request must have gone to;
 * `assertRequests(sb, leg)`: what the sandbox may have received (default: sends and one list read).
 */
async function executeWorkflow(prov, env, sb, id, leg, assertRequests = assertOnlySendsAndOneListRead) {
	const r = await app.n8nCli(prov, env, ['execute', `--id=${id}`, '--rawOutput']);
	let run = null;
	try {
		run = app.parseExecuteOutput(r.stdout);
	} catch {
		run = null;
	}
	log(`n8n execute --id=${id}: exit ${r.code}${r.signal ? ` (signal ${r.signal})` : ''} in ${app.secs(r.ms)}`);
	assertRequests(sb, leg);
	return { ...r, run, output: r.stdout + r.stderr };
}

/** The workflow ran to its end without an execution error. */
function assertRan(r) {
	// n8n 2.40.7 on Node 24 now and then dies by SIGSEGV while exiting, after it printed the whole
	// run (seen on busy machines): a complete printed run counts; any other non-zero exit fails.
	const crashedAfterRun = r.signal === 'SIGSEGV' && r.run !== null;
	if (crashedAfterRun) log(`n8n execute: SIGSEGV on exit after a complete run (n8n's process, not the node)`);
	else assert.equal(r.code, 0, `n8n execute exited ${r.code}:\n${r.output.slice(-3000)}`);
	assert.ok(r.run, `n8n execute printed no run data (${r.stdout.length} characters of output)`);
	assert.ok(!r.run.data.resultData.error, `execution error: ${JSON.stringify(r.run.data.resultData.error)}`);
}

module.exports = { executeWorkflow, assertRan };
