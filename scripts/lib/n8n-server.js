'use strict';
/*
 * `n8n start` as a long-running server: free ports, start and wait until it serves, wait for a
 * published webhook, stop the process group this script started (and nothing else).
 */
const fs = require('node:fs');
const net = require('node:net');
const { spawn } = require('node:child_process');

const { secs } = require('./package');

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

module.exports = { freePort, portInUse, startN8n, waitForWebhook, stopProcessGroup };
