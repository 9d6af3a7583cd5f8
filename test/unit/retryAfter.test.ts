/**
 * How long a 429 makes the run wait (shared/batch/retryAfter.ts), read from the answer as each API
 * gives it: v1's body `retry_after` (CONTRACT.md: no header), v2's `meta.retry_after` and its
 * `Retry-After` header, or a proxy's header in seconds or as an HTTP date; anything else is 1 s.
 * The engine tests pace real runs by it (test/product/v2RateLimit.test.ts, bulk.test.ts).
 */
import type { IDataObject } from 'n8n-workflow';

import { retryAfterSeconds } from '../../nodes/WhatsAppTemplates/shared/batch/retryAfter';
import { v1, v2 } from '../../nodes/WhatsAppTemplates/shared/platform';

const NOW = Date.parse('2026-12-07T10:00:00Z');
const answer = (body: unknown, headers: IDataObject = {}) => ({ statusCode: 429, headers, body });
const v1Body = (retryAfter: unknown) => ({ message: 'Too many requests', retry_after: retryAfter });
const v2Body = (retryAfter: unknown) => ({ success: false, error: { code: 'RATE_LIMIT_EXCEEDED', message: 'Too many requests.' }, meta: { retry_after: retryAfter } });
const headerOnly = (value: unknown, now = NOW) => retryAfterSeconds(v2, answer({ success: false }, { 'retry-after': value } as IDataObject), now);

describe('retryAfterSeconds', () => {
	it('the body names the wait: v1 retry_after, v2 meta.retry_after; it wins over a header', () => {
		expect(retryAfterSeconds(v1, answer(v1Body(45), { 'retry-after': '3' }), NOW)).toBe(45);
		expect(retryAfterSeconds(v1, answer(v1Body('45')), NOW)).toBe(45);
		expect(retryAfterSeconds(v2, answer(v2Body(12), { 'retry-after': '3' }), NOW)).toBe(12);
		expect(retryAfterSeconds(v1, answer(v1Body(0), { 'retry-after': '3' }), NOW)).toBe(0);
	});

	it('a body without a usable wait leaves it to the header (null and blank are not 0)', () => {
		for (const unusable of [undefined, null, '', '  ', -1, 'soon', true, [7]]) {
			expect([unusable, retryAfterSeconds(v1, answer(v1Body(unusable), { 'retry-after': '3' }), NOW)]).toEqual([unusable, 3]);
		}
		expect(retryAfterSeconds(v2, answer(v2Body(null), { 'retry-after': '3' }), NOW)).toBe(3);
	});

	it('a header in seconds, as text or as a number', () => {
		expect(headerOnly('5')).toBe(5);
		expect(headerOnly(' 60 ')).toBe(60);
		expect(headerOnly(5)).toBe(5);
		expect(headerOnly('2.5')).toBe(2.5);
	});

	it('"0" is no wait, whatever the clock (not the year 2000, as Date.parse reads it)', () => {
		expect(headerOnly('0', Date.parse('1999-06-01T00:00:00Z'))).toBe(0);
		expect(headerOnly(0, Date.parse('1999-06-01T00:00:00Z'))).toBe(0);
	});

	it('an HTTP date: the seconds until then, rounded up; a date gone by is no wait', () => {
		expect(headerOnly('Mon, 07 Dec 2026 10:00:05 GMT')).toBe(5);
		expect(headerOnly('Mon, 07 Dec 2026 10:00:05 GMT', NOW + 500)).toBe(5);
		expect(headerOnly('Monday, 07-Dec-26 10:01:00 GMT')).toBe(60);
		expect(headerOnly('Mon, 07 Dec 2026 09:59:00 GMT')).toBe(0);
	});

	it('anything else is 1 s: negative, infinite, words, blank, numbers Date.parse would take for years', () => {
		for (const value of ['-5', '-0.5', 'Infinity', 'soon', '', '  ', '7 seconds', undefined, null, ['5'], { seconds: 5 }, -3, Number.NaN]) {
			expect([value, headerOnly(value)]).toEqual([value, 1]);
		}
	});

	it('nothing names a wait: 1 s', () => {
		expect(retryAfterSeconds(v1, answer({ message: 'Too many requests' }), NOW)).toBe(1);
		expect(retryAfterSeconds(v2, answer(''), NOW)).toBe(1);
	});
});
