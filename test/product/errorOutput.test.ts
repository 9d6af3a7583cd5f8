/**
 * "On Error: Continue (using error output)": a failed item takes the error branch, paired to its
 * input item, with what users map intact (json.error, json.details.delivery, .description). The
 * engine here is n8n-core 2.x; n8n 1.x routes only by item.error (test/unit/itemResult.test.ts
 * checks the node sets it, the 1.x e2e that n8n 1.123.81 routes by it).
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { WhatsAppTemplates } from '../../nodes/WhatsAppTemplates/WhatsAppTemplates.node';
import { items, jsonOut, sends, startProduct, type Product } from './setup';

let product: Product;
beforeAll(async () => {
	product = await startProduct();
});
afterAll(async () => await product.close());
beforeEach(() => product.sb.reset());

const PHONES = ['4915100000000', '4915100000001', 'not a phone'];
const rows = () => items(3, (i) => ({ phone: PHONES[i], row: `crm-${i}` }));
/** Item 1 fails after it went out (the platform's 500), item 2 before any request (its phone). */
async function sendThree(onError: 'continueErrorOutput' | 'continueRegularOutput') {
	product.sb.injectFault({ kind: 'system500', match: { phone: PHONES[1] } });
	return await product.send({ phone: '={{ $json.phone }}' }, { items: rows(), onError });
}

const maybeSent = {
	error: 'The platform failed while handling the message (HTTP 500)',
	details: { delivery: 'unknown', itemIndex: 1, httpCode: '500', description: expect.stringMatching(/may or may not have gone out/) },
};
const refused = {
	error: expect.stringMatching(/^Recipient Phone "not a phone".*\[item 2\]/),
	details: { delivery: 'not sent', itemIndex: 2, description: expect.stringMatching(/Nothing was sent/) },
};

it('the failed sends take the error output, each paired to its input item, details intact', async () => {
	const result = await sendThree('continueErrorOutput');
	expect(result.error).toBeUndefined();
	expect(result.outputs).toHaveLength(2);
	const [sent, failed] = result.outputs!;
	expect(sent.map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
	expect(sent[0].json.messageId).toBe(product.sb.messages[0].wamid);
	expect(failed.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 2 }]);
	// n8n lays the error item over its input item's json (handleNodeErrorOutput, both lines).
	expect(jsonOut(result, 1)).toEqual([
		{ phone: PHONES[1], row: 'crm-1', ...maybeSent },
		{ phone: PHONES[2], row: 'crm-2', ...refused },
	]);
	// Nothing of the error object itself reaches the data n8n stores and shows.
	expect(failed.every((item) => item.error === undefined)).toBe(true);
	expect(sends(product)).toHaveLength(2);
});

it('under plain continue-on-fail the failed items stay on the one output, exactly { error, details }', async () => {
	const result = await sendThree('continueRegularOutput');
	expect(result.outputs).toHaveLength(1);
	expect(result.outputs![0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	const out = jsonOut(result);
	expect(out[0].messageId).toBe(product.sb.messages[0].wamid);
	expect(out.slice(1)).toEqual([maybeSent, refused]);
	expect(result.outputs![0].every((item) => item.error === undefined)).toBe(true);
});

/** The item.error of each item the node returned, read before n8n routes (and empties) its output. */
async function returnedErrors(onError: 'continueErrorOutput' | 'continueRegularOutput'): Promise<Array<string | undefined>> {
	const nodeType = new WhatsAppTemplates();
	const send = nodeType.customOperations.message.sendTemplate;
	let errors: Array<string | undefined> = [];
	nodeType.customOperations.message.sendTemplate = async function (this: IExecuteFunctions) {
		const out = await send.call(this);
		errors = out[0].map((item) => ('error' in item ? String(item.error?.message) : undefined));
		return out;
	};
	product.sb.injectFault({ kind: 'system500', match: { phone: PHONES[1] } });
	await product.send({ phone: '={{ $json.phone }}' }, { items: rows(), onError, nodeType });
	return errors;
}

// n8n 1.x sends an item to the error output only by item.error (the 1.x e2e shows it): 2.x here would route by the json alone.
it('the node sets item.error on its failed items under the error output, and only there', async () => {
	expect(await returnedErrors('continueErrorOutput')).toEqual([undefined, maybeSent.error, expect.stringMatching(/^Recipient Phone "not a phone"/)]);
	expect(await returnedErrors('continueRegularOutput')).toEqual([undefined, undefined, undefined]);
});
