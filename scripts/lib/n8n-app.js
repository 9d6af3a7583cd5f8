'use strict';
/*
 * Helpers to drive the real n8n application (provisioned by scripts/provision.js)
 * for the end-to-end tests, `npm run dev` and the screenshots.
 *
 * - build/pack the package and install the tarball as n8n installs community
 *   packages: unpacked into $N8N_USER_FOLDER/.n8n/nodes/node_modules/<package>
 * - run n8n CLI commands (import:credentials, import:workflow, execute, publish:workflow)
 * - start `n8n start` and wait until it serves, stop it
 * - owner setup and login against the internal REST API
 */
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');

const REPO = path.resolve(__dirname, '..', '..');
const PACKAGE = require(path.join(REPO, 'package.json'));
const PACKAGE_NAME = PACKAGE.name;
const NODE_TYPE = `${PACKAGE_NAME}.whatsAppTemplates`;
const TOOL_NODE_TYPE = `${PACKAGE_NAME}.whatsAppTemplatesTool`;
const CREDENTIAL_TYPE = 'whatsAppTemplatesApi';
/** Fixed id the examples reference; e2e and dev import the credential under it. */
const CREDENTIAL_ID = 'wa-templates-sandbox';
const CREDENTIAL_NAME = 'WhatsApp Templates API';

function secs(ms) {
	return `${(ms / 1000).toFixed(1)} s`;
}

/** A free TCP port on 127.0.0.1 (asked from the OS). */
function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

/** Is something listening on 127.0.0.1:port? */
function portInUse(port) {
	return new Promise((resolve) => {
		const sock = net.connect({ port, host: '127.0.0.1' });
		sock.once('connect', () => {
			sock.destroy();
			resolve(true);
		});
		sock.once('error', () => resolve(false));
	});
}

function newestMtime(dir) {
	let newest = 0;
	if (!fs.existsSync(dir)) return 0;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, entry.name);
		if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
		else newest = Math.max(newest, fs.statSync(p).mtimeMs);
	}
	return newest;
}

/**
 * `npm run build` unless dist/ is newer than every source file.
 * Returns true when it built.
 */
function buildIfNeeded({ force = false, log = console.log } = {}) {
	const distFiles = Object.values(PACKAGE.n8n.nodes)
		.concat(PACKAGE.n8n.credentials)
		.map((f) => path.join(REPO, f));
	const sources = ['nodes', 'credentials', 'package.json', 'tsconfig.json', 'tsconfig.build.json'].map((f) =>
		path.join(REPO, f),
	);
	const srcTime = Math.max(...sources.map((p) => (fs.existsSync(p) ? (fs.statSync(p).isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs) : 0)));
	const distOk = distFiles.every((f) => fs.existsSync(f));
	const distTime = distOk ? newestMtime(path.join(REPO, 'dist')) : 0;
	if (!force && distOk && distTime >= srcTime) {
		log('build: dist/ is up to date');
		return false;
	}
	const t0 = Date.now();
	const res = spawnSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'inherit' });
	if (res.status !== 0) throw new Error(`npm run build failed (exit ${res.status})`);
	for (const f of distFiles) if (!fs.existsSync(f)) throw new Error(`npm run build did not produce ${f}`);
	log(`build: npm run build in ${secs(Date.now() - t0)}`);
	return true;
}

/** `npm pack` into destDir; returns the tarball path. */
function pack(destDir, { log = console.log } = {}) {
	fs.mkdirSync(destDir, { recursive: true });
	const t0 = Date.now();
	const res = spawnSync('npm', ['pack', '--json', '--pack-destination', destDir], {
		cwd: REPO,
		encoding: 'utf8',
	});
	if (res.status !== 0) throw new Error(`npm pack failed: ${res.stderr}`);
	const info = JSON.parse(res.stdout.slice(res.stdout.indexOf('[')))[0];
	const tarball = path.join(destDir, info.filename);
	log(`pack: ${info.filename} (${info.entryCount} files, ${(info.size / 1024).toFixed(1)} KB) in ${secs(Date.now() - t0)}`);
	return tarball;
}

/**
 * Install a packed tarball the way n8n installs a community package: the package
 * unpacked into <userFolder>/.n8n/nodes/node_modules/<name>, listed in the nodes
 * folder's package.json. The package has no runtime dependencies (n8n-workflow is
 * a peer dependency that n8n itself provides), so nothing else is installed.
 */
function installTarball(tarball, userFolder) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	const res = spawnSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], { encoding: 'utf8' });
	if (res.status !== 0) throw new Error(`tar failed: ${res.stderr}`);
	const pkg = JSON.parse(fs.readFileSync(path.join(target, 'package.json'), 'utf8'));
	if (pkg.dependencies && Object.keys(pkg.dependencies).length)
		throw new Error(`the package has runtime dependencies, which this installer does not install: ${Object.keys(pkg.dependencies)}`);
	const nodesPkgPath = path.join(nodesDir, 'package.json');
	let nodesPkg = { name: 'installed-nodes', private: true, dependencies: {} };
	if (fs.existsSync(nodesPkgPath)) nodesPkg = JSON.parse(fs.readFileSync(nodesPkgPath, 'utf8'));
	nodesPkg.dependencies = { ...(nodesPkg.dependencies || {}), [PACKAGE_NAME]: pkg.version };
	fs.writeFileSync(nodesPkgPath, JSON.stringify(nodesPkg, null, 2) + '\n');
	return { target, version: pkg.version };
}

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
 * Run one n8n CLI command to completion.
 * Returns {code, stdout, stderr, ms}.
 */
function n8nCli(prov, env, args, { timeoutMs = 120000 } = {}) {
	return new Promise((resolve) => {
		const t0 = Date.now();
		const child = spawn(prov.nodeBin, [prov.n8nBin, ...args], {
			env,
			cwd: env.N8N_USER_FOLDER,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		const timer = setTimeout(() => {
			stderr += `\n[n8n-app] killed after ${timeoutMs} ms`;
			child.kill('SIGKILL');
		}, timeoutMs);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
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

/** Start `n8n start`; resolves once /healthz/readiness answers 200. */
async function startN8n(prov, env, { logFile, timeoutMs = 90000, log = console.log } = {}) {
	const t0 = Date.now();
	const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
	const child = spawn(prov.nodeBin, [prov.n8nBin, 'start'], {
		env,
		cwd: env.N8N_USER_FOLDER,
		stdio: ['ignore', out, out],
		detached: true, // own process group: stop() ends n8n and its task runner, nothing else
	});
	let exited = null;
	child.on('exit', (code, signal) => (exited = { code, signal }));
	const url = `http://127.0.0.1:${env.N8N_PORT}`;
	for (;;) {
		if (exited) throw new Error(`n8n start exited early (${JSON.stringify(exited)}); see ${logFile}`);
		if (Date.now() - t0 > timeoutMs) {
			stopProcessGroup(child);
			throw new Error(`n8n did not become ready within ${timeoutMs} ms; see ${logFile}`);
		}
		try {
			const res = await fetch(`${url}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
			if (res.status === 200) break;
		} catch {
			/* not yet */
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	const readyMs = Date.now() - t0;
	log(`n8n: ready at ${url} in ${secs(readyMs)} (pid ${child.pid})`);
	return {
		child,
		url,
		readyMs,
		stop: () => stopProcessGroup(child),
	};
}

/**
 * Wait until n8n has registered a production webhook. \`n8n start\` reports ready before the
 * published workflows are activated. A CORS preflight (OPTIONS with Origin) answers 204 for
 * a registered webhook and 404 otherwise, and never runs the workflow.
 */
async function waitForWebhook(baseUrl, webhookPath, { method = 'POST', timeoutMs = 60000 } = {}) {
	const t0 = Date.now();
	let last = null;
	while (Date.now() - t0 < timeoutMs) {
		try {
			const res = await fetch(`${baseUrl}/webhook/${webhookPath}`, {
				method: 'OPTIONS',
				headers: { origin: baseUrl, 'access-control-request-method': method },
				signal: AbortSignal.timeout(2000),
			});
			last = res.status;
			await res.arrayBuffer();
			if (res.status >= 200 && res.status < 300) return Date.now() - t0;
		} catch (err) {
			last = err.message;
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`webhook ${method} /webhook/${webhookPath} not registered after ${timeoutMs} ms (last: ${last})`);
}

/** SIGTERM the process group we started, SIGKILL after a grace period. */
function stopProcessGroup(child, graceMs = 10000) {
	return new Promise((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) return resolve();
		const timer = setTimeout(() => {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				/* gone */
			}
		}, graceMs);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve();
		});
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			clearTimeout(timer);
			resolve();
		}
	});
}

/** A tiny cookie-keeping client for n8n's internal REST API. */
class RestClient {
	constructor(baseUrl) {
		this.baseUrl = baseUrl;
		this.cookies = new Map();
		this.browserId = `e2e-${process.pid}`;
	}

	async request(method, p, body) {
		const headers = { accept: 'application/json', 'browser-id': this.browserId };
		if (body !== undefined) headers['content-type'] = 'application/json';
		if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		const res = await fetch(this.baseUrl + p, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(30000),
		});
		for (const c of res.headers.getSetCookie ? res.headers.getSetCookie() : []) {
			const [pair] = c.split(';');
			const eq = pair.indexOf('=');
			this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
		}
		const text = await res.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		return { status: res.status, json, text };
	}

	/** Create the owner account (first start only). Returns true when created. */
	async setupOwner(owner) {
		const r = await this.request('POST', '/rest/owner/setup', owner);
		if (r.status === 200) return true;
		if (r.status === 400 && /already/i.test(r.text)) return false;
		throw new Error(`/rest/owner/setup: ${r.status} ${r.text.slice(0, 500)}`);
	}

	async login(email, password) {
		const r = await this.request('POST', '/rest/login', { emailOrLdapLoginId: email, password });
		if (r.status !== 200) throw new Error(`/rest/login: ${r.status} ${r.text.slice(0, 500)}`);
		return r.json;
	}
}

/** Write the credential file `n8n import:credentials` takes (plaintext data, fixed id). */
function writeCredentialFile(file, { baseUrl, apiToken, id = CREDENTIAL_ID, name = CREDENTIAL_NAME }) {
	const now = new Date().toISOString();
	const cred = [
		{
			id,
			name,
			type: CREDENTIAL_TYPE,
			data: { subdomain: '', domain: '', apiToken, baseUrl },
			createdAt: now,
			updatedAt: now,
		},
	];
	fs.writeFileSync(file, JSON.stringify(cred, null, 2) + '\n');
	return file;
}

/** Owner account used by `npm run dev`, the screenshots and the e2e's REST checks. */
const DEV_OWNER = {
	email: 'dev@example.com',
	password: 'WhatsApp-Templates-1',
	firstName: 'Dev',
	lastName: 'Owner',
};

module.exports = {
	REPO,
	PACKAGE_NAME,
	NODE_TYPE,
	TOOL_NODE_TYPE,
	CREDENTIAL_TYPE,
	CREDENTIAL_ID,
	CREDENTIAL_NAME,
	DEV_OWNER,
	secs,
	freePort,
	portInUse,
	buildIfNeeded,
	pack,
	installTarball,
	n8nEnv,
	n8nCli,
	n8nCliOk,
	parseExecuteOutput,
	nodeOutput,
	startN8n,
	waitForWebhook,
	stopProcessGroup,
	RestClient,
	writeCredentialFile,
};
