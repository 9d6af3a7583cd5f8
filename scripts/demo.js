#!/usr/bin/env node
'use strict';
/**
 * `npm run demo`: the main job, end to end. Builds the package if needed, starts the API sandbox,
 * runs examples/send-template.json through n8n's real engine in-process (the same WorkflowExecute
 * the n8n application uses), prints each output item and what the sandbox received, and exits 0
 * only when every item was sent and carries a message id the sandbox issued.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const built = path.join(root, 'dist/nodes/WhatsAppTemplates/WhatsAppTemplates.node.js');

function newestMtime(dir) {
	return fs.readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
		const full = path.join(dir, entry.name);
		return Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
	}, 0);
}

function buildIfNeeded() {
	const sources = Math.max(newestMtime(path.join(root, 'nodes')), newestMtime(path.join(root, 'credentials')));
	if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= sources) return;
	console.log('Building the package (npm run build)…');
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
}

async function main() {
	buildIfNeeded();
	const { runWorkflow, setupEngine } = require('../test/engine/harness');
	const { startSandbox } = require('../test/sandbox');
	const { WhatsAppTemplates } = require(built);
	const { WhatsAppTemplatesApi } = require('../dist/credentials/WhatsAppTemplatesApi.credentials.js');

	await setupEngine({ binaryMode: 'filesystem' });
	const sb = await startSandbox({ port: 0 });
	const workflow = JSON.parse(fs.readFileSync(path.join(root, 'examples/send-template.json'), 'utf8'));
	console.log(`Sandbox: ${sb.baseUrl}   Workflow: ${workflow.name} (${workflow.nodes.length} nodes)\n`);

	let ok = false;
	try {
		const result = await runWorkflow(workflow, {
			nodeTypes: { 'n8n-nodes-whatsapp-templates.whatsAppTemplates': new WhatsAppTemplates() },
			credentialTypes: [new WhatsAppTemplatesApi()],
			credentials: { whatsAppTemplatesApi: { baseUrl: sb.baseUrl, apiToken: sb.tokens.send } },
		});
		if (result.error) console.error(`The workflow failed: ${result.error.message}\n${result.error.description ?? ''}`);
		const out = (result.outputs && result.outputs[0]) || [];
		console.log(`Output of "${result.lastNodeExecuted}" (${out.length} items):`);
		out.forEach((item, i) => console.log(`  [${i}] ${JSON.stringify(item.json)}`));
		console.log(`\nThe sandbox received ${sb.requests.length} request(s):`);
		sb.requests.forEach((r) => console.log(`  #${r.seq} ${r.method} ${r.path} → ${r.status}  ${JSON.stringify(r.fields)}`));
		const issued = new Set(sb.messages.map((m) => m.id));
		const ids = out.map((item) => item.json && item.json.data && item.json.data.id);
		ok = !result.error && out.length === workflow.pinData[workflow.nodes[0].name].length && ids.every((id) => issued.has(id));
		console.log(ok ? `\nDemo OK: ${ids.length} messages sent; message ids issued by the sandbox: ${ids.join(', ')}` : '\nDemo FAILED');
	} finally {
		await sb.close();
	}
	process.exit(ok ? 0 : 1);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
