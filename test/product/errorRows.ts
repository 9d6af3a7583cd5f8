/** One row of an error table, run through the engine twice: stopped, and under continue-on-fail. */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { Fault, RecordedRequest } from '../sandbox';
import { jsonOut, type Product } from './setup';

export interface ErrorRow {
	name: string;
	params?: INodeParameters;
	credentials?: (p: Product) => IDataObject;
	fault?: Fault;
	config?: Parameters<Product['sb']['configure']>[0];
	status: number;
	message: RegExp;
	description: RegExp;
	delivery: 'not sent' | 'unknown';
}

/**
 * The node's words and delivery for the row's answer; one request only (never sent twice, also
 * not after a 401, which n8n resends unless the node handles it); the same words as the item's
 * output under continue-on-fail, without the stop report that only a stopped run has.
 */
export async function expectErrorRow(product: Product, row: ErrorRow, also?: (error: NodeApiError, request: RecordedRequest) => void): Promise<void> {
	if (row.config) product.sb.configure(row.config);
	if (row.fault) product.sb.injectFault(row.fault);
	const credentials = row.credentials?.(product);
	// The platform's own answers: without the check before sending, which would catch some first.
	const params = { ...row.params, options: { checkTemplate: false } };
	const stopped = await product.send(params, { credentials });
	const error = stopped.error as unknown as NodeApiError;
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toMatch(row.message);
	expect(error.httpCode).toBe(String(row.status));
	expect(error.description).toMatch(row.description);
	expect(error.description).toMatch(row.delivery === 'not sent' ? /Nothing was sent\./ : /not sent again automatically/);
	expect(error.context.itemIndex).toBe(0);
	expect(product.sb.requests).toHaveLength(1);
	expect(product.sb.requests[0].status).toBe(row.status);
	also?.(error, product.sb.requests[0]);

	product.sb.reset();
	if (row.fault) product.sb.injectFault(row.fault);
	const continued = await product.send(params, { credentials, onError: 'continueRegularOutput' });
	// Each answer has its own request id (API v2): the rest of the words are the same.
	const stable = (text: unknown) => String(text).replace(/(Request ID for the platform's support: )\S+\./, '$1<id>.');
	const own = error.description!.replace(/ Stopped after item 0 failed.*$/, '');
	expect(own).not.toBe(error.description);
	const out = jsonOut(continued);
	expect(out).toEqual([{ error: error.message, details: { delivery: row.delivery, httpCode: String(row.status), itemIndex: 0, description: expect.any(String) } }]);
	expect(stable((out[0].details as IDataObject).description)).toBe(stable(own));
}
