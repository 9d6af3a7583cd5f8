/**
 * Mutants judged equivalent (no test can tell them from the original code), excluded by name: the
 * file, the mutator, the original code, the replacement, a piece of the line it is on, and why. Stryker marks them "Ignored" with
 * that reason; they count neither way in the score.
 *
 * Stryker's own means work per line (// Stryker disable comments) or per syntax node with all the
 * mutants inside it (ignore plugins): on the lines below that would also hide mutants a test kills.
 * So the listed mutants, and only they, are marked when the instrumenter hands them to Stryker
 * (Mutant#toApiMutant of @stryker-mutator/instrumenter 9.6.1, pinned through @stryker-mutator/core).
 * An entry of a mutated file that matches no mutant is reported at the end of the run: the code
 * changed, re-judge it.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { EQUIVALENT } from './equivalent-list.mjs';

const require = createRequire(import.meta.url);
const instrumenter = path.dirname(require.resolve('@stryker-mutator/instrumenter/package.json'));
const { Mutant } = await import(pathToFileURL(path.join(instrumenter, 'dist/src/mutant.js')).href);
const toApiMutant = Mutant?.prototype?.toApiMutant;
if (typeof toApiMutant !== 'function') {
	throw new Error('test/mutation/equivalents.mjs: @stryker-mutator/instrumenter has no Mutant#toApiMutant any more; adapt the exclusion to this Stryker version');
}

const sources = new Map();
function sourceOf(fileName) {
	if (!sources.has(fileName)) sources.set(fileName, fs.readFileSync(fileName, 'utf8'));
	return sources.get(fileName);
}

const matched = new Set();
/** The files this run mutates (an area run mutates some): only their entries can be judged stale. */
const mutated = new Set();

Mutant.prototype.toApiMutant = function toApiMutantUnlessEquivalent() {
	const api = toApiMutant.call(this);
	const file = path.relative(process.cwd(), this.fileName).split(path.sep).join('/');
	mutated.add(file);
	const source = sourceOf(this.fileName);
	const original = source.slice(this.original.start, this.original.end);
	const lineStart = source.lastIndexOf('\n', this.original.start - 1) + 1;
	const line = source.slice(lineStart, source.indexOf('\n', this.original.start) >>> 0);
	const entry = EQUIVALENT.find(
		(e) => e.file === file && e.mutator === this.mutatorName && e.original === original && e.replacement === this.replacementCode && line.includes(e.on),
	);
	if (!entry || api.status) return api;
	matched.add(entry);
	return { ...api, status: 'Ignored', statusReason: `Equivalent: ${entry.reason}` };
};

process.on('exit', () => {
	const stale = EQUIVALENT.filter((entry) => !matched.has(entry) && mutated.has(entry.file));
	for (const entry of stale) console.warn(`Equivalent mutant not found (re-judge it): ${entry.file} ${entry.mutator} ${entry.original} → ${entry.replacement}`);
});

// The file is loaded as a Stryker plugin module (appendPlugins); it patches on load and contributes no plugin of its own.
export const strykerPlugins = [];
