import type { IHttpRequestOptions } from 'n8n-workflow';

import type { Platform } from '../platform';
import { apiRequest, type ApiResponse, type RequestContext, type TransportFailure } from '../transport';
import { rateGateFor } from './rateGate';
import { giveUpReason, retryAfterSeconds, type GateOptions } from './retryAfter';

export type { GateOptions } from './retryAfter';

/**
 * One request that the platform does not process twice: it goes through the run's gate (the
 * token's budget, shared with every other request of the run), and a 429, which the platform did
 * not process, pauses the whole run and asks again, at most `rateLimitRetries` times and never
 * for longer than `maxRetryWaitSeconds`; the 429 it gives up on carries why (`gaveUp`). Any other
 * answer is returned as it came.
 */
export async function gatedRequest(ctx: RequestContext, platform: Platform, options: GateOptions, request: IHttpRequestOptions): Promise<ApiResponse | TransportFailure> {
	const gate = rateGateFor(ctx, platform);
	for (let limited = 0; ; limited++) {
		const turn = (await gate.turn(undefined, options.maxRetryWaitSeconds))!;
		const answer = await apiRequest(ctx, request);
		if ('failure' in answer) {
			gate.done(turn); // no answer says nothing of the budget
			return answer;
		}
		const report = platform.rateLimit(answer.headers);
		if (answer.statusCode !== 429) {
			gate.done(turn, report);
			return answer;
		}
		const wait = retryAfterSeconds(platform, answer);
		const gaveUp = giveUpReason(limited, wait, options);
		if (!gaveUp) gate.pauseFor(wait);
		gate.done(turn, report);
		if (gaveUp) return { ...answer, gaveUp };
	}
}
