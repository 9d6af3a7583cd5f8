import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { dedupeKeys, seenBefore } from './dedupe';
import { CREDENTIAL } from './description';
import { isSelected } from './events';
import { normalise } from './formats';
import { isObject, type TriggerEvent } from './shape';
import { SIGNATURE_HEADER, verifySignature } from './signature';

/**
 * Every answer is JSON with the same keys: `received` (taken as a platform event), `started` (an
 * execution was started) and the `event` started or the `reason` nothing was.
 */
export interface TriggerAnswer extends IDataObject {
	received: boolean;
	started: boolean;
	event?: string;
	reason?: string;
}

/** Answer the request ourselves (n8n then starts nothing). */
function refuse(ctx: IWebhookFunctions, status: number, reason: string): IWebhookResponseData {
	const res = ctx.getResponseObject();
	const answer: TriggerAnswer = { received: false, started: false, reason };
	const body = JSON.stringify(answer);
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
	res.end(body);
	return { noWebhookResponse: true };
}

/** 200 without an execution: the platform must not retry what we chose to skip. */
function skipped(reason: string): IWebhookResponseData {
	const answer: TriggerAnswer = { received: true, started: false, reason };
	return { webhookResponse: answer };
}

/** 200 once n8n started the execution (the webhook's responseData '' makes n8n send this body). */
function started(event: TriggerEvent): IWebhookResponseData {
	const answer: TriggerAnswer = { received: true, started: true, event: event.event };
	return { webhookResponse: answer, workflowData: [[{ json: event }]] };
}

/** The request's bytes exactly as they arrived: the signature covers these, not a re-serialised body. */
async function rawBodyOf(ctx: IWebhookFunctions): Promise<Buffer | null> {
	const req = ctx.getRequestObject();
	if (!Buffer.isBuffer(req.rawBody) && typeof req.readRawBody === 'function') await req.readRawBody();
	return Buffer.isBuffer(req.rawBody) ? req.rawBody : null;
}

/** The Signing Secret, or why there is none. An unreadable credential never means "accept". */
async function signingSecret(ctx: IWebhookFunctions): Promise<{ secret: string } | { problem: string }> {
	try {
		const credentials = await ctx.getCredentials(CREDENTIAL);
		const secret = typeof credentials.signingSecret === 'string' ? credentials.signingSecret : '';
		return secret === '' ? { problem: 'the Signing Secret credential is empty' } : { secret };
	} catch (error) {
		return { problem: `the Signing Secret credential cannot be read (${(error as Error).message})` };
	}
}

/**
 * One platform webhook call: check the signature over the raw body (401 and nothing else when it
 * fails), read the body in whichever format it came, drop events not selected and events already
 * seen (200, no execution), else start the workflow with the normalised event. n8n answers 200
 * as soon as the execution is started ("onReceived"): the platform waits on this call. Each
 * answer's body is a TriggerAnswer.
 */
export async function receive(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const raw = await rawBodyOf(this);
	if (this.getNodeParameter('authentication', 'signingSecret') !== 'none') {
		const found = await signingSecret(this);
		if ('problem' in found) {
			this.logger.error(`WhatsApp Templates Trigger refused an event: ${found.problem}`);
			return refuse(this, 500, `Signature cannot be checked: ${found.problem}`);
		}
		const header = this.getHeaderData()[SIGNATURE_HEADER];
		if (raw === null || !verifySignature(raw, header, found.secret)) {
			return refuse(this, 401, header === undefined ? 'Missing X-Webhook-Signature' : 'Invalid X-Webhook-Signature');
		}
	}

	let body: unknown;
	try {
		body = JSON.parse((raw ?? Buffer.alloc(0)).toString('utf8').replace(/^\uFEFF/, ''));
	} catch {
		return refuse(this, 400, 'The body is not JSON');
	}
	if (!isObject(body)) return refuse(this, 400, 'The body is not a JSON object');

	const event = normalise(body);
	const selected = this.getNodeParameter('events', []) as string[];
	if (!isSelected(selected, event.event)) return skipped(`event ${event.event} is not selected`);

	// A test listen ("Listen for test event") takes every event, so the same one can be sent again.
	if (this.getMode() !== 'manual') {
		const nodeKey = `${this.getWorkflow().id ?? ''}|${this.getNode().id}`;
		if (seenBefore(this.getWorkflowStaticData('node'), dedupeKeys(event, raw ?? Buffer.alloc(0)), nodeKey)) {
			return skipped('duplicate: this event started the workflow before');
		}
	}
	return started(event);
}
