/**
 * A webhook receiver that runs the trigger the way n8n's live webhook path does (n8n 2.40
 * packages/cli webhooks/live-webhooks.ts + webhook-helpers.ts), in-process, over real HTTP:
 *   read the raw body and parse JSON (n8n's rawBodyReader + parseBody, node version 1)
 *   → a Workflow with the static data saved last time → n8n-core's real WebhookContext
 *   → the node's webhook() → noWebhookResponse: the node answered | no workflowData: 200
 *   {"message":"Webhook call received"} or its webhookResponse | workflowData: 200 with n8n's
 *   onReceived body (onReceivedBody) and the workflow runs through n8n-core's WorkflowExecute
 *   → static data saved when the node changed it (live-webhooks' saveStaticData).
 * What n8n's server adds around this (routing, the database, queue mode) is not here.
 */
import * as crypto from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { WebhookContext } from 'n8n-core';
import { Workflow, type IDataObject, type INodeExecutionData, type INodeParameters, type INodeType } from 'n8n-workflow';

import { setupEngine } from '../engine/harness';
import { WhatsAppTemplatesTrigger } from '../../nodes/WhatsAppTemplates/WhatsAppTemplatesTrigger.node';
import { WhatsAppTemplatesWebhookApi } from '../../credentials/WhatsAppTemplatesWebhookApi.credentials';

// Plain CommonJS parts of the engine harness.
const { createAdditionalData, executeWorkflow } = require('../engine/run') as {
	createAdditionalData: (args: IDataObject) => IDataObject;
	executeWorkflow: (args: IDataObject) => Promise<{ nodeOutputs: Record<string, INodeExecutionData[][]>; error?: unknown }>;
};
const { createCredentialsHelper } = require('../engine/credentials-helper');
const { HarnessNodeTypes, HarnessCredentialTypes } = require('../engine/node-types');
const { n8n } = require('../engine/engine-env');

export const TYPE = 'test.whatsAppTemplatesTrigger';
export const NODE_NAME = 'WhatsApp Templates Trigger';
const CREDENTIAL = 'whatsAppTemplatesWebhookApi';

export interface Answer {
	status: number;
	body: string;
}

export interface Receiver {
	/** POST here. */
	url: string;
	/** One entry per started execution: the trigger's items. */
	executions: INodeExecutionData[][];
	/** The workflow's static data as last saved. */
	savedStaticData: () => IDataObject;
	/** Errors webhook() threw (n8n answers 500 then). */
	errors: unknown[];
	post: (body: string | Buffer, headers?: Record<string, string>) => Promise<Answer>;
	/** Resolves when every request so far was handled and its execution finished. */
	settled: () => Promise<void>;
	close: () => Promise<void>;
}

export interface ReceiverOptions {
	parameters?: INodeParameters;
	/** The Signing Secret; undefined: the node has no credential attached. */
	secret?: string;
	/** n8n's execution mode: 'webhook' (a published workflow, default) or 'manual' (a test listen). */
	mode?: 'webhook' | 'manual';
	/** The workflow's static data as n8n loads it (e.g. saved by an earlier receiver: an n8n restart). */
	staticData?: IDataObject;
	/**
	 * n8n 2.40.7 as measured: a webhook call that starts an execution loses what the node wrote to
	 * static data (WorkflowRunner.establishContextForPersistence re-wraps it and clears the changed flag).
	 */
	loseStaticDataOnStart?: boolean;
}

function readRaw(req: http.IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

/** What n8n's rawBodyReader and parseBody leave on the request before a v1 node's webhook() runs. */
async function prepareRequest(req: http.IncomingMessage): Promise<void> {
	const r = req as http.IncomingMessage & IDataObject;
	r.contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase() || undefined;
	r.encoding = 'utf-8';
	r.readRawBody = async () => {
		if (!req.rawBody) req.rawBody = await readRaw(req);
	};
	await req.readRawBody();
	r.body = {};
	if (r.contentType === 'application/json' && req.rawBody.length) {
		try {
			r.body = JSON.parse(req.rawBody.toString('utf8'));
		} catch {
			throw Object.assign(new Error('Failed to parse request body'), { status: 422 });
		}
	}
	r.query = {};
	r.params = {};
}

/**
 * n8n's body for an onReceived call that started an execution (1.123.81 and 2.40.7 alike,
 * webhook-on-received-response-extractor.ts): responseData when truthy (unset: the text
 * 'firstEntryJson'), none for 'noData', else webhookResponse, else {"message":"Workflow was started"}.
 */
function onReceivedBody(responseData: unknown = 'firstEntryJson', webhookResponse: unknown): unknown {
	if (responseData === 'noData') return undefined;
	return responseData || (webhookResponse ?? { message: 'Workflow was started' });
}

export async function startReceiver(options: ReceiverOptions = {}): Promise<Receiver> {
	await setupEngine();
	const nodeType: INodeType = new WhatsAppTemplatesTrigger();
	const nodeTypes = new HarnessNodeTypes({ [TYPE]: nodeType });
	const credentials = options.secret === undefined ? {} : { [CREDENTIAL]: { signingSecret: options.secret } };
	const credentialsHelper = createCredentialsHelper(new HarnessCredentialTypes([new WhatsAppTemplatesWebhookApi()]), credentials);
	const mode = options.mode ?? 'webhook';
	const node = {
		id: crypto.randomUUID(),
		name: NODE_NAME,
		type: TYPE,
		typeVersion: 1,
		position: [0, 0] as [number, number],
		webhookId: crypto.randomUUID(),
		parameters: options.parameters ?? {},
		credentials: options.secret === undefined ? undefined : { [CREDENTIAL]: { id: 'cred-1', name: 'Signing secret' } },
	};
	const workflowId = `trigger-${crypto.randomBytes(4).toString('hex')}`;
	let stored: IDataObject = structuredClone(options.staticData ?? {});
	const executions: INodeExecutionData[][] = [];
	const errors: unknown[] = [];
	let executionCounter = 0;

	async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		// Express's res.send for a string (text/html), res.json otherwise, as n8n sends a static response.
		const send = (status: number, body: unknown) => {
			if (res.headersSent) return void errors.push(new Error('answered twice: n8n would throw ERR_HTTP_HEADERS_SENT'));
			const text = typeof body === 'string';
			res.writeHead(status, { 'Content-Type': text ? 'text/html; charset=utf-8' : 'application/json' });
			res.end(text ? body : body === undefined ? '' : JSON.stringify(body));
		};
		try {
			await prepareRequest(req);
		} catch (error) {
			return send((error as IDataObject).status as number, { message: (error as Error).message });
		}
		const workflow = new Workflow({
			id: workflowId,
			name: 'Trigger test',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes,
			staticData: structuredClone(stored),
			settings: { executionOrder: 'v1' },
		});
		const { core } = n8n();
		const executionId = String(++executionCounter);
		const hooks = new core.ExecutionLifecycleHooks(mode, executionId, { id: workflowId, nodes: [node], connections: {} });
		const additionalData = { ...createAdditionalData({ credentialsHelper, hooks, executionId, workflowId }), httpRequest: req, httpResponse: res };
		const description = nodeType.description.webhooks![0];
		const webhookData = { httpMethod: 'POST', node: NODE_NAME, path: `${node.webhookId}/webhook`, webhookDescription: description, workflowId, isTest: mode === 'manual' };
		const context = new WebhookContext(workflow, workflow.getNode(NODE_NAME)!, additionalData as never, mode, webhookData as never, [], null);

		let result;
		try {
			result = await nodeType.webhook!.call(context);
		} catch (error) {
			errors.push(error);
			return send(500, { code: 0, message: 'Workflow Webhook Error: Workflow could not be started!' });
		} finally {
			// live-webhooks.ts: saved once the webhook call is answered, only when the node changed it.
			const lost = options.loseStaticDataOnStart === true && result?.workflowData !== undefined;
			if (workflow.staticData.__dataChanged === true && !lost) {
				const { __dataChanged, ...rest } = JSON.parse(JSON.stringify(workflow.staticData));
				void __dataChanged;
				stored = rest;
			}
		}
		if (result.noWebhookResponse) {
			if (!res.writableEnded) errors.push(new Error('noWebhookResponse without an answer'));
			return;
		}
		if (result.workflowData === undefined) return send(200, result.webhookResponse ?? { message: 'Webhook call received' });
		send(200, onReceivedBody(description.responseData, result.webhookResponse));
		const run = await executeWorkflow({
			workflowData: { id: workflowId, nodes: [node], connections: {}, staticData: structuredClone(stored) },
			nodeTypes,
			credentialsHelper,
			mode,
			startNodeName: NODE_NAME,
			pinData: { [NODE_NAME]: result.workflowData[0] },
		});
		if (run.error) errors.push(run.error);
		executions.push(run.nodeOutputs[NODE_NAME]?.[0] ?? []);
	}

	const inFlight = new Set<Promise<void>>();
	const server = http.createServer((req, res) => {
		const p = handle(req, res).catch((error) => {
			errors.push(error);
			if (!res.headersSent) res.writeHead(500).end();
		});
		inFlight.add(p);
		void p.then(() => inFlight.delete(p));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/${node.webhookId}/webhook`;

	async function settled(): Promise<void> {
		while (inFlight.size) await Promise.all([...inFlight]);
	}

	return {
		url,
		settled,
		executions,
		errors,
		savedStaticData: () => stored,
		async post(body, headers = {}) {
			const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
			const text = await res.text();
			// The execution runs after the answer (as in n8n); let it finish before the test looks.
			await settled();
			return { status: res.status, body: text };
		},
		async close() {
			await settled();
			const closed = new Promise<void>((resolve) => server.close(() => resolve()));
			server.closeAllConnections();
			await closed;
		},
	};
}

/**
 * A fresh receiver for every test of the file (the same event in two tests would be a duplicate),
 * closed after each one, which must have recorded no error. Read it as `current()` inside a test.
 */
export function useReceiver(options: ReceiverOptions = {}): () => Receiver {
	let receiver: Receiver;
	beforeEach(async () => {
		receiver = await startReceiver(options);
	});
	afterEach(async () => {
		await receiver.close();
		expect(receiver.errors).toEqual([]);
	});
	return () => receiver;
}
