import type { IDataObject, INodeExecutionData, NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { Delivery } from '../apiError';

/** How one item ended: its output json, or an error and whether the message may have gone out. */
export type ItemResult =
	| { ok: true; body: IDataObject }
	| { ok: false; error: NodeApiError | NodeOperationError; delivery: Delivery };

/**
 * A failed item keeps its details in `json` and sets no `item.error`: n8n would replace such an
 * item's json with the bare message. `{ error, details }` is still what routes it to the error output.
 */
export function toOutputItem(index: number, result: ItemResult): INodeExecutionData {
	const pairedItem = { item: index };
	if (result.ok) return { json: result.body, pairedItem };
	const { error, delivery } = result;
	const details: IDataObject = { delivery, itemIndex: index };
	if (error.description) details.description = error.description;
	if ((error as NodeApiError).httpCode) details.httpCode = (error as NodeApiError).httpCode;
	return { json: { error: error.message, details }, pairedItem };
}

/** "0-3, 7, 9-12": item indexes as short ranges, for errors that list many items. */
export function indexRanges(indexes: number[]): string {
	const ranges: string[] = [];
	for (let i = 0; i < indexes.length; i++) {
		const start = indexes[i];
		while (i + 1 < indexes.length && indexes[i + 1] === indexes[i] + 1) i++;
		ranges.push(start === indexes[i] ? `${start}` : `${start}-${indexes[i]}`);
	}
	return ranges.join(', ');
}
