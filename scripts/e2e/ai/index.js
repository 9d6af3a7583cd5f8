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
const { waitForMcp } = require('./mcp-client');
const { checkMcpCaller } = require('./mcp');
const { SEND_ARGS, FAIL_ARGS, EXPECTED, PLAIN_ERROR, TOOL_DESCRIPTION } = require('./cases');

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
	const openAi = await rest.createCredential({ name: 'Loopback model', type: 'openAiApi', data: { apiKey: 'sk-loopback', url: modelUrl, header: false } });
	const published = {};
	for (const [caller, { path, mcp, streams, workflow }] of Object.entries(aiWorkflows(openAi))) {
		published[caller] = { id: await rest.publishWorkflow(workflow), path, mcp, streams };
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
	const rest = await app.RestClient.asOwner(n8n.url);
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

		await checkMcpCaller({ sb, url: `${n8n.url}/mcp/${wfs.mcp.path}` });
	} finally {
		await model.close();
		log(`AI callers: ${app.secs(Date.now() - t0)}`);
	}
}

module.exports = { runAiChecks };
