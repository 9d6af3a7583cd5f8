'use strict';
/*
 * The bulk check of the queue-mode test, once per API generation: RUNS executions of an
 * ITEMS-item send started at once (webhook calls) on the cluster's workers, all on one token
 * under the platform's limit, time-scaled. v1 meets the limit only as 429s (the wait in the body);
 * v2 announces X-RateLimit-Remaining on every answer and each execution paces itself on it, but
 * executions do not coordinate, so the 429s per window are measured and printed, not asserted.
 */
const assert = require('node:assert/strict');

const app = require('../lib/n8n-app');
const bulk = require('./bulk');
const { log } = require('./services');

/** The token's limit on the sandbox for a leg: v1's per-workspace config, v2's per-token limit and window. */
function limitToken(sb, leg, rateLimit) {
	sb.reset();
	sb.configure({ latencyMs: 0, ...(leg.api === 'v1' ? { rateLimit } : { v2WindowMs: rateLimit.windowMs }) });
	if (leg.api === 'v2') sb.updateV2Token('send', { limit: rateLimit.max });
}

/**
 * @param {object} ctx { cluster, sb, pg, leg (bulk.LEGS.v1 | v2), runs, items, rateLimit, rateLimitRetries }
 * @returns the figures it printed
 */
async function bulkCheck({ cluster, sb, pg, leg, runs, items, rateLimit, rateLimitRetries }) {
	limitToken(sb, leg, rateLimit);
	const tStart = Date.now();
	const answers = await Promise.all(Array.from({ length: runs }, (_, run) => bulk.postBulk(cluster.main.url, run, items, { path: leg.path })));
	const wallMs = Date.now() - tStart;
	const bad = answers.filter((a) => a.status !== 200);
	assert.deepEqual(bad.map((a) => `${a.status} ${a.text.slice(0, 200)}`), [], 'every run answered 200');
	const ids = pg.query(`select id, status from execution_entity where "workflowId"='${leg.id}' order by id`);
	assert.equal(ids.length, runs, 'one execution per call');
	const byWorker = {};
	for (const [id, status] of ids) {
		assert.equal(status, 'success', `execution ${id}`);
		const w = cluster.workerOf(id);
		assert.ok(w, `no worker started execution ${id}`);
		byWorker[w.name] = (byWorker[w.name] || 0) + 1;
	}
	const s = bulk.tally(sb, leg);
	for (let run = 0; run < runs; run++)
		for (let item = 0; item < items; item++) assert.equal(s.perPhone.get(bulk.bulkPhone(run, item)) || 0, 1, `messages to ${bulk.bulkPhone(run, item)}`);
	assert.equal(s.accepted, runs * items, 'accepted messages');
	for (const m of sb.messages) assert.equal(m.api, leg.api, `a message went to API ${m.api}`);
	for (const m of sb.messages) assert.deepEqual(m.fields, leg.body(m.fields[leg.phoneField]));
	assert.equal(s.counted, runs * items + runs, 'counted requests: the sends and one template-list read per execution');
	assert.deepEqual(Object.keys(byWorker).sort(), cluster.workers.map((w) => w.name).sort(), 'both workers ran executions');
	const ideal = bulk.idealMs(s.counted, rateLimit);
	const windows = Math.ceil(s.counted / rateLimit.max);
	const total429 = s.status429PerWindow.reduce((a, b) => a + b, 0);
	log(`  API ${leg.api}: spread over workers: ${Object.entries(byWorker).map(([w, n]) => `${w} ${n}`).join(', ')} executions`);
	log(`  sends: ${s.accepted} accepted for ${s.perPhone.size} phones (${runs} x ${items}), 0 twice, 0 lost; answers ${JSON.stringify(s.sendsByStatus)}; most 429s for one message ${s.most429ForOneMessage} (Rate-Limit Retries ${rateLimitRetries})`);
	log(`  429s: ${total429} for ${s.accepted} sends; per window ${s.status429PerWindow.join(', ')} (${s.status429PerWindow.length} of ${windows} windows had any; at most ${Math.max(0, ...s.status429PerWindow)})`);
	log(`  template-list reads: ${s.listReads} (${JSON.stringify(s.listReadsByStatus)}): ${runs} counted against the token's limit, ${(100 * runs / s.counted).toFixed(1)} % of its requests`);
	log(`  time: ideal ${app.secs(ideal)} for ${s.counted} counted requests (${windows} windows of ${rateLimit.windowMs / 1000} s); first to last request ${app.secs(s.spanMs)} (ratio ${(s.spanMs / ideal).toFixed(2)}); first call to last answer ${app.secs(wallMs)} (ratio ${(wallMs / ideal).toFixed(2)})`);
	assert.ok(wallMs / ideal < 1.6, `the runs took ${(wallMs / ideal).toFixed(2)} x the ideal time`);
	return { api: leg.api, total429, status429PerWindow: s.status429PerWindow, windows, spanRatio: s.spanMs / ideal, wallRatio: wallMs / ideal, byWorker };
}

module.exports = { bulkCheck };
