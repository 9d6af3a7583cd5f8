#!/usr/bin/env node
// Every relative link and image in README.md and docs/**/*.md must name a file of the repository,
// and a #anchor a heading of that file (GitHub's slugs). Links to this repository's GitHub pages
// count as relative, also where the nodes and credentials name them (documentationUrl, codex files).
// Other http(s) links are not fetched: the check runs offline.
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const REPO_URL = String((pkg.repository && pkg.repository.url) || pkg.repository || '').replace(/^git\+/, '').replace(/\.git$/, '');

function walk(dir, keep, out = []) {
	if (!fs.existsSync(path.join(ROOT, dir))) return out;
	for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
		const rel = path.posix.join(dir, entry.name);
		if (entry.isDirectory() && entry.name !== 'node_modules') walk(rel, keep, out);
		else if (entry.isFile() && keep(rel)) out.push(rel);
	}
	return out;
}

const FENCED = /^ {0,3}(```|~~~)[^]*?^ {0,3}\1[^\n]*$/gm;
const blank = (code) => code.replace(/[^\n]/g, ' '); // keeps offsets, so line numbers stay right

/** Markdown with fenced code blocks and inline code spans blanked: links there are examples, not links. */
const prose = (markdown) => markdown.replace(FENCED, blank).replace(/(`+)[^`][^]*?\1/g, blank);

/** GitHub's heading ids: the rendered text, lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
const anchorCache = new Map();
function anchorsOf(file) {
	if (anchorCache.has(file)) return anchorCache.get(file);
	const [seen, anchors] = [new Map(), new Set()];
	anchorCache.set(file, anchors);
	const source = fs.readFileSync(path.join(ROOT, file), 'utf8').replace(FENCED, blank);
	for (const [, text] of source.matchAll(/^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
		const plain = text.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<[^>]+>/g, '').replace(/[`*]/g, '');
		const base = plain.toLowerCase().replace(/[^\p{L}\p{M}\p{Nd}\p{Nl}\p{Pc}\- ]/gu, '').replace(/ /g, '-');
		let slug = base; // github-slugger: a taken slug gets -1, -2, … of its base
		while (seen.has(slug)) {
			seen.set(base, seen.get(base) + 1);
			slug = `${base}-${seen.get(base)}`;
		}
		seen.set(slug, 0);
		anchors.add(slug);
	}
	for (const [, id] of source.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) anchors.add(id);
	return anchors;
}

/** The problem with one link target written in `from`, or null. */
function problem(from, target) {
	let ref = target.trim().replace(/^<|>$/g, '');
	if (REPO_URL && ref.startsWith(REPO_URL)) {
		const rest = ref.slice(REPO_URL.length);
		const blob = /^\/(?:blob|tree|raw)\/[^/]+\/([^#?]*)(.*)$/.exec(rest);
		if (blob) ref = `/${blob[1]}${blob[2]}`;
		else if (/^\/?(#|$)/.test(rest)) ref = `/README.md${rest.replace(/^\//, '')}`;
		else return null; // the repository's issues, releases, …: not fetched
	} else if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) return null; // external: not fetched
	const hash = ref.indexOf('#');
	const filePart = decodeURIComponent(hash < 0 ? ref : ref.slice(0, hash)).replace(/\?.*$/, '');
	const anchor = hash < 0 ? null : decodeURIComponent(ref.slice(hash + 1));
	const resolved = filePart === '' ? from : filePart.startsWith('/')
		? path.posix.normalize(filePart.slice(1)) : path.posix.join(path.posix.dirname(from), filePart);
	if (resolved.startsWith('..') || !fs.existsSync(path.join(ROOT, resolved))) return `no such file: ${target}`;
	if (anchor === null || anchor === '') return null;
	if (!resolved.endsWith('.md')) return /^L\d+(-L\d+)?$/.test(anchor) ? null : `a #${anchor} in a file that is not Markdown: ${target}`;
	if (anchor === 'readme' && resolved === 'README.md') return null; // GitHub's own id on the repository page
	return anchorsOf(resolved).has(anchor) ? null : `no heading #${anchor} in ${resolved}: ${target}`;
}

const markdown = ['README.md', ...walk('docs', (f) => f.endsWith('.md'))].filter((f) => fs.existsSync(path.join(ROOT, f)));
const code = [...walk('credentials', (f) => f.endsWith('.ts')), ...walk('nodes', (f) => /\.(ts|json)$/.test(f))];
const failures = [];
let checked = 0;
const report = (file, text, index, target) => {
	checked++;
	const found = problem(file, target);
	if (found) failures.push(`${file}:${text.slice(0, index).split('\n').length}: ${found}`);
};

for (const file of markdown) {
	const text = prose(fs.readFileSync(path.join(ROOT, file), 'utf8'));
	const patterns = [
		/\]\(\s*(<[^>]*>|[^\s)]+)(?:\s+["'(][^)]*)?\)/g, // [text](target "title"), ![alt](src), nested too
		/^ {0,3}\[[^\]]+\]:\s*(\S+)/gm, // [label]: target
		/<(?:a|img)\s[^>]*?(?:href|src)="([^"]+)"/g, // <a href>, <img src>
	];
	for (const pattern of patterns) for (const m of text.matchAll(pattern)) report(file, text, m.index, m[1]);
}
if (REPO_URL) {
	if (String(pkg.homepage || '').startsWith(REPO_URL)) report('package.json', '', 0, pkg.homepage);
	const escaped = REPO_URL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	for (const file of code) {
		const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
		for (const m of text.matchAll(new RegExp(`${escaped}[^\\s'"\`)]*`, 'g'))) report(file, text, m.index, m[0]);
	}
}

for (const failure of failures) console.error(`broken link: ${failure}`);
(failures.length ? console.error : console.log)(`check-links: ${checked} links in ${markdown.length} Markdown files and the nodes' documentation URLs, ${failures.length} broken`);
process.exit(failures.length ? 1 : 0);
