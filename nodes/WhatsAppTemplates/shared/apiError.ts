import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import {
	ANSWER,
	ERROR_KEYS,
	errorCodeOf,
	errorsOf,
	isErrorEnvelope,
	limitReached,
	messageOf,
	readMessageId,
} from './platform';
import type { ApiResponse } from './transport';
import { explainWhatsappCode, whatsappCode } from './whatsappCodes';

/** Whether the message may have reached WhatsApp: decides what the user is told to do. */
export type Delivery = 'not sent' | 'unknown';

export interface MappedError {
	error: NodeApiError;
	delivery: Delivery;
}

/** What the operation sent, to explain an answer in its terms. */
export interface SentContext {
	templateName?: string;
	templateLanguage?: string;
	/** The node's name for a wire field (body variable 1's → `Body Variable {{1}}`), when it has one. */
	label?: (wireName: string) => string | undefined;
}

interface Explained {
	message: string;
	advice?: string;
	delivery: Delivery;
}

const MAYBE_SENT =
	'The message may or may not have gone out. It was not sent again automatically: check the conversation before sending it again.';
const CREDENTIAL = 'Open the "WhatsApp Templates API" credential and correct it.';

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): string[] => ([] as unknown[]).concat(value ?? []).map(String);

/** The platform's `errors` spelled out, wire names replaced by the node's field names. */
function spellErrors(errors: unknown, context: SentContext): string | undefined {
	if (typeof errors === 'string') return errors;
	if (!isObject(errors)) return undefined;
	const label = (name: string) => context.label?.(name) ?? name;
	const parts = Object.entries(errors).map(([key, messages]) =>
		key === ERROR_KEYS.templateFields
			? list(messages).map((m) => m.replace(/^[^(]+/, (names) => names.replace(/[a-z][a-z0-9_]*/g, label))).join('; ')
			: `${label(key)}: ${list(messages).join(' ')}`,
	);
	return parts.length ? parts.join('; ') : undefined;
}

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

function explain(statusCode: number, body: unknown, context: SentContext, redirect?: string): Explained {
	const errors = errorsOf(body);
	const keyed = (key: string) => isObject(errors) && key in errors;
	const spelled = spellErrors(errors, context);
	const template = `"${context.templateName ?? '?'}" in language "${context.templateLanguage ?? '?'}"`;

	if (errors === ANSWER.invalidSubdomain) {
		return { message: 'The platform has no workspace with this subdomain', advice: `Check Workspace Subdomain in the credential. ${CREDENTIAL}`, delivery: 'not sent' };
	}
	if (statusCode >= 200 && statusCode < 300) {
		const why = !isObject(body)
			? 'without a JSON body'
			: isErrorEnvelope(body)
				? `but reported an error${spelled ? `: ${spelled}` : ''}`
				: 'without a WhatsApp message id';
		return { message: `The platform answered HTTP ${statusCode} ${why}`, delivery: 'unknown' };
	}
	if (redirect) {
		// A web server or proxy in front of the platform answers a redirect: the API never saw the request.
		return {
			message: `The platform answered with ${redirect}`,
			advice: `The API token is sent only to the credential's Platform URL: if the platform moved (to https:// or another address), put its new address there. ${CREDENTIAL}`,
			delivery: 'not sent',
		};
	}
	if (statusCode === 401) {
		return { message: 'The API token was refused', advice: `Copy the token again from Settings → API Management. ${CREDENTIAL}`, delivery: 'not sent' };
	}
	if (statusCode === 403) {
		if (errorCodeOf(body) === ANSWER.optedOut) {
			return { message: 'The recipient has opted out of messages from this workspace', advice: 'Do not message this number unless they opt in again.', delivery: 'not sent' };
		}
		if (limitReached(body)) {
			return { message: "The workspace's plan limit is reached", advice: "Upgrade the workspace's plan, or wait for the limit to reset.", delivery: 'not sent' };
		}
		return { message: 'The platform refused the token for this request', advice: 'API access may be disabled, or the token lacks the ability this request needs: check Settings → API Management.', delivery: 'not sent' };
	}
	if (statusCode === 404) {
		if (keyed(ERROR_KEYS.template)) {
			return {
				message: `Template ${template} was not found, is not APPROVED, or exists only in another language`,
				advice: 'Check Template Name and Language Code (they must match exactly, e.g. en is not en_US). A template that is new or was edited in WhatsApp Manager must first be synced into the platform (its Templates page).',
				delivery: 'not sent',
			};
		}
		return { message: "The workspace's API is not set up, or this is not the platform's address", advice: `Enable the API in Settings → API Management, and check the Platform URL. ${CREDENTIAL}`, delivery: 'not sent' };
	}
	if (statusCode === 422 && keyed(ERROR_KEYS.headerMedia)) {
		return {
			message: `The platform refused the header media: ${spelled}`,
			advice: 'Upload the file through the node (Media Source: Binary File), or host it under an accepted extension: .jpeg or .png images, .mp4 or .3gp videos, .pdf .doc(x) .xls(x) .ppt(x) .txt documents, reachable from the platform.',
			delivery: 'not sent',
		};
	}
	if (statusCode === 422 && keyed(ERROR_KEYS.templateFields)) {
		return { message: `The template ${template} needs values that were not given: ${spelled}`, advice: "Give exactly the template's variables and header.", delivery: 'not sent' };
	}
	if (statusCode === 413) {
		return { message: 'The upload is larger than this platform accepts', advice: "The operator's upload limit is lower than WhatsApp's: send a smaller file, or use Media Source URL.", delivery: 'not sent' };
	}
	if (statusCode === 503) {
		return { message: 'WhatsApp is not connected for this workspace', advice: 'The workspace owner must connect WhatsApp in the platform.', delivery: 'not sent' };
	}
	if (statusCode >= 500 && keyed(ERROR_KEYS.whatsapp)) {
		const text = list((errors as JsonObject)[ERROR_KEYS.whatsapp]).join(' ') || String(messageOf(body) ?? '');
		return { message: `WhatsApp refused the message: ${text}`, advice: explainWhatsappCode(whatsappCode(text)), delivery: 'not sent' };
	}
	if (statusCode === 407) {
		return { message: 'The proxy asked for a login (HTTP 407)', advice: 'Put its user and password into Request Options → Proxy as http://user:password@host:port.', delivery: 'not sent' };
	}
	if (statusCode === 429) {
		return { message: 'The platform rate-limited the message', advice: 'Run again later, or lower "Messages In Flight" or raise "Longest Rate-Limit Wait" under Options.', delivery: 'not sent' };
	}
	if (statusCode >= 400 && statusCode < 500) {
		return { message: spelled ?? `The platform refused the request (HTTP ${statusCode})`, advice: 'Fix the values named above and run the node again.', delivery: 'not sent' };
	}
	return {
		message: `The platform failed while handling the message (HTTP ${statusCode}${isObject(body) ? '' : ', not JSON: perhaps a proxy in front of it'})`,
		delivery: 'unknown',
	};
}

/** A send's answer that carries a WhatsApp message id: the message went out. */
export function isDelivered(response: ApiResponse): boolean {
	return response.statusCode >= 200 && response.statusCode < 300 && !isErrorEnvelope(response.body) && readMessageId(response.body) !== undefined;
}

/** A refused or failed answer as an error that says what happened, what to do, and whether it went out. */
export function responseError(node: INode, itemIndex: number, response: ApiResponse, context: SentContext = {}, note?: string): MappedError {
	const { statusCode, body } = response;
	const { message, advice, delivery } = explain(statusCode, body, context, redirectOf(response));
	const said = messageOf(body);
	const hint = typeof said === 'string' && said !== '' && !message.includes(said) ? `The platform said: "${said}".` : undefined;
	const description = [note, advice, hint, delivery === 'not sent' ? 'Nothing was sent.' : MAYBE_SENT].filter(Boolean).join(' ');
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
		: "Nothing was sent. Check the credential's Platform URL and that the platform is reachable from n8n.";
	return {
		error: new NodeApiError(node, { networkError: code }, { message, description: `${advice} (network error: ${code})`, itemIndex }),
		delivery: maybeSent ? 'unknown' : 'not sent',
	};
}
