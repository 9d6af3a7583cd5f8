/** API v1's answers in plain words, and whether the message may have gone out (CONTRACT.md: the error table). */
import { explainWhatsappCode, whatsappCode } from '../../whatsappCodes';
import type { ApiResponse } from '../../transport';
import { CREDENTIAL, list, spellErrors, templateNamed } from '../explaining';
import { isObject } from '../json';
import type { Explained, SentContext } from '../types';
import { ANSWER, ERROR_KEYS, errorCodeOf, errorsOf, isErrorEnvelope, limitReached, messageOf, readMessageId } from './answers';

/** A send's answer that carries a WhatsApp message id: the message went out. */
export function isDelivered(response: ApiResponse): boolean {
	return response.statusCode >= 200 && response.statusCode < 300 && !isErrorEnvelope(response.body) && readMessageId(response.body) !== undefined;
}

function classify(statusCode: number, body: unknown, context: SentContext): Omit<Explained, 'said'> {
	const errors = errorsOf(body);
	const keyed = (key: string) => isObject(errors) && key in errors;
	const spelled = spellErrors(errors, context, ERROR_KEYS.templateFields);

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
				message: `Template ${templateNamed(context)} was not found, is not APPROVED, or exists only in another language`,
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
		return { message: `The template ${templateNamed(context)} needs values that were not given: ${spelled}`, advice: "Give exactly the template's variables and header.", delivery: 'not sent' };
	}
	if (statusCode === 413) {
		return { message: 'The upload is larger than this platform accepts', advice: "The operator's upload limit is lower than WhatsApp's: send a smaller file, or use Media Source URL.", delivery: 'not sent' };
	}
	if (statusCode === 503) {
		return { message: 'WhatsApp is not connected for this workspace', advice: 'The workspace owner must connect WhatsApp in the platform.', delivery: 'not sent' };
	}
	if (statusCode >= 500 && keyed(ERROR_KEYS.whatsapp)) {
		const text = list((errors as Record<string, unknown>)[ERROR_KEYS.whatsapp]).join(' ') || String(messageOf(body) ?? '');
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

/** A refused or failed answer: what happened, what to do, whether it went out, and the platform's own words. */
export function explain(response: ApiResponse, context: SentContext): Explained {
	const said = messageOf(response.body);
	return { ...classify(response.statusCode, response.body, context), said: typeof said === 'string' && said !== '' ? said : undefined };
}
