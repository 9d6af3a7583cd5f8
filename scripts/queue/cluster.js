'use strict';
/*
 * n8n 2.40.7 in queue mode: one main (`n8n start`: editor, REST, webhooks, enqueues) and N workers
 * (`n8n worker`), all on one PostgreSQL database and one Redis, each with its own user folder
 * holding the packed package (as on separate machines: nothing is shared through the disk).
 *
 * Which worker ran an execution: n8n 2.40.7 keeps no worker id in the execution record (the
 * execution_entity row and its metadata have none); the worker logs
 * "Worker started execution <id> (job <n>)" and sends its host id to the main with the
 * job-finished message, which the main logs as workerId. Each worker here writes its own log,
 * so the worker of an execution is the one whose log says it started it.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');

const app = require('../lib/n8n-app');
const { log } = require('./services');
const { V2_CREDENTIAL } = require('./bulk');

/**
 * The environment every instance of the cluster shares, on top of scripts/lib's n8nEnv.
 * @param {object} redis  startRedis() result
 * @param {object} pg     startPostgres() result
 */
function queueEnv(redis, pg, binaryDataMode) {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: pg.host,
		DB_POSTGRESDB_PORT: String(pg.port),
		DB_POSTGRESDB_DATABASE: pg.database,
		DB_POSTGRESDB_USER: pg.user,
		DB_POSTGRESDB_PASSWORD: pg.password,
		// 2.40.7's default in queue mode; said explicitly so that a reader sees the choice
		N8N_DEFAULT_BINARY_DATA_MODE: binaryDataMode,
		// manual runs (the editor's "Execute workflow", the REST run) go to the workers too
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		N8N_RUNNERS_ENABLED: 'true',
	};
}

/** Wait until a log file contains a line matching re (or the process exits). */
async function waitForLog(file, re, child, timeoutMs = 300000) {
	const t0 = Date.now();
	for (;;) {
		const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
		if (re.test(text)) return Date.now() - t0;
		if (child.exitCode !== null || child.signalCode !== null)
			throw new Error(`${path.basename(file)}: process exited (${child.exitCode ?? child.signalCode}) before ${re}:\n${text.slice(-3000)}`);
		if (Date.now() - t0 > timeoutMs) throw new Error(`${path.basename(file)}: no ${re} after ${timeoutMs} ms:\n${text.slice(-3000)}`);
		await new Promise((r) => setTimeout(r, 200));
	}
}

/** Start one `n8n worker` in its own process group; resolves when it says it is ready. */
async function startWorker(prov, env, name, logFile, concurrency) {
	const out = fs.openSync(logFile, 'a');
	const child = spawn(prov.nodeBin, [prov.n8nBin, 'worker', `--concurrency=${concurrency}`], {
		env,
		cwd: env.N8N_USER_FOLDER,
		stdio: ['ignore', out, out],
		detached: true,
	});
	fs.closeSync(out);
	const ms = await waitForLog(logFile, /n8n worker is now ready/, child);
	log(`${name}: ready in ${app.secs(ms)} (pid ${child.pid})`);
	return {
		name,
		child,
		logFile,
		pid: child.pid,
		env,
		/** The executions this worker started, from its log. */
		startedExecutions: () => [...fs.readFileSync(logFile, 'utf8').matchAll(/Worker started execution (\d+)/g)].map((m) => m[1]),
		stop: () => app.stopProcessGroup(child),
	};
}

/**
 * Install the package for every instance, import credential + workflows, publish the webhook
 * workflows, start the main and the workers, log in to the main's REST API.
 * @returns {Promise<{main, workers, rest, env, startWorker, stop, workerOf(executionId)}>}
 */
async function startCluster({ prov, tmp, tarball, redis, pg, sb, workflowsDir, publish, workers = 2, concurrency = 10, binaryDataMode = 'database' }) {
	const shared = queueEnv(redis, pg, binaryDataMode);
	async function instance(name, logLevel = 'info') {
		const userFolder = path.join(tmp, name);
		app.installTarball(tarball, userFolder);
		const [port, brokerPort] = [await app.freePort(), await app.freePort()];
		return app.n8nEnv({ userFolder, port, brokerPort, prov, binaryDataMode, logLevel, extra: shared });
	}
	const mainEnv = await instance('main', 'debug');
	// API v1's credential (the id the examples reference) and API v2's (a wm_ token, API Version
	// Auto), in one import file: one `n8n import:credentials` (an n8n start) for both.
	const parts = [
		{ baseUrl: sb.baseUrl, subdomain: sb.subdomain, apiToken: sb.tokens.send },
		{ baseUrl: sb.baseUrl, apiToken: sb.v2Tokens.send, ...V2_CREDENTIAL },
	].map((credential, i) => JSON.parse(fs.readFileSync(app.writeCredentialFile(path.join(tmp, `credential-${i}.json`), credential), 'utf8')));
	const credFile = path.join(tmp, 'credentials.json');
	fs.writeFileSync(credFile, JSON.stringify(parts.flat(), null, 2));
	const t0 = Date.now();
	await app.n8nCliOk(prov, mainEnv, ['import:credentials', `--input=${credFile}`]);
	await app.n8nCliOk(prov, mainEnv, ['import:workflow', '--separate', `--input=${workflowsDir}`]);
	for (const id of publish) await app.n8nCliOk(prov, mainEnv, ['publish:workflow', `--id=${id}`]);
	log(`imported credentials and workflows into PostgreSQL, published ${publish.join(', ')} in ${app.secs(Date.now() - t0)}`);

	// generous: on a busy 2-core machine n8n took over 90 s to start
	const mainLog = path.join(tmp, 'main.log');
	const main = await app.startN8n(prov, mainEnv, { logFile: mainLog, timeoutMs: 300000, log: (m) => log(`main: ${m}`) });
	const started = [];
	const cluster = {
		main,
		mainLog,
		pg,
		env: mainEnv,
		workers: started,
		rest: new app.RestClient(main.url),
		async addWorker(name) {
			const env = await instance(name);
			const w = await startWorker(prov, env, name, path.join(tmp, `${name}.log`), concurrency);
			started.push(w);
			return w;
		},
		/** The worker whose log says it started the execution (undefined: none did). */
		workerOf(executionId) {
			return started.find((w) => w.startedExecutions().includes(String(executionId)));
		},
		async stop() {
			for (const w of started) await w.stop();
			await main.stop();
		},
	};
	try {
		// started one after the other: two n8n processes loading at once double the wait on 2 cores
		for (let i = 1; i <= workers; i++) await cluster.addWorker(`worker-${i}`);
		await cluster.rest.setupOwner(app.DEV_OWNER);
		await cluster.rest.login(app.DEV_OWNER.email, app.DEV_OWNER.password);
	} catch (err) {
		await cluster.stop();
		throw err;
	}
	return cluster;
}

/** flatted (n8n's execution data format), from n8n's own dependencies. */
function flatted(prov) {
	return require(require.resolve('flatted', { paths: [prov.n8nPackageDir] }));
}

const DONE = new Set(['success', 'error', 'crashed', 'canceled']);

/** Poll the main's REST API until the execution is done; returns it with `data` parsed. */
async function waitExecution(prov, rest, id, { timeoutMs = 120000 } = {}) {
	const t0 = Date.now();
	for (;;) {
		const r = await rest.request('GET', `/rest/executions/${id}`);
		if (r.status !== 200) throw new Error(`GET /rest/executions/${id}: ${r.status} ${r.text.slice(0, 300)}`);
		const ex = r.json.data;
		if (DONE.has(ex.status)) return { ...ex, data: typeof ex.data === 'string' ? flatted(prov).parse(ex.data) : ex.data };
		if (Date.now() - t0 > timeoutMs) throw new Error(`execution ${id} still ${ex.status} after ${timeoutMs} ms`);
		await new Promise((r) => setTimeout(r, 250));
	}
}

/** Run a manual workflow through the main's REST API (queued to a worker); returns its execution id. */
async function runManual(rest, workflowId, trigger = 'Start') {
	const r = await rest.request('POST', `/rest/workflows/${workflowId}/run`, { triggerToStartFrom: { name: trigger } });
	const id = r.json && r.json.data && r.json.data.executionId;
	if (r.status !== 200 || !id) throw new Error(`run ${workflowId}: ${r.status} ${r.text.slice(0, 500)}`);
	return id;
}

module.exports = { queueEnv, startCluster, waitExecution, runManual, waitForLog };
