'use strict';
/*
 * The tests' one table of the platform's names (test/support/wire.ts: wire fields, answer keys,
 * template-list keys, paths) for the plain-JS scripts, so that they spell none of them. The file
 * has no runtime imports; it is transpiled here with the project's own TypeScript, as
 * scripts/e2e/wire.js does.
 */
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');

const { REPO } = require('./package');

const file = path.join(REPO, 'test', 'support', 'wire.ts');
const ts = require('typescript');
const { outputText } = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
	compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
	fileName: file,
});
const wire = new Module(file, module);
wire.filename = file;
wire._compile(outputText, file);

module.exports = wire.exports;
