import { sleep } from 'n8n-workflow';

import type { RateLimitReport } from '../platform';
import { RateGate } from './rateGate';
import { giveUpReason } from './retryAfter';

/** What one attempt at sending an item came to; `rateLimit`, what its answer said of the token's budget. */
export type Attempt<T> =
	| { kind: 'done'; result: T; failed: boolean; rateLimit?: RateLimitReport }
	/** HTTP 429: nothing was processed; `giveUp` is the item's result if it is not tried again. */
	| { kind: 'rateLimited'; retryAfterSeconds: number; giveUp: (reason: string) => T; rateLimit?: RateLimitReport };

export interface DispatchSettings {
	concurrency: number;
	/** n8n's Batching: items per batch (≤ 0: one batch) and the pause after each batch. */
	batchSize: number;
	batchIntervalMs: number;
	rateLimitRetries: number;
	maxRetryWaitSeconds: number;
	/** Continue-on-fail off: after the first failure no new item is sent. */
	stopOnFailure: boolean;
}

/**
 * Sends items in input order with at most `concurrency` in flight, paced by the token's budget
 * (`gate`: the run's, shared with its other requests). A 429 pauses every worker until the wait
 * it names has passed, then the same item goes again. Items never dispatched (after a stop) are
 * absent from the returned map.
 */
export async function dispatch<T>(
	indexes: number[],
	attempt: (index: number) => Promise<Attempt<T>>,
	settings: DispatchSettings,
	gate: RateGate = new RateGate(false),
): Promise<Map<number, T>> {
	const results = new Map<number, T>();
	let stopped = false;

	const sendItem = async (index: number) => {
		for (let retries = 0; ; retries++) {
			// Not yet on the wire when another item failed: left unsent.
			const turn = await gate.turn(() => stopped, settings.maxRetryWaitSeconds);
			if (!turn) return;
			let answered: Attempt<T> | undefined;
			try {
				answered = await attempt(index);
			} finally {
				if (!answered) gate.done(turn); // the attempt threw: its turn ends all the same
			}
			const outcome = answered;
			if (outcome.kind === 'done') {
				gate.done(turn, outcome.rateLimit);
				results.set(index, outcome.result);
				if (outcome.failed && settings.stopOnFailure) stopped = true;
				return;
			}
			const waitSeconds = outcome.retryAfterSeconds;
			const reason = giveUpReason(retries, waitSeconds, settings);
			if (reason) {
				gate.done(turn, outcome.rateLimit);
				results.set(index, outcome.giveUp(reason));
				if (settings.stopOnFailure) stopped = true;
				return;
			}
			gate.pauseFor(waitSeconds);
			gate.done(turn, outcome.rateLimit);
		}
	};

	const runBatch = async (batch: number[]) => {
		let next = 0;
		const worker = async () => {
			while (!stopped && next < batch.length) await sendItem(batch[next++]);
		};
		await Promise.all(Array.from({ length: Math.min(settings.concurrency, batch.length) }, worker));
	};

	const size = settings.batchSize > 0 ? settings.batchSize : indexes.length;
	for (let start = 0; start < indexes.length && !stopped; start += size) {
		if (start > 0 && settings.batchIntervalMs > 0) await sleep(settings.batchIntervalMs);
		await runBatch(indexes.slice(start, start + size));
	}
	return results;
}
