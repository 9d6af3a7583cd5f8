import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import { REQUIRED_ABILITY } from '../api/contract';
import type { ApiResponse } from '../transport/postMessage';

/** Whether the message may have reached the platform: decides what the user is told to do. */
export type Delivery = 'not sent' | 'unknown';

export interface MappedError {
	error: NodeApiError;
	delivery: Delivery;
}

const MAYBE_SENT =
	'The message may or may not have gone out. It was not sent again automatically: check the conversation before sending it again.';

const ADVICE: Record<number, string> = {
	401: 'The API token was refused. Check the API Token in the "WhatsApp Templates API" credential, or create a new token in the workspace.',
	403: `The API token is valid but lacks the ability ${REQUIRED_ABILITY}. Give the token that ability in the workspace's API settings.`,
	404: 'The workspace has no template with this name and language. Check Template Name and Language Code against the template registered with Meta.',
	422: 'The platform refused the values named above. Fix them and run the node again.',
	429: 'The platform rate-limited the message. Run again later, or lower "Messages In Flight" or raise "Longest Rate-Limit Wait" under Options.',
};

function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The API's own words: its message, and a 422's field errors spelled out. */
function apiWords(body: unknown): string | undefined {
	if (!isObject(body)) return undefined;
	const fieldErrors = isObject(body.errors)
		? Object.entries(body.errors).map(([field, messages]) => `${field}: ${([] as unknown[]).concat(messages).join(' ')}`)
		: [];
	if (fieldErrors.length) return fieldErrors.join('; ');
	return typeof body.message === 'string' && body.message !== '' ? body.message : undefined;
}

export function isSuccess(response: ApiResponse): boolean {
	const { statusCode, body } = response;
	return statusCode >= 200 && statusCode < 300 && isObject(body) && body.status !== 'error';
}

/** A refused or failed answer as an error that says what happened and what to do. */
export function responseError(node: INode, itemIndex: number, response: ApiResponse, note?: string): MappedError {
	const { statusCode, body } = response;
	const words = apiWords(body);
	const refused = statusCode >= 400 && statusCode < 500; // the platform refused: nothing was processed
	const delivery: Delivery = refused ? 'not sent' : 'unknown';
	let message: string;
	if (statusCode >= 200 && statusCode < 300) {
		message = isObject(body)
			? `The platform answered HTTP ${statusCode} but reported an error: ${words ?? 'no reason given'}`
			: `The platform answered HTTP ${statusCode} without a JSON body, so it is unknown whether the message was queued`;
	} else if (words) {
		message = words;
	} else {
		message = `The platform answered HTTP ${statusCode} without an explanation${isObject(body) ? '' : ' (not JSON: perhaps a proxy or load balancer in front of it)'}`;
	}
	const advice =
		ADVICE[statusCode] ??
		(refused ? 'The platform refused the request.' : statusCode >= 500 ? 'The platform (or a proxy in front of it) failed while handling the message.' : '');
	const description = [note, advice, delivery === 'not sent' ? 'Nothing was sent.' : MAYBE_SENT].filter(Boolean).join(' ');
	const errorResponse: JsonObject = isObject(body) ? body : { body: typeof body === 'string' ? body.slice(0, 500) : null };
	return {
		error: new NodeApiError(node, errorResponse, { message, description, httpCode: String(statusCode), itemIndex }),
		delivery,
	};
}

/** No HTTP answer at all: refused connection, timeout, reset. */
export function transportError(node: INode, itemIndex: number, code: string, maybeSent: boolean): MappedError {
	const timedOut = /TIMEDOUT|ECONNABORTED/.test(code);
	const message = timedOut
		? 'The platform did not answer in time'
		: maybeSent
			? 'The connection to the platform broke off before it answered'
			: 'Could not connect to the platform';
	const advice = maybeSent
		? MAYBE_SENT
		: "Nothing was sent. Check the credential's address and that the platform is reachable from n8n.";
	return {
		error: new NodeApiError(node, { networkError: code }, { message, description: `${advice} (network error: ${code})`, itemIndex }),
		delivery: maybeSent ? 'unknown' : 'not sent',
	};
}
