#!/usr/bin/env node
'use strict';
/*
 * `npm run dev`: the real n8n editor with this package installed, talking to the sandbox.
 *
 * - provisions n8n 2.40.7 + Node 24 (cached outside the clone; first run ~4-6 minutes)
 * - npm run build (if stale), npm pack, installs the tarball into the persistent dev user
 *   folder .dev/n8n/.n8n/nodes/node_modules/n8n-nodes-whatsapp-templates (as n8n installs
 *   community packages)
 * - starts the platform sandbox (WhatsMark SaaS API v1 and v2) on http://127.0.0.1:4010 with the
 *   demo tokens, workspace `acme` (a credential with a v2 demo token, printed, talks v2)
 * - imports the credential "WhatsApp Templates API" (id wa-templates-sandbox: Platform URL =
 *   the sandbox, Workspace Subdomain acme, API Token = the demo send token; with `--api v2`:
 *   API Version Auto and the v2 demo token, no subdomain, and the examples without their
 *   v1-only New Contact Details), the trigger examples' Signing Secret credential and the example
 *   workflows; publishes the webhook example and the auto-reply example, whose Production URL the
 *   sandbox posts its signed events to
 * - a loopback control route (scripts/lib/dev-control.js, DEV_CONTROL_PORT 4011): POST /inbound
 *   makes a customer write, so that the auto-reply bot answers
 * - starts n8n on http://127.0.0.1:5678, creates the owner account on first start
 * - stays up until Ctrl-C
 *
 * Env: N8N_DEV_PORT (5678), SANDBOX_PORT (4010), DEV_CONTROL_PORT (4011), N8N_DEV_FOLDER (.dev/ in the repo).
 * The n8n log goes to .dev/n8n.log.
 */
const fs = require('node:fs');
const path = require('node:path');

const { provision } = require('./provision');
const app = require('./lib/n8n-app');
const { PATHS, PATHS_V2, readTemplateRecord } = require('./lib/wire');
const { apiArgument, forApi } = require('./lib/examples');
const { CONTROL_PORT, startControl } = require('./lib/dev-control');

const { REPO, secs } = app;
const EXAMPLES = ['send-template.json', 'webhook-send.json', 'crm-sync.json', 'media-from-file.json', 'delivery-status.json', 'auto-reply.json', 'crm-contacts.json', 'contacts-to-crm.json'];
const WEBHOOK_WORKFLOW_ID = 'WaTplExampleHook';
const AUTO_REPLY_ID = 'WaTplAutoReply';
// The sandbox signs with it, the imported trigger credential checks it: a dev value, not a secret.
const SIGNING_SECRET = 'dev-signing-secret';
const INBOUND_EXAMPLE = { from: '447700900123', name: 'Alan', text: 'Could you send me the invoice again?' };

function log(msg) {
	process.stdout.write(`[dev] ${msg}\n`);
}

/** "order_update (en, de), invoice_ready (en), ...": the templates a send can use. */
function approved(templates) {
	const byName = new Map();
	for (const t of templates.map(readTemplateRecord)) if (t.status === 'APPROVED') byName.set(t.name, [...(byName.get(t.name) || []), t.language]);
	return [...byName].map(([name, langs]) => `${name} (${langs.join(', ')})`).join(', ');
}

/**
 * Start the dev environment. Returns { url, sandbox, owner, stop }.
 * Used by `npm run dev` (stays up) and scripts/screenshots.js (stops when done).
 */
async function startDev({
	devFolder = process.env.N8N_DEV_FOLDER || path.join(REPO, '.dev'),
	port = Number(process.env.N8N_DEV_PORT || 5678),
	sandboxPort = Number(process.env.SANDBOX_PORT || 4010),
	controlPort = CONTROL_PORT,
	api = 'v1',
} = {}) {
	const t0 = Date.now();
	const prov = provision();
	app.buildIfNeeded({ log });

	for (const [p, what] of [
		[port, 'n8n (N8N_DEV_PORT)'],
		[sandboxPort, 'the sandbox (SANDBOX_PORT)'],
		[controlPort, 'the dev control route (DEV_CONTROL_PORT)'],
	]) {
		if (await app.portInUse(p))
			throw new Error(`port ${p} for ${what} is already in use: is another \`npm run dev\` or \`npm run sandbox\` running?`);
	}

	const userFolder = path.join(devFolder, 'n8n');
	fs.mkdirSync(userFolder, { recursive: true });
	const tarball = app.pack(devFolder, { log });
	const installed = app.installTarball(tarball, userFolder);
	log(`installed ${app.PACKAGE_NAME}@${installed.version} into ${path.relative(REPO, installed.target)}`);

	const { startSandbox, DEMO_TOKENS, V2_DEMO_TOKENS } = require(path.join(REPO, 'test', 'sandbox'));
	const sandbox = await startSandbox({ port: sandboxPort, tokens: DEMO_TOKENS, v2Tokens: V2_DEMO_TOKENS });
	log(`sandbox at ${sandbox.baseUrl}`);

	let n8n = null;
	let control = null;
	const stop = async () => {
		if (control) await control.close();
		control = null;
		if (n8n) await n8n.stop();
		n8n = null;
		await sandbox.close().catch(() => {});
	};

	try {
		const brokerPort = await app.freePort();
		const env = app.n8nEnv({ userFolder, port, brokerPort, prov, logLevel: 'info' });

		// The credential (plaintext here, n8n encrypts it on import) and the examples.
		// Re-imported on every start: the same ids are overwritten, edits to them are lost.
		const importDir = path.join(devFolder, 'import');
		fs.rmSync(importDir, { recursive: true, force: true });
		fs.mkdirSync(path.join(importDir, 'workflows'), { recursive: true });
		// --api v2: the credential a v2 user makes (API Version Auto, a wm_ token, no subdomain).
		const credFile = app.writeCredentialFile(
			path.join(importDir, 'credentials.json'),
			api === 'v2'
				? { baseUrl: sandbox.baseUrl, apiToken: V2_DEMO_TOKENS.send, apiVersion: 'auto' }
				: { baseUrl: sandbox.baseUrl, subdomain: sandbox.subdomain, apiToken: DEMO_TOKENS.send },
			{ signingSecret: SIGNING_SECRET },
		);
		let t = Date.now();
		await app.n8nCliOk(prov, env, ['import:credentials', `--input=${credFile}`]);
		const imported = [];
		for (const file of EXAMPLES) {
			const src = path.join(REPO, 'examples', file);
			if (!fs.existsSync(src)) continue;
			const w = JSON.parse(fs.readFileSync(src, 'utf8'));
			// examples without an id get a stable one, so that restarts update instead of duplicating
			if (!w.id) w.id = `WaTplEx${path.basename(file, '.json').replace(/[^A-Za-z0-9]/g, '')}`.slice(0, 16);
			forApi(w, api);
			fs.writeFileSync(path.join(importDir, 'workflows', file), JSON.stringify(w, null, 2));
			imported.push(`${w.name} (${file})`);
		}
		await app.n8nCliOk(prov, env, ['import:workflow', '--separate', `--input=${path.join(importDir, 'workflows')}`]);
		for (const id of [WEBHOOK_WORKFLOW_ID, AUTO_REPLY_ID]) await app.n8nCliOk(prov, env, ['publish:workflow', `--id=${id}`]);
		log(`imported the credentials and ${imported.length} workflows in ${secs(Date.now() - t)}`);

		t = Date.now();
		const logFile = path.join(devFolder, 'n8n.log');
		fs.writeFileSync(logFile, '');
		n8n = await app.startN8n(prov, env, { logFile, log });
		await app.waitForWebhook(n8n.url, 'whatsapp-template');
		// The platform keeps one webhook URL per workspace: the auto-reply's. Only inbound messages
		// are posted (no lifecycle events), which is all it listens to.
		const autoReply = JSON.parse(fs.readFileSync(path.join(importDir, 'workflows', 'auto-reply.json'), 'utf8'));
		const hook = `${autoReply.nodes.find((n) => n.webhookId).webhookId}/webhook`;
		await app.waitForWebhook(n8n.url, hook);
		sandbox.configure({ webhook: { url: `${n8n.url}/webhook/${hook}`, format: 3, secret: SIGNING_SECRET, lifecycle: [] } });
		control = await startControl(sandbox, { port: controlPort, log });

		const rest = new app.RestClient(n8n.url);
		const created = await rest.setupOwner(app.DEV_OWNER);
		await rest.login(app.DEV_OWNER.email, app.DEV_OWNER.password);
		log(`${created ? 'created the owner account' : 'owner account exists'}; login works`);

		const lines = [
			'',
			`  n8n editor:   ${n8n.url}/`,
			`  login:        ${app.DEV_OWNER.email} / ${app.DEV_OWNER.password}`,
			api === 'v2'
				? `  credential:   "${app.CREDENTIAL_NAME}": Platform URL ${sandbox.baseUrl}, API Version Auto, API Token ${V2_DEMO_TOKENS.send} (API v2)`
				: `  credential:   "${app.CREDENTIAL_NAME}": Platform URL ${sandbox.baseUrl}, Workspace Subdomain ${sandbox.subdomain},`,
			api === 'v2'
				? `                (API v1: Workspace Subdomain ${sandbox.subdomain}, API Token ${DEMO_TOKENS.send})`
				: `                API Token ${DEMO_TOKENS.send}   (API v2: API Token ${V2_DEMO_TOKENS.send}, no subdomain)`,
			`  workflows:    ${imported.join(', ')}`,
			`  webhook:      curl -s -X POST ${n8n.url}/webhook/whatsapp-template -H 'content-type: application/json' \\`,
			`                  -d '{"phone":"+49 151 23456789","name":"Ada","order_id":"A-1042"}'`,
			`  auto-reply:   auto-reply.json is published; a customer writes (the sandbox posts it, signed, to its trigger):`,
			`                curl -s -X POST ${control.url}/inbound -H 'content-type: application/json' \\`,
			`                  -d '${JSON.stringify(INBOUND_EXAMPLE)}'`,
			`                (a text without "invoice" gets the text reply; Signing Secret: ${SIGNING_SECRET})`,
			`  sandbox:      ${api === 'v2' ? PATHS_V2.apiBase(sandbox.baseUrl) : PATHS.apiBase(sandbox.baseUrl, sandbox.subdomain)}/ (approved templates: ${approved(sandbox.templates)})`,
			`  n8n log:      ${path.relative(process.cwd(), logFile) || logFile}`,
			`  user folder:  ${path.relative(process.cwd(), userFolder) || userFolder}`,
			'',
			`  ready in ${secs(Date.now() - t0)}. Ctrl-C to stop.`,
			'',
		];
		process.stdout.write(lines.join('\n') + '\n');
		return { url: n8n.url, sandbox, control: control.url, owner: app.DEV_OWNER, rest, stop, child: n8n.child };
	} catch (err) {
		await stop();
		throw err;
	}
}

module.exports = { startDev };

if (require.main === module) {
	startDev({ api: apiArgument() }).then(
		(dev) => {
			let stopping = false;
			const seen = new WeakSet();
			// one line per request the sandbox answered
			const timer = setInterval(() => {
				for (const r of dev.sandbox.requests) {
					if (seen.has(r) || r.status === null) continue;
					seen.add(r);
					const files = r.files.map((x) => ` +${x.field}:${x.filename} (${x.size} B)`).join('');
					const answer = JSON.stringify(r.response);
					const sent = dev.sandbox.messages.find((m) => answer.includes(m.wamid));
					const template = sent && readTemplateRecord(sent.template);
					// a free-form send: the auto-reply's answer to a customer
					const reply = !sent && dev.sandbox.freeForm.find((m) => answer.includes(m.wamid));
					const what = sent ? ` ${template.name}/${template.language} ${sent.wamid}` : reply ? ` ${reply.kind} to ${reply.digits} ${reply.wamid}` : '';
					log(`sandbox: ${r.method} ${r.path} → ${r.status}${what}${files}`);
				}
			}, 500);
			const shutdown = async (sig) => {
				if (stopping) return;
				stopping = true;
				clearInterval(timer);
				log(`${sig}: stopping n8n and the sandbox`);
				await dev.stop();
				process.exit(0);
			};
			process.on('SIGINT', () => shutdown('SIGINT'));
			process.on('SIGTERM', () => shutdown('SIGTERM'));
			dev.child.on('exit', (code, signal) => {
				if (stopping) return;
				log(`n8n exited (${code ?? signal}); see .dev/n8n.log`);
				clearInterval(timer);
				dev.stop().then(() => process.exit(1));
			});
		},
		(err) => {
			log(`FAILED: ${err.message}`);
			process.exit(1);
		},
	);
}
