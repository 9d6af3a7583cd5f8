import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';

import { giveUpNote, responseError, transportError, type DeliveryWords, type MappedError } from '../apiError';
import { dispatch } from '../batch/dispatcher';
import { gatedRequest } from '../batch/gatedRequest';
import { toOutputItem, routesToErrorOutput, type ItemResult } from '../batch/itemResult';
import { readRunOptions, type RunOptions } from '../batch/options';
import { RateGate } from '../batch/rateGate';
import { stopReport, withStopReport, type ReportWords } from '../batch/stopReport';
import { itemParameters, type ItemParameters } from '../itemParameters';
import type { ContactContext, ContactPlatform, Platform, Route } from '../platform';
import { buildRequest, runEndpoint, type ApiResponse, type RequestBody, type TransportFailure } from '../transport';
import { inputError } from '../validation/inputError';

export const WRITE_WORDS: DeliveryWords = {
	notSent: 'Nothing was written.',
	maybeSent: 'The change may or may not have been made. It was not tried again automatically: check the contact before running the node again.',
};
// A read changes nothing, whatever became of it.
const READ_WORDS: DeliveryWords = { notSent: 'Nothing was written.', maybeSent: 'Nothing was written: it was a read.' };
const REPORT: ReportWords = { done: 'Done', verb: 'written', maybe: 'Maybe written (check before running again)', idOf: (body) => body.id };

export type Answer = ApiResponse | TransportFailure;

/** An item's end: its output (several items for a list), or its failure. */
export type Outcome = { ok: true; json: IDataObject | IDataObject[] } | Extract<ItemResult, { ok: false }>;

/** Failures of items that were left alone because an earlier item failed: never the one a stop reports. */
const SKIPPED = new WeakSet<object>();

/** Item `index` left unwritten because another item failed first (continue-on-fail off). */
export function skipped(node: INode, index: number): Extract<Outcome, { ok: false }> {
	const error = inputError(node, index, new Error(`Item ${index} was not written: an earlier item failed`), 'written');
	SKIPPED.add(error);
	return { ok: false, error, delivery: 'not sent' };
}

/** What a contact operation's items share in one run. */
export interface ContactRun {
	ctx: IExecuteFunctions;
	node: INode;
	platform: Platform;
	contacts: ContactPlatform;
	options: RunOptions;
	parameters: ItemParameters;
	itemCount: number;
	/** Set when an item failed and continue-on-fail is off: no new write begins. */
	halted: boolean;
	/** One request to `route` (its `{id}` filled) through the run's gate. */
	call(route: Route, parts?: { id?: number | string; body?: RequestBody; qs?: IDataObject }): Promise<Answer>;
	/** A failed answer as item `index`'s failure; `write`: whether the request could have changed anything. */
	failure(index: number, answer: Answer, context: ContactContext, write: boolean): MappedError;
	/** Values kept for the run (the v1 index, the lists): computed once. */
	once<T>(key: string, compute: () => Promise<T>): Promise<T>;
	/** Whether once() was asked for `key` already. */
	has(key: string): boolean;
}

/** A contact operation: every item checked first, then each item's work on the shared engine. */
export interface ContactOperation<T> {
	/** One item's parameters, checked: throws a FieldError naming the field. */
	prepare(run: ContactRun, index: number): T | Promise<T>;
	work(run: ContactRun, index: number, item: T): Promise<Outcome>;
	/** Items with the same key run one after the other, in input order (the same phone). */
	serialKey?(item: T): string | undefined;
	/** Instead of one work per item: all of the run's prepared items at once (a batch). */
	workAll?(run: ContactRun, items: Map<number, T>): Promise<Map<number, Outcome>>;
}

async function startContactRun(ctx: IExecuteFunctions): Promise<{ run: ContactRun; setupError?: unknown }> {
	const node = ctx.getNode();
	const options = readRunOptions(ctx);
	// A wrong credential (unreadable, an unknown host, a missing subdomain) fails every item before any request.
	const { platform, problem } = await runEndpoint(ctx);
	const setupError = options.proxyError ?? problem;
	const kept = new Map<string, Promise<unknown>>();
	const run: ContactRun = {
		ctx,
		node,
		platform,
		contacts: platform.contacts,
		options,
		parameters: itemParameters(ctx),
		itemCount: ctx.getInputData().length,
		halted: false,
		call: async (route, parts = {}) => {
			const path = parts.id === undefined ? route.path : route.path.replace('{id}', encodeURIComponent(String(parts.id)));
			return await gatedRequest(ctx, platform, options, buildRequest({ ...route, path }, options, parts.body, parts.qs));
		},
		failure: (index, answer, context, write) => {
			const words = write ? WRITE_WORDS : READ_WORDS;
			const mapped =
				'failure' in answer
					? transportError(node, index, answer.failure.code, answer.failure.maybeSent, words)
					: responseError(platform, node, index, answer, {}, giveUpNote(answer.gaveUp), (response) => platform.contacts.explain(response, context), words);
			return write ? mapped : { ...mapped, delivery: 'not sent' };
		},
		once: (key, compute) => {
			if (!kept.has(key)) kept.set(key, compute());
			return kept.get(key) as Promise<never>;
		},
		has: (key) => kept.has(key),
	};
	return { run, setupError };
}

/** Every item's output, paired; a list's item gives one output item per record (none for an empty list). */
function outputs(ctx: IExecuteFunctions, itemCount: number, results: Map<number, Outcome>): INodeExecutionData[][] {
	const errorOutput = routesToErrorOutput(ctx);
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < itemCount; i++) {
		const result = results.get(i)!;
		if (result.ok && Array.isArray(result.json)) out.push(...result.json.map((json) => ({ json, pairedItem: { item: i } })));
		else out.push(toOutputItem(i, result.ok ? { ok: true, body: result.json as IDataObject } : result, errorOutput));
	}
	return [out];
}

/**
 * The contact operations' engine, the sends' own (dispatcher, gate, stop report): items in input
 * order, at most "Requests In Flight" at once, a 429 pausing every request; with continue-on-fail
 * off, the first failure stops the run with a report of what was written and what was not.
 */
export async function runContacts<T>(ctx: IExecuteFunctions, operation: ContactOperation<T>): Promise<INodeExecutionData[][]> {
	const { run, setupError } = await startContactRun(ctx);
	const continueOnFail = ctx.continueOnFail();
	const results = new Map<number, Outcome>();
	const items = new Map<number, T>();
	for (let i = 0; i < run.itemCount; i++) {
		try {
			if (setupError) throw setupError;
			items.set(i, await operation.prepare(run, i));
		} catch (error) {
			const mapped = inputError(run.node, i, error, 'written');
			if (!continueOnFail) throw mapped;
			results.set(i, { ok: false, error: mapped, delivery: 'not sent' });
		}
	}
	if (operation.workAll) for (const [i, outcome] of await operation.workAll(run, items)) results.set(i, outcome);
	else await workEach(run, operation, items, results);
	for (let i = 0; i < run.itemCount; i++) if (!results.has(i)) results.set(i, skipped(run.node, i));
	const failures = [...results.entries()].filter(([, r]) => !r.ok).sort(([a], [b]) => a - b);
	const failed = continueOnFail ? undefined : (failures.find(([, r]) => !r.ok && !SKIPPED.has(r.error)) ?? failures[0]);
	if (failed) {
		const [index, result] = failed as [number, Extract<Outcome, { ok: false }>];
		const report = new Map<number, ItemResult>([...results].map(([i, r]) => [i, r.ok ? { ok: true, body: Array.isArray(r.json) ? {} : r.json } : r]));
		throw withStopReport(result.error, stopReport(run.itemCount, report, index, REPORT));
	}
	return outputs(ctx, run.itemCount, results);
}

/**
 * `work` for each of `indexes` in input order, at most "Requests In Flight" at once; items with the
 * same key (the same phone: one contact, never two) one after the other. With continue-on-fail off,
 * no item begins after one failed. Items never begun are absent from the answer.
 */
export async function eachItem(run: ContactRun, indexes: number[], keyOf: (i: number) => string | undefined, work: (i: number) => Promise<Outcome>): Promise<Map<number, Outcome>> {
	const continueOnFail = run.ctx.continueOnFail();
	const chains = new Map<string, Promise<unknown>>();
	const attempt = async (i: number) => {
		const key = keyOf(i);
		const before = key === undefined ? undefined : chains.get(key);
		const mine = (async () => {
			await before;
			return run.halted ? undefined : await work(i);
		})();
		if (key !== undefined) chains.set(key, mine.catch(() => undefined));
		const result = await mine;
		if (result && !result.ok && !continueOnFail) run.halted = true;
		return { kind: 'done' as const, result, failed: result ? !result.ok : false };
	};
	// The requests go through the run's gate one by one (ContactRun.call): the dispatcher only bounds the items in flight.
	const done = await dispatch(indexes, attempt, { ...run.options, stopOnFailure: !continueOnFail }, new RateGate(false));
	return new Map([...done].filter((entry): entry is [number, Outcome] => entry[1] !== undefined));
}

async function workEach<T>(run: ContactRun, operation: ContactOperation<T>, items: Map<number, T>, results: Map<number, Outcome>) {
	const done = await eachItem(run, [...items.keys()], (i) => operation.serialKey?.(items.get(i)!), (i) => operation.work(run, i, items.get(i)!));
	for (const [i, result] of done) results.set(i, result);
}
