import { sleep } from 'n8n-workflow';

import type { Platform, RateLimitReport } from '../platform';

/** One request let through the gate, until its answer is in. */
export interface Turn {
	/** Nothing else was in flight while it was: its answer's count is exact. */
	solo: boolean;
}

/**
 * Paces a run's requests by the token's budget, so that a bulk send meets at most one 429 per
 * window. Answers that announce the token's remaining requests (the Platform's rateLimit reader)
 * lower the budget; a new request goes only while the budget, less the requests in flight, is
 * above 0. When it is spent, requests wait for the window's end where a request of the run opened
 * it (its answer said limit − 1: the window began before that answer, so it is over by then + its
 * length); then, or at once where the end is unknown, exactly one request goes alone: a probe
 * whose answer is either a fresh window's count or a 429 naming the true wait (the platform's
 * announced reset time is wrong, and never read). A 429 pauses every request. Answers that
 * announce nothing (API v1), or a token without a limit, leave the run unpaced: only a 429 holds it.
 */
export class RateGate {
	/** The lowest count reported (undefined: not paced). */
	private remaining: number | undefined;
	private readonly inFlight = new Set<Turn>();
	private resumeAt = 0;
	/** By when the last window a request of the run opened is over (0: none known). */
	private windowEnd = 0;
	private waiters: Array<() => void> = [];

	/** `announced`: answers will say the budget, so the first request goes alone to learn it. */
	constructor(announced: boolean) {
		this.remaining = announced ? 0 : undefined;
	}

	private open(): boolean {
		return this.remaining === undefined || this.remaining - this.inFlight.size > 0 || this.inFlight.size === 0;
	}

	/**
	 * The budget is spent in a window whose end is known: wait for it rather than meet a 429. Not
	 * when that is longer than the run may wait: the probe's 429 then says so.
	 */
	private heldUntil(longestWaitSeconds: number): number {
		return this.remaining === 0 && this.windowEnd - Date.now() <= longestWaitSeconds * 1000 ? this.windowEnd : 0;
	}

	/**
	 * Waits for a pause to pass and the budget to allow a request; undefined when `stopped` says so
	 * meanwhile. `longestWaitSeconds`: the run's Longest Rate-Limit Wait.
	 */
	async turn(stopped: () => boolean = () => false, longestWaitSeconds = Infinity): Promise<Turn | undefined> {
		for (;;) {
			for (;;) {
				// Read again after each sleep: a later 429 may lengthen it.
				const pause = Math.max(this.resumeAt, this.heldUntil(longestWaitSeconds)) - Date.now();
				if (pause <= 0) break;
				await sleep(pause);
			}
			if (stopped()) return undefined;
			if (this.open()) {
				const turn: Turn = { solo: this.inFlight.size === 0 };
				for (const other of this.inFlight) other.solo = false;
				this.inFlight.add(turn);
				return turn;
			}
			await new Promise<void>((resolve) => this.waiters.push(resolve));
		}
	}

	/** Holds every request for `seconds` (after a 429). Call before done(), so no waiter slips through. */
	pauseFor(seconds: number): void {
		this.resumeAt = Math.max(this.resumeAt, Date.now() + seconds * 1000);
	}

	/** The turn's answer is in: `report` is what it announced (undefined: no answer at all). */
	done(turn: Turn, report?: RateLimitReport): void {
		this.inFlight.delete(turn);
		if (report === 'unlimited' || report === 'absent') this.remaining = undefined;
		else if (report) {
			this.remaining = turn.solo || this.remaining === undefined ? report.remaining : Math.min(this.remaining, report.remaining);
			// The first request a window counted (a 429 says 0, so a limit of 1 never tells).
			if (report.windowSeconds && report.remaining > 0 && report.remaining === report.limit! - 1) this.windowEnd = Date.now() + report.windowSeconds * 1000;
		}
		const waiters = this.waiters;
		this.waiters = [];
		for (const wake of waiters) wake();
	}
}

const gates = new WeakMap<object, RateGate>();

/** The run's one gate (per execution context): the template-list reads and the sends share the token's budget. */
export function rateGateFor(ctx: object, platform: Platform): RateGate {
	let gate = gates.get(ctx);
	if (!gate) gates.set(ctx, (gate = new RateGate(platform.announcesRateLimit)));
	return gate;
}
