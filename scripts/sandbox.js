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
const { startSandbox, DEMO_TOKENS } = require('../test/sandbox');

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
	const approved = sb.templates.filter((t) => t.status === 'APPROVED').length;
	const lines = [
		`Sandbox platform listening: ${sb.baseUrl}`,
		`  API: ${sb.baseUrl}/api/v1/${sb.subdomain}/{templates, templates/{id}, messages/template}`,
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
		...sb.templates
			.slice(0, 10)
			.map((t) => `  ${t.id}  ${t.template_name.padEnd(16)} ${t.language.padEnd(6)} ${t.status.padEnd(9)} ${t.category.padEnd(15)} header ${t.header_data_format ?? '-'}, ${t.body_params_count} body params`),
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
			const phone = r.fields && typeof r.fields.phone_number === 'string' ? ` phone_number=${r.fields.phone_number}` : '';
			const tpl = r.fields && typeof r.fields.template_name === 'string' ? ` ${r.fields.template_name}/${r.fields.template_language}` : '';
			const errors = r.response && r.response.errors ? ` ${JSON.stringify(r.response.errors)}` : '';
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
