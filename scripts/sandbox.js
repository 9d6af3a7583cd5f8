#!/usr/bin/env node
'use strict';
/**
 * `npm run sandbox`: the messaging API sandbox on http://127.0.0.1:4010 with
 * fixed demo tokens, until Ctrl-C. Every request is logged on one line.
 * Options: --port N, --latency MS, --rate N (requests per second per token).
 */
const { startSandbox, DEMO_TOKENS, PATH } = require('../test/sandbox');

function option(name, fallback) {
	const i = process.argv.indexOf(`--${name}`);
	return i !== -1 && process.argv[i + 1] !== undefined ? Number(process.argv[i + 1]) : fallback;
}

async function main() {
	const rate = option('rate', null);
	const sb = await startSandbox({
		port: option('port', 4010),
		latencyMs: option('latency', 0),
		rateLimit: rate ? { perSecond: rate } : null,
		tokens: DEMO_TOKENS,
	});
	const lines = [
		`Sandbox listening on ${sb.baseUrl}  (POST ${PATH})`,
		'',
		'Credential: Base URL override = ' + sb.baseUrl,
		`  API token (messages.send):        ${sb.tokens.send}`,
		`  API token (without the ability):  ${sb.tokens.noAbility}`,
		'',
		'Templates:',
		...sb.templates.map((t) => `  ${t.name.padEnd(22)} ${t.status.padEnd(9)} ${t.category.padEnd(15)} ${t.languages.join(', ')}`),
		'',
		`Latency: ${sb.config.latencyMs} ms; rate limit: ${rate ? `${rate}/s per token` : 'off'}. Ctrl-C to stop.`,
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
			const phone = r.fields && typeof r.fields.phone === 'string' ? ` phone=${r.fields.phone}` : '';
			const errors = r.response && r.response.errors ? ` ${JSON.stringify(r.response.errors)}` : '';
			const fault = r.fault ? ` fault=${r.fault}` : '';
			process.stdout.write(`#${r.seq} ${r.method} ${r.path} → ${r.status ?? 'no answer'}${phone}${files}${fault}${errors}\n`);
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
