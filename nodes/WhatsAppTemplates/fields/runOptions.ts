import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { optionDefault } from '../description/options.fields';

/** Settings that hold for the whole run: the node's Options and n8n's injected Request Options. */
export interface RunOptions {
	concurrency: number;
	rateLimitRetries: number;
	maxRetryWaitSeconds: number;
	cleanVariables: boolean;
	dryRun: boolean;
	/** n8n's Request Options → Batching: items per batch and the pause between batches. */
	batchSize: number;
	batchIntervalMs: number;
	timeoutMs?: number;
	proxy?: string;
	allowUnauthorizedCerts: boolean;
}

function wholeNumber(value: unknown, fallback: number, min: number): number {
	const n = Number(value);
	return Number.isFinite(n) ? Math.max(min, Math.floor(n)) : fallback;
}

export function readRunOptions(ctx: IExecuteFunctions): RunOptions {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const request = ctx.getNodeParameter('requestOptions', 0, {}) as IDataObject;
	const batching = ((request.batching as IDataObject | undefined)?.batch ?? {}) as IDataObject;
	return {
		concurrency: wholeNumber(options.concurrency, optionDefault<number>('concurrency'), 1),
		rateLimitRetries: wholeNumber(options.rateLimitRetries, optionDefault<number>('rateLimitRetries'), 0),
		maxRetryWaitSeconds: wholeNumber(options.maxRetryWaitSeconds, optionDefault<number>('maxRetryWaitSeconds'), 0),
		cleanVariables: (options.cleanVariables as boolean | undefined) ?? optionDefault<boolean>('cleanVariables'),
		dryRun: (options.dryRun as boolean | undefined) ?? optionDefault<boolean>('dryRun'),
		// As in n8n's declarative nodes: -1 turns batching off, 0 counts as 1.
		batchSize: batching.batchSize === undefined ? -1 : Number(batching.batchSize) < 0 ? -1 : wholeNumber(batching.batchSize, -1, 1),
		batchIntervalMs: wholeNumber(batching.batchInterval, 0, 0),
		timeoutMs: request.timeout === undefined ? undefined : wholeNumber(request.timeout, 10000, 1),
		proxy: typeof request.proxy === 'string' && request.proxy !== '' ? request.proxy : undefined,
		allowUnauthorizedCerts: request.allowUnauthorizedCerts === true,
	};
}
