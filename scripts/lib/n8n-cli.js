'use strict';
/*
 * One-shot n8n CLI commands (import:credentials, import:workflow, execute, publish:workflow)
 * with the environment every n8n process of one instance shares, and reading the run that
 * `n8n execute --rawOutput` prints.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');

/**
 * The environment for every n8n process of one instance.
 * @param {object} o
 * @param {string} o.userFolder  N8N_USER_FOLDER (n8n keeps .n8n/ inside it)
 * @param {number} o.port        N8N_PORT
 * @param {number} o.brokerPort  N8N_RUNNERS_BROKER_PORT
 * @param {object} o.prov        result of provision()
 */
function n8nEnv({ userFolder, port, brokerPort, prov, binaryDataMode, logLevel = 'info', extra = {} }) {
	fs.mkdirSync(userFolder, { recursive: true });
	const env = {
		// keep the caller's PATH, but Node 24 first: n8n and its task runner use it
		PATH: `${prov.nodeBinDir}${path.delimiter}${process.env.PATH || ''}`,
		HOME: process.env.HOME || os.homedir(),
		LANG: process.env.LANG || 'C.UTF-8',
		TMPDIR: process.env.TMPDIR || os.tmpdir(),
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: 'n8n-nodes-whatsapp-templates-e2e-key',
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/`,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_LOG_LEVEL: logLevel,
		N8N_LOG_OUTPUT: 'console',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_DEFAULT_BINARY_DATA_MODE: binaryDataMode || 'filesystem',
		// nothing but the registries is reachable: no outbound calls at start
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		N8N_AI_ENABLED: 'false',
		// its registry refresh calls api.n8n.io at start (unreachable here; only noise in the log)
		N8N_DISABLED_MODULES: 'mcp-registry',
		NODE_ENV: 'production',
		...extra,
	};
	return env;
}

/**
 * Run one n8n CLI command to completion. Returns {code, stdout, stderr, ms}.
 * Its output goes to files, not pipes: n8n ends with process.exit(), which cuts off whatever a
 * pipe has not drained yet (a run with a few MB of base64 binary data lost its tail), while
 * writes to a file are synchronous.
 */
function n8nCli(prov, env, args, { timeoutMs = 120000 } = {}) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-cli-'));
	const outFile = path.join(dir, 'stdout');
	const errFile = path.join(dir, 'stderr');
	const out = fs.openSync(outFile, 'w');
	const err = fs.openSync(errFile, 'w');
	return new Promise((resolve) => {
		const t0 = Date.now();
		const child = spawn(prov.nodeBin, [prov.n8nBin, ...args], {
			env,
			cwd: env.N8N_USER_FOLDER,
			stdio: ['ignore', out, err],
		});
		let killed = '';
		const timer = setTimeout(() => {
			killed = `\n[n8n-cli] killed after ${timeoutMs} ms`;
			child.kill('SIGKILL');
		}, timeoutMs);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			fs.closeSync(out);
			fs.closeSync(err);
			const stdout = fs.readFileSync(outFile, 'utf8');
			const stderr = fs.readFileSync(errFile, 'utf8') + killed;
			fs.rmSync(dir, { recursive: true, force: true });
			resolve({ code: code === null ? 128 : code, signal, stdout, stderr, ms: Date.now() - t0 });
		});
	});
}

/** Like n8nCli but throws on a non-zero exit. */
async function n8nCliOk(prov, env, args, opts) {
	const r = await n8nCli(prov, env, args, opts);
	if (r.code !== 0)
		throw new Error(`n8n ${args.join(' ')} exited ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`);
	return r;
}

/**
 * The JSON that `n8n execute --id=… --rawOutput` prints (the whole IRun), parsed.
 * Log lines may come before it; the JSON is the last top-level object.
 */
function parseExecuteOutput(stdout) {
	const lines = stdout.split('\n');
	for (let i = 0; i < lines.length; i++) {
		if (lines[i] !== '{') continue;
		// n8n prints it through its logger at level info: N8N_LOG_LEVEL must be info or debug.
		// find the matching closing brace line: the last '}' at column 0 after i
		for (let j = lines.length - 1; j > i; j--) {
			if (lines[j] !== '}') continue;
			try {
				return JSON.parse(lines.slice(i, j + 1).join('\n'));
			} catch {
				/* try a shorter span */
			}
		}
	}
	throw new Error(`no JSON found in n8n execute output:\n${stdout.slice(0, 2000)}`);
}

/** Output items (json) of a node in an IRun: runData[node][run].data.main[output]. */
function nodeOutput(run, nodeName, { output = 0, runIndex = 0 } = {}) {
	const runData = run && run.data && run.data.resultData && run.data.resultData.runData;
	const task = runData && runData[nodeName] && runData[nodeName][runIndex];
	if (!task) return undefined;
	const main = task.data && task.data.main;
	return (main && main[output]) || [];
}

module.exports = { n8nEnv, n8nCli, n8nCliOk, parseExecuteOutput, nodeOutput };
