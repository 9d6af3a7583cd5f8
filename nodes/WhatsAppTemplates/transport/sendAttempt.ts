import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { isSuccess, responseError, transportError } from '../result/apiError';
import type { ItemResult } from '../result/itemResult';
import type { Attempt } from './dispatcher';
import { postMessage } from './postMessage';
import { retryAfterSeconds } from './retryAfter';

/**
 * One try at sending item `index`: the platform's answer sorted into sent, rate-limited (the
 * dispatcher waits and tries again) or failed with a mapped error.
 */
export async function sendAttempt(
	ctx: IExecuteFunctions,
	index: number,
	request: IHttpRequestOptions,
): Promise<Attempt<ItemResult>> {
	const node = ctx.getNode();
	const response = await postMessage(ctx, request);
	if ('failure' in response) {
		const { code, maybeSent } = response.failure;
		return { kind: 'done', result: { ok: false, ...transportError(node, index, code, maybeSent) }, failed: true };
	}
	if (response.statusCode === 429) {
		return {
			kind: 'rateLimited',
			retryAfterSeconds: retryAfterSeconds(response),
			giveUp: (reason) => ({ ok: false, ...responseError(node, index, response, `Gave up waiting: ${reason}.`) }),
		};
	}
	if (isSuccess(response)) return { kind: 'done', result: { ok: true, body: response.body as never }, failed: false };
	return { kind: 'done', result: { ok: false, ...responseError(node, index, response) }, failed: true };
}
