'use strict';
/*
 * The package as n8n sees it: names, `npm run build` when dist/ is stale, `npm pack`, and the
 * tarball installed the way n8n installs a community package.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const REPO = path.resolve(__dirname, '..', '..');
const PACKAGE = require(path.join(REPO, 'package.json'));
const PACKAGE_NAME = PACKAGE.name;
const NODE_TYPE = `${PACKAGE_NAME}.whatsAppTemplates`;
const TOOL_NODE_TYPE = `${PACKAGE_NAME}.whatsAppTemplatesTool`;

function secs(ms) {
	return `${(ms / 1000).toFixed(1)} s`;
}

function newestMtime(p) {
	if (!fs.existsSync(p)) return 0;
	const stat = fs.statSync(p);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = 0;
	for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
	return newest;
}

/**
 * `npm run build` unless dist/ is newer than every source file, without outputs whose source is
 * gone. Returns true when it built.
 */
function buildIfNeeded({ force = false, log = console.log } = {}) {
	removeStaleOutputs({ log });
	const distFiles = [...PACKAGE.n8n.nodes, ...PACKAGE.n8n.credentials].map((f) => path.join(REPO, f));
	const sources = ['nodes', 'credentials', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];
	const srcTime = Math.max(...sources.map((f) => newestMtime(path.join(REPO, f))));
	const distOk = distFiles.every((f) => fs.existsSync(f));
	if (!force && distOk && newestMtime(path.join(REPO, 'dist')) >= srcTime) {
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

/** Every file under dir, relative to dir. */
function filesUnder(dir, rel = '') {
	if (!fs.existsSync(path.join(dir, rel))) return [];
	return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((entry) => {
		const child = path.join(rel, entry.name);
		return entry.isDirectory() ? filesUnder(dir, child) : [child];
	});
}

/**
 * Remove what a build left in dist/ whose source is gone. `tsc` never deletes an output, so a
 * module moved to a folder (shared/platform.ts -> shared/platform/index.ts) left the old
 * dist/.../platform.js behind, and `require('./platform')` loaded the stale file before the
 * folder: the packed node then failed in n8n. Returns the removed paths (relative to dist/).
 */
function removeStaleOutputs({ log = console.log } = {}) {
	const dist = path.join(REPO, 'dist');
	const stale = filesUnder(dist).filter((rel) => {
		const source = /\.(d\.ts|js\.map|js)$/.test(rel) ? rel.replace(/\.(d\.ts|js\.map|js)$/, '.ts') : rel;
		return !fs.existsSync(path.join(REPO, source));
	});
	for (const rel of stale) fs.rmSync(path.join(dist, rel));
	if (stale.length) log(`build: removed ${stale.length} stale file(s) from dist/ whose source is gone: ${stale.join(', ')}`);
	return stale;
}

/** `npm pack` into destDir (after removing stale outputs from dist/); returns the tarball path. */
function pack(destDir, { log = console.log } = {}) {
	removeStaleOutputs({ log });
	fs.mkdirSync(destDir, { recursive: true });
	const t0 = Date.now();
	const res = spawnSync('npm', ['pack', '--json', '--pack-destination', destDir], { cwd: REPO, encoding: 'utf8' });
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

module.exports = { REPO, PACKAGE_NAME, NODE_TYPE, TOOL_NODE_TYPE, secs, buildIfNeeded, removeStaleOutputs, pack, installTarball };
