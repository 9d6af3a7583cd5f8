import type { NodeApiError } from 'n8n-workflow';

import { WIRE, answers } from '../support/wire';
import { bulkPhone, items, jsonOut, sends, startProduct, type Product } from './setup';

let product: Product;
beforeAll(async () => {
	product = await startProduct();
});
afterAll(async () => await product.close());
beforeEach(() => {
	product.sb.reset();
	product.sb.configure({ latencyMs: 0, rateLimit: null });
});

const byPhone = { phone: '={{ $json.phone }}' };
const phoneOf = (fields: Record<string, unknown> | null) => fields![WIRE.phone] as string;

describe('bulk sends', () => {
	it.each([1, 3, 8])('never has more than %i request(s) in flight, outputs in input order', async (concurrency) => {
		product.sb.configure({ latencyMs: 60 });
		const result = await product.send({ ...byPhone, options: { concurrency } }, { items: items(40) });
		expect(result.error).toBeUndefined();
		expect(product.sb.stats.maxInFlight).toBe(concurrency);
		const out = jsonOut(result);
		const wamidByPhone = new Map(product.sb.messages.map((m) => [phoneOf(m.fields), m.wamid]));
		expect(out.map((o) => o.messageId)).toEqual(items(40).map((_, i) => wamidByPhone.get(bulkPhone(i))));
		expect(result.outputs![0].map((o) => o.pairedItem)).toEqual(items(40).map((_, i) => ({ item: i })));
	});

	it('defaults to 5 in flight', async () => {
		product.sb.configure({ latencyMs: 60 });
		await product.send(byPhone, { items: items(30) });
		expect(product.sb.stats.maxInFlight).toBe(5);
	});

	it('a 429 item is sent again after the wait it names and succeeds; nothing is sent twice', async () => {
		product.sb.configure({ rateLimit: { max: 4, windowMs: 1000 } });
		const result = await product.send({ ...byPhone, options: { concurrency: 2 } }, { items: items(10) });
		expect(result.error).toBeUndefined();
		expect(product.sb.stats.byStatus[429]).toBeGreaterThan(0);
		expect(product.sb.messages).toHaveLength(10);
		expect(new Set(product.sb.messages.map((m) => phoneOf(m.fields))).size).toBe(10);
		// v1 names the wait only in the body: no Retry-After header came.
		const limited = sends(product).find((r) => r.status === 429)!;
		expect(limited.response).toEqual(answers.rateLimited(1));
	});

	it('a 429 pauses every worker: no request starts at the sandbox from its answer until the wait it named has passed', async () => {
		// Item 1 is answered 429 (wait 1 s) at once; items 0 and 2, in flight beside it, are answered
		// 150 ms later, during the pause: their workers are free and must wait too.
		product.sb.injectFault({ kind: 'respond', status: 429, body: answers.rateLimited(1), match: { phone: bulkPhone(1) } });
		for (const i of [0, 2]) product.sb.injectFault({ kind: 'latency', ms: 150, match: { phone: bulkPhone(i) } });
		const result = await product.send({ ...byPhone, options: { concurrency: 3 } }, { items: items(6) });
		expect(result.error).toBeUndefined();
		expect(product.sb.messages.map((m) => phoneOf(m.fields)).sort()).toEqual(items(6).map((_, i) => bulkPhone(i)));
		const limited = sends(product).find((r) => r.status === 429)!;
		expect(phoneOf(limited.fields)).toBe(bulkPhone(1));
		// Three in flight: nothing more goes out before one of the first three is answered.
		const [before, after] = [sends(product).slice(0, 3), sends(product).slice(3)];
		expect(before.map((r) => phoneOf(r.fields)).sort()).toEqual([0, 1, 2].map(bulkPhone));
		expect(after.map((r) => phoneOf(r.fields)).sort()).toEqual([1, 3, 4, 5].map(bulkPhone));
		// The node waits on Date.now() (whole milliseconds) from when it read the 429, which is after the
		// sandbox's endedAt (performance.now()): the two clocks' steps allow 1 ms, nothing else.
		for (const r of after) expect(r.startedAt - limited.endedAt!).toBeGreaterThanOrEqual(1000 - 1);
		expect(Math.max(...before.filter((r) => r !== limited).map((r) => r.endedAt!))).toBeLessThan(Math.min(...after.map((r) => r.startedAt)));
	});

	it('a 500 item is sent once and reported; later items are not dispatched (continue-on-fail off)', async () => {
		product.sb.configure({ latencyMs: 20 });
		product.sb.injectFault({ kind: 'system500', match: { phone: bulkPhone(3) } });
		const result = await product.send({ ...byPhone, options: { concurrency: 2 } }, { items: items(20) });
		const error = result.error as unknown as NodeApiError;
		expect(error.context.itemIndex).toBe(3);
		expect(error.description).toMatch(/may or may not have gone out/);
		expect(sends(product).filter((r) => phoneOf(r.fields) === bulkPhone(3))).toHaveLength(1);
		const sentPhones = product.sb.messages.map((m) => phoneOf(m.fields));
		// Only items already in flight when item 3 failed went out after it.
		expect(sends(product).length).toBeLessThanOrEqual(5);
		const sentIndexes = sentPhones.map((p) => Number(p.slice(-3))).sort((a, b) => a - b);
		const wamid = (i: number) => product.sb.messages.find((m) => phoneOf(m.fields) === bulkPhone(i))!.wamid.replace(/[.]/g, '\\.');
		expect(error.description).toMatch(new RegExp(`Sent: ${sentIndexes.length} item\\(s\\): ${sentIndexes.map((i) => `${i} \\(${wamid(i)}\\)`).join(', ')}\\.`));
		expect(error.description).toMatch(/Maybe sent \(check before resending\): items 3\./);
		const last = Math.max(...sentIndexes, 3);
		expect(error.description).toMatch(new RegExp(`Not sent: items ${last + 1}-19\\.`));
	});

	it('a connection lost mid-send stops the run like an error answer: nothing after it is sent', async () => {
		product.sb.injectFault({ kind: 'drop', match: { phone: bulkPhone(1) } });
		const result = await product.send({ ...byPhone, options: { concurrency: 1 } }, { items: items(6) });
		const error = result.error as unknown as NodeApiError;
		expect(error.message).toBe('The connection to the platform broke off before it answered');
		expect(error.context.itemIndex).toBe(1);
		expect(sends(product).map((r) => phoneOf(r.fields))).toEqual([bulkPhone(0), bulkPhone(1)]);
		expect(error.description).toMatch(/Not sent: items 2-5\.$/);
	});

	it('two items in flight fail: the error is the first by input order, even when its answer comes last', async () => {
		// Item 1 hangs until the 300 ms timeout; item 2 fails at once, while item 1 is still in flight.
		product.sb.injectFault({ kind: 'hang', match: { phone: bulkPhone(1) } });
		product.sb.injectFault({ kind: 'system500', match: { phone: bulkPhone(2) } });
		const result = await product.send({ ...byPhone, options: { concurrency: 3 }, requestOptions: { timeout: 300 } }, { items: items(6) });
		const error = result.error as unknown as NodeApiError;
		expect(error.message).toBe('The platform did not answer in time');
		expect(error.context.itemIndex).toBe(1);
		expect(error.description).toContain('Stopped after item 1 failed; no further items were sent.');
		expect(error.description).toContain('Maybe sent (check before resending): items 1-2.');
		// Item 0's worker may take item 3 before item 2's failure is in: nothing later than that.
		expect(sends(product).length).toBeLessThanOrEqual(4);
		expect(error.description).toMatch(/Not sent: items (3-5|4-5)\.$/);
	});

	it('with continue-on-fail every item is tried once: N in, N out, paired, in order', async () => {
		product.sb.injectFault({ kind: 'system500', match: { phone: bulkPhone(2) } });
		product.sb.injectFault({ kind: 'whatsapp500', match: { phone: bulkPhone(5) } });
		const input = items(8);
		input[6].json.phone = 'not a phone';
		const result = await product.send({ ...byPhone, options: { concurrency: 3 } }, { items: input, onError: 'continueRegularOutput' });
		const out = jsonOut(result);
		expect(out).toHaveLength(8);
		expect(result.outputs![0].map((o) => o.pairedItem)).toEqual(input.map((_, i) => ({ item: i })));
		expect(out.map((o) => (o.error ? (o.details as { delivery: string }).delivery : 'sent'))).toEqual([
			'sent', 'sent', 'unknown', 'sent', 'sent', 'not sent', 'not sent', 'sent',
		]);
		expect(sends(product)).toHaveLength(7);
	});

	it("honours n8n's Batching request option: a pause between batches", async () => {
		const result = await product.send(
			{ ...byPhone, requestOptions: { batching: { batch: { batchSize: 2, batchInterval: 300 } } } },
			{ items: items(4) },
		);
		expect(result.error).toBeUndefined();
		const [a, b, c] = sends(product);
		expect(c.startedAt - Math.max(a.endedAt!, b.endedAt!)).toBeGreaterThanOrEqual(290);
	});

	it("honours n8n's Timeout request option and does not resend after it", async () => {
		product.sb.injectFault({ kind: 'hang' });
		const result = await product.send({ requestOptions: { timeout: 300 } });
		const error = result.error as unknown as NodeApiError;
		expect(error.message).toBe('The platform did not answer in time');
		expect(error.description).toMatch(/may or may not have gone out/);
		expect(sends(product)).toHaveLength(1);
	});
});

describe("n8n's Retry On Fail", () => {
	it('a retry sends only what never went out and repeats the earlier answers: nothing twice', async () => {
		// One message per one-second window, and no waiting at all after a 429: every try sends
		// one item and stops at the next (429, not processed); n8n retries after 1 s.
		product.sb.configure({ rateLimit: { max: 1, windowMs: 1000 } });
		const result = await product.send(
			// Without the check's template-list read, which the rate limit would count too.
			{ ...byPhone, options: { concurrency: 1, maxRetryWaitSeconds: 0, checkTemplate: false } },
			{ items: items(3), retryOnFail: true, maxTries: 5 },
		);
		expect(result.error).toBeUndefined();
		expect(product.sb.messages.map((m) => phoneOf(m.fields))).toEqual(items(3).map((i) => i.json.phone));
		expect(product.sb.stats.byStatus[429]).toBe(2);
		const out = jsonOut(result);
		expect(out.map((o) => o.messageId)).toEqual(product.sb.messages.map((m) => m.wamid));
	});

	it('never resends a message that may have gone out; the error reports it once', async () => {
		product.sb.injectFault({ kind: 'system500', match: { phone: bulkPhone(1) } });
		const result = await product.send({ ...byPhone, options: { concurrency: 1 } }, { items: items(3), retryOnFail: true, maxTries: 2 });
		const error = result.error as unknown as NodeApiError;
		expect(error.httpCode).toBe('500');
		expect(sends(product).map((r) => phoneOf(r.fields))).toEqual([bulkPhone(0), bulkPhone(1)]);
		expect(error.description!.match(/Stopped after/g)).toHaveLength(1);
		expect(error.description).toMatch(/Sent: 1 item\(s\): 0 \(.+\)\. Maybe sent \(check before resending\): items 1\. Not sent: items 2\./);
	});
});
