'use strict';
/**
 * The platform's per-token limit: `max` requests per fixed window of `windowMs`,
 * opened by the first counted request (real platform: 60 per 60000 ms). A refused
 * (429) request is not counted. retry_after = whole seconds until the window
 * closes, rounded up, at least 1. Both API generations use it (v2: one bucket per token).
 */
class RateLimiter {
	constructor() {
		this.windows = new Map();
	}

	reset() {
		this.windows.clear();
	}

	/** Count a request of `key`; null when allowed, else { retryAfter, windowStart }. */
	hit(key, config, now = Date.now()) {
		if (!config) return null;
		let w = this.windows.get(key);
		if (!w || now - w.start >= config.windowMs) {
			w = { start: now, count: 0 };
			this.windows.set(key, w);
		}
		if (w.count >= config.max) {
			return { retryAfter: Math.max(1, Math.ceil((w.start + config.windowMs - now) / 1000)), windowStart: w.start };
		}
		w.count += 1;
		return null;
	}

	/** Requests counted in `key`'s latest window (0 before the first). */
	used(key) {
		const w = this.windows.get(key);
		return w ? w.count : 0;
	}
}

function checkRateLimitConfig(rateLimit) {
	if (rateLimit === null || rateLimit === undefined) return null;
	if (!(Number.isInteger(rateLimit.max) && rateLimit.max > 0)) throw new TypeError('rateLimit.max must be a positive integer');
	if (!(Number.isInteger(rateLimit.windowMs) && rateLimit.windowMs > 0)) {
		throw new TypeError('rateLimit.windowMs must be a positive integer (milliseconds)');
	}
	return { max: rateLimit.max, windowMs: rateLimit.windowMs };
}

module.exports = { RateLimiter, checkRateLimitConfig };
