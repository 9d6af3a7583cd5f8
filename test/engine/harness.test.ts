import { createHash } from 'crypto';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { credentialTest, runNode, runWorkflow, setupEngine, storeBinary, teardownEngine } from './harness';
import { HarnessDeclarative } from './fixtures/HarnessDeclarative.node';
import { HarnessFnAuthApi } from './fixtures/HarnessFnAuthApi.credentials';
import { HarnessTestApi } from './fixtures/HarnessTestApi.credentials';
import { startFixtureServer } from './fixtures/server';

const TOKEN = 'tok-secret-4242';
let server: Awaited<ReturnType<typeof startFixtureServer>>;

beforeAll(async () => {
	await setupEngine({ binaryMode: 'filesystem' });
	server = await startFixtureServer();
});

afterAll(async () => {
	await server.close();
	// Under jest the process 'exit' hook does not remove the temp N8N_USER_FOLDER: do it here.
	await teardownEngine();
});

const genericAuth = () => ({
	nodeType: new HarnessDeclarative(),
	credentialTypes: [new HarnessTestApi(), new HarnessFnAuthApi()],
	credentials: { harnessTestApi: { baseUrl: server.baseUrl, apiToken: TOKEN } },
});

const requestsTo = (prefix: string) => server.requests.filter((r) => r.url.startsWith(prefix));

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
			credentials: { harnessFnAuthApi: { baseUrl: server.baseUrl, apiKey: 'k-9' } },
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

describe('binary data', () => {
	const sha256 = (buffer: Buffer) => createHash('sha256').update(buffer).digest('hex');
	const ramp = (size: number) => {
		const chunk = Buffer.from(Array.from({ length: Math.min(size, 1024 * 1024) }, (_, i) => i % 251));
		const hash = createHash('sha256');
		for (let left = size; left > 0; left -= chunk.length) hash.update(chunk.subarray(0, Math.min(left, chunk.length)));
		return hash.digest('hex');
	};
	const read = async (binary: object) =>
		await runNode({
			...genericAuth(),
			parameters: { resource: 'file', operation: 'read' },
			items: [{ json: {}, binary: { data: binary as never } }],
		});

	afterAll(async () => {
		await setupEngine({ binaryMode: 'filesystem' });
	});

	test('filesystem mode: stored by BinaryDataService with an id; getBinaryStream works', async () => {
		await setupEngine({ binaryMode: 'filesystem' });
		const content = Buffer.from('filesystem content');
		const bin = await storeBinary(content, { fileName: 'f.txt', mimeType: 'text/plain' });
		expect(bin.id).toMatch(/^filesystem-v2:/);
		expect(bin).toMatchObject({ fileName: 'f.txt', mimeType: 'text/plain', bytes: content.length });

		const result = await read(bin);
		expect(result.error).toBeUndefined();
		expect(result.outputs![0][0].json).toMatchObject({
			viaStream: true,
			size: content.length,
			sha256: sha256(content),
			metadata: { fileName: 'f.txt', mimeType: 'text/plain', fileSize: content.length },
		});
	});

	test('filesystem mode: { size } is generated in chunks and streamed in', async () => {
		const size = 3 * 1024 * 1024 + 17;
		const bin = await storeBinary({ size }, { fileName: 'big.bin', mimeType: 'application/octet-stream' });
		expect(bin.id).toBeDefined();
		expect(bin.bytes).toBe(size);
		const result = await read(bin);
		expect(result.outputs![0][0].json).toMatchObject({ viaStream: true, size, sha256: ramp(size) });
	});

	test("default mode: base64 in the item, no id; switching back keeps filesystem ids readable", async () => {
		await setupEngine({ binaryMode: 'filesystem' });
		const fsBin = await storeBinary(Buffer.from('kept'), { fileName: 'k.txt', mimeType: 'text/plain' });

		await setupEngine({ binaryMode: 'default' });
		const content = Buffer.from('in memory');
		const bin = await storeBinary(content, { fileName: 'm.txt', mimeType: 'text/plain' });
		expect(bin.id).toBeUndefined();
		expect(Buffer.from(bin.data, 'base64').equals(content)).toBe(true);
		const result = await read(bin);
		expect(result.outputs![0][0].json).toMatchObject({ viaStream: false, size: content.length, sha256: sha256(content) });
		const generated = await storeBinary({ size: 1000, fill: 'z' }, { fileName: 'z.txt', mimeType: 'text/plain' });
		expect(Buffer.from(generated.data, 'base64').toString()).toBe('z'.repeat(1000));

		await setupEngine({ binaryMode: 'filesystem' });
		const again = await read(fsBin);
		expect(again.outputs![0][0].json).toMatchObject({ viaStream: true, size: 4 });
	});
});

describe('runWorkflow', () => {
	test('runs an exported workflow with the Manual Trigger (manual mode) and a sticky note', async () => {
		const workflow = {
			name: 'Exported',
			nodes: [
				{
					parameters: {},
					id: '1',
					name: 'When clicking ‘Execute workflow’',
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 0],
				},
				{
					parameters: { resource: 'message', operation: 'send', text: 'from workflow' },
					id: '2',
					name: 'Send',
					type: 'n8n-nodes-harness.harnessDeclarative',
					typeVersion: 1,
					position: [200, 0],
					credentials: { harnessTestApi: { id: 'abc', name: 'Harness account' } },
				},
				{
					parameters: { content: 'a note' },
					id: '3',
					name: 'Sticky Note',
					type: 'n8n-nodes-base.stickyNote',
					typeVersion: 1,
					position: [0, -200],
				},
			],
			connections: {
				'When clicking ‘Execute workflow’': { main: [[{ node: 'Send', type: 'main', index: 0 }]] },
			},
			settings: { executionOrder: 'v1' },
		};
		const result = await runWorkflow(workflow, {
			nodeTypes: { 'n8n-nodes-harness.harnessDeclarative': new HarnessDeclarative() },
			credentialTypes: [new HarnessTestApi()],
			credentials: { harnessTestApi: { baseUrl: server.baseUrl, apiToken: TOKEN } },
		});
		expect(result.error).toBeUndefined();
		expect(result.lastNodeExecuted).toBe('Send');
		expect(result.nodeOutputs['When clicking ‘Execute workflow’']).toEqual([[{ json: {}, pairedItem: { item: 0 } }]]);
		expect(result.outputs![0][0].json).toMatchObject({ body: { text: 'from workflow' } });
	});
});

describe('credentialTest (CredentialsTester)', () => {
	const test_ = (apiToken: string) =>
		credentialTest({ credentialType: new HarnessTestApi(), credentials: { baseUrl: server.baseUrl, apiToken } });

	test('OK on 200', async () => {
		expect(await test_('good')).toEqual({ status: 'OK', message: 'Connection successful!' });
		const last = requestsTo('/me').pop()!;
		expect(last.headers.authorization).toBe('Bearer good');
		expect(last.url).toBe('/me?tenant=default-tenant');
	});

	test('responseSuccessBody rule', async () => {
		expect(await test_('refused')).toEqual({ status: 'Error', message: 'The token was refused' });
	});

	test('non-2xx status', async () => {
		expect(await test_('wrong')).toEqual({ status: 'Error', message: 'Unauthorized' });
	});

	test('connection refused', async () => {
		const result = await credentialTest({
			credentialType: new HarnessTestApi(),
			credentials: { baseUrl: 'http://127.0.0.1:1', apiToken: 'x' },
		});
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/ECONNREFUSED/);
	});
});
