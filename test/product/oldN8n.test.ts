/**
 * On an n8n that lacks what the node uses, the node refuses with a plain "needs n8n X" error before
 * any request: never a TypeError halfway through, never items passed on as if sent.
 *
 * The engine here is n8n-core 2.x. An older one is simulated by hiding the one helper that n8n 1.78
 * and older lack, ExecuteContext.prototype.addExecutionHints, for the length of a test (nothing else
 * is changed). The same refusal in a real old n8n: `node scripts/versions/probe.js --n8n 1.50.2
 * --expect refused`.
 */
import { NodeConnectionTypes, type IExecuteFunctions, type INodeType } from 'n8n-workflow';

import { WhatsAppTemplatesApi } from '../../credentials/WhatsAppTemplatesApi.credentials';
import { WhatsAppTemplates } from '../../nodes/WhatsAppTemplates/WhatsAppTemplates.node';
import { missingCapabilities } from '../../nodes/WhatsAppTemplates/shared/n8nSupport';
import { n8n } from '../engine/engine-env';
import { runNode, type OnError } from '../engine/harness';
import { BASE_PARAMS, TYPE_NAME, items, jsonOut, sends, startProduct, type Product } from './setup';

// Spelled out: the README's minimum (measured by scripts/versions/probe.js), not the node's constant read back.
const REFUSAL = 'This node needs n8n 1.81.4 or newer (this n8n lacks this.addExecutionHints); update n8n';

let product: Product;
beforeAll(async () => {
	product = await startProduct();
});
afterAll(async () => await product.close());
beforeEach(() => product.sb.reset());

/** Runs fn on an engine whose execution context has no addExecutionHints, as n8n-core before 1.79 (n8n 1.78 and older). */
async function withoutExecutionHints<T>(fn: () => Promise<T>): Promise<T> {
	const prototype = n8n().core.ExecuteContext.prototype as { addExecutionHints?: unknown };
	const original = prototype.addExecutionHints;
	prototype.addExecutionHints = undefined;
	try {
		return await fn();
	} finally {
		prototype.addExecutionHints = original;
	}
}

/** The node as n8n-core before 1.82 runs it: no customOperations there, so its execute(). */
function executeOnly(): INodeType {
	return Object.create(new WhatsAppTemplates(), { customOperations: { value: undefined } }) as INodeType;
}

const send = async (nodeType: INodeType, onError?: OnError) =>
	await runNode({
		nodeType,
		typeName: TYPE_NAME,
		credentialTypes: [new WhatsAppTemplatesApi()],
		credentials: { whatsAppTemplatesApi: product.credentials as never },
		parameters: BASE_PARAMS,
		items: items(2),
		onError,
	});

const paths: Array<[string, () => INodeType]> = [
	['customOperations (n8n-core 1.82 and newer)', () => new WhatsAppTemplates()],
	['execute() (n8n-core before 1.82)', executeOnly],
];

describe.each(paths)('through %s', (_, nodeType) => {
	it('sends when the engine has everything the node uses', async () => {
		const result = await send(nodeType());
		expect(result.error).toBeUndefined();
		expect(sends(product)).toHaveLength(2);
	});

	it('refuses with the plain error and sends nothing when addExecutionHints is missing', async () => {
		const result = await withoutExecutionHints(async () => await send(nodeType()));
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(REFUSAL);
		expect(result.error?.description).toMatch(/Nothing was sent/);
		// Not even the template list is read.
		expect(product.sb.requests).toHaveLength(0);
	});

	it('under continue-on-fail, every item carries the error instead of passing on as if sent', async () => {
		const result = await withoutExecutionHints(async () => await send(nodeType(), 'continueRegularOutput'));
		const out = jsonOut(result);
		expect(out).toHaveLength(2);
		for (const [i, item] of out.entries()) {
			expect(item).toEqual({ error: REFUSAL, details: expect.objectContaining({ delivery: 'not sent', itemIndex: i }) });
		}
		expect(product.sb.requests).toHaveLength(0);
	});
});

/** Each capability the check names, hidden in turn on a real execution context. */
const CAPABILITIES = [
	'this.addExecutionHints',
	'this.helpers.httpRequestWithAuthentication',
	'this.helpers.getBinaryMetadata',
	'this.helpers.getBinaryStream',
	'this.helpers.getBinaryDataBuffer',
	'this.getExecutionId',
	'this.continueOnFail',
	'this.getCredentials',
];

function hiding(ctx: IExecuteFunctions, name: string): IExecuteFunctions {
	const [, first, second] = name.split('.');
	return new Proxy(ctx, {
		get: (target, property) => {
			const value = Reflect.get(target, property, target) as unknown;
			if (property !== first) return value;
			return second ? { ...(value as object), [second]: undefined } : undefined;
		},
	});
}

it('names exactly the capability that is missing, for each one the node uses', async () => {
	const capabilityProbe: INodeType = {
		description: {
			displayName: 'Capability Probe',
			name: 'capabilityProbe',
			group: ['transform'],
			version: 1,
			description: 'Reports what missingCapabilities finds on its own context',
			defaults: { name: 'Capability Probe' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		},
		async execute(this: IExecuteFunctions) {
			const found = Object.fromEntries(CAPABILITIES.map((name) => [name, missingCapabilities(hiding(this, name))]));
			return [[{ json: { none: missingCapabilities(this), ...found } }]];
		},
	};
	const result = await runNode({ nodeType: capabilityProbe });
	expect(jsonOut(result)[0]).toEqual({ none: [], ...Object.fromEntries(CAPABILITIES.map((name) => [name, [name]])) });
});
