import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';

import { itemParameters, type ItemParameters } from '../itemParameters';
import { readBinaryMedia } from '../multipart/binaryMedia';
import type { Platform, Route, SentContext } from '../platform';
import { buildRequest, runEndpoint } from '../transport';
import { inputError } from '../validation/inputError';
import { fingerprint, toRequestBody, type WireBody } from '../wireBody';
import type { ItemResult } from './itemResult';
import { readRunOptions, type RunOptions } from './options';
import { runSends, type SendJob } from './runSends';

/** What every sending operation sets up once per run, before it validates its items. */
export interface SendRun {
	ctx: IExecuteFunctions;
	node: INode;
	itemCount: number;
	options: RunOptions;
	/** The credential's API generation (the default one when the credential cannot be read: nothing is sent then). */
	platform: Platform;
	apiBase: string;
	/** A wrong credential or proxy: every item fails with it, one by one under continue-on-fail. */
	setupError?: unknown;
	parameters: ItemParameters;
	/** Items refused before sending (continue-on-fail only). */
	failures: Map<number, ItemResult>;
	/** An item refused before sending: thrown at once, or kept for its output under continue-on-fail. */
	refuse(index: number, error: unknown): void;
}

export async function startRun(ctx: IExecuteFunctions): Promise<SendRun> {
	const node = ctx.getNode();
	const options = readRunOptions(ctx);
	const failures = new Map<number, ItemResult>();
	const { platform, apiBase, problem } = await runEndpoint(ctx);
	const setupError = options.proxyError ?? problem;
	return {
		ctx,
		node,
		itemCount: ctx.getInputData().length,
		options,
		platform,
		apiBase,
		setupError,
		parameters: itemParameters(ctx),
		failures,
		refuse: (index, error) => {
			const mapped = inputError(node, index, error);
			if (!ctx.continueOnFail()) throw mapped;
			failures.set(index, { ok: false, error: mapped, delivery: 'not sent' });
		},
	};
}

/** An operation that sends one message per item with nothing to check across items. */
export interface EachMessage<T> {
	/** One item's parameters, checked completely: throws a FieldError, or returns the message. */
	validate(run: SendRun, index: number): Promise<T>;
	/** The validated message as the engine's job. */
	job(run: SendRun, index: number, message: T): SendJob;
	/** Execution hints for the run's messages, said once each. */
	hints?(run: SendRun, messages: T[]): string[];
}

/** Validates every item first (nothing goes out before, continue-on-fail off), then hands the sends to the engine. */
export async function sendEach<T>(ctx: IExecuteFunctions, operation: EachMessage<T>): Promise<INodeExecutionData[][]> {
	const run = await startRun(ctx);
	const messages = new Map<number, T>();
	for (let i = 0; i < run.itemCount; i++) {
		try {
			if (run.setupError) throw run.setupError;
			messages.set(i, await operation.validate(run, i));
		} catch (error) {
			run.refuse(i, error);
		}
	}
	const hints = new Set(operation.hints?.(run, [...messages.values()]) ?? []);
	if (hints.size) ctx.addExecutionHints(...[...hints].map((message) => ({ message, location: 'outputPane' as const })));
	const jobs = new Map<number, SendJob>();
	for (const [i, message] of messages) jobs.set(i, operation.job(run, i, message));
	return await runSends(ctx, run.platform, run.itemCount, jobs, run.failures, run.options, run.apiBase);
}

/** A sent message's output item: the WhatsApp message id on top, what the node sent, then the platform's answer. */
export function sentOutput(platform: Platform, answer: IDataObject, sent: IDataObject): IDataObject {
	const read = platform.readSend(answer);
	return { messageId: read.messageId, ...sent, ...(read.contactId === undefined ? {} : { contactId: read.contactId }), ...answer };
}

/** One message's job: its wire body to `route` (a file streamed while it uploads), its output with the message id on top. */
export function messageJob(run: SendRun, route: Route, index: number, wire: WireBody, sent: IDataObject, context: SentContext): SendJob {
	return {
		request: () => buildRequest(route, run.options, toRequestBody(wire, (media) => readBinaryMedia(run.ctx, media))),
		context,
		fingerprint: () => fingerprint(index, wire),
		output: (answer) => sentOutput(run.platform, answer, sent),
	};
}

/** The node's names of wire fields, for the platform's refusals in the node's words (a field the API lacks has no wire name). */
export function fieldLabels(entries: Array<[string | undefined, string]>): (wireName: string) => string | undefined {
	const labels = new Map(entries);
	return (wireName) => labels.get(wireName);
}
