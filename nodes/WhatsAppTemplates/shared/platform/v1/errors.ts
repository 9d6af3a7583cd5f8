/** API v1's answers in plain words, and whether the message may have gone out (CONTRACT.md: the error table). */
import type { ApiResponse } from '../../transport';
import { CREDENTIAL, SAY, list, spellErrors, type Classified } from '../explaining';
import { whatsappCode } from '../../whatsappCodes';
import { isObject } from '../json';
import type { Explained, SentContext } from '../types';
import { ANSWER, ERROR_KEYS, errorCodeOf, errorsOf, isErrorEnvelope, limitReached, messageOf, readMessageId, sendErrorOf } from './answers';

/** A send's answer that carries a WhatsApp message id: the message went out. */
export function isDelivered(response: ApiResponse): boolean {
	return response.statusCode >= 200 && response.statusCode < 300 && !isErrorEnvelope(response.body) && readMessageId(response.body) !== undefined;
}

function classify(statusCode: number, body: unknown, context: SentContext): Classified {
	const errors = errorsOf(body);
	const keyed = (key: string) => isObject(errors) && key in errors;
	const spelled = spellErrors(errors, context, ERROR_KEYS.templateFields);

	if (errors === ANSWER.invalidSubdomain) {
		return { message: 'The platform has no workspace with this subdomain', advice: `Check Workspace Subdomain in the credential. ${CREDENTIAL}`, delivery: 'not sent' };
	}
	if (statusCode >= 200 && statusCode < 300) {
		const why = body === '' || body === undefined || body === null
			? // What messages/media answers when it could not download the Media URL: WhatsApp may still get the link.
				'with an empty body (a media send whose URL the platform could not download answers so)'
			: !isObject(body)
			? 'without a JSON body'
			: isErrorEnvelope(body)
				? `but reported an error${spelled ? `: ${spelled}` : ''}`
				: 'without a WhatsApp message id';
		return SAY.unconfirmed(statusCode, why);
	}
	if (statusCode === 401) {
		return { message: 'The API token was refused', advice: `Copy the token again from Settings → API Management. ${CREDENTIAL}`, delivery: 'not sent' };
	}
	if (statusCode === 403) {
		if (errorCodeOf(body) === ANSWER.optedOut) return SAY.optedOut();
		if (limitReached(body)) return SAY.planLimit();
		return { message: 'The platform refused the token for this request', advice: 'API access may be disabled, or the token lacks the ability this request needs: check Settings → API Management.', delivery: 'not sent' };
	}
	if (statusCode === 404) {
		if (keyed(ERROR_KEYS.template)) return SAY.templateNotFound(context);
		return { message: "The workspace's API is not set up, or this is not the platform's address", advice: `Enable the API in Settings → API Management, and check the Platform URL. ${CREDENTIAL}`, delivery: 'not sent' };
	}
	if (statusCode === 422 && messageOf(body) === ANSWER.notConfigured) return SAY.whatsappNotConnected();
	if (statusCode === 422 && keyed(ERROR_KEYS.headerMedia)) return SAY.headerMedia(spelled, context);
	if (statusCode === 422 && keyed(ERROR_KEYS.templateFields)) return SAY.templateFields(context, spelled);
	if (statusCode === 413) return SAY.tooLarge();
	if (statusCode === 503) return SAY.whatsappNotConnected();
	// CONTRACT.md gives WhatsApp's refusal with a 500; with another status it is WhatsApp's refusal all the same.
	if (keyed(ERROR_KEYS.whatsapp)) {
		return SAY.whatsappRefused(list((errors as Record<string, unknown>)[ERROR_KEYS.whatsapp]).join(' ') || String(messageOf(body) ?? ''));
	}
	// The messages routes: WhatsApp's refusal in `error`, as JSON text or its "(#NNN)" text (not sent); any other `error` is unknown.
	const sendError = statusCode >= 500 ? sendErrorOf(body) : undefined;
	const code = sendError && (sendError.code ?? whatsappCode(sendError.text));
	if (sendError && code !== undefined) return SAY.whatsappRefused(withCode(sendError.text, code));
	if (sendError) return SAY.failed(statusCode, `: ${sendError.text}`);
	if (statusCode === 422 && context.messageMedia && !isObject(errors)) return SAY.headerMedia(typeof messageOf(body) === 'string' ? String(messageOf(body)) : undefined, context);
	if (statusCode === 407) return SAY.proxyLogin();
	if (statusCode === 429) return SAY.rateLimited();
	if (statusCode >= 400 && statusCode < 500) return SAY.refused(statusCode, spelled);
	return SAY.failed(statusCode, isObject(body) ? '' : ', not JSON: perhaps a proxy in front of it');
}

/** WhatsApp's text with its code in front as "(#NNN)", as its template refusals carry it. */
const withCode = (text: string, code: string) => (text.includes(`(#${code})`) ? text : `(#${code}) ${text}`);

/** A refused or failed answer: what happened, what to do, whether it went out, and the platform's own words. */
export function explain(response: ApiResponse, context: SentContext): Explained {
	const said = messageOf(response.body);
	return { ...classify(response.statusCode, response.body, context), said: typeof said === 'string' && said !== '' ? said : undefined };
}
