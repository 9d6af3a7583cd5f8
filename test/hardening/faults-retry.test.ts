/**
 * n8n's Retry On Fail runs the whole node again after it throws. A message that may have gone
 * out (delivery unknown) must not go out again: later tries fail at once with the same error
 * and no request. A refusal that sent nothing may be tried again, and the message then goes out
 * exactly once.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeParameters, NodeApiError } from 'n8n-workflow';

import { WhatsAppTemplatesApi } from '../../credentials/WhatsAppTemplatesApi.credentials';
import { WhatsAppTemplates } from '../../nodes/WhatsAppTemplates/WhatsAppTemplates.node';
import { runNode } from '../engine/harness';
import { BASE_PARAMS, TYPE_NAME, jsonOut } from '../product/setup';
import { CASES, MAYBE_SENT, NOT_SENT, itemsFor, paramsFor, type Case } from './faultCases';
import { useFaultBench } from './faultProduct';

const bench = useFaultBench();
const sends = () => bench.sends();

/** Runs an operation with Retry On Fail (3 tries) and counts the tries the engine made. */
async function runWithRetries(operation: 'sendTemplate' | 'sendText', parameters: INodeParameters, items: INodeExecutionData[]) {
	const nodeType = new WhatsAppTemplates();
	const run = nodeType.customOperations.message[operation];
	let tries = 0;
	nodeType.customOperations.message[operation] = async function (this: IExecuteFunctions) {
		tries++;
		return await run.call(this);
	};
	const result = await runNode({
		nodeType,
		typeName: TYPE_NAME,
		credentialTypes: [new WhatsAppTemplatesApi()],
		credentials: { whatsAppTemplatesApi: bench.product.credentials as never },
		parameters: { ...BASE_PARAMS, ...parameters, operation },
		items,
		retryOnFail: true,
		maxTries: 3,
		waitBetweenTries: 10,
	});
	return { result, tries };
}

const withRetries = (c: Case) => runWithRetries('sendTemplate', paramsFor(c), itemsFor(c, 1, bench.files));

const unknown = CASES.filter((c) => c.delivery === 'unknown');
const notSent = CASES.filter((c) => c.delivery === 'not sent');

describe(`${unknown.length} maybe-sent faults: 3 tries, one request, the same error`, () => {
	it.each(unknown)('$name', async (c) => {
		// The fault would answer every try: only the node's own memory keeps the later tries off the wire.
		bench.product.sb.injectFault({ kind: c.kind, times: 3 });
		const { result, tries } = await withRetries(c);
		expect(tries).toBe(3);
		const error = result.error as unknown as NodeApiError;
		expect(error.name).toBe('NodeApiError');
		if (typeof c.message === 'string') expect(error.message).toBe(c.message);
		else expect(error.message).toMatch(c.message);
		expect(error.description).toMatch(MAYBE_SENT);
		expect(sends()).toHaveLength(1);
		expect(bench.product.sb.messages).toHaveLength(0);
	});
});

describe(`${notSent.length} refusals that sent nothing: the retry sends, the message goes out once`, () => {
	it.each(notSent)('$name', async (c) => {
		bench.product.sb.injectFault({ kind: c.kind, times: 1 });
		const { result, tries } = await withRetries(c);
		expect(tries).toBe(2);
		expect(result.error).toBeUndefined();
		expect(jsonOut(result)).toEqual([expect.objectContaining({ status: 'success', messageId: bench.product.sb.messages[0]?.wamid })]);
		expect(sends().map((r) => r.fault)).toEqual([c.kind, null]);
		expect(bench.product.sb.messages).toHaveLength(1);
	});

	it('refused on every try: three requests, three refusals, nothing sent', async () => {
		const c = notSent.find((n) => n.kind === 'notConnected503')!;
		bench.product.sb.injectFault({ kind: c.kind, times: 3 });
		const { result, tries } = await withRetries(c);
		expect(tries).toBe(3);
		expect(result.error!.message).toBe(c.message);
		expect(result.error!.description).toMatch(NOT_SENT);
		expect(sends()).toHaveLength(3);
		expect(bench.product.sb.messages).toHaveLength(0);
	});
});

// Send Text, Media and Buttons share the engine but build their own jobs: each item must be
// remembered by its own content, or one item's refusal would send every earlier item again.
describe('the messages in the 24-hour window: a retry sends only the item that was refused', () => {
	it('Send Text, two items, the second refused once (nothing sent): each message goes out once', async () => {
		const phones = ['4915111111111', '4915122222222'];
		bench.product.sb.injectFault({ kind: 'notConnected503', times: 1, match: { route: 'messages.send', phone: phones[1] } });
		const items = phones.map((phone) => ({ json: { phone } }));
		const { result, tries } = await runWithRetries('sendText', { phone: '={{ $json.phone }}', text: 'Shipped.' }, items);
		expect(tries).toBe(2);
		expect(result.error).toBeUndefined();
		expect(bench.product.sb.freeForm.map((m) => m.digits)).toEqual(phones);
		expect(jsonOut(result).map((out) => out.messageId)).toEqual(bench.product.sb.freeForm.map((m) => m.wamid));
	});
});
