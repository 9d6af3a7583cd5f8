import type { Platform } from '../platform';
import type { ApiResponse } from '../transport';

/**
 * Seconds to wait after a 429: the wait the body names (API v1 names it only there), else a
 * Retry-After header (API v2's, or a proxy's; seconds or a date), else 1.
 */
export function retryAfterSeconds(platform: Platform, response: ApiResponse, now = Date.now()): number {
	const fromBody = platform.bodyRetryAfter(response.body);
	if (fromBody !== undefined) return fromBody;
	const header = response.headers['retry-after'] ?? response.headers['Retry-After'];
	if (typeof header === 'string' || typeof header === 'number') {
		const seconds = Number(header);
		if (Number.isFinite(seconds) && seconds >= 0) return seconds;
		const date = Date.parse(String(header));
		if (Number.isFinite(date)) return Math.max(0, Math.ceil((date - now) / 1000));
	}
	return 1;
}
