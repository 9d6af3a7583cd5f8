import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { giveUpNote, responseError, transportError, type SentContext } from '../apiError';
import type { Platform } from '../platform';
import { apiRequest } from '../transport';
import type { Attempt } from './dispatcher';
import type { ItemResult } from './itemResult';
import { retryAfterSeconds } from './retryAfter';

/**
 * One try at sending item `index`: the platform's answer sorted into sent (a WhatsApp message id
 * came back), rate-limited (the dispatcher waits and tries again) or failed with a mapped error.
 */
export async function sendAttempt(
	ctx: IExecuteFunctions,
	platform: Platform,
	index: number,
	request: IHttpRequestOptions,
	context: SentContext,
): Promise<Attempt<ItemResult>> {
	// n8n's getNode() deep-copies the node with all its parameters: only a failure needs it.
	const node = () => ctx.getNode();
	const response = await apiRequest(ctx, request);
	if ('failure' in response) {
		const { code, maybeSent } = response.failure;
		return { kind: 'done', result: { ok: false, ...transportError(node(), index, code, maybeSent) }, failed: true };
	}
	const rateLimit = platform.rateLimit(response.headers);
	if (response.statusCode === 429) {
		return {
			kind: 'rateLimited',
			rateLimit,
			retryAfterSeconds: retryAfterSeconds(platform, response),
			giveUp: (reason) => ({ ok: false, ...responseError(platform, node(), index, response, context, giveUpNote(reason)) }),
		};
	}
	if (platform.isDelivered(response)) return { kind: 'done', result: { ok: true, body: response.body as never }, failed: false, rateLimit };
	return { kind: 'done', result: { ok: false, ...responseError(platform, node(), index, response, context) }, failed: true, rateLimit };
}
