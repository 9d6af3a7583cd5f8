import type { IDataObject, IExecuteFunctions, INodeExecutionData, NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { Delivery } from '../apiError';

/** How one item ended: its output json, or an error and whether the message may have gone out. */
export type ItemResult =
	| { ok: true; body: IDataObject }
	| { ok: false; error: NodeApiError | NodeOperationError; delivery: Delivery };

/** True when the node's On Error is "Continue (using error output)": failed items must take that branch. */
export function routesToErrorOutput(ctx: IExecuteFunctions): boolean {
	return ctx.getNode().onError === 'continueErrorOutput';
}

/**
 * A failed item is `{ error, details }` in `json`, the shape users map. Under "Continue (using error
 * output)" it also carries its error as a non-enumerable `item.error`. n8n-core's
 * handleNodeErrorOutput routes an item by `item.error` on every line, by its json only when that is
 * `{error}` or `{error, message}` (1.x) or holds no key but error, message, details (2.x). It then
 * puts a copy `{ ...item, json: { ...input json, ...item.json } }` on the error output, which leaves a
 * non-enumerable property behind, so the rewrite n8n applies to every item that carries an error
 * (`json = { error: message }`, both lines) does not reach it and the details stay. Under plain
 * continue-on-fail no `item.error`: n8n would rewrite the json on the regular output.
 */
export function toOutputItem(index: number, result: ItemResult, errorOutput = false): INodeExecutionData {
	const pairedItem = { item: index };
	if (result.ok) return { json: result.body, pairedItem };
	const { error, delivery } = result;
	const details: IDataObject = { delivery, itemIndex: index };
	if (error.description) details.description = error.description;
	if ((error as NodeApiError).httpCode) details.httpCode = (error as NodeApiError).httpCode;
	const item: INodeExecutionData = { json: { error: error.message, details }, pairedItem };
	if (errorOutput) Object.defineProperty(item, 'error', { value: error, enumerable: false, configurable: true });
	return item;
}

/** The node's output: one item per input item, in input order, each paired to its input. */
export function toOutputItems(ctx: IExecuteFunctions, itemCount: number, resultOf: (index: number) => ItemResult): INodeExecutionData[][] {
	const errorOutput = routesToErrorOutput(ctx);
	return [Array.from({ length: itemCount }, (_, i) => toOutputItem(i, resultOf(i), errorOutput))];
}

/** "0-3, 7, 9-12": item indexes as short ranges, for errors that list many items. */
export function indexRanges(indexes: number[]): string {
	const ranges: string[] = [];
	for (let i = 0; i < indexes.length; i++) {
		const start = indexes[i];
		while (indexes[i + 1] === indexes[i] + 1) i++; // past the end: undefined, never a successor
		ranges.push(start === indexes[i] ? `${start}` : `${start}-${indexes[i]}`);
	}
	return ranges.join(', ');
}
