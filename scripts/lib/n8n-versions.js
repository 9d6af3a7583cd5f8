'use strict';
/*
 * Which n8n and which Node the provisioned cache holds: the n8n version asked for (--n8n <spec>,
 * N8N_E2E_VERSION, default 2.40.7) resolved to an exact release, and the Node major and npm
 * overrides that release needs (from its engines field; --node <major> / N8N_E2E_NODE overrides).
 * Nothing here touches the cache: scripts/provision.js installs, and passes in what it has cached.
 */
const { spawnSync } = require('node:child_process');

const DEFAULT_N8N_VERSION = '2.40.7';
/** Node majors tried, newest first: the first one n8n's engines field allows is installed. */
const NODE_MAJORS = ['24', '22', '20', '18'];

const isExact = (spec) => /^\d+\.\d+\.\d+$/.test(spec);

/** The spec asked for: --n8n <spec> / --n8n=<spec> on the command line, N8N_E2E_VERSION, the default. */
function requestedSpec(argv = process.argv.slice(2)) {
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--n8n') return argv[i + 1];
		if (argv[i].startsWith('--n8n=')) return argv[i].slice('--n8n='.length);
	}
	return process.env.N8N_E2E_VERSION || DEFAULT_N8N_VERSION;
}

/**
 * An exact n8n version for a spec. A range asks the registry (newest match); without the
 * registry, the newest complete cached install that matches is used.
 * @param {string} spec
 * @param {object} [o]
 * @param {() => string[]} [o.cachedVersions]  exact versions with a complete install, oldest first
 * @param {(msg: string) => void} [o.log]
 */
function resolveVersion(spec, { cachedVersions = () => [], log = () => {} } = {}) {
	if (!spec) throw new Error('--n8n needs a version, e.g. --n8n 1.123.x');
	spec = spec.replace(/^v/, '');
	if (isExact(spec)) return spec;
	const r = spawnSync('npm', ['view', `n8n@${spec}`, 'version', '--json'], { encoding: 'utf8' });
	if (r.status === 0 && r.stdout.trim()) {
		const v = JSON.parse(r.stdout);
		const list = (Array.isArray(v) ? v : [v]).filter(isExact);
		if (list.length) return list.sort(compareVersions).pop();
	}
	const cached = cachedVersions().filter((v) => matchesSpec(v, spec));
	if (cached.length) {
		log(`registry did not answer for n8n@${spec}; using the newest cached match ${cached[cached.length - 1]}`);
		return cached[cached.length - 1];
	}
	throw new Error(`no n8n release matches '${spec}' (npm view: ${(r.stderr || '').trim().split('\n')[0]})`);
}

function compareVersions(a, b) {
	const pa = a.split('.').map(Number);
	const pb = b.split('.').map(Number);
	for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
	return 0;
}

/** 1.123.x / 1.x / 1 style specs only (what the scripts and CI use). */
function matchesSpec(version, spec) {
	const parts = spec.split('.').filter((p) => p !== 'x' && p !== '*');
	return parts.every((p, i) => version.split('.')[i] === p);
}

function nodeMajorOverride(argv = process.argv.slice(2)) {
	const i = argv.indexOf('--node');
	return (i >= 0 && argv[i + 1]) || process.env.N8N_E2E_NODE || undefined;
}

/** What a version needs: the Node major (from n8n's engines field) and npm overrides. */
function versionProfile(n8nVersion) {
	const r = spawnSync('npm', ['view', `n8n@${n8nVersion}`, 'engines', '--json'], { encoding: 'utf8' });
	if (r.status !== 0) throw new Error(`npm view n8n@${n8nVersion} failed: ${(r.stderr || '').trim().split('\n')[0]}`);
	const range = ((r.stdout.trim() && JSON.parse(r.stdout)) || {}).node || '*';
	const semver = require('semver');
	// A bounded range ('>=20.19 <= 24.x'): the newest Node it allows. An open one ('>=18.10' of
	// n8n 1.50, '>=24.0.0' of 2.40.7) was never tested on later Nodes: the oldest allowed from 20 up.
	// --node <major> / N8N_E2E_NODE overrides.
	const open = !/<|\^|~|\|\|/.test(range);
	const wanted = nodeMajorOverride();
	const candidates = wanted ? [wanted] : open ? NODE_MAJORS.filter((m) => Number(m) >= 20).reverse() : NODE_MAJORS;
	const nodeMajor = candidates.find((m) => semver.satisfies(`${m}.99.0`, range) || semver.satisfies(`${m}.20.0`, range));
	if (!nodeMajor) throw new Error(`n8n ${n8nVersion} wants Node '${range}': none of ${NODE_MAJORS.join(', ')} fits`);
	const major = Number(n8nVersion.split('.')[0]);
	const overrides = major < 2 ? { xlsx: '0.18.5' } : {};
	return { engines: range, nodeMajor, overrides };
}

module.exports = {
	DEFAULT_N8N_VERSION,
	NODE_MAJORS,
	requestedSpec,
	resolveVersion,
	compareVersions,
	matchesSpec,
	nodeMajorOverride,
	versionProfile,
};
