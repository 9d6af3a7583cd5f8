import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';

import type { SentContext } from '../apiError';
import type { Platform } from '../platform';
import type { RunOptions } from './options';
import { dispatch } from './dispatcher';
import { rateGateFor } from './rateGate';
import { describeRequest } from './dryRun';
import { toOutputItems, type ItemResult } from './itemResult';
import { RetryLedger, type Fingerprint } from './retryLedger';
import { sendAttempt } from './sendAttempt';
import { stopReport, withStopReport } from './stopReport';

/** One validated item, ready to go out. */
export interface SendJob {
	/** Built when the item's turn comes, so a file is opened only while it uploads. */
	request: () => IHttpRequestOptions;
	context: SentContext;
	/** What a retry recognises the item by (index and wire content); asked only when n8n's Retry On Fail is on. */
	fingerprint: () => Fingerprint;
	/** The item's output from the platform's answer. */
	output: (answer: IDataObject) => IDataObject;
}

/**
 * The never-double-send engine every sending operation uses: jobs go out in input order with
 * bounded concurrency and 429 pauses; with continue-on-fail off the first failure stops the run
 * with a report of what was sent, maybe sent and not sent; a Retry On Fail resends only what
 * never went out. `failures` holds items refused before sending (continue-on-fail only).
 */
export async function runSends(
	ctx: IExecuteFunctions,
	platform: Platform,
	itemCount: number,
	jobs: Map<number, SendJob>,
	failures: Map<number, ItemResult>,
	options: RunOptions,
	apiBase: string,
): Promise<INodeExecutionData[][]> {
	const continueOnFail = ctx.continueOnFail();
	const results = new Map<number, ItemResult>(failures);
	if (options.dryRun) {
		for (const [i, job] of jobs) results.set(i, { ok: true, body: describeRequest(job.request(), apiBase) });
		return toOutputItems(ctx, itemCount, (i) => results.get(i)!);
	}

	const ledger = RetryLedger.for(ctx);
	const pending: number[] = [];
	for (const [i, job] of jobs) {
		const earlier = ledger?.earlier(job.fingerprint());
		if (earlier) results.set(i, earlier);
		else pending.push(i);
	}
	const attempt = async (i: number) => {
		const job = jobs.get(i)!;
		const outcome = await sendAttempt(ctx, platform, i, job.request(), job.context);
		if (outcome.kind === 'done' && outcome.result.ok) outcome.result.body = job.output(outcome.result.body);
		return outcome;
	};
	// A retry whose earlier try left a message that may have gone out fails again at once:
	// as after any hard failure, nothing new is sent.
	const blocked = !continueOnFail && [...results.values()].some((r) => !r.ok);
	const sent = blocked ? new Map<number, ItemResult>() : await dispatch(pending, attempt, { ...options, stopOnFailure: !continueOnFail }, rateGateFor(ctx, platform));
	for (const [i, result] of sent) results.set(i, result);

	const failed = continueOnFail ? undefined : [...results.entries()].filter(([, r]) => !r.ok).sort(([a], [b]) => a - b)[0];
	if (failed) {
		// Continue-on-fail is off: every result is a job's (an item refused before sending stopped the run).
		ledger?.keep([...results].map(([i, r]) => [jobs.get(i)!.fingerprint(), r]));
		const [index, result] = failed as [number, Extract<ItemResult, { ok: false }>];
		throw withStopReport(result.error, stopReport(itemCount, results, index));
	}
	ledger?.clear();
	return toOutputItems(ctx, itemCount, (i) => results.get(i)!);
}
