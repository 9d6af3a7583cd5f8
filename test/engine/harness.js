'use strict';
/**
 * Runs n8n nodes in-process through n8n-core's real WorkflowExecute (no mocks of the
 * engine). Plain CommonJS so jest tests, `npm run demo` and benchmarks share it.
 *
 *   await setupEngine({ binaryMode: 'filesystem' });
 *   const { outputs, error, logs } = await runNode({ nodeType, credentialTypes, credentials, parameters, items });
 *
 * See harness.d.ts for the API.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');
const { pipeline } = require('node:stream/promises');
const { Readable } = require('node:stream');

const { state, n8n, setupEngine, teardownEngine } = require('./engine-env');
const {
	HarnessNodeTypes,
	HarnessCredentialTypes,
	applyLoaderTransforms,
	latestVersion,
} = require('./node-types');
const { createCredentialsHelper } = require('./credentials-helper');
const { executeWorkflow } = require('./run');
const { credentialTest } = require('./credential-test');
const { callNodeMethod } = require('./load-options');

const TRIGGER_NAME = 'When clicking ‘Execute workflow’';

async function ensureEngine() {
	if (!state.ready) await setupEngine();
}

/** Node credentials entry, as the editor stores it: a reference by id and name. */
function credentialReferences(credentials) {
	const refs = {};
	for (const type of Object.keys(credentials ?? {})) {
		refs[type] = { id: `harness-${type}`, name: `${type} (harness)` };
	}
	return refs;
}

/**
 * The instance the node threw, as WorkflowExecute handed it to the ErrorReporter (see
 * engine-env observeErrorReporter). The engine passes the instance itself only for n8n's
 * BaseError family (NodeApiError, NodeOperationError); for a plain Error it reports a
 * sanitized copy without the message, for an ApplicationError its cause. Only an instance
 * matching the recorded error is returned.
 */
function thrownError(executionId, nodeName, recordedError) {
	const { BaseError } = n8n().workflow;
	const reported = state.reportedErrors.filter(
		({ options, error }) =>
			options?.extra?.executionId === executionId &&
			options?.extra?.nodeName === nodeName &&
			error instanceof BaseError &&
			error.message === recordedError.message,
	);
	return reported.length ? reported[reported.length - 1].error : undefined;
}

/**
 * Runs one node in a real two-node workflow: the Manual Trigger stand-in, whose output is
 * pinned to `items`, connected to the node under test.
 */
async function runNode(options) {
	await ensureEngine();
	const {
		nodeType,
		credentialTypes = [],
		credentials = {},
		parameters = {},
		items = [{ json: {} }],
		onError,
		retryOnFail,
		maxTries,
		waitBetweenTries,
		mode,
	} = options;
	if (!nodeType || !nodeType.description) throw new Error('harness: runNode needs `nodeType` (an INodeType instance)');
	applyLoaderTransforms(nodeType);
	const typeName = options.typeName ?? `test.${nodeType.description.name}`;
	const nodeName =
		options.nodeName ?? nodeType.description.defaults?.name ?? nodeType.description.displayName;

	const node = {
		id: crypto.randomUUID(),
		name: nodeName,
		type: typeName,
		typeVersion: options.typeVersion ?? latestVersion(nodeType),
		position: [220, 0],
		parameters: structuredClone(parameters),
		credentials: credentialReferences(credentials),
	};
	if (onError !== undefined) node.onError = onError;
	if (retryOnFail !== undefined) node.retryOnFail = retryOnFail;
	if (maxTries !== undefined) node.maxTries = maxTries;
	if (waitBetweenTries !== undefined) node.waitBetweenTries = waitBetweenTries;
	for (const key of ['alwaysOutputData', 'executeOnce', 'disabled']) {
		if (options[key] !== undefined) node[key] = options[key];
	}

	const trigger = {
		id: crypto.randomUUID(),
		name: TRIGGER_NAME,
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const workflowData = {
		nodes: [trigger, node],
		connections: { [TRIGGER_NAME]: { main: [[{ node: nodeName, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};

	const result = await executeWorkflow({
		workflowData,
		nodeTypes: new HarnessNodeTypes({ [typeName]: nodeType }),
		credentialsHelper: createCredentialsHelper(new HarnessCredentialTypes(credentialTypes), credentials),
		mode,
		startNodeName: TRIGGER_NAME,
		// Items enter the workflow as the trigger's pinned output.
		pinData: { [TRIGGER_NAME]: items.map((item) => ({ ...item })) },
	});

	const tasks = result.taskDataByNode[nodeName] ?? result.runData[nodeName] ?? [];
	const task = tasks[tasks.length - 1];
	const recordedError = task?.error ?? result.error;
	return {
		outputs: task?.data?.main,
		error: recordedError && (thrownError(result.executionId, nodeName, recordedError) ?? recordedError),
		recordedError,
		runData: result.runData,
		run: result.run,
		logs: result.logs,
		executionId: result.executionId,
		nodeName,
		typeName,
	};
}

/** Runs an exported n8n workflow (nodes, connections, settings?, pinData?). */
async function runWorkflow(workflowJson, options = {}) {
	await ensureEngine();
	const { nodeTypes = {}, credentialTypes = [], credentials = {}, startNodeName, mode, pinData } = options;
	for (const type of Object.values(nodeTypes)) applyLoaderTransforms(type);
	const result = await executeWorkflow({
		workflowData: workflowJson,
		nodeTypes: new HarnessNodeTypes(nodeTypes),
		credentialsHelper: createCredentialsHelper(new HarnessCredentialTypes(credentialTypes), credentials),
		mode,
		startNodeName,
		pinData,
	});
	const last = result.lastNodeExecuted;
	return {
		outputs: last ? result.nodeOutputs[last] : undefined,
		nodeOutputs: result.nodeOutputs,
		error: result.error && ((last && thrownError(result.executionId, last, result.error)) ?? result.error),
		recordedError: result.error,
		lastNodeExecuted: last,
		runData: result.runData,
		run: result.run,
		logs: result.logs,
		executionId: result.executionId,
	};
}

/** Writes `size` bytes to a temp file in 1 MiB chunks; never holds more than one chunk. */
async function writeSizedTempFile(size, fill) {
	const chunkSize = Math.min(size, 1024 * 1024) || 1;
	const chunk =
		Buffer.isBuffer(fill) || typeof fill === 'string' || typeof fill === 'number'
			? Buffer.alloc(chunkSize, fill)
			: Buffer.from(Array.from({ length: chunkSize }, (_, i) => i % 251));
	const file = path.join(os.tmpdir(), `n8n-harness-bin-${process.pid}-${crypto.randomUUID()}`);
	let remaining = size;
	await pipeline(
		Readable.from(
			(function* () {
				while (remaining > 0) {
					const n = Math.min(remaining, chunkSize);
					remaining -= n;
					yield n === chunkSize ? chunk : chunk.subarray(0, n);
				}
			})(),
		),
		fs.createWriteStream(file),
	);
	return file;
}

/**
 * Stores a binary the way a node's `this.helpers.prepareBinaryData` does (n8n-core's own
 * function), in the current binary mode: 'filesystem' -> stored by BinaryDataService, the
 * result has an `id`; 'default' -> base64 in `data`. `{ size, fill? }` generates the bytes
 * into a temp file and streams it in, so large files never sit in memory (filesystem mode).
 * Stored under n8n's temporary execution location (no execution exists yet).
 */
async function storeBinary(input, { fileName, mimeType } = {}) {
	await ensureEngine();
	const { core } = n8n();
	if (Buffer.isBuffer(input)) {
		return await core.prepareBinaryData(input, undefined, 'harness-workflow', fileName, mimeType);
	}
	if (!input || typeof input.size !== 'number' || input.size < 0) {
		throw new Error('harness: storeBinary takes a Buffer or { size, fill? }');
	}
	const file = await writeSizedTempFile(input.size, input.fill);
	try {
		return await core.prepareBinaryData(
			fs.createReadStream(file),
			undefined,
			'harness-workflow',
			fileName,
			mimeType,
		);
	} finally {
		fs.rmSync(file, { force: true });
	}
}

module.exports = {
	setupEngine,
	teardownEngine,
	runNode,
	runWorkflow,
	storeBinary,
	credentialTest,
	callNodeMethod,
	/** All log lines captured so far in this process (runNode/runWorkflow return their own slice). */
	getLogs: () => state.logs.slice(),
};
