/**
 * What n8n's Retry On Fail may send again (shared/batch/retryLedger.ts): only what never went out.
 * The engine tests (test/hardening/faults-retry.test.ts) run it through n8n; these pin its memory:
 * which results count as sent, and that a busy instance forgets the oldest executions first.
 */
import { NodeApiError, type INode } from 'n8n-workflow';

import type { ItemResult } from '../../nodes/WhatsAppTemplates/shared/batch/itemResult';
import { RetryLedger } from '../../nodes/WhatsAppTemplates/shared/batch/retryLedger';

const node: INode = { id: '1', name: 'WhatsApp Templates', type: 'whatsAppTemplates', typeVersion: 1, position: [0, 0], parameters: {} };
const sent: ItemResult = { ok: true, body: { messageId: 'wamid.A' } };
const failed = (delivery: 'unknown' | 'not sent'): ItemResult => ({ ok: false, delivery, error: new NodeApiError(node, {}, { message: 'failed' }) });

let run = 0;
/** A key no other test uses: ledgers live for the whole process. */
const fresh = () => `ledger-test-${run++}`;

describe('RetryLedger', () => {
	it('a retry repeats what was sent or may have been; what was surely not sent goes again', () => {
		const key = fresh();
		new RetryLedger(key).keep([
			['0|a', sent],
			['1|b', failed('unknown')],
			['2|c', failed('not sent')],
		]);
		const retry = new RetryLedger(key);
		expect(retry.earlier('0|a')).toBe(sent);
		expect(retry.earlier('1|b')).toEqual(expect.objectContaining({ ok: false, delivery: 'unknown' }));
		expect(retry.earlier('2|c')).toBeUndefined();
		expect(retry.earlier('3|d')).toBeUndefined();
	});

	it('a later try adds to what the earlier ones kept', () => {
		const key = fresh();
		new RetryLedger(key).keep([['0|a', sent]]);
		new RetryLedger(key).keep([['1|b', sent]]);
		const retry = new RetryLedger(key);
		expect([retry.earlier('0|a'), retry.earlier('1|b')]).toEqual([sent, sent]);
	});

	it('clear() forgets the execution: the node finished', () => {
		const key = fresh();
		new RetryLedger(key).keep([['0|a', sent]]);
		new RetryLedger(key).clear();
		expect(new RetryLedger(key).earlier('0|a')).toBeUndefined();
	});

	it('holds 100 executions; the one kept longest ago is forgotten first, one kept again counts as new', () => {
		const keys = Array.from({ length: 100 }, fresh);
		for (const key of keys) new RetryLedger(key).keep([['0|a', sent]]);
		new RetryLedger(keys[0]).keep([['1|b', sent]]); // kept again: now the newest
		new RetryLedger(fresh()).keep([['0|a', sent]]); // the 101st: the oldest (keys[1]) goes
		expect(new RetryLedger(keys[0]).earlier('0|a')).toBe(sent);
		expect(new RetryLedger(keys[1]).earlier('0|a')).toBeUndefined();
		expect(new RetryLedger(keys[2]).earlier('0|a')).toBe(sent);
		expect(new RetryLedger(keys[99]).earlier('0|a')).toBe(sent);
	});
});
