#!/usr/bin/env node
'use strict';
/**
 * `npm run sandbox`: the platform sandbox (WhatsMark SaaS API v1 as Xobito runs it)
 * on http://127.0.0.1:4010 with fixed demo tokens, until Ctrl-C. Every request is
 * logged on one line.
 * Options: --port N, --latency MS, --rate N (requests per minute per token, as the
 * platform counts them), --prefix /waba, --xobito (400 for an unknown workspace),
 * --no-jpg (an older platform that refuses .jpg).
 */
const { startSandbox, DEMO_TOKENS, ROUTES } = require('../test/sandbox');
const { PATHS, WIRE, readAnswer, readTemplateRecord } = require('./lib/wire');

const flag = (name) => process.argv.includes(`--${name}`);
function option(name, fallback) {
	const i = process.argv.indexOf(`--${name}`);
	return i !== -1 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

async function main() {
	const rate = Number(option('rate', 0));
	const sb = await startSandbox({
		port: Number(option('port', 4010)),
		prefix: option('prefix', ''),
		latencyMs: Number(option('latency', 0)),
		rateLimit: rate ? { max: rate, windowMs: 60_000 } : null,
		invalidTenantStatus: flag('xobito') ? 400 : 500,
		acceptJpg: !flag('no-jpg'),
		tokens: DEMO_TOKENS,
	});
	const templates = sb.templates.map(readTemplateRecord);
	const approved = templates.filter((t) => t.status === 'APPROVED').length;
	const lines = [
		`Sandbox platform listening: ${sb.baseUrl}`,
		`  API: ${PATHS.apiBase(sb.baseUrl, sb.subdomain)}/{${ROUTES.map((r) => r.path).join(', ')}}`,
		'',
		'Credential:',
		`  Platform URL:         ${sb.baseUrl}   (plain HTTP on loopback)`,
		`  Workspace Subdomain:  ${sb.subdomain}`,
		`  API Token:            ${sb.tokens.send}   (messages.send, templates.read)`,
		`  Token without messages.send:   ${sb.tokens.noSend}`,
		`  Token without templates.read:  ${sb.tokens.noTemplates}`,
		'  Other workspaces: noapi (API not set up, 404), disabled (403); any other: ' +
			`${sb.config.invalidTenantStatus} "Invalid tenant subdomain"`,
		'',
		`Templates: ${sb.templates.length} (${approved} APPROVED), e.g.:`,
		...templates
			.slice(0, 10)
			.map((t) => `  ${t.id}  ${t.name.padEnd(16)} ${t.language.padEnd(6)} ${t.status.padEnd(9)} ${t.category.padEnd(15)} header ${t.headerFormat ?? '-'}, ${t.bodyParams} body params`),
		'',
		`Latency: ${sb.config.latencyMs} ms; rate limit: ${rate ? `${rate}/min per token` : 'off'}; .jpg: ${sb.config.acceptJpg ? 'accepted' : 'refused'}. Ctrl-C to stop.`,
		'',
	];
	process.stdout.write(lines.join('\n') + '\n');

	// One line per finished request, in the order they finish.
	const logged = new WeakSet();
	const timer = setInterval(() => {
		for (const r of sb.requests) {
			if (r.endedAt === null || logged.has(r)) continue;
			logged.add(r);
			const files = r.files.map((f) => ` ${f.field}=${f.filename} (${f.size} B)`).join('');
			const fields = r.fields || {};
			const phone = typeof fields[WIRE.phone] === 'string' ? ` ${WIRE.phone}=${fields[WIRE.phone]}` : '';
			const tpl = typeof fields[WIRE.templateName] === 'string' ? ` ${fields[WIRE.templateName]}/${fields[WIRE.templateLanguage]}` : '';
			const { errors: refused } = readAnswer(r.response);
			const errors = refused ? ` ${JSON.stringify(refused)}` : '';
			const fault = r.fault ? ` fault=${r.fault}` : '';
			process.stdout.write(`#${r.seq} ${r.method} ${r.path} -> ${r.status ?? 'no answer'}${tpl}${phone}${files}${fault}${errors}\n`);
		}
	}, 200);

	const stop = async () => {
		clearInterval(timer);
		await sb.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((err) => {
	process.stderr.write(`sandbox: ${err.message}\n`);
	process.exit(1);
});
