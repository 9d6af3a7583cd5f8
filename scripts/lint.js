#!/usr/bin/env node
// `npm run lint`: no eslint-disable comment anywhere (the scanner ignores them); `n8n-node lint` with
// n8n's default eslint.config.mjs over the package's files (scripts/ci/n8n-node-lint.js); then
// eslint.verification.config.js: both n8n lint plugins over the sources, package.json and the
// built dist/, as n8n's verification scanner lints the tarball.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
if (!fs.existsSync(path.join(root, 'dist'))) {
	execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}

function filesUnder(dir) {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		return entry.isDirectory() ? filesUnder(full) : [full];
	});
}

const scanned = ['nodes', 'credentials', 'dist', 'test', 'scripts', 'bench'].flatMap((d) => filesUnder(path.join(root, d)));
const disables = scanned.filter((file) => /\.(ts|js)$/.test(file) && /eslint-disable/.test(fs.readFileSync(file, 'utf8')) && !file.endsWith('scripts/lint.js'));
if (disables.length) {
	console.error(`eslint-disable comments are not allowed:\n${disables.join('\n')}`);
	process.exit(1);
}

try {
	execFileSync(process.execPath, [path.join(root, 'scripts/ci/n8n-node-lint.js')], { cwd: root, stdio: 'inherit' });
	execFileSync(path.join(root, 'node_modules/.bin/eslint'), ['--config', 'eslint.verification.config.js', '--max-warnings', '0', 'package.json', 'nodes', 'credentials', 'dist'], { cwd: root, stdio: 'inherit' });
} catch {
	process.exit(1);
}
console.log('lint: clean (n8n-node lint; sources, package.json, dist)');
