#!/usr/bin/env node
'use strict';
/**
 * `npm run demo`: the main job, end to end. Builds the package if needed, starts the platform
 * sandbox (WhatsMark SaaS API v1 on loopback, test/sandbox), runs examples/send-template.json
 * through n8n's real engine in-process (the same WorkflowExecute the n8n application uses),
 * prints each output item, what the sandbox received, and the WhatsApp message ids. Exits 0 only
 * when every item was sent and carries the message id (wamid) the sandbox issued for it.
 * `--api v2`: the same against a workspace that offers API v2 only, with a `wm_` token and no
 * Workspace Subdomain (the credential's API Version left at Auto).
 */
const fs = require('node:fs');
const path = require('node:path');

const { forApi, apiArgument } = require('./lib/examples');
const { buildIfNeeded } = require('./lib/package');
const { readTemplateRecord } = require('./lib/wire');

const root = path.join(__dirname, '..');
const built = path.join(root, 'dist/nodes/WhatsAppTemplates/WhatsAppTemplates.node.js');

/** One line per request: route, path, status, and its text fields and file parts. */
function describeRequest(r) {
	const files = (r.files || []).map((f) => ` +file ${f.field}=${f.filename} (${f.size} B)`).join('');
	return `#${r.seq} ${r.method} ${r.path} [${r.route}] → ${r.status}  ${JSON.stringify(r.fields)}${files}`;
}

async function main() {
	buildIfNeeded({ log: (m) => console.log(m) });
	const { runWorkflow, setupEngine } = require('../test/engine/harness');
	const { startSandbox } = require('../test/sandbox');
	const { WhatsAppTemplates } = require(built);
	const { WhatsAppTemplatesApi } = require('../dist/credentials/WhatsAppTemplatesApi.credentials.js');

	const api = apiArgument();

	await setupEngine({ binaryMode: 'filesystem' });
	const sb = await startSandbox({ port: 0, apis: [api] });
	const workflow = JSON.parse(fs.readFileSync(path.join(root, 'examples/send-template.json'), 'utf8'));
	if (forApi(workflow, api).length) console.log("API v2 takes no contact details with a send: the example's New Contact Details are left out.");
	const credential = api === 'v2' ? { baseUrl: sb.baseUrl, apiToken: sb.v2Tokens.send } : { baseUrl: sb.baseUrl, subdomain: sb.subdomain, apiToken: sb.tokens.send };
	console.log(`Platform (sandbox): ${sb.baseUrl}  ${api === 'v2' ? 'API v2 (token wm_...)' : `API v1, workspace: ${sb.subdomain}`}`);
	console.log(`Workflow: ${workflow.name} (${workflow.nodes.length} nodes)\n`);

	let ok = false;
	try {
		const result = await runWorkflow(workflow, {
			nodeTypes: { 'n8n-nodes-whatsapp-templates.whatsAppTemplates': new WhatsAppTemplates() },
			credentialTypes: [new WhatsAppTemplatesApi()],
			credentials: { whatsAppTemplatesApi: credential },
		});
		if (result.error) console.error(`The workflow failed: ${result.error.message}\n${result.error.description ?? ''}`);
		const out = (result.outputs && result.outputs[0]) || [];
		console.log(`Output of "${result.lastNodeExecuted}" (${out.length} items):`);
		out.forEach((item, i) => console.log(`  [${i}] ${JSON.stringify(item.json)}`));

		console.log(`\nThe sandbox received ${sb.requests.length} request(s):`);
		sb.requests.forEach((r) => console.log(`  ${describeRequest(r)}`));
		console.log(`\nWhatsApp received ${sb.messages.length} message(s):`);
		sb.messages.forEach((m) => {
			const template = readTemplateRecord(m.template);
			console.log(`  ${m.wamid}  ${template.name}/${template.language}  header ${JSON.stringify(m.whatsapp.header)} body ${JSON.stringify(m.whatsapp.body)}${m.contactCreated ? '  (new contact)' : ''}`);
		});

		const issued = new Set(sb.messages.map((m) => m.wamid));
		const ids = out.map((item) => item.json && item.json.messageId);
		const expected = workflow.pinData[workflow.nodes[0].name].length;
		ok = !result.error && out.length === expected && issued.size === expected && ids.every((id) => issued.has(id));
		console.log(
			ok
				? `\nDemo OK: ${ids.length} messages sent; messageId of each output item = the wamid the sandbox issued:\n  ${ids.join('\n  ')}`
				: `\nDemo FAILED: ${out.length}/${expected} output items, ${issued.size} messages accepted, message ids ${JSON.stringify(ids)}`,
		);
	} finally {
		await sb.close();
	}
	process.exit(ok ? 0 : 1);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
