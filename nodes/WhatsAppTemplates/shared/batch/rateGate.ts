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
 * above 0. When it is spent, exactly one request goes alone: a probe whose answer is either a
 * fresh window's count or a 429 naming the true wait (the platform's announced reset time is
 * wrong, and never read). A 429 pauses every request. Answers that announce nothing (API v1), or
 * a token without a limit, leave the run unpaced: only a 429 holds it.
 */
export class RateGate {
	/** The lowest count reported (undefined: not paced). */
	private remaining: number | undefined;
	private readonly inFlight = new Set<Turn>();
	private resumeAt = 0;
	private waiters: Array<() => void> = [];

	/** `announced`: answers will say the budget, so the first request goes alone to learn it. */
	constructor(announced: boolean) {
		this.remaining = announced ? 0 : undefined;
	}

	private open(): boolean {
		return this.remaining === undefined || this.remaining - this.inFlight.size > 0 || this.inFlight.size === 0;
	}

	/** Waits for a pause to pass and the budget to allow a request; undefined when `stopped` says so meanwhile. */
	async turn(stopped: () => boolean = () => false): Promise<Turn | undefined> {
		for (;;) {
			for (;;) {
				const pause = this.resumeAt - Date.now(); // read again after each sleep: a later 429 may lengthen it
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
		else if (report) this.remaining = turn.solo || this.remaining === undefined ? report.remaining : Math.min(this.remaining, report.remaining);
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
