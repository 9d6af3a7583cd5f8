import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import type { Delivery, Explained, Platform, SentContext } from './platform';
import { CREDENTIAL } from './platform/explaining';
import { isObject } from './platform/json';
import type { ApiResponse } from './transport';

export type { Delivery, SentContext } from './platform';

export interface MappedError {
	error: NodeApiError;
	delivery: Delivery;
}

const MAYBE_SENT =
	'The message may or may not have gone out. It was not sent again automatically: check the conversation before sending it again.';

/** What an error says of the request's effect: a message's, unless an operation writes records. */
export interface DeliveryWords {
	notSent: string;
	maybeSent: string;
}

export const MESSAGE_WORDS: DeliveryWords = { notSent: 'Nothing was sent.', maybeSent: MAYBE_SENT };

/**
 * A 3xx answer in words: where it pointed, and that it was not followed (every request is made with
 * disableFollowRedirect: the token goes only under the credential's API base). Else undefined.
 */
export function redirectOf(response: ApiResponse): string | undefined {
	if (response.statusCode < 300 || response.statusCode > 399) return undefined;
	const location = response.headers.location ?? response.headers.Location;
	const to = typeof location === 'string' && location !== '' ? ` to ${location.slice(0, 200)}` : '';
	return `a redirect (HTTP ${response.statusCode}${to}), which the node does not follow`;
}

/** A web server or proxy in front of the platform answers a redirect, on either API: the API never saw the request. */
function explainRedirect(redirect: string): Explained {
	return {
		message: `The platform answered with ${redirect}`,
		advice: `The API token is sent only to the credential's Platform URL: if the platform moved (to https:// or another address), put its new address there. ${CREDENTIAL}`,
		delivery: 'not sent',
	};
}

/** The note on a 429 the run stopped asking again: why (giveUpReason's words). */
export const giveUpNote = (reason: string | undefined): string | undefined => (reason === undefined ? undefined : `Gave up waiting: ${reason}.`);

/** A refused or failed answer as an error that says what happened, what to do, and whether it went out. */
export function responseError(
	platform: Platform,
	node: INode,
	itemIndex: number,
	response: ApiResponse,
	context: SentContext = {},
	note?: string,
	explained: (response: ApiResponse) => Explained = (answer) => platform.explain(answer, context),
	words: DeliveryWords = MESSAGE_WORDS,
): MappedError {
	const { statusCode, body } = response;
	const redirect = redirectOf(response);
	const { message, advice, delivery, said, requestId } = redirect ? explainRedirect(redirect) : explained(response);
	const hint = said !== undefined && !message.includes(said) ? `The platform said: "${said}".` : undefined;
	const reference = requestId ? `Request ID for the platform's support: ${requestId}.` : undefined;
	const description = [note, advice, hint, delivery === 'not sent' ? words.notSent : words.maybeSent, reference].filter(Boolean).join(' ');
	const errorResponse: JsonObject = isObject(body) ? (body as JsonObject) : { body: typeof body === 'string' ? body.slice(0, 500) : null };
	return {
		error: new NodeApiError(node, errorResponse, { message, description, httpCode: String(statusCode), itemIndex }),
		delivery,
	};
}

/** No HTTP answer at all: refused connection, timeout, reset. */
export function transportError(node: INode, itemIndex: number, code: string, maybeSent: boolean, words: DeliveryWords = MESSAGE_WORDS): MappedError {
	const timedOut = /TIMEDOUT|ECONNABORTED/.test(code);
	const message = timedOut
		? 'The platform did not answer in time'
		: maybeSent
			? 'The connection to the platform broke off before it answered'
			: 'Could not connect to the platform';
	const advice = maybeSent
		? words.maybeSent
		: `${words.notSent} Check the credential's Platform URL and that the platform is reachable from n8n.`;
	return {
		error: new NodeApiError(node, { networkError: code }, { message, description: `${advice} (network error: ${code})`, itemIndex }),
		delivery: maybeSent ? 'unknown' : 'not sent',
	};
}
