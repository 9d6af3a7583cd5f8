#!/usr/bin/env node
'use strict';
/*
 * Old-n8n probe: does the packed node work on a given n8n, and if not, does it fail loudly?
 *
 *   node scripts/versions/probe.js --n8n 1.85.4 [--expect works|refused|unloaded] [--tarball <file.tgz>]
 *
 * Provisions that n8n (scripts/provision.js: its own cache folder, the Node its engines field
 * allows), installs the packed package as n8n installs a community package, imports the
 * credential (pointed at the sandbox started here) and runs the e2e's core sends with
 * `n8n execute`: the JSON send (header, variables, button, contact) and the 3 MiB binary send
 * (filesystem binary mode). Each run is classified:
 *   sent     exit 0, exactly one send at the sandbox, the output's messageId is the wamid it issued
 *   refused  non-zero exit (or the node's error on the item) and zero sends: a loud failure, the
 *            node's own error (e.g. "This node needs n8n X or newer ...; update n8n")
 *   unloaded the same, but n8n could not load the node ("Unrecognized node type"): loud, not ours
 *   SILENT   exit 0 and zero sends: the node "succeeded" without sending (must never happen)
 *   other    anything else (printed in full)
 * Prints one line per run and a JSON verdict (works, refused, unloaded when every run agrees; else
 * SILENT when one was, else mixed); exit 0 when --expect matches (or no --expect and
 * nothing was SILENT), 1 otherwise. --tarball installs that package file instead of packing the
 * clone (to try a changed build on an old n8n without touching the sources).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { provision, requestedSpec } = require('../provision');
const { envOverrides } = require('./features');
const app = require('../lib/n8n-app');
const wf = require('../e2e/workflows');
const { sends } = require('../e2e/wire');

const arg = (name) => {
	const i = process.argv.indexOf(name);
	return i > 0 ? process.argv[i + 1] : undefined;
};
const log = (msg) => process.stdout.write(`[probe] ${msg}\n`);

const CASES = [
	{ id: wf.JSON_SEND_ID, what: 'JSON send (e2e: header, variables, button, contact)' },
	{ id: wf.LARGE_FILE_ID, what: '3 MiB binary send (e2e, filesystem binary mode)' },
];

/** The lines of n8n's output that carry an error, for the record (first few). */
function errorLines(text) {
	return text
		.split('\n')
		.filter((l) => /error|problem|unrecognized|needs n8n|cannot|not installed|failed/i.test(l))
		.slice(0, 6)
		.map((l) => l.trim().slice(0, 400));
}

function classify(r, sb) {
	let run = null;
	try {
		run = app.parseExecuteOutput(r.stdout);
	} catch {
		run = null;
	}
	const sent = sends(sb).length;
	const out = run ? app.nodeOutput(run, wf.SEND) : undefined;
	const first = out && out[0] && out[0].json;
	const runError = run && run.data && run.data.resultData && run.data.resultData.error;
	const base = { exit: r.code, seconds: Number((r.ms / 1000).toFixed(1)), sends: sent, requests: sb.requests.length, outputItems: out ? out.length : null };
	if (r.code === 0 && sent === 1 && first && sb.messages[0] && first.messageId === sb.messages[0].wamid)
		return { ...base, result: 'sent', messageId: first.messageId };
	if (sent === 0 && (r.code !== 0 || runError || (first && first.error))) {
		const error = (runError && runError.message) || (first && first.error) || undefined;
		const lines = errorLines(r.stdout + r.stderr);
		const unloaded = /Unrecognized node type/.test(error || lines.join('\n'));
		return { ...base, result: unloaded ? 'unloaded' : 'refused', error, lines };
	}
	if (r.code === 0 && sent === 0) return { ...base, result: 'SILENT', firstItem: first, lines: errorLines(r.stdout + r.stderr) };
	return { ...base, result: 'other', output: (r.stdout + r.stderr).slice(-3000) };
}

async function main() {
	const expect = arg('--expect');
	const t0 = Date.now();
	const prov = provision({ n8nVersion: requestedSpec() });
	const provMs = Date.now() - t0;
	log(`n8n ${prov.n8nVersion} on node ${prov.nodeVersion} (${prov.reused ? 'cached' : `provisioned in ${app.secs(provMs)}`})`);
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-wa-probe-'));
	let tarball = arg('--tarball');
	if (tarball) log(`installing ${tarball} (not the clone)`);
	else {
		app.buildIfNeeded({ log });
		tarball = app.pack(tmp, { log });
	}
	const userFolder = path.join(tmp, 'user');
	app.installTarball(tarball, userFolder);

	const { startSandbox } = require(path.join(app.REPO, 'test', 'sandbox'));
	const sb = await startSandbox({ port: 0 });
	const results = [];
	try {
		const env = app.n8nEnv({ userFolder, port: await app.freePort(), brokerPort: await app.freePort(), prov, binaryDataMode: 'filesystem', extra: envOverrides(prov.n8nVersion) });
		const credFile = app.writeCredentialFile(path.join(tmp, 'credentials.json'), { baseUrl: sb.baseUrl, subdomain: sb.subdomain, apiToken: sb.tokens.send });
		await app.n8nCliOk(prov, env, ['import:credentials', `--input=${credFile}`]);
		const wfDir = path.join(tmp, 'workflows');
		fs.mkdirSync(wfDir);
		for (const w of wf.workflows.filter((w) => CASES.some((c) => c.id === w.id)))
			fs.writeFileSync(path.join(wfDir, `${w.id}.json`), JSON.stringify(w, null, 2));
		await app.n8nCliOk(prov, env, ['import:workflow', '--separate', `--input=${wfDir}`]);

		for (const c of CASES) {
			sb.reset();
			const r = await app.n8nCli(prov, env, ['execute', `--id=${c.id}`, '--rawOutput']);
			const res = { case: c.what, ...classify(r, sb) };
			results.push(res);
			log(`${res.result.padEnd(8)} ${c.what}: exit ${res.exit}, ${res.sends} send(s), ${res.requests} request(s) in all, ${res.seconds} s`);
			for (const l of res.lines || []) log(`        | ${l}`);
			if (res.output) log(res.output);
			if (process.env.E2E_KEEP) fs.writeFileSync(path.join(tmp, `${c.id}.out`), `${r.stdout}\n--- stderr\n${r.stderr}`);
		}
	} finally {
		await sb.close();
		if (!process.env.E2E_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
		else log(`kept ${tmp}`);
	}

	const kinds = new Set(results.map((r) => r.result));
	const [only] = kinds;
	const verdict = kinds.size === 1 && only !== 'other' && only !== 'SILENT' ? (only === 'sent' ? 'works' : only) : kinds.has('SILENT') ? 'SILENT' : 'mixed';
	const summary = { n8n: prov.n8nVersion, node: prov.nodeVersion, tarball: arg('--tarball'), verdict, provisionSeconds: Number((provMs / 1000).toFixed(1)), results };
	process.stdout.write(`${JSON.stringify(summary)}\n`);
	log(`verdict for n8n ${prov.n8nVersion}: ${verdict}${expect ? ` (expected ${expect})` : ''}`);
	return expect ? verdict === expect : verdict !== 'SILENT';
}

main().then(
	(ok) => process.exit(ok ? 0 : 1),
	(err) => {
		log(`FAILED: ${err.stack || err}`);
		process.exit(1);
	},
);
