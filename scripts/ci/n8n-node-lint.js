#!/usr/bin/env node
// `n8n-node lint` (@n8n/node-cli, n8n's eslint.config.mjs unchanged) over what the package is made
// of: package.json, nodes/ and credentials/, the files n8n's scanner lints as "what n8n-node lint
// covers" (its SOURCE_FILE_PATTERNS). They are copied with eslint.config.mjs and tsconfig.json into
// a temporary folder that links node_modules, and the tool runs there as a maintainer would run it.
// At the repository root the same command also applies n8n Cloud's runtime rules (no node:http, no
// process, no setTimeout) to every .ts file under test/, which are Node programs that start servers;
// docs/releasing.md says what that leaves open.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const PACKAGE_FILES = ['package.json', 'eslint.config.mjs', 'tsconfig.json', 'nodes', 'credentials'];

const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-node-lint-'));
let status = 1;
try {
	for (const entry of PACKAGE_FILES) fs.cpSync(path.join(root, entry), path.join(stage, entry), { recursive: true });
	fs.symlinkSync(path.join(root, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
	const run = spawnSync(path.join(root, 'node_modules', '.bin', 'n8n-node'), ['lint'], { cwd: stage, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
	process.stdout.write(run.stdout.split(stage + path.sep).join(''));
	process.stderr.write(run.stderr);
	status = run.status ?? 1;
} finally {
	fs.rmSync(stage, { recursive: true, force: true });
}
console.log(status === 0 ? `n8n-node lint: clean (${PACKAGE_FILES.filter((f) => !f.endsWith('config.mjs') && f !== 'tsconfig.json').join(', ')})` : `n8n-node lint: failed (exit ${status})`);
process.exit(status);
