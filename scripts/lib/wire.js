'use strict';
/*
 * The tests' tables of the platform's names (test/support/wire.ts for API v1, wireV2.ts for v2:
 * wire fields, answer keys, template-list keys, paths; wireWindow.ts for the window's sends) for the plain-JS scripts, so that they spell
 * none of them. The files have no runtime imports; they are transpiled here with the project's own
 * TypeScript, as scripts/e2e/wire.js does.
 */
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');

const { REPO } = require('./package');

const ts = require('typescript');

function load(name) {
	const file = path.join(REPO, 'test', 'support', name);
	const { outputText } = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
		compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
		fileName: file,
	});
	const loaded = new Module(file, module);
	loaded.filename = file;
	loaded._compile(outputText, file);
	return loaded.exports;
}

// API v1's names (wire.ts) and API v2's (wireV2.ts: WIRE_V2, PATHS_V2, ...), which share none, and
// the 24-hour window's sends on both (wireWindow.ts: textBody, mediaBody, windowPath, ...), the
// contacts APIs (wireContacts.ts: contactBody, CONTACT_PATHS, UPDATE_METHOD).
module.exports = { ...load('wire.ts'), ...load('wireV2.ts'), ...load('wireWindow.ts'), ...load('wireContacts.ts') };
