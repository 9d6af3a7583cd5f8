'use strict';
/** Medians of the benches' rounds, and the ratio of two contenders that take turns going first. */

const median = (values) => {
	const s = [...values].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * The rounds for a pair that takes turns going first: an even number (BENCH_THROUGHPUT_ROUNDS,
 * default 16, rounded up), so that each goes first in half of them. Two rounds' ratio spreads
 * ±5 % on a quiet 2-core machine: with 4 pairs the median moved by 2-3 % between halves of one
 * run; 8 pairs still land within about ±2 % (bench/README.md, runs F and G).
 */
const pairRounds = () => 2 * Math.ceil(Number(process.env.BENCH_THROUGHPUT_ROUNDS || 16) / 2);

/**
 * `a` over `b` for two that took turns going first, round by round: the median over each two
 * rounds (one in each order) of their sums' ratio. Whichever goes first in a round can run 5-10 %
 * slower or faster than the other; a median of single rounds, with one order more often than the
 * other, leans that way.
 */
const balancedRatio = (a, b) =>
	median(Array.from({ length: a.length >> 1 }, (_, k) => (a[2 * k] + a[2 * k + 1]) / (b[2 * k] + b[2 * k + 1])));

module.exports = { median, pairRounds, balancedRatio };
