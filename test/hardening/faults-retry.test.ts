/**
 * n8n's Retry On Fail runs the whole node again after it throws. A message that may have gone
 * out (delivery unknown) must not go out again: later tries fail at once with the same error
 * and no request. A refusal that sent nothing may be tried again, and the message then goes out
 * exactly once.
 */
import type { IExecuteFunctions, NodeApiError } from 'n8n-workflow';

import { WhatsAppTemplatesApi } from '../../credentials/WhatsAppTemplatesApi.credentials';
import { WhatsAppTemplates } from '../../nodes/WhatsAppTemplates/WhatsAppTemplates.node';
import { runNode } from '../engine/harness';
import { BASE_PARAMS, TYPE_NAME, jsonOut } from '../product/setup';
import { CASES, MAYBE_SENT, NOT_SENT, itemsFor, paramsFor, type Case } from './faultCases';
import { useFaultBench } from './faultProduct';

const bench = useFaultBench();
const sends = () => bench.sends();

/** Runs the node with Retry On Fail (3 tries) and counts the tries the engine made. */
async function withRetries(c: Case) {
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
		credentials: { whatsAppTemplatesApi: bench.product.credentials as never },
		parameters: { ...BASE_PARAMS, ...paramsFor(c) },
		items: itemsFor(c, 1, bench.files),
		retryOnFail: true,
		maxTries: 3,
		waitBetweenTries: 10,
	});
	return { result, tries };
}

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
