'use strict';
/**
 * Where a run's wall time went around its sends, on one clock: from the run's start to the first
 * send's arrival at the sandbox (`leadMs`: the engine's start, parameter reads, validation, the
 * first request's way out), the sends themselves (`sendingMs`: first arrival to last answer), and
 * from the last answer to the run's end (`tailMs`: the last answer's way back, the output). The
 * sandbox runs in its own process: its times are moved onto the bench's clock by the two
 * processes' performance.timeOrigin (remote-sandbox.js).
 */

/** `sends`: the run's recorded requests (after `sb.refresh()`); `t0`, `t1`: the run's start and end (performance.now()). */
function timeline(sb, sends, t0, t1) {
	const shift = sb.timeOrigin - performance.timeOrigin;
	const first = Math.min(...sends.map((r) => r.startedAt)) + shift;
	const last = Math.max(...sends.map((r) => r.endedAt)) + shift;
	return { leadMs: first - t0, sendingMs: last - first, tailMs: t1 - last };
}

module.exports = { timeline };
