import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { runNode, storeBinary } from './harness';
import { HarnessDeclarative } from './fixtures/HarnessDeclarative.node';
import { TOKEN, useFixtureServer } from './fixtures/engineSetup';

const fixture = useFixtureServer();
const { genericAuth, requestsTo } = fixture;

describe('declarative node through WorkflowExecute', () => {
	test('items flow through; generic authenticate adds header and qs', async () => {
		const before = requestsTo('/echo').length;
		const result = await runNode({
			...genericAuth(),
			parameters: { resource: 'message', operation: 'send', text: '={{ $json.text }}' },
			items: [{ json: { text: 'hello' } }, { json: { text: 'world' } }],
		});

		expect(result.error).toBeUndefined();
		expect(result.run.status).toBe('success');
		expect(result.outputs).toHaveLength(1);
		expect(result.outputs![0].map((i) => i.json)).toEqual([
			{ body: { text: 'hello' }, authorization: `Bearer ${TOKEN}`, apiKey: null, tenant: 'default-tenant' },
			{ body: { text: 'world' }, authorization: `Bearer ${TOKEN}`, apiKey: null, tenant: 'default-tenant' },
		]);
		expect(result.outputs![0].map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		const sent = requestsTo('/echo').slice(before);
		expect(sent).toHaveLength(2);
		expect(sent[0].method).toBe('POST');
		expect(sent[0].headers.accept).toBe('application/json');
		expect(result.runData['Harness Declarative']).toHaveLength(1);
	});

	test('function authenticate is called', async () => {
		const result = await runNode({
			...genericAuth(),
			credentials: { harnessFnAuthApi: { baseUrl: fixture.server.baseUrl, apiKey: 'k-9' } },
			parameters: { authentication: 'function', resource: 'message', operation: 'send', text: 'x' },
		});
		expect(result.error).toBeUndefined();
		expect(result.outputs![0][0].json).toMatchObject({ apiKey: 'key:k-9', authorization: null });
	});

	test('stopWorkflow (default): the real NodeApiError, no output', async () => {
		const result = await runNode({
			...genericAuth(),
			parameters: { resource: 'message', operation: 'status', code: 400 },
		});
		expect(result.outputs).toBeUndefined();
		expect(result.run.status).toBe('error');
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error).toMatchObject({ httpCode: '400', description: 'status 400' });
		// What the engine stores is a plain-object copy of it.
		expect(result.recordedError).not.toBeInstanceOf(NodeApiError);
		expect(result.recordedError).toMatchObject({ name: 'NodeApiError', httpCode: '400' });
	});

	test('continueRegularOutput yields error items on the regular output', async () => {
		const result = await runNode({
			...genericAuth(),
			onError: 'continueRegularOutput',
			parameters: { resource: 'message', operation: 'status', code: 422 },
			items: [{ json: { n: 1 } }, { json: { n: 2 } }],
		});
		expect(result.outputs).toHaveLength(1);
		const items = result.outputs![0];
		expect(items).toHaveLength(2);
		for (const item of items) {
			expect(item.error).toBeInstanceOf(NodeApiError);
			expect(item.json).toEqual({ error: item.error!.message });
		}
	});

	test('continueErrorOutput routes error items to the second output', async () => {
		const result = await runNode({
			...genericAuth(),
			onError: 'continueErrorOutput',
			parameters: { resource: 'message', operation: 'status', code: 500 },
		});
		expect(result.outputs).toHaveLength(2);
		expect(result.outputs![0]).toEqual([]);
		expect(result.outputs![1]).toHaveLength(1);
		expect(result.outputs![1][0].error).toBeInstanceOf(NodeApiError);
	});

	test('a 401 is sent twice (n8n retries after preAuthentication)', async () => {
		const before = requestsTo('/status/401').length;
		const result = await runNode({
			...genericAuth(),
			parameters: { resource: 'message', operation: 'status', code: 401 },
		});
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(requestsTo('/status/401').length - before).toBe(2);
	});

	test('retryOnFail / maxTries are passed to the engine', async () => {
		const before = requestsTo('/status/503').length;
		const result = await runNode({
			...genericAuth(),
			parameters: { resource: 'message', operation: 'status', code: 503 },
			retryOnFail: true,
			maxTries: 3,
			// The engine reads `waitBetweenTries || 1000`: 0 means 1 s. maxTries is clamped to 2..5.
			waitBetweenTries: 1,
		});
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(requestsTo('/status/503').length - before).toBe(3);
	});

	test('logs are captured and do not contain the token', async () => {
		const result = await runNode({
			...genericAuth(),
			parameters: { resource: 'message', operation: 'status', code: 400 },
		});
		expect(result.logs.some((line) => line.includes('Workflow execution started'))).toBe(true);
		expect(result.logs.some((line) => line.includes('finished with error'))).toBe(true);
		expect(result.logs.join('\n')).not.toContain(TOKEN);
	});
});

describe('customOperations', () => {
	test('applyDeclarativeNodeOptionParameters injects requestOptions, once, readable by getNodeParameter', async () => {
		const nodeType = new HarnessDeclarative();
		const bin = await storeBinary(Buffer.from('abc'), { fileName: 'a.txt', mimeType: 'text/plain' });
		const run = async () =>
			await runNode({
				...genericAuth(),
				nodeType,
				parameters: {
					resource: 'file',
					operation: 'read',
					requestOptions: { timeout: 1234, allowUnauthorizedCerts: true },
				},
				items: [{ json: {}, binary: { data: bin } }],
			});
		const first = await run();
		const second = await run();
		expect(first.error).toBeUndefined();
		expect(first.outputs![0][0].json.requestOptions).toEqual({ timeout: 1234, allowUnauthorizedCerts: true });
		expect(second.outputs![0][0].json.requestOptions).toEqual({ timeout: 1234, allowUnauthorizedCerts: true });
		const requestOptions = nodeType.description.properties.filter((p) => p.name === 'requestOptions');
		expect(requestOptions).toHaveLength(1);
		const names = (requestOptions[0].options ?? []).map((o) => o.name);
		expect(new Set(names).size).toBe(names.length);
		expect(names).toEqual(expect.arrayContaining(['batching', 'proxy', 'timeout', 'allowUnauthorizedCerts']));
	});

	test('httpRequestWithAuthentication applies the credential', async () => {
		const bin = await storeBinary(Buffer.from('12345'), { fileName: 'b.bin', mimeType: 'application/octet-stream' });
		const result = await runNode({
			...genericAuth(),
			parameters: { resource: 'file', operation: 'upload' },
			items: [{ json: {}, binary: { data: bin } }],
		});
		expect(result.error).toBeUndefined();
		expect(result.outputs![0][0].json).toMatchObject({ body: { bytes: 5 }, authorization: `Bearer ${TOKEN}` });
	});

	test('a thrown error: stopWorkflow fails with the instance; continue* forwards the input unchanged', async () => {
		const params = { resource: 'file', operation: 'throw' };
		const stop = await runNode({ ...genericAuth(), parameters: params, items: [{ json: { a: 1 } }] });
		expect(stop.outputs).toBeUndefined();
		expect(stop.error).toBeInstanceOf(NodeOperationError);
		expect(stop.error!.message).toBe('Thrown by the custom operation');

		for (const onError of ['continueRegularOutput', 'continueErrorOutput'] as const) {
			const cont = await runNode({ ...genericAuth(), onError, parameters: params, items: [{ json: { a: 1 } }] });
			// The engine puts the node's *input* on output 0 (even with continueErrorOutput),
			// records the error on the task, and marks the execution 'error' as it was the last node.
			expect(cont.outputs).toEqual([[{ json: { a: 1 }, pairedItem: { item: 0 } }]]);
			expect(cont.error).toBeInstanceOf(NodeOperationError);
			expect(cont.run.status).toBe('error');
		}
	});

	test('a plain Error: the engine keeps only its copy, which `error` then is', async () => {
		const result = await runNode({ ...genericAuth(), parameters: { resource: 'file', operation: 'throwPlain' } });
		expect(result.error).not.toBeInstanceOf(Error);
		expect(result.error).toBe(result.recordedError);
		expect(result.error!.message).toBe('plain failure');
	});

	test('per-item error items from continueOnFail() go to the error output, merged with the input', async () => {
		const result = await runNode({
			...genericAuth(),
			onError: 'continueErrorOutput',
			parameters: { resource: 'file', operation: 'read' },
			items: [{ json: { phone: '+1' } }],
		});
		expect(result.outputs).toHaveLength(2);
		expect(result.outputs![0]).toEqual([]);
		expect(result.outputs![1][0].json).toEqual({
			phone: '+1',
			error: "This operation expects the node's input data to contain a binary file 'data', but none was found [item 0]",
		});
	});
});
