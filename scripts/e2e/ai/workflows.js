'use strict';
/*
 * The AI callers of the node's Tool variant, as a user builds them in n8n 2.40.7 (node types and
 * parameters read from the installed @n8n/n8n-nodes-langchain): each workflow is a webhook (or
 * the MCP Server Trigger) so that one `n8n start` serves every case.
 *
 *   agent31   Webhook (streaming) → AI Agent 3.1  ← OpenAI Chat Model, WhatsApp tool
 *   agentTool Webhook → AI Agent 3.1  ← OpenAI Chat Model, AI Agent Tool 3 ← OpenAI Chat Model, WhatsApp tool
 *   agent22   Webhook → AI Agent 2.2  ← OpenAI Chat Model, WhatsApp tool
 *   openAi    Webhook → OpenAI "Message a model" (2.3, Responses API) ← WhatsApp tool
 *   mcp       MCP Server Trigger 2.1 ← WhatsApp tool
 *
 * The model fills the recipient, the template and its values through $fromAI(); everything else
 * is fixed in the tool node. The chat models use Chat Completions (Use Responses API off).
 */
const crypto = require('node:crypto');

const { TOOL_NODE_TYPE } = require('../../lib/package');
const { CREDENTIAL_ID, CREDENTIAL_NAME } = require('../../lib/credential');

const LC = '@n8n/n8n-nodes-langchain';
const TOOL_NAME = 'Send WhatsApp message';
/** The tool's name as the model sees it (n8n's nodeNameToToolName). */
const TOOL_NAME_PATTERN = /^Send_WhatsApp_message$/;
const MODEL_ID = 'loopback-model';

const uuid = () => crypto.randomUUID();
const aiTool = (node) => ({ ai_tool: [[{ node, type: 'ai_tool', index: 0 }]] });
const aiModel = (node) => ({ ai_languageModel: [[{ node, type: 'ai_languageModel', index: 0 }]] });
const main = (node) => ({ main: [[{ node, type: 'main', index: 0 }]] });

const fromAi = (key, description) => `={{ $fromAI('${key}', '${description}', 'string') }}`;

/** The credential the examples reference (imported by run.js); the API v2 leg passes its own. */
const IMPORTED_CREDENTIAL = { id: CREDENTIAL_ID, name: CREDENTIAL_NAME };

/** The node's Tool variant, the way the model drives it: byName with $fromAI for the changing values. */
function whatsappTool(position, credential = IMPORTED_CREDENTIAL) {
	return {
		parameters: {
			resource: 'message',
			operation: 'sendTemplate',
			templateSource: 'byName',
			phone: fromAi('phone', 'Recipient phone number with country code, e.g. +49 151 2345678'),
			templateName: fromAi('template_name', 'Name of the approved WhatsApp template, e.g. order_update'),
			templateLanguage: 'en',
			headerType: 'text',
			headerText: fromAi('order_id', 'The order number'),
			bodyVariables: { var1: fromAi('customer_name', 'First name of the customer'), var2: fromAi('order_id', 'The order number') },
			buttonParameters: {},
			additionalFields: {},
			newContact: {},
			options: {},
		},
		id: uuid(),
		name: TOOL_NAME,
		type: TOOL_NODE_TYPE,
		typeVersion: 1.1,
		position,
		credentials: { whatsAppTemplatesApi: { id: credential.id, name: credential.name } },
	};
}

function chatModel(name, position, openAi) {
	return {
		parameters: { model: { __rl: true, mode: 'id', value: MODEL_ID }, responsesApiEnabled: false, options: {} },
		id: uuid(),
		name,
		type: `${LC}.lmChatOpenAi`,
		typeVersion: 1.3,
		position,
		credentials: { openAiApi: openAi },
	};
}

function webhook(path, responseMode = 'lastNode') {
	return {
		parameters: { httpMethod: 'POST', path, responseMode, options: {} },
		id: uuid(),
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2.1,
		position: [0, 0],
		webhookId: uuid(),
	};
}

function agent(name, typeVersion, position, extra = {}) {
	return {
		parameters: { promptType: 'define', text: '={{ $json.body.prompt }}', options: {}, ...extra },
		id: uuid(),
		name,
		type: `${LC}.agent`,
		typeVersion,
		position,
	};
}

const workflow = (name, nodes, connections) => ({ name: `AI e2e: ${name}`, nodes, connections, settings: { executionOrder: 'v1' } });

/** Webhook → AI Agent (typeVersion) ← model + our tool; a streaming webhook makes the agent stream from the model. */
function agentWorkflow(path, typeVersion, openAi, responseMode) {
	const a = agent('AI Agent', typeVersion, [220, 0]);
	return workflow(`AI Agent ${typeVersion}`, [webhook(path, responseMode), a, chatModel('OpenAI Chat Model', [120, 220], openAi), whatsappTool([360, 220])], {
		Webhook: main('AI Agent'),
		'OpenAI Chat Model': aiModel('AI Agent'),
		[TOOL_NAME]: aiTool('AI Agent'),
	});
}

/** Webhook → AI Agent 3.1 ← model + AI Agent Tool 3 (← its own model + our tool). */
function agentToolWorkflow(path, openAi) {
	const subAgent = {
		parameters: {
			toolDescription: 'Hands a messaging task to a sub-agent that can send WhatsApp template messages',
			text: fromAi('task', 'The messaging task, with recipient and values'),
			options: {},
		},
		id: uuid(),
		name: 'Messaging Agent',
		type: `${LC}.agentTool`,
		typeVersion: 3,
		position: [360, 220],
	};
	return workflow('AI Agent Tool under AI Agent 3.1', [
		webhook(path),
		agent('AI Agent', 3.1, [220, 0]),
		chatModel('OpenAI Chat Model', [120, 220], openAi),
		subAgent,
		chatModel('Sub-agent Model', [300, 440], openAi),
		whatsappTool([480, 440]),
	], {
		Webhook: main('AI Agent'),
		'OpenAI Chat Model': aiModel('AI Agent'),
		'Messaging Agent': aiTool('AI Agent'),
		'Sub-agent Model': aiModel('Messaging Agent'),
		[TOOL_NAME]: aiTool('Messaging Agent'),
	});
}

/** Webhook → OpenAI "Message a model" ← our tool (the node takes tools directly). */
function openAiWorkflow(path, openAi) {
	const node = {
		parameters: {
			resource: 'text',
			operation: 'response',
			modelId: { __rl: true, mode: 'id', value: MODEL_ID },
			responses: { values: [{ type: 'text', role: 'user', content: '={{ $json.body.prompt }}' }] },
			builtInTools: {},
			options: {},
		},
		id: uuid(),
		name: 'Message a model',
		type: `${LC}.openAi`,
		typeVersion: 2.3,
		position: [220, 0],
		credentials: { openAiApi: openAi },
	};
	return workflow('OpenAI Message a model', [webhook(path), node, whatsappTool([360, 220])], {
		Webhook: main('Message a model'),
		[TOOL_NAME]: aiTool('Message a model'),
	});
}

/**
 * MCP Server Trigger (Streamable HTTP at /mcp/<path>) ← our tool: 2.1 as 2.40.7 adds it, 2 on n8n
 * 1.x (scripts/versions/features.js mcpTriggerVersion); the tool on `credential`.
 */
function mcpWorkflow(path, { typeVersion = 2.1, credential = IMPORTED_CREDENTIAL, name = 'MCP Server Trigger' } = {}) {
	const trigger = {
		parameters: { authentication: 'none', path },
		id: uuid(),
		name: 'MCP Server Trigger',
		type: `${LC}.mcpTrigger`,
		typeVersion,
		position: [0, 0],
		webhookId: uuid(),
	};
	return workflow(name, [trigger, whatsappTool([0, 220], credential)], { [TOOL_NAME]: aiTool('MCP Server Trigger') });
}

/** Every workflow, keyed by caller; `openAi` is the credential reference {id, name}. */
function aiWorkflows(openAi) {
	return {
		agent31: { path: 'ai-agent-31', workflow: agentWorkflow('ai-agent-31', 3.1, openAi, 'streaming'), streams: true },
		agentTool: { path: 'ai-agent-tool', workflow: agentToolWorkflow('ai-agent-tool', openAi) },
		agent22: { path: 'ai-agent-22', workflow: agentWorkflow('ai-agent-22', 2.2, openAi) },
		openAi: { path: 'ai-message-model', workflow: openAiWorkflow('ai-message-model', openAi) },
		mcp: { path: 'wa-mcp', mcp: true, workflow: mcpWorkflow('wa-mcp') },
	};
}

module.exports = { aiWorkflows, mcpWorkflow, TOOL_NAME, TOOL_NAME_PATTERN, MODEL_ID };
