import { seconds, type Platform } from '../platform';
import type { ApiResponse } from '../transport';
import type { RunOptions } from './options';

export type GateOptions = Pick<RunOptions, 'rateLimitRetries' | 'maxRetryWaitSeconds'>;

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

/**
 * Why a request the platform refused with 429 is not asked again after `retries` retries, naming
 * the option that would let it wait (undefined: it is asked again after `waitSeconds`).
 */
export function giveUpReason(retries: number, waitSeconds: number, options: GateOptions): string | undefined {
	if (retries >= options.rateLimitRetries) return `still rate limited after ${retries} ${retries === 1 ? 'retry' : 'retries'} (Options → Rate-Limit Retries allows more)`;
	if (waitSeconds > options.maxRetryWaitSeconds) {
		return `the platform asked to wait ${waitSeconds} s, longer than the ${options.maxRetryWaitSeconds} s allowed (Options → Longest Rate-Limit Wait allows longer)`;
	}
	return undefined;
}
