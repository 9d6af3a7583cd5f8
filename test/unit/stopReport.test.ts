/**
 * What a stopped run tells the user (shared/batch/stopReport.ts): which items went out, with their
 * message ids, which may have, and which did not, so that a rerun sends only the rest.
 */
import { NodeApiError, type INode } from 'n8n-workflow';

import type { ItemResult } from '../../nodes/WhatsAppTemplates/shared/batch/itemResult';
import { stopReport, withStopReport } from '../../nodes/WhatsAppTemplates/shared/batch/stopReport';

const node: INode = { id: '1', name: 'WhatsApp Templates', type: 'whatsAppTemplates', typeVersion: 1, position: [0, 0], parameters: {} };
const failed = (delivery: 'unknown' | 'not sent'): ItemResult => ({ ok: false, delivery, error: new NodeApiError(node, {}, { message: 'failed' }) });
const sent = (messageId?: string): ItemResult => ({ ok: true, body: messageId === undefined ? {} : { messageId } });

describe('stopReport', () => {
	it('sent with message ids, maybe sent, not sent (never dispatched counts as not sent), as ranges', () => {
		const results = new Map<number, ItemResult>([
			[0, sent('wamid.A')],
			[1, sent()],
			[2, failed('unknown')],
			[3, failed('not sent')],
			[5, failed('unknown')],
			[6, failed('unknown')],
		]);
		expect(stopReport(9, results, 2)).toBe(
			'Stopped after item 2 failed; no further items were sent. Sent: 2 item(s): 0 (wamid.A), 1 (no id). Maybe sent (check before resending): items 2, 5-6. Not sent: items 3-4, 7-8.',
		);
	});

	it('nothing sent, nothing left over', () => {
		expect(stopReport(1, new Map([[0, failed('not sent')]]), 0)).toBe('Stopped after item 0 failed; no further items were sent. Sent: none. Not sent: items 0.');
		expect(stopReport(2, new Map([[0, sent('wamid.A')], [1, failed('unknown')]]), 1)).toBe(
			'Stopped after item 1 failed; no further items were sent. Sent: 1 item(s): 0 (wamid.A). Maybe sent (check before resending): items 1. Not sent: none.',
		);
	});

	it('lists at most 20 message ids, then all sent items as ranges', () => {
		const results = new Map<number, ItemResult>(Array.from({ length: 25 }, (_, i) => [i, sent(`wamid.${i}`)] as [number, ItemResult]));
		results.set(25, failed('not sent'));
		const ids = Array.from({ length: 20 }, (_, i) => `${i} (wamid.${i})`).join(', ');
		expect(stopReport(26, results, 25)).toBe(`Stopped after item 25 failed; no further items were sent. Sent: 25 item(s): ${ids}, … (all: 0-24). Not sent: items 25.`);
		results.delete(20);
		results.delete(21);
		results.delete(22);
		results.delete(23);
		results.delete(24);
		expect(stopReport(26, results, 25)).toContain(`Sent: 20 item(s): ${ids}. Not sent: items 20-25.`);
	});
});

describe('withStopReport', () => {
	it("adds the report to the error's own description, once, however often the error is thrown again", () => {
		const error = new NodeApiError(node, {}, { message: 'failed', description: 'Fix the phone.' });
		expect(withStopReport(error, 'Report 1.').description).toBe('Fix the phone. Report 1.');
		expect(withStopReport(error, 'Report 2.').description).toBe('Fix the phone. Report 2.');
		const bare = new NodeApiError(node, {}, { message: 'failed' });
		expect(withStopReport(bare, 'Report.').description).toBe('Report.');
	});
});
