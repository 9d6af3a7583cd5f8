import { dispatch, type Attempt, type DispatchSettings } from '../../nodes/WhatsAppTemplates/shared/batch/dispatcher';
import { indexRanges } from '../../nodes/WhatsAppTemplates/shared/batch/itemResult';
import { RateGate } from '../../nodes/WhatsAppTemplates/shared/batch/rateGate';

const settings = (overrides: Partial<DispatchSettings> = {}): DispatchSettings => ({
	concurrency: 3,
	batchSize: -1,
	batchIntervalMs: 0,
	rateLimitRetries: 2,
	maxRetryWaitSeconds: 10,
	stopOnFailure: false,
	...overrides,
});
const tick = async (ms = 5) => await new Promise((resolve) => setTimeout(resolve, ms));

describe('dispatch', () => {
	it('keeps at most `concurrency` attempts in flight and returns every result', async () => {
		let inFlight = 0;
		let maxInFlight = 0;
		const results = await dispatch(
			Array.from({ length: 20 }, (_, i) => i),
			async (i): Promise<Attempt<string>> => {
				maxInFlight = Math.max(maxInFlight, ++inFlight);
				await tick(1 + (i % 3));
				inFlight--;
				return { kind: 'done', result: `r${i}`, failed: false };
			},
			settings({ concurrency: 4 }),
		);
		expect(maxInFlight).toBe(4);
		expect([...results.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
		expect(results.get(7)).toBe('r7');
	});

	it('a 429 pauses every worker: no attempt starts from the moment it was answered until the wait it named has passed', async () => {
		// Item 1 is rate limited (1 s) while items 0 and 2 are in flight; they finish right after the
		// 429, so their workers are free during the whole pause. Times are the dispatcher's clock
		// (Date.now), which it waits on: no bound here depends on how busy the machine is.
		const WAIT_S = 1;
		const starts: Array<[number, number]> = [];
		const ends = new Map<number, number>();
		let limitedAt = Number.NaN;
		let answerLimited!: () => void;
		const limited = new Promise<void>((resolve) => (answerLimited = resolve));
		const results = await dispatch(
			[0, 1, 2, 3, 4, 5],
			async (i): Promise<Attempt<string>> => {
				starts.push([i, Date.now()]);
				if (i === 1 && Number.isNaN(limitedAt)) {
					await tick(5); // 0 and 2 are on the wire
					limitedAt = Date.now();
					answerLimited();
					return { kind: 'rateLimited', retryAfterSeconds: WAIT_S, giveUp: (r) => `gave up: ${r}` };
				}
				if (i === 0 || i === 2) {
					await limited;
					await new Promise((resolve) => setImmediate(resolve)); // after the dispatcher saw the 429
					ends.set(i, Date.now());
				}
				return { kind: 'done', result: `ok${i}`, failed: false };
			},
			settings({ concurrency: 3 }),
		);
		expect([...results.keys()].sort()).toEqual([0, 1, 2, 3, 4, 5]);
		expect(results.get(1)).toBe('ok1');
		// The first three went out before the 429; every later start (the retry of 1, items 3-5) waited the full pause.
		expect(starts.slice(0, 3).map(([i]) => i)).toEqual([0, 1, 2]);
		const later = starts.slice(3);
		expect(later.map(([i]) => i).sort()).toEqual([1, 3, 4, 5]);
		for (const [, at] of later) expect(at - limitedAt).toBeGreaterThanOrEqual(WAIT_S * 1000);
		// Workers 0 and 2 were free before the first later start: a pause of one worker only would have let them go on.
		expect(Math.max(...ends.values())).toBeLessThanOrEqual(Math.min(...later.map(([, at]) => at)));
	});

	it('gives up after the retry cap or a wait longer than allowed', async () => {
		const capped = await dispatch([0], async (): Promise<Attempt<string>> => ({ kind: 'rateLimited', retryAfterSeconds: 0, giveUp: (r) => r }), settings({ rateLimitRetries: 2 }));
		expect(capped.get(0)).toBe('still rate limited after 2 retries (Options → Rate-Limit Retries allows more)');
		const tooLong = await dispatch([0], async (): Promise<Attempt<string>> => ({ kind: 'rateLimited', retryAfterSeconds: 60, giveUp: (r) => r }), settings({ maxRetryWaitSeconds: 30 }));
		expect(tooLong.get(0)).toBe('the platform asked to wait 60 s, longer than the 30 s allowed (Options → Longest Rate-Limit Wait allows longer)');
	});

	it('the retry cap counts retries, not attempts; a wait exactly as long as allowed is waited', async () => {
		const limitedTimes = async (cap: number) => {
			let attempts = 0;
			const results = await dispatch([0], async (): Promise<Attempt<string>> => (attempts++, { kind: 'rateLimited', retryAfterSeconds: 0, giveUp: (r) => r }), settings({ rateLimitRetries: cap }));
			return [attempts, results.get(0)];
		};
		expect(await limitedTimes(0)).toEqual([1, 'still rate limited after 0 retries (Options → Rate-Limit Retries allows more)']);
		expect(await limitedTimes(1)).toEqual([2, 'still rate limited after 1 retry (Options → Rate-Limit Retries allows more)']);
		expect(await limitedTimes(3)).toEqual([4, 'still rate limited after 3 retries (Options → Rate-Limit Retries allows more)']);

		let tries = 0;
		const atLimit = await dispatch(
			[0],
			async (): Promise<Attempt<string>> => (tries++ === 0 ? { kind: 'rateLimited', retryAfterSeconds: 0.05, giveUp: (r) => r } : { kind: 'done', result: 'sent', failed: false }),
			settings({ maxRetryWaitSeconds: 0.05 }),
		);
		expect([tries, atLimit.get(0)]).toEqual([2, 'sent']);
	});

	it('with stopOnFailure sends nothing new after a failure; in-flight attempts finish', async () => {
		const started: number[] = [];
		const results = await dispatch(
			Array.from({ length: 10 }, (_, i) => i),
			async (i): Promise<Attempt<string>> => {
				started.push(i);
				await tick(i === 2 ? 1 : 10);
				return { kind: 'done', result: `r${i}`, failed: i === 2 };
			},
			settings({ concurrency: 3, stopOnFailure: true }),
		);
		expect(started).toEqual([0, 1, 2]);
		expect([...results.keys()].sort()).toEqual([0, 1, 2]);
	});

	it('with stopOnFailure, an item waiting for the budget when another fails is not sent', async () => {
		// An announcing API: the first request goes alone, item 1 waits for its answer at the gate.
		const started: number[] = [];
		const results = await dispatch(
			[0, 1],
			async (i): Promise<Attempt<string>> => (started.push(i), await tick(), { kind: 'done', result: `r${i}`, failed: true, rateLimit: { remaining: 50 } }),
			settings({ concurrency: 2, stopOnFailure: true }),
			new RateGate(true),
		);
		expect(started).toEqual([0]);
		expect([...results.keys()]).toEqual([0]);
	});

	it('an item given up after 429s stops the run only with stopOnFailure', async () => {
		const run = async (stopOnFailure: boolean) => {
			const started: number[] = [];
			const attempt = async (i: number): Promise<Attempt<string>> => {
				started.push(i);
				return i === 0 ? { kind: 'rateLimited', retryAfterSeconds: 60, giveUp: (r) => `gave up: ${r}` } : { kind: 'done', result: `r${i}`, failed: false };
			};
			const results = await dispatch([0, 1, 2], attempt, settings({ concurrency: 1, stopOnFailure, maxRetryWaitSeconds: 30 }));
			return [started, [...results.values()]];
		};
		expect(await run(true)).toEqual([[0], [expect.stringMatching(/^gave up: the platform asked to wait 60 s/)]]);
		expect(await run(false)).toEqual([[0, 1, 2], [expect.stringMatching(/^gave up/), 'r1', 'r2']]);
	});

	it('an attempt that throws ends its turn: the run fails with its error and the gate lets the next request through', async () => {
		const gate = new RateGate(true);
		const boom = new Error('could not read the file');
		await expect(dispatch([0], async () => Promise.reject(boom), settings(), gate)).rejects.toBe(boom);
		const next = await Promise.race([gate.turn(), tick(200).then(() => 'still held')]);
		expect(next).toEqual({ solo: true });
	});

	it('runs batches one after another with the pause between them, none before the first', async () => {
		const starts: number[] = [];
		const t0 = Date.now();
		await dispatch([0, 1, 2, 3], async (): Promise<Attempt<string>> => {
			starts.push(Date.now() - t0);
			return { kind: 'done', result: '', failed: false };
		}, settings({ batchSize: 2, batchIntervalMs: 300 }));
		expect(starts[0]).toBeLessThan(300);
		expect(starts[2] - starts[1]).toBeGreaterThanOrEqual(295);
	});

	it('a batch size of 0 or less is one batch: every item, no pause', async () => {
		for (const batchSize of [0, -1]) {
			const started: number[] = [];
			const t0 = Date.now();
			const results = await dispatch([0, 1, 2, 3], async (i): Promise<Attempt<string>> => (started.push(i), { kind: 'done', result: '', failed: false }), settings({ batchSize, batchIntervalMs: 300, concurrency: 4 }));
			expect([batchSize, started, results.size]).toEqual([batchSize, [0, 1, 2, 3], 4]);
			expect(Date.now() - t0).toBeLessThan(300);
		}
	});
});

describe('indexRanges', () => {
	it('shortens runs of indexes', () => {
		expect(indexRanges([0, 1, 2, 3, 7, 9, 10, 11])).toBe('0-3, 7, 9-11');
		expect(indexRanges([])).toBe('');
		expect(indexRanges([5])).toBe('5');
		expect(indexRanges([4, 5])).toBe('4-5');
		expect(indexRanges([0, 2, 3, 4])).toBe('0, 2-4');
	});
});
