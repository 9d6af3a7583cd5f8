/**
 * Every fault kind of the sandbox, with what the node must say and whether the message may
 * have gone out (CONTRACT.md's error table): shared by faults.test.ts and faults-retry.test.ts.
 */
import type { IBinaryData, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { FaultKind } from '../sandbox';

export const MAYBE_SENT = /The message may or may not have gone out\. It was not sent again automatically: check the conversation before sending it again\./;
export const NOT_SENT = /Nothing was sent\./;
/** Nothing to advise and no words of the platform to pass on: the description is the delivery sentence alone (and the stop report). */
const ONLY_MAYBE_SENT = new RegExp(`^${MAYBE_SENT.source}(?: Stopped after item \\d+ failed|$)`);

export interface FaultCase {
	kind: FaultKind;
	delivery: 'unknown' | 'not sent';
	message: string | RegExp;
	httpCode?: string;
	/** What the description says besides the delivery sentence. */
	advice: RegExp;
	params?: INodeParameters;
	bodies: Array<'json' | 'multipart'>;
}

const both: Array<'json' | 'multipart'> = ['json', 'multipart'];

export const FAULTS: FaultCase[] = [
	// The message may have gone out.
	{ kind: 'system500', delivery: 'unknown', message: 'The platform failed while handling the message (HTTP 500)', httpCode: '500', advice: /The platform said: "internal_server_error"/, bodies: both },
	{ kind: 'html502', delivery: 'unknown', message: 'The platform failed while handling the message (HTTP 502, not JSON: perhaps a proxy in front of it)', httpCode: '502', advice: ONLY_MAYBE_SENT, bodies: both },
	{ kind: 'drop', delivery: 'unknown', message: 'The connection to the platform broke off before it answered', advice: /\(network error: (ECONNRESET|EPIPE|ECONNABORTED|ERR_SOCKET\w*|socket hang up)\)/, bodies: both },
	{ kind: 'dropMidUpload', delivery: 'unknown', message: 'The connection to the platform broke off before it answered', advice: /\(network error: \w+\)/, bodies: ['multipart'] },
	// 1.5 s: long enough for the healthy items beside it on a loaded machine (300 ms failed one at load 9).
	{ kind: 'hang', delivery: 'unknown', message: 'The platform did not answer in time', advice: /\(network error: (ECONNABORTED|ETIMEDOUT)\)/, params: { requestOptions: { timeout: 1500 } }, bodies: both },
	{ kind: 'noMessageId200', delivery: 'unknown', message: 'The platform answered HTTP 200 without a WhatsApp message id', httpCode: '200', advice: /^The platform said: "Template sent successfully"\. The message may or may not have gone out\./, bodies: both },
	{ kind: 'statusError200', delivery: 'unknown', message: 'The platform answered HTTP 200 but reported an error', httpCode: '200', advice: /The platform said: "Failed to send template"/, bodies: both },
	{ kind: 'nonJson200', delivery: 'unknown', message: 'The platform answered HTTP 200 without a JSON body', httpCode: '200', advice: ONLY_MAYBE_SENT, bodies: both },
	// Refused: nothing went out.
	{ kind: 'whatsapp500', delivery: 'not sent', message: /^WhatsApp refused the message: \(#132000\) Number of parameters does not match/, httpCode: '500', advice: /do not match the template's variables/, bodies: both },
	{ kind: 'notConnected503', delivery: 'not sent', message: 'WhatsApp is not connected for this workspace', httpCode: '503', advice: /must connect WhatsApp/, bodies: both },
	{ kind: 'optedOut403', delivery: 'not sent', message: 'The recipient has opted out of messages from this workspace', httpCode: '403', advice: /unless they opt in again/, bodies: both },
	{ kind: 'conversationLimit403', delivery: 'not sent', message: "The workspace's plan limit is reached", httpCode: '403', advice: /Upgrade the workspace's plan/, bodies: both },
	{ kind: 'tooLarge413', delivery: 'not sent', message: 'The upload is larger than this platform accepts', httpCode: '413', advice: /send a smaller file/, bodies: both },
];

export type Case = FaultCase & { body: 'json' | 'multipart'; name: string };

export const CASES: Case[] = FAULTS.flatMap((f) =>
	f.bodies.map((body) => ({ ...f, body, name: `${f.kind} (${body}${body === 'multipart' ? `, ${f.kind === 'dropMidUpload' ? '2 MB' : '10 kB'} document` : ''})` })),
);

export const PHONES = ['4915100000000', '4915100000001', '4915100000002'];

export function paramsFor(c: Case): INodeParameters {
	const media = c.body === 'multipart' ? { templateName: 'invoice_ready', headerType: 'document', mediaSource: 'binary', binaryPropertyName: 'file', bodyVariables: { var1: 'A-1' } } : {};
	return { phone: '={{ $json.phone }}', ...media, ...c.params };
}

export function itemsFor(c: Case, count: number, files: { small: IBinaryData; big: IBinaryData }): INodeExecutionData[] {
	const file = c.kind === 'dropMidUpload' ? files.big : files.small;
	return PHONES.slice(0, count).map((phone) => ({ json: { phone }, ...(c.body === 'multipart' ? { binary: { file } } : {}) }));
}
