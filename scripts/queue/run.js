#!/usr/bin/env node
'use strict';
/*
 * The packed package in n8n 2.40.7's queue mode: one main, two workers, PostgreSQL, Redis.
 *
 *   npm run test:queue          (= node scripts/queue/run.js)
 *
 * 1. Redis and PostgreSQL from Debian's packages (installed when missing; services.js), each on a
 *    free loopback port with its data in the temp folder; n8n 2.40.7 + Node 24 (scripts/provision.js)
 * 2. npm pack, the tarball installed into three user folders (main, worker-1, worker-2)
 * 3. the e2e workflows run by the workers (e2e.js); 20 executions of a 25-item send at once
 *    against the platform's rate limit, time-scaled (60 per 6 s instead of 60 per 60 s), once on
 *    an API v1 token and once on an API v2 token (bulk.js, bulkCheck.js: 429s per window);
 *    a worker SIGKILLed in the middle of a bulk send (kill.js)
 *
 * Prints PASS/FAIL per check, the spread over workers, the send counts, the time ratio and the
 * kill test's findings; exits 1 on any failure. QUEUE_KEEP=1 keeps the temp folder (logs).
 */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const { provision } = require('../provision');
const app = require('../lib/n8n-app');
const wf = require('../e2e/workflows');
const { check, summary } = require('../e2e/report');
const svc = require('./services');
const { startCluster } = require('./cluster');
const { runQueueE2e } = require('./e2e');
const bulk = require('./bulk');
const { bulkCheck } = require('./bulkCheck');
const { killWorkflow, killMidSend, KILL_ID, KILL_ITEMS } = require('./kill');

const { log } = svc;
const RUNS = 20;
const ITEMS = 25;
/** The platform's 60 requests per 60 s per token, time-scaled by 10. */
const RATE_LIMIT = { max: 60, windowMs: 6000 };
/**
 * Rate-Limit Retries of the bulk send. With the default 5 the test passed 3 of 3 runs, but one
 * message needed 4 retries (20 executions contend for one token's window): 1 short of failing.
 * The README advises raising it when executions share a token; so does the test.
 */
const BULK_RATE_LIMIT_RETRIES = 20;
const EXAMPLES = ['webhook-send.json', 'crm-sync.json', 'media-from-file.json'];

/**
 * npm pack, and the tarball holds every node and credential file package.json lists: the working
 * tree is shared, and another engineer's `npm run build` empties dist/ for a while (a pack taken
 * then held 4 files and n8n could not load the node).
 */
async function packWhole(tmp) {
	const pkg = require(path.join(app.REPO, 'package.json'));
	const wanted = [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((f) => `package/${f}`);
	for (let attempt = 1; ; attempt++) {
		app.buildIfNeeded({ log });
		const tarball = app.pack(tmp, { log });
		const listed = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).stdout.split('\n');
		const missing = wanted.filter((f) => !listed.includes(f));
		if (!missing.length) return tarball;
		if (attempt === 3) throw new Error(`the packed package lacks ${missing.join(', ')}`);
		log(`pack lacks ${missing.length} file(s) (a build is running?); again in 20 s`);
		await new Promise((r) => setTimeout(r, 20000));
	}
}

function writeWorkflows(dir) {
	fs.mkdirSync(dir);
	for (const f of EXAMPLES) fs.copyFileSync(path.join(app.REPO, 'examples', f), path.join(dir, f));
	for (const w of [...wf.workflows, ...Object.values(bulk.LEGS).map((leg) => bulk.legWorkflow(leg, BULK_RATE_LIMIT_RETRIES)), killWorkflow()]) fs.writeFileSync(path.join(dir, `${w.id}.json`), JSON.stringify(w, null, 2));
}

async function main() {
	const t0 = Date.now();
	const times = {};
	const installed = svc.ensureInstalled();
	times.install = installed.ms;
	let t = Date.now();
	const prov = provision();
	times.n8n = Date.now() - t;

	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-wa-queue-'));
	log(`temp folder ${tmp}${process.env.QUEUE_KEEP ? ' (kept)' : ''}`);
	const stops = [];
	try {
		const tarball = await packWhole(tmp);
		t = Date.now();
		const redis = await svc.startRedis(tmp);
		stops.push(redis.stop);
		const pg = await svc.startPostgres(tmp);
		stops.push(pg.stop);
		const { startSandbox } = require(path.join(app.REPO, 'test', 'sandbox'));
		const sb = await startSandbox({ port: 0 });
		stops.push(() => sb.close());
		writeWorkflows(path.join(tmp, 'workflows'));
		const publish = ['WaTplExampleHook', ...Object.values(bulk.LEGS).map((leg) => leg.id), KILL_ID];
		const cluster = await startCluster({ prov, tmp, tarball, redis, pg, sb, workflowsDir: path.join(tmp, 'workflows'), publish });
		stops.unshift(() => cluster.stop());
		times.start = Date.now() - t;
		for (const f of [cluster.mainLog, ...cluster.workers.map((w) => w.logFile)])
			assert.doesNotMatch(fs.readFileSync(f, 'utf8'), /Failed to load package/, `${path.basename(f)}: the package did not load`);

		t = Date.now();
		const spread = new Map();
		await runQueueE2e({ prov, cluster, sb, spread });
		log(`e2e workflows by worker: ${[...spread].map(([w, ids]) => `${w} ran ${ids.join(', ')}`).join('; ')}`);

		for (const leg of Object.values(bulk.LEGS)) {
			await check(`queue: API ${leg.api}: ${RUNS} executions of a ${ITEMS}-item send at once, ${RATE_LIMIT.max} requests per ${RATE_LIMIT.windowMs / 1000} s per token: spread over both workers, every message exactly once`, async () => {
				await bulkCheck({ cluster, sb, pg, leg, runs: RUNS, items: ITEMS, rateLimit: RATE_LIMIT, rateLimitRetries: BULK_RATE_LIMIT_RETRIES });
			});
		}

		await check('queue: a worker SIGKILLed in the middle of a bulk send: not re-run, marked failed, nothing sent twice', async () => {
			const k = await killMidSend({ prov, cluster, sb, pg });
			log(`  killed ${k.victim} during execution ${k.executionId}: ${k.atKill.accepted} accepted, ${k.atKill.inFlight} in flight; ${k.twoSecondsLater} accepted 2 s later; requests without an answer ${k.noAnswer}`);
			log(`  n8n: status '${k.status}' (finished ${k.finished}) ${app.secs(k.settledMs)} after the kill: "${k.errorMessage}"; node output saved: ${k.outputSaved}`);
			log(`  webhook caller got ${k.webhookAnswer.status} ${k.webhookAnswer.text} after ${app.secs(k.webhookAnswer.ms)}; re-run by another worker: ${k.rerunBy.length ? k.rerunBy.join(', ') : 'no'}; later executions: ${k.laterExecutions.length}`);
			log(`  sent twice: ${k.sentTwice}; "Retry" (REST): ${JSON.stringify(k.retry)}; sent after it ${k.acceptedAfterRetry} (twice: ${k.sentTwiceAfterRetry})`);
			assert.equal(k.status, 'error', 'n8n marks it failed');
			assert.deepEqual(k.rerunBy, [], 'no other worker runs it again');
			assert.equal(k.laterExecutions.length, 0, 'no new execution of it');
			assert.equal(k.twoSecondsLater, k.accepted, 'nothing sent after the kill');
			assert.equal(k.sentTwice, 0, 'nothing sent twice');
			assert.ok(k.accepted < KILL_ITEMS, 'the run was cut short');
			assert.equal(k.sentTwiceAfterRetry, 0, 'a retry sends nothing twice');
		});
		times.tests = Date.now() - t;
	} finally {
		for (const stop of stops) await stop().catch((err) => log(`stop: ${err.message}`));
		if (!process.env.QUEUE_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
	}
	log(
		`times: install redis/postgres ${app.secs(times.install)}, n8n provision ${app.secs(times.n8n)}, services + import + cluster start ${app.secs(times.start || 0)}, ` +
			`tests ${app.secs(times.tests || 0)}; total ${app.secs(Date.now() - t0)}`,
	);
}

main().then(
	() => process.exit(summary() ? 0 : 1),
	(err) => {
		summary(err);
		process.exit(1);
	},
);
