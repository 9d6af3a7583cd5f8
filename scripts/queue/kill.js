'use strict';
/*
 * A worker killed (SIGKILL) in the middle of a bulk send, and what n8n 2.40.7 does with that
 * execution. What the source says (n8n dist/scaling/scaling.service.js, workflow-runner.js): Bull
 * runs with maxStalledCount 0, so when the dead worker's job lock expires
 * (QUEUE_WORKER_LOCK_DURATION, 60 s) the next stalled check of a live worker
 * (QUEUE_WORKER_STALLED_INTERVAL, 30 s) fails the job instead of handing it to another worker;
 * the main then records the execution as an error (MaxStalledCountError) without the node's
 * output. This module measures it with the defaults: who ran it, when and how it ended, whether
 * anything ran it again, what was sent (twice?), and whether "Retry" is offered.
 */
const { bulkWorkflow, postBulk, tally } = require('./bulk');
const { waitExecution } = require('./cluster');
const { log } = require('./services');

const KILL_ID = 'QueueKillSend001';
const KILL_PATH = 'queue-kill';
const KILL_RUN = 900;
const KILL_ITEMS = 100;
const killWorkflow = () => bulkWorkflow({ id: KILL_ID, path: KILL_PATH });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function until(fn, timeoutMs, stepMs = 20) {
	const t0 = Date.now();
	for (;;) {
		const v = await fn();
		if (v) return v;
		if (Date.now() - t0 > timeoutMs) return null;
		await sleep(stepMs);
	}
}

/** The answer of POST /rest/executions/:id/retry: refused, or the new execution and how it ended. */
function describeRetry(r) {
	const ex = r.json && r.json.data;
	if (r.status !== 200 || !ex) return { httpStatus: r.status, message: (r.json && r.json.message) || r.text.slice(0, 200) };
	const error = ex.data && ex.data.resultData && ex.data.resultData.error;
	return { httpStatus: r.status, executionId: ex.id, mode: ex.mode, status: ex.status, error: error ? error.message : null };
}

/**
 * @param {object} ctx { prov, cluster, sb, pg, killAfter (accepted messages) }
 * @returns what happened, for the assertions and the report
 */
async function killMidSend({ prov, cluster, sb, pg, killAfter = 25, settleMs = 240000 }) {
	sb.reset();
	// a steady pace instead of the rate limit's bursts: 5 in flight x 250 ms = 20 messages/s
	sb.configure({ rateLimit: null, latencyMs: 250 });
	const posted = postBulk(cluster.main.url, KILL_RUN, KILL_ITEMS, { path: KILL_PATH });
	const enough = await until(() => sb.messages.length >= killAfter, 120000);
	if (!enough) throw new Error(`only ${sb.messages.length} messages accepted after 120 s: the run never got going`);
	const [[executionId]] = pg.query(`select id from execution_entity where "workflowId"='${KILL_ID}' order by id desc limit 1`);
	const victim = cluster.workerOf(executionId);
	if (!victim) throw new Error(`no worker log says it started execution ${executionId}`);
	const tKill = Date.now();
	process.kill(victim.pid, 'SIGKILL'); // the n8n worker process only, as a crash or an OOM kill would
	const atKill = { accepted: sb.messages.length, inFlight: sb.stats.inFlight };
	log(`killed ${victim.name} (pid ${victim.pid}) running execution ${executionId}: ${atKill.accepted} accepted, ${atKill.inFlight} in flight`);
	await sleep(2000);
	const twoSecondsLater = sb.messages.length;
	try {
		process.kill(-victim.pid, 'SIGKILL'); // what it left of its process group (its task runner)
	} catch {
		/* nothing left */
	}

	// wait for n8n to settle the execution: any status but new/running
	const status = () => pg.query(`select status, finished from execution_entity where id=${executionId}`)[0];
	const settled = await until(() => !['new', 'running'].includes(status()[0]) && status(), settleMs, 500);
	const settledMs = Date.now() - tKill;
	const answer = await posted;
	const survivors = cluster.workers.filter((w) => w !== victim);
	const rerunBy = survivors.filter((w) => w.startedExecutions().includes(String(executionId))).map((w) => w.name);
	// any later execution of the same workflow (a re-run under a new id)
	const later = pg.query(`select id, status, mode from execution_entity where "workflowId"='${KILL_ID}' and id > ${executionId}`);
	const ex = settled ? await waitExecution(prov, cluster.rest, executionId) : null;
	const error = ex && ex.data && ex.data.resultData && ex.data.resultData.error;
	const outputSaved = Boolean(ex && ex.data && ex.data.resultData.runData && ex.data.resultData.runData.Send);
	const afterSettle = tally(sb);
	// what the editor's "Retry" would do
	const retry = await cluster.rest.request('POST', `/rest/executions/${executionId}/retry`, { loadWorkflow: false });
	await sleep(3000);
	const afterRetry = tally(sb);
	return {
		executionId,
		victim: victim.name,
		atKill,
		twoSecondsLater,
		status: settled ? settled[0] : `still ${status()[0]} after ${settleMs} ms`,
		finished: settled ? settled[1] : null,
		settledMs,
		errorMessage: error ? error.message : null,
		outputSaved,
		webhookAnswer: { status: answer.status, text: answer.text.slice(0, 300), ms: answer.ms },
		rerunBy,
		laterExecutions: later,
		accepted: afterSettle.accepted,
		sentTwice: [...afterSettle.perPhone.values()].filter((n) => n > 1).length,
		retry: describeRetry(retry),
		noAnswer: sb.stats.noAnswer,
		acceptedAfterRetry: afterRetry.accepted,
		sentTwiceAfterRetry: [...afterRetry.perPhone.values()].filter((n) => n > 1).length,
	};
}

module.exports = { KILL_ID, KILL_PATH, KILL_ITEMS, killWorkflow, killMidSend };
