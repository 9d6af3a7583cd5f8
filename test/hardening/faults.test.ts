/**
 * Faults after the request left n8n, injected by the sandbox: each ends in a clear error that
 * says the message may or may not have gone out, is never sent again automatically (not by the
 * node, not by n8n's Retry On Fail), and with continue-on-fail every item is accounted for.
 */
import type { IBinaryData, IDataObject, IExecuteFunctions, INodeExecutionData, INodeParameters, NodeApiError } from 'n8n-workflow';

import { WhatsAppTemplatesApi } from '../../credentials/WhatsAppTemplatesApi.credentials';
import { WhatsAppTemplates } from '../../nodes/WhatsAppTemplates/WhatsAppTemplates.node';
import { runNode, storeBinary } from '../engine/harness';
import type { FaultKind } from '../sandbox';
import { BASE_PARAMS, TYPE_NAME, jsonOut, startProduct, type Product } from '../product/setup';

let product: Product;
let smallFile: IBinaryData;
let bigFile: IBinaryData;
beforeAll(async () => {
	product = await startProduct('filesystem');
	smallFile = await storeBinary({ size: 10_000 }, { fileName: 'small.pdf', mimeType: 'application/pdf' });
	bigFile = await storeBinary({ size: 2 * 1024 * 1024 }, { fileName: 'big.pdf', mimeType: 'application/pdf' });
});
afterAll(async () => await product.close());
beforeEach(() => product.sb.reset());

const MAYBE_SENT = /The message may or may not have gone out\. It was not sent again automatically: check the conversation before sending it again\./;

interface FaultCase {
	kind: FaultKind;
	message: string | RegExp;
	httpCode?: string;
	/** What the description says besides "may or may not have gone out". */
	advice: RegExp;
	params?: INodeParameters;
	bodies: Array<'json' | 'multipart'>;
}

const faults: FaultCase[] = [
	{ kind: '500', message: 'Failed to send template message', httpCode: '500', advice: /failed while handling the message/, bodies: ['json', 'multipart'] },
	{ kind: 'drop', message: 'The connection to the platform broke off before it answered', advice: /\(network error: (ECONNRESET|EPIPE|ECONNABORTED|ERR_SOCKET\w*|socket hang up)\)/, bodies: ['json', 'multipart'] },
	{ kind: 'dropMidUpload', message: 'The connection to the platform broke off before it answered', advice: /\(network error: \w+\)/, bodies: ['multipart'] },
	{ kind: 'hang', message: 'The platform did not answer in time', advice: /\(network error: (ECONNABORTED|ETIMEDOUT)\)/, params: { requestOptions: { timeout: 300 } }, bodies: ['json', 'multipart'] },
	{ kind: 'html502', message: 'The platform answered HTTP 502 without an explanation (not JSON: perhaps a proxy or load balancer in front of it)', httpCode: '502', advice: /a proxy in front of it\) failed/, bodies: ['json', 'multipart'] },
	{ kind: 'nonJson200', message: 'The platform answered HTTP 200 without a JSON body, so it is unknown whether the message was queued', httpCode: '200', advice: /^/, bodies: ['json', 'multipart'] },
	{ kind: 'statusError200', message: 'The platform answered HTTP 200 but reported an error: Failed to send template message', httpCode: '200', advice: /^/, bodies: ['json', 'multipart'] },
];

const cases = faults.flatMap((f) => f.bodies.map((body) => ({ ...f, body, name: `${f.kind} (${body}${body === 'multipart' ? `, ${f.kind === 'dropMidUpload' ? '2 MB' : '10 kB'} document` : ''})` })));

const phones = ['4915100000000', '4915100000001', '4915100000002'];

function paramsFor(c: (typeof cases)[number]): INodeParameters {
	const media = c.body === 'multipart' ? { templateName: 'order_shipped_media', headerType: 'document', mediaSource: 'binary', binaryPropertyName: 'file' } : {};
	return { phone: '={{ $json.phone }}', ...media, ...c.params };
}

function itemsFor(c: (typeof cases)[number], count: number): INodeExecutionData[] {
	const file = c.kind === 'dropMidUpload' ? bigFile : smallFile;
	return phones.slice(0, count).map((phone) => ({ json: { phone }, ...(c.body === 'multipart' ? { binary: { file } } : {}) }));
}

const requestsFor = (phone: string) => product.sb.requests.filter((r) => r.fields?.phone === phone || (r.fields === null && r.fault !== null));

function expectFaultError(c: (typeof cases)[number], error: NodeApiError | undefined, itemIndex: number) {
	expect(error).toBeDefined();
	expect(error!.name).toBe('NodeApiError');
	if (typeof c.message === 'string') expect(error!.message).toBe(c.message);
	else expect(error!.message).toMatch(c.message);
	expect(error!.httpCode ?? undefined).toBe(c.httpCode);
	expect(error!.description).toMatch(c.advice);
	expect(error!.description).toMatch(MAYBE_SENT);
	expect(error!.context.itemIndex).toBe(itemIndex);
}

describe(`${cases.length} faults after sending: clear error, "may or may not have gone out", sent once`, () => {
	it.each(cases)('$name: the node stops with a clear error', async (c) => {
		product.sb.injectFault({ kind: c.kind });
		const result = await product.send(paramsFor(c), { items: itemsFor(c, 1) });
		expectFaultError(c, result.error as unknown as NodeApiError, 0);
		expect(product.sb.requests).toHaveLength(1);
		expect(product.sb.requests[0].fault).toBe(c.kind);
		expect(product.sb.messages).toHaveLength(0);
		if (c.kind === 'dropMidUpload') {
			// It really broke off during the upload: the sandbox got only part of the 2 MB.
			expect(product.sb.requests[0].error).toMatch(/not complete/);
		}
	});

	it.each(cases)('$name, continue-on-fail: 3 in, 3 out, paired; the failed item sent once, the others sent', async (c) => {
		product.sb.injectFault({ kind: c.kind, match: { phone: phones[1] } });
		const result = await product.send(paramsFor(c), { items: itemsFor(c, 3), onError: 'continueRegularOutput' });
		expect(result.outputs).toHaveLength(1);
		const out = jsonOut(result);
		expect(out).toHaveLength(3);
		expect(result.outputs![0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[0].status).toBe('success');
		expect(out[2].status).toBe('success');
		expect(out[1]).toEqual({
			error: c.message,
			details: { delivery: 'unknown', itemIndex: 1, description: expect.stringMatching(MAYBE_SENT), ...(c.httpCode ? { httpCode: c.httpCode } : {}) },
		});
		expect(requestsFor(phones[1])).toHaveLength(1);
		expect(product.sb.requests).toHaveLength(3);
		expect(product.sb.messages.map((m) => m.fields.phone).sort()).toEqual([phones[0], phones[2]]);
	});

	it.each(cases)('$name, error output: the failed item alone on the error output, paired', async (c) => {
		product.sb.injectFault({ kind: c.kind, match: { phone: phones[1] } });
		const result = await product.send(paramsFor(c), { items: itemsFor(c, 3), onError: 'continueErrorOutput' });
		expect(result.outputs).toHaveLength(2);
		expect(result.outputs![0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		expect(result.outputs![1].map((item) => item.pairedItem)).toEqual([{ item: 1 }]);
		expect(jsonOut(result, 1)[0]).toMatchObject({ phone: phones[1], error: c.message, details: { delivery: 'unknown', itemIndex: 1 } });
		expect(product.sb.requests).toHaveLength(3);
	});
});

describe("n8n's Retry On Fail does not send a maybe-sent message again", () => {
	it.each(cases)('$name: 3 tries, one request', async (c) => {
		product.sb.injectFault({ kind: c.kind, times: 3 });
		// Counts the node's runs, to see that the engine did try again.
		const nodeType = new WhatsAppTemplates();
		const send = nodeType.customOperations.message.sendTemplate;
		let tries = 0;
		nodeType.customOperations.message.sendTemplate = async function (this: IExecuteFunctions) {
			tries++;
			return await send.call(this);
		};
		const result = await runNode({
			nodeType,
			typeName: TYPE_NAME,
			credentialTypes: [new WhatsAppTemplatesApi()],
			credentials: { whatsAppTemplatesApi: product.credentials as never },
			parameters: { ...BASE_PARAMS, ...paramsFor(c) },
			items: itemsFor(c, 1),
			retryOnFail: true,
			maxTries: 3,
			waitBetweenTries: 10,
		});
		expectFaultError(c, result.error as unknown as NodeApiError, 0);
		expect(product.sb.requests).toHaveLength(1);
		expect(tries).toBe(3);
	});
});

describe('for contrast: a refusal that sent nothing is not "maybe sent"', () => {
	it('422 is "not sent"', async () => {
		const result = await product.send({ templateName: 'summer_promo' }, { onError: 'continueRegularOutput' });
		expect((jsonOut(result)[0].details as IDataObject).delivery).toBe('not sent');
		expect((jsonOut(result)[0].details as IDataObject).description).toMatch(/Nothing was sent\./);
	});
});
