#!/usr/bin/env node
'use strict';
/*
 * End-to-end test of the packed community node in the real n8n application, against the
 * platform sandbox (WhatsMark SaaS API v1 and v2, test/sandbox).
 *
 *   npm run test:e2e                      (= node scripts/e2e/run.js; n8n 2.40.7)
 *   npm run test:e2e -- --n8n 1.123.x     (or N8N_E2E_VERSION=1.123.x: another n8n, same checks)
 *
 * 1. provision that n8n + its Node (cached outside the clone, scripts/provision.js)
 * 2. npm run build (if dist/ is stale), npm pack, install the tarball as n8n installs a
 *    community package: <user folder>/.n8n/nodes/node_modules/n8n-nodes-whatsapp-templates
 * 3. start the sandbox in this process, import a credential pointing at it (Platform URL,
 *    Workspace Subdomain, a v1 API Token; no API Version, as saved before the field existed),
 *    the three examples and the e2e workflows (workflows.js)
 * 4. `n8n execute` the manual workflows (filesystem and default binary-data modes;
 *    executions.js), `n8n publish:workflow` + `n8n start` for the webhook (webhook.js), and
 *    check what the sandbox received and that every output's messageId is the wamid it issued;
 *    the picker through n8n's REST API.
 * 5. the API v2 leg in the same n8n start (scripts/e2e/v2/): a credential created through n8n's
 *    REST API (API Version Auto, a `wm_` token, no subdomain), its Test, the picker, the webhook
 *    example and the MCP caller; after n8n stopped, its manual workflows by `n8n execute`. The
 *    sandbox serves API v1 and v2 on one Platform URL; each check asserts which API was used.
 * 6. the AI callers, the Trigger, and examples/auto-reply.json on both legs' credentials
 *    (autoReply.js: signed inbound messages in formats 2 and 3, one reply each), same n8n start;
 *    examples/contacts-to-crm.json fed by contacts written through each API (contactsTrigger.js).
 *    examples/crm-contacts.json runs by `n8n execute` on both legs (contacts.js).
 *
 * Env: E2E_KEEP=1 keeps the temp folder (n8n user folder, logs); N8N_E2E_CACHE moves the cache.
 * Prints one PASS/FAIL line per check and "N passed, M failed"; exits 1 on any failure.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { provision } = require('../provision');
const { publishArgs, envOverrides, aiCallers } = require('../versions/features');
const app = require('../lib/n8n-app');
const wf = require('./workflows');
const { log, indent, summary } = require('./report');
const { runExecutionChecks } = require('./executions');
const { runWebhookChecks, runNodeTypeChecks } = require('./webhook');
const { runPickerChecks } = require('./picker');
const { runV2RestChecks } = require('./v2');
const { runV2ExecutionChecks } = require('./v2/executions');
const { requestOptionWorkflows, runRequestOptionChecks } = require('./requestOptions');
const { runAutoReplyChecks } = require('./autoReply');
const { runContactTriggerChecks } = require('./contactsTrigger');

const { REPO, secs } = app;
const EXAMPLES = ['webhook-send.json', 'crm-sync.json', 'media-from-file.json', 'crm-contacts.json'];
const WEBHOOK_WORKFLOW_ID = 'WaTplExampleHook';

/** Times of each phase, printed at the end. */
const timings = {};
async function timed(name, fn) {
	const t = Date.now();
	try {
		return await fn();
	} finally {
		timings[name] = (timings[name] || 0) + Date.now() - t;
	}
}

/** Pack the package and install it into a fresh n8n user folder under tmp. */
function packAndInstall(tmp) {
	const tarball = app.pack(tmp, { log });
	const userFolder = path.join(tmp, 'user');
	const installed = app.installTarball(tarball, userFolder);
	log(`installed ${app.PACKAGE_NAME}@${installed.version} into ${path.relative(tmp, installed.target)}`);
	return userFolder;
}

/** Import the credential (pointed at the sandbox) and every workflow the checks run. */
async function importAll(prov, env, tmp, sb, workflows) {
	const credFile = app.writeCredentialFile(path.join(tmp, 'credentials.json'), {
		baseUrl: sb.baseUrl,
		subdomain: sb.subdomain,
		apiToken: sb.tokens.send,
	});
	await app.n8nCliOk(prov, env, ['import:credentials', `--input=${credFile}`]);
	const wfDir = path.join(tmp, 'workflows');
	fs.mkdirSync(wfDir);
	for (const file of EXAMPLES) fs.copyFileSync(path.join(REPO, 'examples', file), path.join(wfDir, file));
	for (const w of workflows) fs.writeFileSync(path.join(wfDir, `${w.id}.json`), JSON.stringify(w, null, 2));
	const imp = await app.n8nCliOk(prov, env, ['import:workflow', '--separate', `--input=${wfDir}`]);
	if (!/Successfully imported/.test(imp.stdout)) log(`import output:\n${indent(imp.stdout)}`);
	log(`imported 1 credential and ${EXAMPLES.length + workflows.length} workflows`);
}

async function main() {
	const tStart = Date.now();
	const prov = await timed('provision', () => provision()); // --n8n <spec> / N8N_E2E_VERSION
	log(`n8n ${prov.n8nVersion} on node ${prov.nodeVersion}`);
	await timed('build', () => app.buildIfNeeded({ log }));

	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-wa-e2e-'));
	log(`temp folder ${tmp}${process.env.E2E_KEEP ? ' (kept)' : ''}`);
	const userFolder = await timed('pack', () => packAndInstall(tmp));

	const { startSandbox } = require(path.join(REPO, 'test', 'sandbox'));
	const sb = await startSandbox({ port: 0 });
	log(`sandbox: platform URL ${sb.baseUrl}, workspace ${sb.subdomain}`);
	// Request Options → Proxy (requestOptions.js): its workflow needs the port before the import.
	const proxy = await require(path.join(REPO, 'test', 'support', 'forwardProxy')).startForwardProxy();

	let n8n = null;
	try {
		const port = await app.freePort();
		const brokerPort = await app.freePort();
		const envFor = (binaryDataMode, logLevel = 'info') => app.n8nEnv({ userFolder, port, brokerPort, prov, binaryDataMode, logLevel, extra: envOverrides(prov.n8nVersion) });

		await timed('import', () => importAll(prov, envFor('filesystem'), tmp, sb, [...wf.workflows, ...requestOptionWorkflows(proxy.url)]));
		await timed('executions', () => runExecutionChecks({ prov, sb, envFor }));
		await timed('request options', () => runRequestOptionChecks({ prov, sb, envFor, proxy }));

		const logFile = path.join(tmp, 'n8n-start.log');
		await timed('start', async () => {
			await app.n8nCliOk(prov, envFor('filesystem'), publishArgs(prov.n8nVersion, WEBHOOK_WORKFLOW_ID));
			n8n = await app.startN8n(prov, envFor('filesystem', 'debug'), { logFile, log });
			const hookMs = await app.waitForWebhook(n8n.url, 'whatsapp-template');
			log(`n8n: webhook registered ${secs(hookMs)} after ready`);
		});
		await timed('webhook', () => runWebhookChecks({ sb, n8n }));
		await runNodeTypeChecks({ n8n, logFile });
		const rest = await app.RestClient.asOwner(n8n.url);
		await timed('picker', () => runPickerChecks({ sb, rest, credential: { id: app.CREDENTIAL_ID, name: app.CREDENTIAL_NAME } }));
		const v2 = await timed('v2 in n8n start', () => runV2RestChecks({ sb, n8n, prov, rest }));
		if (aiCallers(prov.n8nVersion)) await timed('ai', () => require('./ai').runAiChecks({ sb, n8n, prov }));
		else log(`SKIP AI callers: their workflows use node versions n8n ${prov.n8nVersion} lacks (scripts/versions/features.js)`);
		await timed('trigger', () => require('./trigger').runTriggerChecks({ sb, n8n, prov }));
		await timed('auto-reply', () => runAutoReplyChecks({ sb, n8n, prov, rest, v2Credential: v2 && v2.credential }));
		await timed('contacts trigger', () => runContactTriggerChecks({ sb, n8n, prov, rest, v2: Boolean(v2) }));
		// The v2 leg's manual workflows were saved through the running n8n: `n8n execute` them now.
		await n8n.stop();
		n8n = null;
		if (v2) await timed('v2 executions', () => runV2ExecutionChecks({ prov, sb, envFor, ids: v2.ids }));
	} finally {
		if (n8n) await n8n.stop();
		await proxy.close();
		await sb.close();
		if (!process.env.E2E_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
	}

	const t = (name) => secs(timings[name] || 0);
	log(
		`times (n8n ${prov.n8nVersion}): provision ${t('provision')}, build ${t('build')}, pack+install ${t('pack')}, import ${t('import')}, ` +
			`executions ${t('executions')}, request options ${t('request options')}, n8n start ${t('start')}, webhook ${t('webhook')}, picker ${t('picker')}, ` +
			`AI ${t('ai')}, trigger ${t('trigger')}, auto-reply ${t('auto-reply')}, contacts trigger ${t('contacts trigger')}, API v2 in n8n start ${t('v2 in n8n start')}, API v2 executions ${t('v2 executions')}; total ${secs(Date.now() - tStart)}`,
	);
}

main().then(
	() => process.exit(summary() ? 0 : 1),
	(err) => {
		summary(err);
		process.exit(1);
	},
);
