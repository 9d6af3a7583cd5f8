'use strict';
/*
 * An AI Agent run that sends through the node, in the real editor (used only by scripts/screenshots.js):
 *   agent-run.png  Chat Trigger → AI Agent 3.1 ← OpenAI Chat Model + WhatsApp Templates Tool, after
 *                  one chat message: the model called the tool once, the sandbox issued one
 *                  messageId, and the logs panel shows the chat and the tool's output
 *
 * The workflow is the AI e2e's (scripts/e2e/ai/workflows.js, the AI Agent 3.1 one) with a Chat
 * Trigger in place of its webhook, so that the run happens in the editor's own chat. The model is
 * the e2e's loopback server (scripts/e2e/ai/model-server.js), reached through an OpenAI credential
 * whose Base URL points at it. The credential and the workflow are created through the REST API
 * and deleted again afterwards, so that repeated runs leave nothing in the dev user folder.
 */
const crypto = require('node:crypto');

const app = require('../lib/n8n-app');
const { startModelServer } = require('../e2e/ai/model-server');
const { aiWorkflows, TOOL_NAME, TOOL_NAME_PATTERN } = require('../e2e/ai/workflows');
const { sends } = require('../e2e/wire');

// The model server picks its answer by a [case:NAME] marker anywhere in the conversation: it sits
// in the agent's system message, so that the chat shows only what a user would type.
const CASE = 'agent-run';
const SEND_ARGS = { phone: '+49 151 23456789', template_name: 'order_update', customer_name: 'Ada', order_id: 'A-1042' };
const PROMPT = 'Tell Ada (+49 151 23456789) that her order A-1042 is on its way.';
const WORKFLOW_NAME = 'AI Agent sends a WhatsApp template';
const CHAT_TRIGGER = 'When chat message received';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The e2e's AI Agent 3.1 workflow, started from the editor's chat instead of a webhook. */
function chatAgentWorkflow(openAi) {
	const { workflow } = aiWorkflows(openAi).agent31;
	const trigger = {
		parameters: { options: {} },
		id: crypto.randomUUID(),
		name: CHAT_TRIGGER,
		type: '@n8n/n8n-nodes-langchain.chatTrigger',
		typeVersion: 1.4,
		position: [0, 0],
		webhookId: crypto.randomUUID(),
	};
	// The model and the tool further apart than in the e2e, so that the canvas's centred
	// "Hide chat" button sits between their names, not on them.
	const spread = { 'OpenAI Chat Model': [40, 240], [TOOL_NAME]: [440, 240] };
	const nodes = workflow.nodes.map((node) => {
		if (node.type === 'n8n-nodes-base.webhook') return trigger;
		if (spread[node.name]) return { ...node, position: spread[node.name] };
		if (!node.type.endsWith('.agent')) return node;
		const systemMessage = `You send WhatsApp template messages for the shop. [case:${CASE}]`;
		return { ...node, parameters: { ...node.parameters, text: '={{ $json.chatInput }}', options: { systemMessage } } };
	});
	const { Webhook: fromTrigger, ...connections } = workflow.connections;
	return { ...workflow, name: WORKFLOW_NAME, nodes, connections: { [CHAT_TRIGGER]: fromTrigger, ...connections } };
}

async function createAll(rest, modelUrl) {
	const cred = await rest.request('POST', '/rest/credentials', { name: 'Loopback model', type: 'openAiApi', data: { apiKey: 'sk-loopback', url: modelUrl, header: false } });
	if (cred.status !== 200) throw new Error(`create the OpenAI credential: ${cred.status} ${cred.text.slice(0, 500)}`);
	const credentialId = cred.json.data.id;
	const created = await rest.request('POST', '/rest/workflows', chatAgentWorkflow({ id: credentialId, name: cred.json.data.name }));
	if (created.status !== 200) {
		await rest.request('DELETE', `/rest/credentials/${credentialId}`);
		throw new Error(`create the workflow: ${created.status} ${created.text.slice(0, 500)}`);
	}
	return { credentialId, workflowId: created.json.data.id };
}

async function deleteAll(rest, { credentialId, workflowId }) {
	const archive = await rest.request('POST', `/rest/workflows/${workflowId}/archive`, {});
	const del = await rest.request('DELETE', `/rest/workflows/${workflowId}`);
	const cred = await rest.request('DELETE', `/rest/credentials/${credentialId}`);
	return `workflow ${workflowId}: archive ${archive.status}, delete ${del.status}; credential: delete ${cred.status}`;
}

/**
 * @param {import('puppeteer-core').Page} page  signed in
 * @param {string} url                            the editor
 * @param {(page, name, options?) => Promise<void>} shoot
 * @param {(msg: string) => void} log
 * @param {object} [sandbox]  the dev sandbox when this process started it: its sends are counted
 */
async function agentRunShot(page, url, shoot, log, sandbox) {
	const model = await startModelServer({ toolName: TOOL_NAME_PATTERN, cases: { [CASE]: { args: SEND_ARGS } } });
	const rest = new app.RestClient(url);
	let created = null;
	try {
		await rest.login(app.DEV_OWNER.email, app.DEV_OWNER.password);
		created = await createAll(rest, model.url);
		log(`agent: model server ${model.url}, workflow ${created.workflowId}`);
		await runAndShoot(page, url, created.workflowId, shoot, log, { model, sandbox });
	} finally {
		if (created) log(`cleaned up: ${await deleteAll(rest, created).catch((e) => e.message)}`);
		await model.close();
	}
}

async function runAndShoot(page, url, workflowId, shoot, log, { model, sandbox }) {
	const sendsBefore = sandbox ? sends(sandbox).length : 0;
	await page.goto(`${url}/workflow/${workflowId}`, { waitUntil: 'domcontentloaded' });
	await page.waitForSelector(`[data-test-id="canvas-node"][data-node-name="${TOOL_NAME}"]`, { visible: true });

	// The editor's chat (in the logs panel under the canvas): one message starts one run.
	await page.click('[data-test-id="workflow-chat-button"]');
	const input = await page.waitForSelector('[data-test-id="canvas-chat"] textarea', { visible: true });
	await input.type(PROMPT);
	await page.keyboard.press('Enter');
	// The agent's answer quotes what the tool returned to the model: the sandbox's messageId.
	await page.waitForFunction(() => /wamid\./.test(document.querySelector('[data-test-id="canvas-chat"]')?.textContent || ''), { polling: 500 });

	// Exactly one tool call, answered with the messageId, and (when counted here) exactly one send.
	const toolResults = model.requests.filter((q) => q.toolResult !== undefined).map((q) => q.toolResult);
	if (toolResults.length !== 1 || !/wamid\./.test(toolResults[0]))
		throw new Error(`the model got ${toolResults.length} tool results: ${toolResults.join(' | ').slice(0, 500)}`);
	const sent = sandbox ? sends(sandbox).length - sendsBefore : null;
	if (sandbox && sent !== 1) throw new Error(`the sandbox got ${sent} sends, expected 1`);
	log(`agent: model requests ${model.requests.length}, one tool result (${/wamid\.[\w.-]+/.exec(toolResults[0])[0]}); sandbox sends: ${sent ?? 'not counted (a running npm run dev)'}`);

	await arrangeView(page);
	await shoot(page, 'agent-run.png');
}

/** Drag a resize handle by (dx, dy). */
async function drag(page, handle, dx, dy) {
	const box = await handle.boundingBox();
	const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
	await page.mouse.move(x, y);
	await page.mouse.down();
	await page.mouse.move(x + dx, y + dy, { steps: 12 });
	await page.mouse.up();
	await sleep(300);
}

/**
 * The run in one view: a taller logs panel (the chat, the run's tree with the full node names) and
 * the tool's entry selected, so that its output (the messageId) shows next to the agent's answer;
 * the canvas fitted into what is left above.
 */
async function arrangeView(page) {
	for (const btn of await page.$$('.el-notification__closeBtn')) await btn.click().catch(() => {});
	const panel = '[data-test-id="logs-panel"]';
	const [top] = await page.$$(`${panel} [data-test-id="resize-handle"]`);
	await drag(page, top, 0, -160);
	// the run's tree wide enough for the full node names, taken from the chat's width
	const [, chatEdge, overviewEdge] = await page.$$(`${panel} [data-test-id="resize-handle"]`);
	if (chatEdge && overviewEdge) {
		await drag(page, chatEdge, -50, 0);
		await drag(page, overviewEdge, 60, 0);
	}

	await showSentOutput(page, TOOL_NAME);
	// the chat from the user's message on: the prompt, then the start of the agent's answer
	await page.$$eval('[data-test-id="canvas-chat-body"] *', (els, prompt) => {
		const mine = els.filter((e) => e.textContent.trim() === prompt);
		if (mine.length) mine[mine.length - 1].scrollIntoView({ block: 'start' });
	}, PROMPT);
	// Fitting counts the nodes' boxes, not the names under the round ones: one step further out.
	await page.click('[data-test-id="zoom-to-fit"]');
	await waitUntilStill(page, '.vue-flow__transformationpane');
	await page.click('[data-test-id="zoom-out-button"]');
	await waitUntilStill(page, '.vue-flow__transformationpane');
	await page.mouse.move(1100, 260); // off the nodes and edges: no hover buttons in the shot
	await sleep(500);
}

/**
 * Select `name`'s entry in the logs panel's run tree (its details open) and show its output, which
 * must carry the sandbox's messageId, as a schema: messageId, status and message one under the
 * other, none cut off.
 */
async function showSentOutput(page, name) {
	const row = await page.waitForFunction(
		(n) => [...document.querySelectorAll('[data-test-id="logs-overview-body"] [role="treeitem"]')].find((e) => e.textContent.includes(n)),
		{ polling: 250 },
		name,
	);
	await row.asElement().click();
	await page.waitForFunction(
		(n) => {
			const header = document.querySelector('[data-test-id="log-details-header"]')?.textContent || '';
			return header.includes(n) && /wamid\./.test(document.querySelector('[data-test-id="log-details-output"]')?.textContent || '');
		},
		{ polling: 250 },
		name,
	);
	await page.click('[data-test-id="log-details-output"] [data-test-id="radio-button-schema"]');
}

/** Wait until an element's transform has stopped changing (the canvas animates a zoom). */
async function waitUntilStill(page, selector) {
	let last = null;
	for (let still = 0; still < 3; ) {
		await sleep(250);
		const now = await page.$eval(selector, (e) => getComputedStyle(e).transform);
		still = now === last ? still + 1 : 0;
		last = now;
	}
}

module.exports = { agentRunShot, showSentOutput, drag };
