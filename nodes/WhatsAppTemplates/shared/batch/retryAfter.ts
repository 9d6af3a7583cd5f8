import { seconds, type Platform } from '../platform';
import type { ApiResponse } from '../transport';

/** An HTTP date names its day or month in letters: V8's Date.parse would read "-5" or "7" as years. */
const HTTP_DATE = /[a-z]/i;

/**
 * Seconds to wait after a 429: the wait the body names (API v1 names it only there), else a
 * Retry-After header (API v2's, or a proxy's; seconds or an HTTP date), else 1. Node's HTTP client
 * gives header names in lower case.
 */
export function retryAfterSeconds(platform: Platform, response: ApiResponse, now = Date.now()): number {
	const fromBody = platform.bodyRetryAfter(response.body);
	if (fromBody !== undefined) return fromBody;
	const header = response.headers['retry-after'];
	const fromHeader = seconds(header);
	if (fromHeader !== undefined) return fromHeader;
	if (HTTP_DATE.test(String(header))) {
		const date = Date.parse(String(header));
		if (Number.isFinite(date)) return Math.max(0, Math.ceil((date - now) / 1000));
	}
	return 1;
}
