import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { parseProxy } from '../requestOptions';
import type { FieldError } from '../validation/fieldError';

/**
 * The Options every sending operation shares (the engine's: concurrency, 429 handling, dry run).
 * Defaults live here only: readRunOptions reads them back.
 */
/** The engine's settings for any operation: in flight at once, and how 429s are waited out. */
export function engineOptions(words: { inFlight: string; what: string; one: string; risk: string }): INodeProperties[] {
	return [
		{
			displayName: 'Longest Rate-Limit Wait (Seconds)',
			name: 'maxRetryWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 120,
			description: 'When the platform asks to wait longer than this after a rate limit (HTTP 429), the item fails instead of waiting',
		},
		{
			displayName: words.inFlight,
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 50 },
			default: 5,
			description: `How many ${words.what} are sent at the same time. Outputs keep the input order either way.`,
		},
		{
			displayName: 'Rate-Limit Retries',
			name: 'rateLimitRetries',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 5,
			description: `How often one ${words.one} is sent again after a rate limit (HTTP 429), which the platform did not process. Other failures are never retried: ${words.risk}.`,
		},
	];
}

export const sendingOptions: INodeProperties[] = [
	{
		displayName: 'Dry Run',
		name: 'dryRun',
		type: 'boolean',
		default: false,
		description: 'Whether to validate each item and output the exact request (token hidden) instead of sending it',
	},
	...engineOptions({ inFlight: 'Messages In Flight', what: 'messages', one: 'message', risk: 'the message may have gone out' }),
];

/** An operation's Options: its own and the engine's, by name in the panel. */
export function sendingOptionsField(show: { show: Record<string, Array<string | boolean>> }, own: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [...own, ...sendingOptions].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** Settings that hold for the whole run: the node's Options and n8n's injected Request Options. */
export interface RunOptions {
	concurrency: number;
	rateLimitRetries: number;
	maxRetryWaitSeconds: number;
	dryRun: boolean;
	/** n8n's Request Options → Batching: items per batch and the pause between batches. */
	batchSize: number;
	batchIntervalMs: number;
	timeoutMs?: number;
	/** Request Options → Proxy, parsed once per run. */
	proxy?: IHttpRequestOptions['proxy'];
	/** A Proxy value that is no proxy address: every item fails with it before any request. */
	proxyError?: FieldError;
	allowUnauthorizedCerts: boolean;
}

function defaultOf<T>(name: string): T {
	return sendingOptions.find((option) => option.name === name)!.default as T;
}

function wholeNumber(value: unknown, fallback: number, min: number): number {
	const n = Number(value);
	return Number.isFinite(n) ? Math.max(min, Math.floor(n)) : fallback;
}

function readProxy(value: unknown): Pick<RunOptions, 'proxy' | 'proxyError'> {
	try {
		return { proxy: parseProxy(value) };
	} catch (error) {
		return { proxyError: error as FieldError };
	}
}

/** The run's settings from the saved Options and Request Options: a value that is no number gets the default, one below the minimum the minimum. */
export function runOptionsFrom(options: IDataObject, request: IDataObject): RunOptions {
	const batching = ((request.batching as IDataObject | undefined)?.batch ?? {}) as IDataObject;
	return {
		concurrency: wholeNumber(options.concurrency, defaultOf<number>('concurrency'), 1),
		rateLimitRetries: wholeNumber(options.rateLimitRetries, defaultOf<number>('rateLimitRetries'), 0),
		maxRetryWaitSeconds: wholeNumber(options.maxRetryWaitSeconds, defaultOf<number>('maxRetryWaitSeconds'), 0),
		dryRun: (options.dryRun as boolean | undefined) ?? defaultOf<boolean>('dryRun'),
		// As in n8n's declarative nodes: -1 (or no batching) turns batching off, 0 counts as 1.
		batchSize: Number(batching.batchSize) < 0 ? -1 : wholeNumber(batching.batchSize, -1, 1),
		batchIntervalMs: wholeNumber(batching.batchInterval, 0, 0),
		timeoutMs: request.timeout === undefined ? undefined : wholeNumber(request.timeout, 10000, 1),
		...readProxy(request.proxy),
		allowUnauthorizedCerts: request.allowUnauthorizedCerts === true,
	};
}

export function readRunOptions(ctx: IExecuteFunctions): RunOptions {
	return runOptionsFrom(ctx.getNodeParameter('options', 0, {}) as IDataObject, ctx.getNodeParameter('requestOptions', 0, {}) as IDataObject);
}
