'use strict';
/**
 * Fixed one-second window per token, like Laravel's throttle middleware:
 * a refused request is not counted as a hit.
 */
class RateLimiter {
	constructor() {
		this.windows = new Map();
	}

	reset() {
		this.windows.clear();
	}

	/**
	 * Count a request of `key` under `config` ({ perSecond, retryAfter? }).
	 * Returns null when allowed, else { retryAfter, limit }.
	 */
	hit(key, config, now = Date.now()) {
		if (!config) return null;
		let w = this.windows.get(key);
		if (!w || now - w.start >= 1000) {
			w = { start: now, count: 0 };
			this.windows.set(key, w);
		}
		if (w.count >= config.perSecond) {
			const retryAfter =
				config.retryAfter !== undefined ? config.retryAfter : Math.max(1, Math.ceil((w.start + 1000 - now) / 1000));
			return { retryAfter, limit: config.perSecond };
		}
		w.count += 1;
		return null;
	}
}

function checkRateLimitConfig(rateLimit) {
	if (rateLimit === null || rateLimit === undefined) return null;
	if (!(Number.isInteger(rateLimit.perSecond) && rateLimit.perSecond > 0)) {
		throw new TypeError('rateLimit.perSecond must be a positive integer');
	}
	if (rateLimit.retryAfter !== undefined && !(Number.isInteger(rateLimit.retryAfter) && rateLimit.retryAfter >= 0)) {
		throw new TypeError('rateLimit.retryAfter must be a non-negative integer (seconds)');
	}
	return { perSecond: rateLimit.perSecond, retryAfter: rateLimit.retryAfter };
}

module.exports = { RateLimiter, checkRateLimitConfig };
