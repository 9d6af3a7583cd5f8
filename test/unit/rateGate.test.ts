/**
 * Pacing by the token's budget (shared/batch/rateGate.ts through dispatch): against a fixed-window
 * bucket that counts a request when it arrives, as the platform's does, a bulk send meets at most
 * one 429 per window, never sends an item twice, and runs unpaced where answers announce nothing.
 */
import { dispatch, type Attempt, type DispatchSettings } from '../../nodes/WhatsAppTemplates/shared/batch/dispatcher';
import { RateGate, rateGateFor } from '../../nodes/WhatsAppTemplates/shared/batch/rateGate';
import { v1, v2 } from '../../nodes/WhatsAppTemplates/shared/platform';
import type { RateLimitReport } from '../../nodes/WhatsAppTemplates/shared/platform';

const settings = (overrides: Partial<DispatchSettings> = {}): DispatchSettings => ({
	concurrency: 5,
	batchSize: -1,
	batchIntervalMs: 0,
	rateLimitRetries: 5,
	maxRetryWaitSeconds: 10,
	stopOnFailure: false,
	...overrides,
});
const tick = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** A token's fixed window: opened by the first counted request; a 429 is not counted. */
class Bucket {
	windowStart = -Infinity;
	used = 0;
	readonly limited: number[] = [];
	inFlight = 0;
	maxInFlight = 0;
	/** `tellsWindow`: answers say the limit and the window's length, as API v2's headers do. */
	constructor(
		readonly limit: number | 'unlimited',
		readonly windowMs: number,
		readonly tellsWindow = false,
	) {}

	private report(remaining: number): RateLimitReport {
		return this.tellsWindow ? { remaining, limit: this.limit as number, windowSeconds: this.windowMs / 1000 } : { remaining };
	}

	hit(): { ok: boolean; report: RateLimitReport; retryAfter: number } {
		if (this.limit === 'unlimited') return { ok: true, report: 'unlimited', retryAfter: 0 };
		const now = Date.now();
		if (now - this.windowStart >= this.windowMs) {
			this.windowStart = now;
			this.used = 0;
		}
		const rest = (this.windowStart + this.windowMs - now) / 1000;
		if (this.used >= this.limit) {
			this.limited.push(this.windowStart);
			return { ok: false, report: this.report(0), retryAfter: rest };
		}
		this.used++;
		return { ok: true, report: this.report(this.limit - this.used), retryAfter: 0 };
	}

	/** A send: counted on arrival, answered after `latency` ms. */
	attempt(announce = true, latency = (i: number) => 2 + (i % 4)) {
		return async (i: number): Promise<Attempt<string>> => {
			this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
			const { ok, report, retryAfter } = this.hit();
			await tick(latency(i));
			this.inFlight--;
			const rateLimit = announce ? report : 'absent';
			return ok
				? { kind: 'done', result: `sent ${i}`, failed: false, rateLimit }
				: { kind: 'rateLimited', retryAfterSeconds: retryAfter, giveUp: (reason) => `gave up ${i}: ${reason}`, rateLimit };
		};
	}
}

const indexes = (n: number) => Array.from({ length: n }, (_, i) => i);
const perWindow = (starts: number[]) => [...starts.reduce((m, s) => m.set(s, (m.get(s) ?? 0) + 1), new Map<number, number>()).values()];

describe('RateGate: pacing from the remaining budget', () => {
	it('a bulk send over several windows meets at most one 429 per window and sends every item once', async () => {
		const bucket = new Bucket(8, 150);
		const results = await dispatch(indexes(40), bucket.attempt(), settings(), new RateGate(true));
		expect([...results.values()].sort()).toEqual(indexes(40).map((i) => `sent ${i}`).sort());
		expect(bucket.limited.length).toBeGreaterThan(0);
		expect(Math.max(...perWindow(bucket.limited))).toBe(1);
	});

	it('with remaining budget above the requests in flight, runs at full concurrency', async () => {
		const bucket = new Bucket(1000, 60_000);
		await dispatch(indexes(30), bucket.attempt(), settings({ concurrency: 4 }), new RateGate(true));
		expect(bucket.maxInFlight).toBe(4);
		expect(bucket.limited).toEqual([]);
	});

	it('a budget that stays at 3 keeps at most 3 in flight, whatever the concurrency', async () => {
		let inFlight = 0;
		let maxInFlight = 0;
		const attempt = async (i: number): Promise<Attempt<string>> => {
			maxInFlight = Math.max(maxInFlight, ++inFlight);
			await tick(3);
			inFlight--;
			return { kind: 'done', result: `sent ${i}`, failed: false, rateLimit: { remaining: 3 } };
		};
		await dispatch(indexes(12), attempt, settings({ concurrency: 8 }), new RateGate(true));
		expect(maxInFlight).toBe(3);
	});

	it('the first request of an announcing API goes alone, to learn the budget', async () => {
		const bucket = new Bucket(1000, 60_000);
		const starts: number[] = [];
		const inner = bucket.attempt();
		await dispatch(indexes(6), async (i) => (starts.push(bucket.inFlight), await inner(i)), settings(), new RateGate(true));
		expect(starts[0]).toBe(0);
		expect(starts[1]).toBe(0);
		expect(bucket.maxInFlight).toBe(5);
	});

	it('an unlimited token is not paced', async () => {
		const bucket = new Bucket('unlimited', 100);
		await dispatch(indexes(30), bucket.attempt(), settings({ concurrency: 6 }), new RateGate(true));
		expect(bucket.maxInFlight).toBe(6);
	});

	it('answers that announce nothing (API v1) are not paced: only a 429 holds the run, and more than one can come per window', async () => {
		const bucket = new Bucket(8, 150);
		const results = await dispatch(indexes(24), bucket.attempt(false), settings(), new RateGate(false));
		expect(results.size).toBe(24);
		expect(bucket.maxInFlight).toBe(5);
		expect(Math.max(...perWindow(bucket.limited))).toBeGreaterThan(1);
	});

	it('a stop while requests wait for the budget leaves them unsent', async () => {
		const gate = new RateGate(true);
		let stopped = false;
		const first = await gate.turn(() => stopped);
		const waiting = gate.turn(() => stopped);
		gate.done(first!, { remaining: 0 });
		const second = await waiting;
		const third = gate.turn(() => stopped);
		stopped = true;
		gate.done(second!, { remaining: 0 });
		expect(await third).toBeUndefined();
	});

	// Answers of requests in flight together come back in any order: the lowest count is the truth,
	// a later answer saying more came from a request the platform counted earlier.
	it('answers of concurrent requests keep the lowest count, in whatever order they arrive', async () => {
		const gate = new RateGate(true);
		const probe = (await gate.turn())!;
		gate.done(probe, { remaining: 3 });
		const [a, b, c] = [(await gate.turn())!, (await gate.turn())!, (await gate.turn())!];
		gate.done(a, { remaining: 1 });
		gate.done(c, { remaining: 2 });
		// 1 left with b in flight: nothing more goes until b's answer.
		const next = gate.turn();
		expect(await Promise.race([next, tick(100).then(() => 'held')])).toBe('held');
		gate.done(b, { remaining: 0 });
		expect(await next).toEqual({ solo: true });
	});

	// An answer without the headers (a proxy's page) or an allow-listed token's: nothing to pace by,
	// even while other requests are in flight; the next count paces again from what it says.
	it.each(['absent', 'unlimited'] as const)('a report of %s amid other requests unpaces the run until a count comes', async (report) => {
		const gate = new RateGate(true);
		const probe = (await gate.turn())!;
		gate.done(probe, { remaining: 2 });
		const [a, b] = [(await gate.turn())!, (await gate.turn())!];
		gate.done(a, report);
		const opened = await Promise.race([Promise.all([gate.turn(), gate.turn(), gate.turn()]), tick(100).then(() => 'held')]);
		expect(opened).toHaveLength(3);
		gate.done(b, { remaining: 5 });
		const [c, d] = opened as Array<NonNullable<Awaited<ReturnType<RateGate['turn']>>>>;
		gate.done(c);
		gate.done(d);
		// Paced again: 5 left, 1 in flight, so 4 more go and the fifth waits.
		let granted = 0;
		while ((await Promise.race([gate.turn(), tick(100).then(() => 'held' as const)])) !== 'held') granted++;
		expect(granted).toBe(4);
	});
});

describe('RateGate: the window a request of the run opened (answers tell its length)', () => {
	const windowsOf = (bucket: Bucket, run: Promise<unknown>) => {
		const starts = new Set<number>();
		const timer = setInterval(() => starts.add(bucket.windowStart), 1);
		return run.finally(() => clearInterval(timer)).then(() => starts.size);
	};

	it('the spent budget waits for its end instead of meeting a 429, and every item goes once', async () => {
		const bucket = new Bucket(8, 150, true);
		let results = new Map<number, string>();
		const windows = await windowsOf(bucket, dispatch(indexes(40), bucket.attempt(), settings(), new RateGate(true)).then((r) => (results = r)));
		expect([...results.values()].sort()).toEqual(indexes(40).map((i) => `sent ${i}`).sort());
		expect(bucket.limited).toEqual([]);
		expect(windows).toBeGreaterThanOrEqual(5);
	});

	it('a window another request opened has no known end: its probe meets the one 429, the windows after it none', async () => {
		const bucket = new Bucket(8, 150, true);
		bucket.hit(); // not the run's
		const results = await dispatch(indexes(40), bucket.attempt(), settings(), new RateGate(true));
		expect(results.size).toBe(40);
		expect(bucket.limited).toHaveLength(1);
	});

	it('a limit of 1 never tells a window opened (its answer says 0, as a 429 does): a 429 each window after the first', async () => {
		const bucket = new Bucket(1, 60, true);
		const results = await dispatch(indexes(4), bucket.attempt(), settings(), new RateGate(true));
		expect(results.size).toBe(4);
		expect(bucket.limited).toHaveLength(3);
	});

	it('a wait for the end longer than the Longest Rate-Limit Wait is not waited: the probe meets the 429 and the item fails', async () => {
		const bucket = new Bucket(2, 400, true);
		const results = await dispatch(indexes(3), bucket.attempt(), settings({ concurrency: 1, maxRetryWaitSeconds: 0.1 }), new RateGate(true));
		expect(results.get(1)).toBe('sent 1');
		expect(results.get(2)).toMatch(/^gave up 2: the platform asked to wait 0\.\d+ s, longer than the 0\.1 s allowed \(Options → Longest Rate-Limit Wait allows longer\)$/);
		expect(bucket.limited).toHaveLength(1);
	});
});

describe('rateGateFor', () => {
	it("one gate per run (its execution context), whatever asks for it; another run's is its own", () => {
		const run = {};
		const gate = rateGateFor(run, v2);
		expect(rateGateFor(run, v2)).toBe(gate);
		expect(rateGateFor(run, v1)).toBe(gate);
		expect(rateGateFor({}, v2)).not.toBe(gate);
	});
});
