#!/usr/bin/env node
// n8n's verification scanner (@n8n/scan-community-package, pinned in package.json) run offline:
// its own lint (its config, its plugin versions, inline eslint comments ignored) over the source
// tree with its source patterns, and over the tarball `npm pack` makes, with its tarball patterns.
// Its third leg, the npm provenance check, reads the registry's attestation of a published
// version: it cannot run before a release (docs/releasing.md says how to run it after one).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const scannerVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/@n8n/scan-community-package/package.json'), 'utf8')).version;
// The scanner's tarball leg: compiled JavaScript and the published package.json (scanner.mjs).
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

function packTarball() {
	if (!fs.existsSync(path.join(root, 'dist'))) throw new Error('dist/ is missing: run npm run build first');
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-package-'));
	const out = execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' });
	const tarball = path.join(work, JSON.parse(out)[0].filename);
	const unpacked = path.join(work, 'package');
	fs.mkdirSync(unpacked);
	execFileSync('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1']);
	return { work, unpacked, name: path.basename(tarball) };
}

function report(label, result) {
	console.log(`${result.passed ? 'PASS' : 'FAIL'} scanner lint, ${label}${result.message ? `: ${result.message}` : ''}`);
	if (result.details) console.log(result.details);
	return result.passed;
}

console.log(`@n8n/scan-community-package ${scannerVersion}, offline: source and tarball lint legs; provenance leg skipped (needs a published version's npm attestation)`);
const sourceOk = report(`source tree (${SOURCE_FILE_PATTERNS.join(', ')})`, await analyzePackage(root, SOURCE_FILE_PATTERNS));
const packed = packTarball();
let tarballOk;
try {
	tarballOk = report(`packed tarball ${packed.name} (${TARBALL_FILE_PATTERNS.join(', ')})`, await analyzePackage(packed.unpacked, TARBALL_FILE_PATTERNS));
} finally {
	fs.rmSync(packed.work, { recursive: true, force: true });
}
process.exit(sourceOk && tarballOk ? 0 : 1);
