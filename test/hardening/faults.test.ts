/**
 * Every fault kind of the sandbox, after the request left n8n, under each On Error setting:
 * a clear error that says whether the message may have gone out (CONTRACT.md: system500,
 * html502, drop, dropMidUpload, hang, noMessageId200, statusError200, nonJson200 → unknown;
 * whatsapp500, notConnected503, optedOut403, conversationLimit403, tooLarge413 → not sent),
 * the item sent exactly once, and with continue-on-fail every item accounted for.
 * Retry On Fail: faults-retry.test.ts.
 */
import type { IDataObject, NodeApiError } from 'n8n-workflow';

import { jsonOut } from '../product/setup';
import { WIRE } from '../support/wire';
import { FAULT_KINDS } from '../sandbox';
import { CASES, FAULTS, MAYBE_SENT, NOT_SENT, PHONES, itemsFor, paramsFor, type Case } from './faultCases';
import { useFaultBench } from './faultProduct';

const bench = useFaultBench();
const sends = () => bench.sends();

const requestsFor = (phone: string) => sends().filter((r) => r.fields?.[WIRE.phone] === phone || (r.fields === null && r.fault !== null));
const deliverySentence = (c: Case) => (c.delivery === 'unknown' ? MAYBE_SENT : NOT_SENT);

function expectFaultError(c: Case, error: NodeApiError | undefined, itemIndex: number) {
	expect(error).toBeDefined();
	expect(error!.name).toBe('NodeApiError');
	if (typeof c.message === 'string') expect(error!.message).toBe(c.message);
	else expect(error!.message).toMatch(c.message);
	expect(error!.httpCode ?? undefined).toBe(c.httpCode);
	expect(error!.description).toMatch(c.advice);
	expect(error!.description).toMatch(deliverySentence(c));
	expect(error!.context.itemIndex).toBe(itemIndex);
}

it('the table covers every fault kind the sandbox has (latency is not a fault of the answer)', () => {
	expect(FAULTS.map((f) => f.kind).sort()).toEqual(FAULT_KINDS.filter((k) => k !== 'latency').sort());
});

describe(`${CASES.length} faults, the node stops: clear error, delivery as the contract says, one request`, () => {
	it.each(CASES)('$name → $delivery', async (c) => {
		bench.product.sb.injectFault({ kind: c.kind });
		const result = await bench.product.send(paramsFor(c), { items: itemsFor(c, 1, bench.files) });
		expectFaultError(c, result.error as unknown as NodeApiError, 0);
		// The stop report sorts the item by its delivery.
		expect(result.error!.description).toMatch(c.delivery === 'unknown' ? /Maybe sent \(check before resending\): items 0\./ : /Not sent: items 0\./);
		expect(sends()).toHaveLength(1);
		expect(sends()[0].fault).toBe(c.kind);
		expect(bench.product.sb.messages).toHaveLength(0);
		if (c.kind === 'dropMidUpload') {
			// It really broke off during the upload: the sandbox got only part of the 2 MB.
			expect(sends()[0].error).not.toBeNull();
		}
	});
});

describe('continue-on-fail: 3 in, 3 out, paired; the failed item sent once, the others sent', () => {
	it.each(CASES)('$name', async (c) => {
		bench.product.sb.injectFault({ kind: c.kind, match: { phone: PHONES[1] } });
		const result = await bench.product.send(paramsFor(c), { items: itemsFor(c, 3, bench.files), onError: 'continueRegularOutput' });
		expect(result.outputs).toHaveLength(1);
		const out = jsonOut(result);
		expect(result.outputs![0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[0]).toMatchObject({ status: 'success', messageId: expect.stringMatching(/^wamid\./) });
		expect(out[2]).toMatchObject({ status: 'success', messageId: expect.stringMatching(/^wamid\./) });
		expect(out[1]).toEqual({
			error: typeof c.message === 'string' ? c.message : expect.stringMatching(c.message),
			details: { delivery: c.delivery, itemIndex: 1, description: expect.stringMatching(deliverySentence(c)), ...(c.httpCode ? { httpCode: c.httpCode } : {}) },
		});
		expect(requestsFor(PHONES[1])).toHaveLength(1);
		expect(sends()).toHaveLength(3);
		expect(bench.product.sb.messages.map((m) => m.fields[WIRE.phone]).sort()).toEqual([PHONES[0], PHONES[2]]);
		expect(new Set(out.filter((o) => o.messageId).map((o) => o.messageId))).toEqual(new Set(bench.product.sb.messages.map((m) => m.wamid)));
	});
});

describe('error output: the failed item alone on the error output, paired', () => {
	it.each(CASES)('$name', async (c) => {
		bench.product.sb.injectFault({ kind: c.kind, match: { phone: PHONES[1] } });
		const result = await bench.product.send(paramsFor(c), { items: itemsFor(c, 3, bench.files), onError: 'continueErrorOutput' });
		expect(result.outputs).toHaveLength(2);
		expect(result.outputs![0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		expect(result.outputs![1].map((item) => item.pairedItem)).toEqual([{ item: 1 }]);
		const failed = jsonOut(result, 1)[0];
		expect(failed.error).toEqual(typeof c.message === 'string' ? c.message : expect.stringMatching(c.message));
		expect(failed.details as IDataObject).toMatchObject({ delivery: c.delivery, itemIndex: 1 });
		expect(sends()).toHaveLength(3);
		expect(requestsFor(PHONES[1])).toHaveLength(1);
	});
});
