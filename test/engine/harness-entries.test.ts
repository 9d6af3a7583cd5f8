/** The harness's other entries: binary data, runWorkflow, credentialTest (CredentialsTester). */
import { createHash } from 'crypto';

import { credentialTest, runNode, runWorkflow, setupEngine, storeBinary } from './harness';
import { HarnessDeclarative } from './fixtures/HarnessDeclarative.node';
import { HarnessTestApi } from './fixtures/HarnessTestApi.credentials';
import { TOKEN, useFixtureServer } from './fixtures/engineSetup';

const fixture = useFixtureServer();
const { genericAuth, requestsTo } = fixture;

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
			credentials: { harnessTestApi: { baseUrl: fixture.server.baseUrl, apiToken: TOKEN } },
		});
		expect(result.error).toBeUndefined();
		expect(result.lastNodeExecuted).toBe('Send');
		expect(result.nodeOutputs['When clicking ‘Execute workflow’']).toEqual([[{ json: {}, pairedItem: { item: 0 } }]]);
		expect(result.outputs![0][0].json).toMatchObject({ body: { text: 'from workflow' } });
	});
});

describe('credentialTest (CredentialsTester)', () => {
	const test_ = (apiToken: string) =>
		credentialTest({ credentialType: new HarnessTestApi(), credentials: { baseUrl: fixture.server.baseUrl, apiToken } });

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
