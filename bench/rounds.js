'use strict';
/** Medians of the benches' rounds, and the ratio of two contenders that take turns going first. */

const median = (values) => {
	const s = [...values].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * The rounds for a pair that takes turns going first: an even number (BENCH_THROUGHPUT_ROUNDS,
 * default 32, rounded up), so that each goes first in half of them. A pair of rounds' ratio has a
 * standard deviation of 2-4 % on this 2-core machine; the median of n pairs then moves by about
 * 1.25 × that / √n: ±1.5 % with 8 pairs (runs of one Send Text bench gave 0.979-1.025 on
 * 2026-12-07), ±1.1 % with 16 (bench/README.md, "Why 32 rounds").
 */
const pairRounds = () => 2 * Math.ceil(Number(process.env.BENCH_THROUGHPUT_ROUNDS || 32) / 2);

/**
 * `a` over `b` for two that took turns going first, round by round: the median over each two
 * rounds (one in each order) of their sums' ratio. Whichever goes first in a round can run 5-10 %
 * slower or faster than the other; a median of single rounds, with one order more often than the
 * other, leans that way.
 */
const balancedRatio = (a, b) =>
	median(Array.from({ length: a.length >> 1 }, (_, k) => (a[2 * k] + a[2 * k + 1]) / (b[2 * k] + b[2 * k + 1])));

module.exports = { median, pairRounds, balancedRatio };
