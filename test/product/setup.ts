/** Runs the WhatsApp Templates node through n8n's real engine against a fresh sandbox. */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { WhatsAppTemplatesApi } from '../../credentials/WhatsAppTemplatesApi.credentials';
import { WhatsAppTemplates } from '../../nodes/WhatsAppTemplates/WhatsAppTemplates.node';
import { runNode, setupEngine, teardownEngine, type BinaryMode, type OnError, type RunNodeResult } from '../engine/harness';
import { startSandbox, type RecordedRequest, type Sandbox, type SandboxOptions } from '../sandbox';
import { PATHS } from '../support/wire';
import { PATHS_V2 } from '../support/wireV2';

export const TYPE_NAME = 'n8n-nodes-whatsapp-templates.whatsAppTemplates';

/** The API generation a product test runs on: its credential is what a user of that API makes. */
export type Api = 'v1' | 'v2';
export const APIS: Api[] = ['v1', 'v2'];

export interface Product {
	api: Api;
	sb: Sandbox;
	credentials: IDataObject;
	/** The API's tokens, by what they may do. */
	tokens: { send: string; noSend: string; noTemplates: string };
	/** Paths the node's requests go to on this API. */
	paths: { sendTemplate: string; templates: string };
	send(parameters: INodeParameters, options?: SendOptions): Promise<RunNodeResult>;
	/** Closes the sandbox and removes the engine's temp user folder. */
	close(): Promise<void>;
}

export interface SendOptions {
	items?: INodeExecutionData[];
	onError?: OnError;
	credentials?: IDataObject;
	retryOnFail?: boolean;
	maxTries?: number;
	/** The node to run (default a new one): a test may wrap an operation to see what it returned. */
	nodeType?: WhatsAppTemplates;
}

export const BASE_PARAMS: INodeParameters = {
	resource: 'message',
	operation: 'sendTemplate',
	phone: '+49 151 2345678',
	// Typed name and language: the engine tests drive every generic field (the picker has its own tests).
	templateSource: 'byName',
	templateName: 'plain_notice',
	templateLanguage: 'en',
};

/**
 * The node against a fresh sandbox: on API v1 a credential with the workspace subdomain and a v1
 * token; on v2 one with a wm_ token and API Version left at Auto (as a v2 user makes it).
 */
export async function startProduct(binaryMode: BinaryMode = 'filesystem', options: { api?: Api; sandbox?: SandboxOptions } = {}): Promise<Product> {
	await setupEngine({ binaryMode });
	const api = options.api ?? 'v1';
	const sb = await startSandbox({ port: 0, ...options.sandbox });
	const v2 = api === 'v2';
	const tokens = v2 ? sb.v2Tokens : sb.tokens;
	const credentials: IDataObject = v2 ? { baseUrl: sb.baseUrl, apiToken: tokens.send } : { baseUrl: sb.baseUrl, subdomain: sb.subdomain, apiToken: tokens.send };
	return {
		api,
		sb,
		credentials,
		tokens: { send: tokens.send, noSend: tokens.noSend, noTemplates: tokens.noTemplates },
		paths: v2
			? { sendTemplate: PATHS_V2.sendTemplate, templates: PATHS_V2.templates }
			: { sendTemplate: PATHS.sendTemplate(sb.subdomain), templates: PATHS.templates(sb.subdomain) },
		close: async () => {
			await sb.close();
			await teardownEngine();
		},
		send: async (parameters, options = {}) =>
			await runNode({
				nodeType: options.nodeType ?? new WhatsAppTemplates(),
				typeName: TYPE_NAME,
				credentialTypes: [new WhatsAppTemplatesApi()],
				credentials: { whatsAppTemplatesApi: { ...credentials, ...options.credentials } as never },
				parameters: { ...BASE_PARAMS, ...parameters },
				items: options.items,
				onError: options.onError,
				retryOnFail: options.retryOnFail,
				maxTries: options.maxTries,
				waitBetweenTries: 1000,
			}),
	};
}

/** The template sends the sandbox received (the check before sending also reads the template list). */
export function sends(product: Product): RecordedRequest[] {
	return product.sb.requests.filter((request) => request.route === 'messages.template');
}

/** The node's first output, as JSON. */
export function jsonOut(result: RunNodeResult, output = 0): IDataObject[] {
	return (result.outputs?.[output] ?? []).map((item) => item.json);
}

/** The execution hints the run showed in the output pane. */
export function hintsOf(result: RunNodeResult): string[] {
	return (result.runData[result.nodeName]?.[0]?.hints ?? []).map((hint) => hint.message);
}

/** The digits each bulk item is sent to. */
export const bulkPhone = (i: number) => `4915100000${String(i).padStart(3, '0')}`;

export function items(count: number, json: (i: number) => IDataObject = (i) => ({ phone: bulkPhone(i) })): INodeExecutionData[] {
	return Array.from({ length: count }, (_, i) => ({ json: json(i) }));
}
