'use strict';
/**
 * Runs a workflow through n8n-core's WorkflowExecute, as n8n's WorkflowRunner does
 * in the main process: a Workflow, additional data (getBase's shape), lifecycle hooks,
 * then `WorkflowExecute.run()`.
 */
const { state, n8n, record } = require('./engine-env');

const BASE_URL = 'http://localhost:5678/';
let executionCounter = 0;

/** The fields packages/cli/src/workflow-execute-additional-data.ts getBase() fills, minus the database. */
function createAdditionalData({ credentialsHelper, hooks, executionId, workflowId }) {
	const { core, Container } = n8n();
	const unsupported = (what) => async () => {
		throw new Error(`harness: ${what} is not supported in-process`);
	};
	return {
		currentNodeExecutionIndex: 0,
		credentialsHelper,
		hooks,
		executionId,
		executeWorkflow: unsupported('executeWorkflow (sub-workflows)'),
		restApiUrl: `${BASE_URL}rest`,
		instanceBaseUrl: BASE_URL,
		formBaseUrl: `${BASE_URL}form`,
		formWaitingBaseUrl: `${BASE_URL}form-waiting`,
		formTestBaseUrl: `${BASE_URL}form-test`,
		webhookBaseUrl: `${BASE_URL}webhook`,
		webhookWaitingBaseUrl: `${BASE_URL}webhook-waiting`,
		webhookTestBaseUrl: `${BASE_URL}webhook-test`,
		mcpBaseUrl: `${BASE_URL}mcp`,
		mcpTestBaseUrl: `${BASE_URL}mcp-test`,
		currentNodeParameters: undefined,
		userId: 'harness-user',
		workflowId,
		variables: {},
		setExecutionStatus: () => {},
		// In 'manual' mode nodes may send console messages to the editor: keep them with the logs.
		sendDataToUI: (type, data) => record('ui', type, data),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		externalSecretsProxy: Container.get(core.ExternalSecretsProxy),
		startRunnerTask: unsupported('startRunnerTask (Code node task runners)'),
		logAiEvent: () => {},
	};
}

/** Output per node from the `nodeExecuteAfter` hook: node name -> ITaskData[] (one per run). */
function createHooks(mode, executionId, workflowData) {
	const { core } = n8n();
	const hooks = new core.ExecutionLifecycleHooks(mode, executionId, workflowData);
	const taskDataByNode = {};
	hooks.addHandler('nodeExecuteAfter', (nodeName, taskData) => {
		(taskDataByNode[nodeName] ??= []).push(taskData);
	});
	return { hooks, taskDataByNode };
}

/**
 * @param {object} args
 * @param {object} args.workflowData  IWorkflowBase-like: nodes, connections, settings?, pinData?, id?, name?
 * @param {object} args.nodeTypes     INodeTypes
 * @param {object} args.credentialsHelper
 * @param {string} [args.mode]        WorkflowExecuteMode, default 'manual' (the editor's "Execute workflow")
 * @param {string} [args.startNodeName]
 * @param {object} [args.pinData]     merged over workflowData.pinData
 */
async function executeWorkflow({ workflowData, nodeTypes, credentialsHelper, mode = 'manual', startNodeName, pinData }) {
	const { core, workflow: nw } = n8n();
	const executionId = String(++executionCounter);
	const workflowId = workflowData.id ?? 'harness-workflow';
	const nodes = structuredClone(workflowData.nodes);
	const connections = structuredClone(workflowData.connections ?? {});
	const settings = { executionOrder: 'v1', ...(workflowData.settings ?? {}) };
	const allPinData = { ...(workflowData.pinData ?? {}), ...(pinData ?? {}) };
	const workflowBase = {
		id: workflowId,
		name: workflowData.name ?? 'Harness workflow',
		active: false,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes,
		connections,
		settings,
		pinData: allPinData,
	};

	const workflow = new nw.Workflow({
		id: workflowId,
		name: workflowBase.name,
		nodes,
		connections,
		active: false,
		nodeTypes,
		staticData: workflowData.staticData,
		settings,
		pinData: allPinData,
	});

	const { hooks, taskDataByNode } = createHooks(mode, executionId, workflowBase);
	const additionalData = createAdditionalData({ credentialsHelper, hooks, executionId, workflowId });

	const startNode = startNodeName ? workflow.getNode(startNodeName) : undefined;
	if (startNodeName && !startNode) throw new Error(`harness: start node "${startNodeName}" not found`);

	const logStart = state.logs.length;
	const workflowExecute = new core.WorkflowExecute(additionalData, mode);
	const run = await workflowExecute.run({
		workflow,
		startNode: startNode ?? undefined,
		pinData: Object.keys(allPinData).length ? allPinData : undefined,
	});

	const runData = run.data.resultData.runData;
	const nodeOutputs = {};
	for (const name of Object.keys(runData)) {
		const tasks = taskDataByNode[name] ?? runData[name];
		const last = tasks[tasks.length - 1];
		nodeOutputs[name] = last?.data?.main;
	}
	return {
		executionId,
		workflow,
		run,
		runData,
		taskDataByNode,
		nodeOutputs,
		error: run.data.resultData.error,
		lastNodeExecuted: run.data.resultData.lastNodeExecuted,
		logs: state.logs.slice(logStart),
	};
}

module.exports = { executeWorkflow, createAdditionalData, BASE_URL };
