import type { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { indexRanges, type ItemResult } from './itemResult';

// An error can be thrown again by a retry (see RetryLedger): keep its own description to build on.
const ownDescriptions = new WeakMap<object, string>();

/** The failed item's error, its description followed by the stop report. */
export function withStopReport<E extends NodeApiError | NodeOperationError>(error: E, report: string): E {
	const own = ownDescriptions.get(error) ?? error.description ?? '';
	ownDescriptions.set(error, own);
	error.description = `${own} ${report}`.trim();
	return error;
}

const MAX_LISTED_IDS = 20;

/**
 * What the user must know when the node stops on a failure: which items went out (with their
 * message ids) and which did not, so a rerun sends only the rest and nobody gets a message twice.
 */
/** How a report names what the items did, and the id it lists for each one done. */
export interface ReportWords {
	done: string;
	verb: string;
	/** Items that may have had their effect. */
	maybe: string;
	idOf: (body: Record<string, unknown>) => unknown;
}

export const SENT_WORDS: ReportWords = { done: 'Sent', verb: 'sent', maybe: 'Maybe sent (check before resending)', idOf: (body) => body.messageId };

export function stopReport(itemCount: number, results: Map<number, ItemResult>, failedIndex: number, words: ReportWords = SENT_WORDS): string {
	const sent: string[] = [];
	const sentIndexes: number[] = [];
	const unknown: number[] = [];
	const notSent: number[] = [];
	for (let i = 0; i < itemCount; i++) {
		const result = results.get(i);
		if (result?.ok) {
			sentIndexes.push(i);
			if (sent.length < MAX_LISTED_IDS) sent.push(`${i} (${String(words.idOf(result.body) ?? 'no id')})`);
		} else if (result && result.delivery === 'unknown') unknown.push(i);
		else notSent.push(i);
	}
	const { done, verb } = words;
	const lines = [`Stopped after item ${failedIndex} failed; no further items were ${verb}.`];
	lines.push(
		sentIndexes.length
			? `${done}: ${sentIndexes.length} item(s): ${sent.join(', ')}${sentIndexes.length > sent.length ? `, … (all: ${indexRanges(sentIndexes)})` : ''}.`
			: `${done}: none.`,
	);
	if (unknown.length) lines.push(`${words.maybe}: items ${indexRanges(unknown)}.`);
	lines.push(notSent.length ? `Not ${verb}: items ${indexRanges(notSent)}.` : `Not ${verb}: none.`);
	return lines.join(' ');
}
