import type { ApiResponse } from './postMessage';

/** Seconds to wait after a 429: the body's retry_after, else the Retry-After header (seconds or a date), else 1. */
export function retryAfterSeconds(response: ApiResponse, now = Date.now()): number {
	const body = response.body as { retry_after?: unknown } | undefined;
	const fromBody = Number(body?.retry_after);
	if (Number.isFinite(fromBody) && fromBody >= 0) return fromBody;
	const header = response.headers['retry-after'] ?? response.headers['Retry-After'];
	if (typeof header === 'string' || typeof header === 'number') {
		const seconds = Number(header);
		if (Number.isFinite(seconds) && seconds >= 0) return seconds;
		const date = Date.parse(String(header));
		if (Number.isFinite(date)) return Math.max(0, Math.ceil((date - now) / 1000));
	}
	return 1;
}
