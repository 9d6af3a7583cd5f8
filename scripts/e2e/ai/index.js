'use strict';
/*
 * AI callers of the node's Tool variant in the running `n8n start` (one start for all): AI Agent
 * 3.1, an AI Agent Tool under it, AI Agent 2.2, the OpenAI node's "Message a model" and the MCP
 * Server Trigger (tools/list + tools/call from an MCP client). The model is the loopback server
 * (model-server.js), reached through an OpenAI credential whose Base URL points at it; the
 * credential and workflows are created and published through n8n's REST API, so this phase needs
 * nothing before `n8n start`.
 *
 * Per caller: one prompt that makes the model call the tool → exactly one send at the sandbox
 * (route messages.template) and the model gets the messageId back; one with an unknown template →
 * zero sends and the model gets the node's plain error ("Nothing was sent").
 */
const assert = require('node:assert/strict');

const app = require('../../lib/n8n-app');
const { log, check } = require('../report');
const { sends, assertTemplateSend, wireBody } = require('../wire');
const { startModelServer } = require('./model-server');
const { aiWorkflows, TOOL_NAME, TOOL_NAME_PATTERN } = require('./workflows');
const { connectMcp, waitForMcp } = require('./mcp-client');

const PHONE = '+49 151 23456789';
const SEND_ARGS = { phone: PHONE, template_name: 'order_update', customer_name: 'Ada', order_id: 'A-1042' };
const FAIL_ARGS = { ...SEND_ARGS, template_name: 'no_such_template' };
const EXPECTED = { phone: '4915123456789', template: 'order_update', language: 'en', headerText: 'A-1042', body: ['Ada', 'A-1042'] };
/** The node's plain error for FAIL_ARGS, as the model must see it: field and what is wrong, the fix, delivery. */
/** The Tool variant's own Tool Description for Send Template (shared/toolDescription.ts), not the panel's action. */
const TOOL_DESCRIPTION = /^Sends a real WhatsApp message: an approved template to one recipient\. It goes out at once and cannot be recalled/;
const PLAIN_ERROR = [/Template Name: The platform has no template named \\?"no_such_template\\?"/, /Template → Get Many lists them/, /Nothing was sent/, /"delivery":"not sent"/];

const CASES = {
	'agent31-send': { args: SEND_ARGS },
	'agent31-fail': { args: FAIL_ARGS },
	'agent22-send': { args: SEND_ARGS },
	'agent22-fail': { args: FAIL_ARGS },
	'openai-send': { args: SEND_ARGS },
	'openai-fail': { args: FAIL_ARGS },
	// The top agent hands the task to the AI Agent Tool, whose own model then calls ours.
	'agenttool-send': { args: SEND_ARGS, delegate: { name: /^Messaging_Agent$/, args: { task: 'Send the order update. [case:agenttool-send]' } } },
};

async function post(url, body) {
	const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(90000) });
	return { status: res.status, text: await res.text() };
}

/** Create the OpenAI credential and the workflows, publish them; returns {caller: {id, path}}. */
async function publishAll(rest, modelUrl) {
	const cred = await rest.request('POST', '/rest/credentials', { name: 'Loopback model', type: 'openAiApi', data: { apiKey: 'sk-loopback', url: modelUrl, header: false } });
	assert.equal(cred.status, 200, `create credential: ${cred.status} ${cred.text.slice(0, 500)}`);
	const openAi = { id: cred.json.data.id, name: cred.json.data.name };
	const published = {};
	for (const [caller, { path, mcp, streams, workflow }] of Object.entries(aiWorkflows(openAi))) {
		const created = await rest.request('POST', '/rest/workflows', { ...workflow, active: false });
		assert.equal(created.status, 200, `create ${workflow.name}: ${created.status} ${created.text.slice(0, 500)}`);
		const { id, versionId } = created.json.data;
		const activated = await rest.request('POST', `/rest/workflows/${id}/activate`, { versionId });
		assert.equal(activated.status, 200, `publish ${workflow.name}: ${activated.status} ${activated.text.slice(0, 800)}`);
		published[caller] = { id, path, mcp, streams };
	}
	return published;
}

/**
 * How n8n ran the tool node in the caller's latest execution, read from the saved run data: a
 * 'step' (WorkflowExecute ran the engine request the agent returned, and prefers customOperations)
 * or an 'invocation' (makeHandleToolInvocation, which calls execute()). One entry per run.
 */
async function toolRunPath(rest, prov, workflowId) {
	const { parse } = require(require.resolve('flatted', { paths: [prov.n8nPackageDir] }));
	const list = await rest.request('GET', `/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}&limit=1`);
	const [latest] = (list.json && list.json.data && list.json.data.results) || [];
	assert.ok(latest, `no execution of ${workflowId}: ${list.status} ${list.text.slice(0, 300)}`);
	const full = await rest.request('GET', `/rest/executions/${latest.id}`);
	const runs = parse(full.json.data.data).resultData.runData[TOOL_NAME] || [];
	// addExecutionDataFunctions (the tool-invocation path) records the run as the agent's sub-run;
	// WorkflowExecute running an engine request keeps the step's source in preserveSourceOverwrite.
	return runs.map((run) => (run.metadata && run.metadata.subRun ? 'invocation' : run.metadata && run.metadata.preserveSourceOverwrite ? 'step' : 'unknown')).join(', ');
}

/** @param {object} ctx { sb, n8n (startN8n's result), prov (provision()'s result) } */
async function runAiChecks({ sb, n8n, prov }) {
	const t0 = Date.now();
	const model = await startModelServer({ toolName: TOOL_NAME_PATTERN, cases: CASES });
	const rest = new app.RestClient(n8n.url);
	await rest.setupOwner(app.DEV_OWNER);
	await rest.login(app.DEV_OWNER.email, app.DEV_OWNER.password);
	try {
		const wfs = await publishAll(rest, model.url);
		for (const { path, mcp } of Object.values(wfs)) {
			if (mcp) await waitForMcp(`${n8n.url}/mcp/${path}`);
			else await app.waitForWebhook(n8n.url, path);
		}
		log(`AI: model server ${model.url}; ${Object.keys(wfs).length} workflows published in ${app.secs(Date.now() - t0)}`);

		/** POST the case's prompt to a caller's webhook; returns the webhook's answer and the model's log. */
		async function ask(caller, caseName) {
			sb.reset();
			model.reset();
			const t = Date.now();
			const r = await post(`${n8n.url}/webhook/${wfs[caller].path}`, { prompt: `Send the order update to Ada. [case:${caseName}]` });
			// What our tool answered, as the model that offered it received it (an AI Agent Tool's own answer is not counted).
			const toolResults = model.requests.filter((q) => q.toolResult !== undefined && q.tools.some((n) => TOOL_NAME_PATTERN.test(n))).map((q) => q.toolResult);
			// What the model was told about our tool, in every request that offered it.
			const toolDescriptions = model.requests.flatMap((q) => Object.entries(q.toolDescriptions || {}).filter(([n]) => TOOL_NAME_PATTERN.test(n)).map(([, d]) => d));
			log(`  ${caller} ${caseName}: HTTP ${r.status} in ${app.secs(Date.now() - t)}; model requests ${model.requests.length} (${model.requests.map((q) => `${q.path}${q.stream ? ' stream' : ''}`).join(', ')}); sends ${sends(sb).length}`);
			// A streaming webhook makes the agent ask the model for a stream: prove the stream was read.
			if (wfs[caller].streams) assert.ok(model.requests.every((q) => q.stream), `${caller}: every model request streamed`);
			return { ...r, toolResults, toolDescriptions };
		}

		function assertOneSend(r) {
			assert.equal(sends(sb).length, 1, `sandbox got ${sends(sb).length} sends; webhook ${r.status}: ${r.text.slice(0, 800)}`);
			assert.equal(sb.messages.length, 1);
			assertTemplateSend(sb, sends(sb)[0]);
			assert.deepEqual(sends(sb)[0].fields, wireBody(EXPECTED));
			assert.equal(r.toolResults.length, 1, `the model got ${r.toolResults.length} tool results`);
			assert.ok(r.toolResults[0].includes(sb.messages[0].wamid), `the model's tool result carries the wamid: ${r.toolResults[0].slice(0, 500)}`);
			assert.ok(r.toolDescriptions.length > 0, 'the model was offered the tool');
			for (const description of r.toolDescriptions) assert.match(description, TOOL_DESCRIPTION);
		}

		function assertPlainErrorToModel(r) {
			assert.equal(sends(sb).length, 0, `sandbox got ${sends(sb).length} sends`);
			assert.equal(r.toolResults.length, 1, `the model got ${r.toolResults.length} tool results; webhook ${r.status}: ${r.text.slice(0, 800)}`);
			for (const part of PLAIN_ERROR) assert.match(r.toolResults[0], part);
			assert.doesNotMatch(r.toolResults[0], /\n\s+at /, 'no stack trace');
		}

		for (const [caller, label, path] of [
			['agent31', 'AI Agent 3.1', 'step'],
			['agent22', 'AI Agent 2.2', 'invocation'],
			['openAi', 'OpenAI "Message a model" 2.3', 'invocation'],
		]) {
			const key = caller === 'openAi' ? 'openai' : caller;
			await check(`${label} with the WhatsApp tool: one send, the model gets the messageId (the node ran as a tool ${path})`, async () => {
				const r = await ask(caller, `${key}-send`);
				assert.equal(r.status, 200, `webhook answered ${r.status}: ${r.text.slice(0, 800)}`);
				assertOneSend(r);
				assert.equal(await toolRunPath(rest, prov, wfs[caller].id), path);
			});
			await check(`${label}: an unknown template comes back to the model as the plain error, nothing sent`, async () => {
				const r = await ask(caller, `${key}-fail`);
				assert.equal(r.status, 200, `webhook answered ${r.status}: ${r.text.slice(0, 800)}`);
				assertPlainErrorToModel(r);
			});
		}

		await check('AI Agent Tool under AI Agent 3.1: the sub-agent calls the WhatsApp tool, one send (the node ran as a workflow step)', async () => {
			const r = await ask('agentTool', 'agenttool-send');
			assert.equal(r.status, 200, `webhook answered ${r.status}: ${r.text.slice(0, 800)}`);
			assertOneSend(r);
			assert.equal(await toolRunPath(rest, prov, wfs.agentTool.id), 'step');
		});

		await check('MCP Server Trigger: tools/list offers the tool with its $fromAI fields; tools/call sends once and returns the messageId', async () => {
			sb.reset();
			const mcp = await connectMcp(`${n8n.url}/mcp/${wfs.mcp.path}`);
			const tools = await mcp.listTools();
			const tool = tools.find((t) => TOOL_NAME_PATTERN.test(t.name));
			assert.ok(tool, `tools/list: ${JSON.stringify(tools).slice(0, 500)}`);
			assert.match(tool.description, TOOL_DESCRIPTION);
			log(`  MCP tool description: ${tool.description}`);
			assert.deepEqual(Object.keys(tool.inputSchema.properties).sort(), ['customer_name', 'order_id', 'phone', 'template_name']);
			const result = await mcp.callTool(tool.name, SEND_ARGS);
			const text = result.content.map((c) => c.text).join('');
			assert.ok(!result.isError, `tools/call: ${text.slice(0, 800)}`);
			assert.equal(sends(sb).length, 1, `sandbox got ${sends(sb).length} sends`);
			assert.deepEqual(sends(sb)[0].fields, wireBody(EXPECTED));
			assert.ok(text.includes(sb.messages[0].wamid), `tools/call result carries the wamid: ${text.slice(0, 500)}`);
			sb.reset();
			const failed = await mcp.callTool(tool.name, FAIL_ARGS);
			const failedText = failed.content.map((c) => c.text).join('');
			assert.equal(sends(sb).length, 0, `sandbox got ${sends(sb).length} sends`);
			for (const part of PLAIN_ERROR) assert.match(failedText, part);
			log(`  MCP tools/call (unknown template): isError ${failed.isError}; ${failedText.slice(0, 200)}`);
		});
	} finally {
		await model.close();
		log(`AI callers: ${app.secs(Date.now() - t0)}`);
	}
}

module.exports = { runAiChecks };
