/**
 * The node as an AI tool, called the way n8n calls it from AI Agent 2.x, "Message a model", the
 * OpenAI Assistant and the MCP Server Trigger: n8n-core's own createNodeAsTool and
 * makeHandleToolInvocation over a real SupplyDataContext (connection type ai_tool). That path
 * calls only `nodeType.execute` (never customOperations) and resolves $fromAI() from the tool
 * call's arguments, so these tests prove that path sends, exactly once, and what the model gets.
 */
import { createRunExecutionData, NodeConnectionTypes, Workflow, type INode, type INodeParameters, type INodeType } from 'n8n-workflow';

// n8n-core's own functions, as its getInputConnectionData uses them (not re-exported from its index).
import { createNodeAsTool } from 'n8n-core/dist/execution-engine/node-execution-context/utils/create-node-as-tool';
import { makeHandleToolInvocation } from 'n8n-core/dist/execution-engine/node-execution-context/utils/get-input-connection-data';

import { WhatsAppTemplatesApi } from '../../credentials/WhatsAppTemplatesApi.credentials';
import { WhatsAppTemplates } from '../../nodes/WhatsAppTemplates/WhatsAppTemplates.node';
import { createCredentialsHelper } from '../engine/credentials-helper';
import { n8n } from '../engine/engine-env';
import { HarnessCredentialTypes, HarnessNodeTypes } from '../engine/node-types';
import { createAdditionalData } from '../engine/run';
import { WIRE } from '../support/wire';
import { WIRE_V2 } from '../support/wireV2';
import { runNode } from '../engine/harness';
import { APIS, BASE_PARAMS, jsonOut, sends, startProduct, type Product } from './setup';


const TOOL_TYPE = 'n8n-nodes-whatsapp-templates.whatsAppTemplatesTool';
const AGENT = 'AI Agent';

/**
 * The Tool variant as n8n's NodeTypes builds it (tool-generation convertNodeToAiTool): the same
 * node object (execute, customOperations, methods) under a description whose only output is ai_tool.
 */
function toolVariant(): INodeType {
	const base = new WhatsAppTemplates();
	const description = { ...base.description, name: 'whatsAppTemplatesTool', displayName: 'WhatsApp Templates Tool', inputs: [], outputs: [NodeConnectionTypes.AiTool] };
	delete (description as { usableAsTool?: unknown }).usableAsTool;
	return Object.create(base, { description: { value: description } }) as INodeType;
}

/** What a user puts in the Tool node: the model fills phone and the customer's name. */
const TOOL_PARAMS = {
	...BASE_PARAMS,
	templateName: 'order_update',
	headerType: 'text',
	headerText: 'A-1042',
	phone: "={{ $fromAI('phone', 'Recipient phone number with country code, e.g. +49 151 2345678', 'string') }}",
	bodyVariables: { var1: "={{ $fromAI('customer_name', 'First name of the customer', 'string') }}", var2: 'A-1042' },
};

/** Stands in for the agent the tool is connected to: only its name and its ai_tool input matter here. */
const agentStandIn: INodeType = {
	description: {
		displayName: 'Agent',
		name: 'agent',
		group: ['transform'],
		version: 1,
		description: 'Stand-in for the AI Agent',
		defaults: { name: AGENT },
		inputs: [NodeConnectionTypes.Main, NodeConnectionTypes.AiTool],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	},
};

interface Tool {
	name: string;
	description: string;
	schema: { shape: Record<string, unknown> };
	invoke(args: Record<string, unknown>): Promise<string>;
}

// Set by each API's describe below (they run one after the other).
let product: Product;

/** One tool node under a stand-in agent; returns the LangChain tool n8n-core builds for the agent. */
function buildTool(parameters: INodeParameters = TOOL_PARAMS): { tool: Tool; runData: () => Record<string, unknown[]> } {
	const { core } = n8n();
	const nodeType = toolVariant();
	const toolNode: INode = {
		id: 'tool-node',
		name: 'Send WhatsApp',
		type: TOOL_TYPE,
		typeVersion: 1.1,
		position: [0, 0],
		parameters: structuredClone(parameters),
		credentials: { whatsAppTemplatesApi: { id: 'cred-1', name: 'WhatsApp Templates API' } },
	};
	const agentNode: INode = { id: 'agent', name: AGENT, type: 'test.agent', typeVersion: 1, position: [200, 0], parameters: {} };
	const workflow = new Workflow({
		id: 'tool-workflow',
		nodes: [agentNode, toolNode],
		connections: { [toolNode.name]: { ai_tool: [[{ node: AGENT, type: NodeConnectionTypes.AiTool, index: 0 }]] } },
		active: false,
		nodeTypes: new HarnessNodeTypes({ [TOOL_TYPE]: nodeType, 'test.agent': agentStandIn }),
		settings: { executionOrder: 'v1' },
	});
	const credentialsHelper = createCredentialsHelper(new HarnessCredentialTypes([new WhatsAppTemplatesApi()]), {
		whatsAppTemplatesApi: product.credentials as never,
	});
	const hooks = new core.ExecutionLifecycleHooks('manual', 'tool-exec', { ...workflow, nodes: [agentNode, toolNode], connections: workflow.connectionsBySourceNode });
	const additionalData = createAdditionalData({ credentialsHelper, hooks, executionId: 'tool-exec', workflowId: workflow.id });
	const runExecutionData = createRunExecutionData();
	const executeData = { node: agentNode, data: { main: [[{ json: {} }]] }, source: null };
	// The arguments of n8n-core's getInputConnectionData contextFactory, in its order.
	const contextFactory = (runIndex: number) =>
		new core.SupplyDataContext(workflow, toolNode, additionalData, 'manual', runExecutionData, runIndex, [], {}, NodeConnectionTypes.AiTool, executeData, [], undefined, agentNode);
	const { response } = createNodeAsTool({
		node: toolNode,
		nodeType,
		handleToolInvocation: makeHandleToolInvocation(contextFactory, toolNode, nodeType, runExecutionData),
		context: contextFactory(0),
		itemIndex: 0,
	});
	return { tool: response as Tool, runData: () => runExecutionData.resultData.runData };
}

describe.each(APIS)('called as n8n calls a tool (makeHandleToolInvocation → execute), API %s', (api) => {
	beforeAll(async () => {
		product = await startProduct('filesystem', { api });
	});
	afterAll(async () => await product.close());
	beforeEach(() => product.sb.reset());
	const wire = api === 'v1' ? WIRE : WIRE_V2;

	test('what the model sees: the tool name from the node name, the Tool Description that says it really sends, the $fromAI fields', () => {
		const { tool } = buildTool();
		expect(tool.name).toBe('Send_WhatsApp');
		// The Tool variant's own Tool Description, not n8n's automatic "<action> in WhatsApp Templates".
		expect(tool.description).toMatch(/^Sends a real WhatsApp message: an approved template to one recipient\. It goes out at once and cannot be recalled.*Returns the messageId/);
		expect(Object.keys(tool.schema.shape).sort()).toEqual(['customer_name', 'phone']);
	});

	test("each operation has its own words for the model; a user's Tool Description replaces them", () => {
		const { tool: list } = buildTool({ resource: 'template', operation: 'getMany' });
		expect(list.description).toMatch(/^Lists the workspace's WhatsApp templates .*Sends nothing\.$/);
		const { tool: own } = buildTool({ ...TOOL_PARAMS, toolDescription: 'Send the order update' });
		expect(own.description).toBe('Send the order update');
	});

	test('one call sends exactly one message; the model gets the messageId and a short status', async () => {
		const { tool, runData } = buildTool();
		const answer = await tool.invoke({ phone: '+49 151 23456789', customer_name: 'Ada' });
		expect(sends(product).length).toBe(1);
		expect(product.sb.messages.length).toBe(1);
		const fields = sends(product)[0].fields as Record<string, string>;
		expect([fields[wire.phone], fields[wire.templateName], fields[wire.body(1)], fields[wire.body(2)]]).toEqual(['4915123456789', 'order_update', 'Ada', 'A-1042']);
		const [out] = JSON.parse(answer);
		expect(out.messageId).toBe(product.sb.messages[0].wamid);
		expect(answer).toContain(product.sb.messages[0].wamid);
		expect(out).toMatchObject({ phone: '4915123456789', templateName: 'order_update' });
		// n8n records the call as a run of the tool node (what the editor shows under the agent).
		expect((runData()['Send WhatsApp'] ?? []).length).toBe(1);
	});

	test('a failing send comes back to the model as the plain error (field, fix, "Nothing was sent"), zero sends', async () => {
		const { tool } = buildTool({ ...TOOL_PARAMS, templateName: 'no_such_template' });
		const answer = await tool.invoke({ phone: '+49 151 23456789', customer_name: 'Ada' });
		// Returned, not thrown: n8n's callers would hand the model an empty result or only the first line.
		const [out] = JSON.parse(answer);
		expect(out.error).toMatch(/^Template Name: The platform has no template named "no_such_template"/);
		expect(out.details.description).toMatch(/Template → Get Many lists them.*Nothing was sent/);
		expect(out.details.delivery).toBe('not sent');
		expect(answer).not.toMatch(/\n\s+at /); // no stack trace for the model
		expect(sends(product).length).toBe(0);
	});

	test('an invalid $fromAI value (phone "not a phone") is refused before any request', async () => {
		const { tool } = buildTool();
		const [out] = JSON.parse(await tool.invoke({ phone: 'not a phone', customer_name: 'Ada' }));
		expect(out.error).toMatch(/^Recipient Phone "not a phone"/);
		expect(out.details).toMatchObject({ delivery: 'not sent', description: expect.stringMatching(/e\.g\. \+49 151 2345678.*Nothing was sent/) });
		expect(product.sb.requests.length).toBe(0);
	});

	test('the same refusal in the workflow path (the Tool variant as a step, as AI Agent 3.x runs it) is an output, not a stop', async () => {
		const result = await runNode({
			nodeType: toolVariant(),
			typeName: TOOL_TYPE,
			credentialTypes: [new WhatsAppTemplatesApi()],
			credentials: { whatsAppTemplatesApi: product.credentials as never },
			parameters: { ...TOOL_PARAMS, phone: 'not a phone' },
		});
		expect(result.error).toBeUndefined();
		expect(jsonOut(result)[0]).toMatchObject({ error: expect.stringMatching(/^Recipient Phone/), details: { delivery: 'not sent' } });
		expect(product.sb.requests.length).toBe(0);
	});

	test('the plain node (not the Tool variant) still stops on the same refusal', async () => {
		const result = await product.send({ ...TOOL_PARAMS, phone: 'not a phone' });
		expect(result.error?.message).toMatch(/^Recipient Phone/);
		expect(product.sb.requests.length).toBe(0);
	});

	test('Send Text as a tool (execute only): the model fills phone and text, one message goes out; its Tool Description names the 24-hour window', async () => {
		const { tool } = buildTool({
			resource: 'message',
			operation: 'sendText',
			phone: "={{ $fromAI('phone', 'The customer phone number', 'string') }}",
			text: "={{ $fromAI('reply', 'The answer to the customer', 'string') }}",
		});
		expect(tool.description).toMatch(/^Sends a real WhatsApp text message .*Only inside the 24-hour window/);
		expect(Object.keys(tool.schema.shape).sort()).toEqual(['phone', 'reply']);
		const [out] = JSON.parse(await tool.invoke({ phone: '+49 151 23456789', reply: 'Your order ships today.' }));
		expect(product.sb.freeForm).toHaveLength(1);
		expect(out).toMatchObject({ messageId: product.sb.freeForm[0].wamid, phone: '4915123456789' });
		expect(product.sb.freeForm[0].whatsapp).toEqual({ type: 'text', text: 'Your order ships today.' });
	});

	test('Send Media as a tool: a refused value comes back to the model, zero requests', async () => {
		const { tool } = buildTool({ resource: 'message', operation: 'sendMedia', phone: '+49 151 23456789', mediaType: 'image', mediaUrl: "={{ $fromAI('url', 'Link to the image', 'string') }}" });
		const [out] = JSON.parse(await tool.invoke({ url: 'https://cdn.example.com/a.gif' }));
		expect(out.error).toMatch(/^Media URL ends in \.gif/);
		expect(out.details).toMatchObject({ delivery: 'not sent' });
		expect(product.sb.requests).toHaveLength(0);
	});

	test('two calls in one agent run: two sends, one each (runIndex moves on, nothing repeated)', async () => {
		const { tool, runData } = buildTool();
		await tool.invoke({ phone: '+49 151 23456789', customer_name: 'Ada' });
		await tool.invoke({ phone: '+49 151 23456780', customer_name: 'Bo' });
		expect(sends(product).map((r) => (r.fields as Record<string, string>)[wire.body(1)])).toEqual(['Ada', 'Bo']);
		expect((runData()['Send WhatsApp'] ?? []).length).toBe(2);
	});
});
