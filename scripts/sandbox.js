#!/usr/bin/env node
'use strict';
/**
 * `npm run sandbox`: the platform sandbox (WhatsMark SaaS API v1 as Xobito runs it, and
 * API v2) on http://127.0.0.1:4010 with fixed demo tokens, until Ctrl-C. Every request is
 * logged on one line.
 * Options: --api v1|v2|both (default both: which API generations the workspace offers),
 * --port N, --latency MS, --rate N (requests per minute per token, as the platform counts
 * them; v2 tokens have 60 without it, as on the platform), --prefix /waba, --xobito (400 for
 * an unknown workspace), --no-jpg (an older platform that refuses .jpg on v1).
 */
const { startSandbox, DEMO_TOKENS, ROUTES, V2_DEMO_TOKENS, V2_ROUTES, V2_API_PREFIX, V2_LOG_FIELDS, describeV2Error } = require('../test/sandbox');
const { PATHS, WIRE, readAnswer, readTemplateRecord } = require('./lib/wire');

const flag = (name) => process.argv.includes(`--${name}`);
function option(name, fallback) {
	const i = process.argv.indexOf(`--${name}`);
	return i !== -1 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

const API_CHOICES = { v1: ['v1'], v2: ['v2'], both: ['v1', 'v2'] };

/** The v2 lines of the banner: the API's routes and each demo token with what it is for. */
function v2Lines(sb) {
	const about = (t) =>
		[t.scopes.join(' + '), t.revoked && 'revoked', t.expiresAt !== null && `expired ${new Date(t.expiresAt).toISOString().slice(0, 10)}`, t.ipAllowList && `IP allow-list ${t.ipAllowList.join(', ')}${t.ipAllowList.includes('127.0.0.1') ? ' (unlimited)' : ''}`, !t.ipAllowList && `${t.limit}/min`]
			.filter(Boolean)
			.join(', ');
	return [
		`  API v2: ${sb.baseUrl}${V2_API_PREFIX}/{${[...new Set(V2_ROUTES.map((r) => r.path))].join(', ')}}   (no workspace in the path)`,
		'Credential for v2 (API Version Auto or v2; no Workspace Subdomain):',
		...sb.v2TokenList.map((t) => `  ${(t.name + ':').padEnd(13)} ${t.token}   (${about(t)})`),
	];
}

async function main() {
	const rate = Number(option('rate', 0));
	const apis = API_CHOICES[option('api', 'both')];
	if (!apis) throw new Error('--api must be v1, v2 or both');
	const v2Tokens = Object.fromEntries(Object.entries(V2_DEMO_TOKENS).map(([name, token]) => [name, rate ? { token, limit: rate } : token]));
	const sb = await startSandbox({
		apis,
		v2Tokens,
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
	const v1Lines = [
		`  API v1: ${PATHS.apiBase(sb.baseUrl, sb.subdomain)}/{${[...new Set(ROUTES.map((r) => r.path))].join(', ')}}`,
		'Credential for v1 (API Version Auto or v1):',
		`  Workspace Subdomain:  ${sb.subdomain}`,
		`  API Token:            ${sb.tokens.send}   (messages.send, templates.read, contacts/groups/statuses/sources .read .create .update .delete)`,
		`  Token without messages.send:   ${sb.tokens.noSend}`,
		`  Token without templates.read:  ${sb.tokens.noTemplates}`,
		`  Token reading contacts only:   ${sb.tokens.contactsReadOnly}`,
		'  Other workspaces: noapi (API not set up, 404), disabled (403); any other: ' +
			`${sb.config.invalidTenantStatus} "Invalid tenant subdomain"`,
	];
	const lines = [
		`Sandbox platform listening: ${sb.baseUrl}   (API ${apis.join(' and ')})`,
		`  Platform URL:         ${sb.baseUrl}   (plain HTTP on loopback${apis.length > 1 ? '; the same for both APIs' : ''})`,
		...(apis.includes('v1') ? ['', ...v1Lines] : []),
		...(apis.includes('v2') ? ['', ...v2Lines(sb)] : []),
		'',
		`Templates: ${sb.templates.length} (${approved} APPROVED), e.g.:`,
		...templates
			.slice(0, 10)
			.map((t) => `  ${t.id}  ${t.name.padEnd(16)} ${t.language.padEnd(6)} ${t.status.padEnd(9)} ${t.category.padEnd(15)} header ${t.headerFormat ?? '-'}, ${t.bodyParams} body params`),
		'',
		`Latency: ${sb.config.latencyMs} ms; v1 rate limit: ${rate ? `${rate}/min per token` : 'off'}; v1 .jpg: ${sb.config.acceptJpg ? 'accepted' : 'refused'}. Ctrl-C to stop.`,
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
			const names = r.api === 'v2' ? V2_LOG_FIELDS : WIRE;
			const phone = typeof fields[names.phone] === 'string' ? ` ${names.phone}=${fields[names.phone]}` : '';
			const tpl = typeof fields[names.templateName] === 'string' ? ` ${fields[names.templateName]}/${fields[names.templateLanguage]}` : '';
			const refused = r.api === 'v2' ? describeV2Error(r.response) : readAnswer(r.response).errors;
			const errors = refused ? ` ${typeof refused === 'string' ? refused : JSON.stringify(refused)}` : '';
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
