/** Runs the WhatsApp Templates node through n8n's real engine against a fresh sandbox. */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { WhatsAppTemplatesApi } from '../../credentials/WhatsAppTemplatesApi.credentials';
import { WhatsAppTemplates } from '../../nodes/WhatsAppTemplates/WhatsAppTemplates.node';
import { runNode, setupEngine, teardownEngine, type BinaryMode, type OnError, type RunNodeResult } from '../engine/harness';
import { startSandbox, type RecordedRequest, type Sandbox } from '../sandbox';

export const TYPE_NAME = 'n8n-nodes-whatsapp-templates.whatsAppTemplates';

export interface Product {
	sb: Sandbox;
	credentials: IDataObject;
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

export async function startProduct(binaryMode: BinaryMode = 'filesystem'): Promise<Product> {
	await setupEngine({ binaryMode });
	const sb = await startSandbox({ port: 0 });
	const credentials = { baseUrl: sb.baseUrl, subdomain: sb.subdomain, apiToken: sb.tokens.send };
	return {
		sb,
		credentials,
		close: async () => {
			await sb.close();
			await teardownEngine();
		},
		send: async (parameters, options = {}) =>
			await runNode({
				nodeType: new WhatsAppTemplates(),
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

/** The digits each bulk item is sent to. */
export const bulkPhone = (i: number) => `4915100000${String(i).padStart(3, '0')}`;

export function items(count: number, json: (i: number) => IDataObject = (i) => ({ phone: bulkPhone(i) })): INodeExecutionData[] {
	return Array.from({ length: count }, (_, i) => ({ json: json(i) }));
}
