import { NodeOperationError, type IExecuteFunctions, type INode, type INodeExecutionData } from 'n8n-workflow';

import { HostError, resolveBaseUrl } from './api/endpoint';
import { toJsonBody } from './body/jsonBody';
import { toMultipartBody } from './body/multipartBody';
import { readItemFields } from './fields/itemFields';
import { readRunOptions } from './fields/runOptions';
import { readBinaryMedia, resolveBinaryMedia } from './media/binaryMedia';
import { describeRequest } from './result/dryRun';
import { toOutputItem, type ItemResult } from './result/itemResult';
import { stopReport, withStopReport } from './result/stopReport';
import { dispatch } from './transport/dispatcher';
import { CREDENTIAL_TYPE, buildRequest } from './transport/postMessage';
import { RetryLedger } from './transport/retryLedger';
import { sendAttempt } from './transport/sendAttempt';
import { FieldError } from './validate/fieldError';
import { validateItem } from './validate/validateItem';
import { toWireBody, type WireBody } from './wire/wireBody';

/** An error found before sending, naming the field, the item and the fix. */
function inputError(node: INode, itemIndex: number, error: unknown): NodeOperationError {
	if (error instanceof FieldError || error instanceof HostError) {
		const fix = error instanceof FieldError ? error.fix : 'Open the "WhatsApp Templates API" credential and correct it';
		return new NodeOperationError(node, `${error.message} [item ${itemIndex}]`, {
			itemIndex,
			description: `${fix.replace(/\.$/, '')}. Nothing was sent for this item.`,
		});
	}
	return new NodeOperationError(node, error as Error, { itemIndex });
}

/** Message → Send Template: validate every item, then send them in order with bounded concurrency. */
export async function sendTemplate(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const node = this.getNode();
	const itemCount = this.getInputData().length;
	const options = readRunOptions(this);
	const continueOnFail = this.continueOnFail();
	const results = new Map<number, ItemResult>();
	const wires = new Map<number, WireBody>();

	let baseUrl = '';
	let hostError: unknown;
	try {
		baseUrl = resolveBaseUrl(await this.getCredentials(CREDENTIAL_TYPE));
	} catch (error) {
		hostError = error;
	}

	// Every item is checked before the first message goes out: an invalid item sends nothing,
	// and with continue-on-fail off nothing at all is sent.
	for (let i = 0; i < itemCount; i++) {
		try {
			if (hostError) throw hostError;
			const item = await validateItem(readItemFields(this, i), options, async (property, kind) =>
				await resolveBinaryMedia(this, i, property, kind),
			);
			wires.set(i, toWireBody(item));
		} catch (error) {
			const mapped = inputError(node, i, error);
			if (!continueOnFail) throw mapped;
			results.set(i, { ok: false, error: mapped, delivery: 'not sent' });
		}
	}

	const requestFor = (wire: WireBody) =>
		buildRequest(
			wire.file ? toMultipartBody(wire, () => readBinaryMedia(this, wire.file!.media)) : toJsonBody(wire),
			options,
		);

	if (options.dryRun) {
		for (const [i, wire] of wires) results.set(i, { ok: true, body: describeRequest(requestFor(wire), baseUrl) });
	} else {
		const attempt = async (i: number) => await sendAttempt(this, i, requestFor(wires.get(i)!));
		const ledger = RetryLedger.for(this);
		const pending: number[] = [];
		for (const [i, wire] of wires) {
			const earlier = ledger?.earlier(i, wire);
			if (earlier) results.set(i, earlier);
			else pending.push(i);
		}
		// A retry whose earlier try left a message that may have gone out fails again at once:
		// as after any hard failure, nothing new is sent.
		const blocked = !continueOnFail && [...results.values()].some((r) => !r.ok);
		const sent = blocked ? new Map<number, ItemResult>() : await dispatch(pending, attempt, { ...options, stopOnFailure: !continueOnFail });
		for (const [i, result] of sent) results.set(i, result);
		const failed = continueOnFail ? undefined : [...results.entries()].filter(([, r]) => !r.ok).sort(([a], [b]) => a - b)[0];
		if (failed) {
			ledger?.keep(wires, results);
			const [index, result] = failed as [number, Extract<ItemResult, { ok: false }>];
			throw withStopReport(result.error, stopReport(itemCount, results, index));
		}
		ledger?.clear();
	}
	return [Array.from({ length: itemCount }, (_, i) => toOutputItem(i, results.get(i)!))];
}
