/**
 * A node without its credential (none selected, or one n8n cannot read): every operation fails with
 * n8n's own words for it, under continue-on-fail on every item, and makes no request.
 */
import type { INodeParameters } from 'n8n-workflow';

import { WhatsAppTemplatesApi } from '../../credentials/WhatsAppTemplatesApi.credentials';
import { WhatsAppTemplates } from '../../nodes/WhatsAppTemplates/WhatsAppTemplates.node';
import { callNodeMethod, runNode } from '../engine/harness';
import { BASE_PARAMS, TYPE_NAME, jsonOut, startProduct, type Product } from './setup';

let product: Product;
beforeAll(async () => {
	product = await startProduct();
});
afterAll(async () => await product.close());
beforeEach(() => product.sb.reset());

const OPERATIONS: Array<[string, INodeParameters]> = [
	['Send Template', {}],
	['Send Text', { operation: 'sendText', text: 'Shipped.' }],
	['Template → Get Many', { resource: 'template', operation: 'getMany' }],
	['Contact → Get', { resource: 'contact', operation: 'get', contactId: '7' }],
];

const WORDS = 'Node does not have any credentials set for "whatsAppTemplatesApi"';

const runWithout = async (parameters: INodeParameters, onError?: 'continueRegularOutput') =>
	await runNode({
		nodeType: new WhatsAppTemplates(),
		typeName: TYPE_NAME,
		credentialTypes: [new WhatsAppTemplatesApi()],
		credentials: {},
		parameters: { ...BASE_PARAMS, ...parameters },
		items: [{ json: {} }, { json: {} }],
		onError,
	});

describe.each(OPERATIONS)('%s without a credential', (_name, parameters) => {
	it('stops with n8n’s words for it, no request', async () => {
		const result = await runWithout(parameters);
		expect(result.error?.message).toBe(WORDS);
		expect(product.sb.requests).toHaveLength(0);
	});

	it('under continue-on-fail, each item carries it', async () => {
		const result = await runWithout(parameters, 'continueRegularOutput');
		expect(jsonOut(result).map((o) => o.error)).toEqual([WORDS, WORDS]);
		expect(product.sb.requests).toHaveLength(0);
	});
});

describe.each([
	['the template picker', 'listSearch', 'searchTemplates', { templateSource: 'fromList' }],
	['the group picker', 'listSearch', 'searchGroups', { resource: 'contact', operation: 'create' }],
] as const)('%s without a credential', (_name, kind, method, parameters) => {
	it('shows n8n’s words for it, no request', async () => {
		const call = callNodeMethod({
			nodeType: new WhatsAppTemplates(),
			typeName: TYPE_NAME,
			credentialTypes: [new WhatsAppTemplatesApi()],
			credentials: {},
			parameters: { ...BASE_PARAMS, ...parameters },
			kind,
			method,
			args: [''],
		});
		await expect(call).rejects.toThrow(WORDS);
		expect(product.sb.requests).toHaveLength(0);
	});
});
