import { sleep } from 'n8n-workflow';

/** What one attempt at sending an item came to. */
export type Attempt<T> =
	| { kind: 'done'; result: T; failed: boolean }
	/** HTTP 429: nothing was processed; `giveUp` is the item's result if it is not tried again. */
	| { kind: 'rateLimited'; retryAfterSeconds: number; giveUp: (reason: string) => T };

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
 * Sends items in input order with at most `concurrency` in flight. A 429 pauses every worker
 * until the wait it names has passed, then the same item goes again. Items never dispatched
 * (after a stop) are absent from the returned map.
 */
export async function dispatch<T>(
	indexes: number[],
	attempt: (index: number) => Promise<Attempt<T>>,
	settings: DispatchSettings,
): Promise<Map<number, T>> {
	const results = new Map<number, T>();
	let resumeAt = 0;
	let stopped = false;

	const waitWhilePaused = async () => {
		for (let wait = resumeAt - Date.now(); wait > 0; wait = resumeAt - Date.now()) await sleep(wait);
	};

	const sendItem = async (index: number) => {
		for (let retries = 0; ; retries++) {
			await waitWhilePaused();
			if (stopped) return; // not yet on the wire when another item failed: left unsent
			const outcome = await attempt(index);
			if (outcome.kind === 'done') {
				results.set(index, outcome.result);
				if (outcome.failed && settings.stopOnFailure) stopped = true;
				return;
			}
			const waitSeconds = outcome.retryAfterSeconds;
			const reason =
				retries >= settings.rateLimitRetries
					? `still rate limited after ${retries} ${retries === 1 ? 'retry' : 'retries'}`
					: waitSeconds > settings.maxRetryWaitSeconds
						? `the platform asked to wait ${waitSeconds} s, longer than the ${settings.maxRetryWaitSeconds} s allowed`
						: undefined;
			if (reason) {
				results.set(index, outcome.giveUp(reason));
				if (settings.stopOnFailure) stopped = true;
				return;
			}
			resumeAt = Math.max(resumeAt, Date.now() + waitSeconds * 1000);
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
