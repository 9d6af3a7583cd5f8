/**
 * API v2's answers in plain words, from the envelope's `error.code` and `details`, and whether the
 * message may have gone out (CONTRACT-v2.md: "Errors, and whether the message may have gone out").
 */
import type { ApiResponse } from '../../transport';
import { isWhatsappRefusal } from '../../whatsappCodes';
import { CREDENTIAL, SAY, list, spellErrors, type Classified } from '../explaining';
import { field, isObject } from '../json';
import type { Explained, SentContext } from '../types';
import { CODE, DETAILS, bareMessageOf, errorOf, isEnvelope, readMessageId, requestIdOf, type EnvelopeError } from './answers';
import { ROUTES } from './routes';

/** A send's answer that says the message went out: 2xx, `success: true` and a WhatsApp message id. */
export function isDelivered(response: ApiResponse): boolean {
	return response.statusCode >= 200 && response.statusCode < 300 && field(response.body, 'success') === true && readMessageId(response.body) !== undefined;
}

const NEW_TOKEN = "Create a new token on the platform's API v2 page (Settings → API v2 tokens) and put it into the credential.";
const SCOPES = `Sending needs ${ROUTES.sendTemplate.permission}; the template list (the picker, Check Template Before Sending, Template → Get Many) needs ${ROUTES.listTemplates.permission}.`;
const notSent = (message: string, advice?: string): Classified => ({ message, advice, delivery: 'not sent' });

/** The scope a 403 INSUFFICIENT_SCOPE names ("… Required scope: messages:send"). */
function missingScope(error: EnvelopeError): string | undefined {
	const text = `${error.message ?? ''} ${JSON.stringify(error.details ?? '')}`;
	return /\b([a-z]+:[a-z]+)\b/.exec(text)?.[1] ?? (/(?:scope|scopes)\W+\*/i.test(text) ? '*' : undefined);
}

/** The invalid token, in words that depend on the token's shape (v1 tokens land here too). */
function tokenUnknown(otherToken: boolean): Classified {
	return otherToken
		? notSent(
				'API v2 does not know this API token: it does not start with wm_, so it is an API v1 token',
				'Set API Version to Auto (or v1) and fill in Workspace Subdomain to use it with API v1, or create an API v2 token (wm_…) on the platform.',
			)
		: notSent('API v2 does not know this API token', `Copy it again from the platform, or create a new one there (Settings → API v2 tokens). ${CREDENTIAL}`);
}

function fromCode(error: EnvelopeError, statusCode: number, context: SentContext, otherToken: boolean): Classified {
	const details = error.details;
	const keyed = (key: string) => isObject(details) && key in details;
	const spelled = spellErrors(details, context, DETAILS.templateFields);
	switch (error.code) {
		case CODE.authenticationRequired:
			return notSent('The platform received no API token', `Fill in API Token in the credential. ${CREDENTIAL}`);
		case CODE.invalidToken:
			return tokenUnknown(otherToken);
		case CODE.tokenRevoked:
			return notSent('The API token was revoked on the platform', NEW_TOKEN);
		case CODE.tokenExpired:
			return notSent('The API token has expired', NEW_TOKEN);
		case CODE.ipNotWhitelisted:
			return notSent("The API token may be used only from the IP addresses on its allow-list, and n8n's address is not on it", "Add the address n8n connects from to the token's IP allow-list on the platform, or use a token without one.");
		case CODE.insufficientScope: {
			const scope = missingScope(error);
			return notSent(`The API token lacks the scope ${scope ?? 'this request needs'}`, `Give the token ${scope ? `the scope ${scope}` : 'its scopes'} on the platform's API v2 page, or create one that has it. ${SCOPES}`);
		}
		case CODE.optedOut:
			return SAY.optedOut();
		case CODE.featureLimit: {
			const [feature, current, maximum] = [DETAILS.feature, DETAILS.current, DETAILS.maximum].map((key) => field(details, key));
			const counts = current !== undefined && maximum !== undefined ? ` (${String(current)} of ${String(maximum)})` : '';
			return SAY.planLimit(`The workspace's plan limit${feature !== undefined ? ` for ${String(feature)}` : ''} is reached${counts}`);
		}
		case CODE.featureNotAvailable:
			return notSent("The workspace's plan does not include template messages", "Upgrade the workspace's plan to one with WhatsApp templates.");
		case CODE.notFound:
		case CODE.resourceNotFound:
			if (/contact/i.test(error.message ?? '')) return notSent('The platform found no such contact', 'Check the phone number: the platform matches contacts by + and the digits exactly.');
			return SAY.templateNotFound(context);
		case CODE.validation:
			if (keyed(DETAILS.headerMedia)) return SAY.headerMedia(spelled, context);
			if (keyed(DETAILS.templateFields)) return SAY.templateFields(context, spelled);
			if (keyed(DETAILS.missingConfig)) {
				return notSent(
					`The workspace lacks what the platform needs to create the new contact: ${list(field(details, DETAILS.missingConfig)).join(', ') || 'its default lead status or source'}`,
					'The workspace owner must set a default lead status and source for new contacts in the platform, or create the contact there first.',
				);
			}
			return SAY.refused(statusCode, spelled ?? error.message);
		case CODE.whatsappNotConfigured:
			return SAY.whatsappNotConnected();
		case CODE.rateLimited:
			return SAY.rateLimited();
		case CODE.sendFailed: {
			const text = list(field(details, DETAILS.error)).join(' ') || (typeof details === 'string' ? details : '');
			if (isWhatsappRefusal(text)) return SAY.whatsappRefused(text);
			return { message: `The platform could not tell whether WhatsApp took the message${text ? `: ${text}` : ''}`, delivery: 'unknown' };
		}
		case CODE.internal:
		case CODE.whatsappApi:
			return SAY.failed(statusCode, `: ${error.code}${typeof field(details, DETAILS.error) === 'string' ? `, ${String(field(details, DETAILS.error))}` : ''}`);
		default:
			return statusCode >= 400 && statusCode < 500 ? SAY.refused(statusCode, error.message) : SAY.failed(statusCode, error.code ? `: ${error.code}` : '');
	}
}

/** An answer outside the envelope: a media refusal, a missing route, a proxy, a crash. */
function withoutEnvelope(statusCode: number, body: unknown, context: SentContext): Classified {
	const json = isObject(body);
	if (statusCode === 422 && json) return SAY.headerMedia(bareMessageOf(body), context);
	if (statusCode === 413) return SAY.tooLarge();
	if (statusCode === 407) return SAY.proxyLogin();
	if (statusCode === 429) return SAY.rateLimited();
	if (statusCode === 404 || statusCode === 405) {
		return notSent(`The platform has no API v2 at this address (HTTP ${statusCode})`, `It may be older than 2.2.0: set API Version to v1 and fill in Workspace Subdomain, or check the Platform URL. ${CREDENTIAL}`);
	}
	if (statusCode >= 400 && statusCode < 500) return SAY.refused(statusCode);
	return SAY.failed(statusCode, json ? ', outside API v2\'s envelope: the platform crashed (e.g. its plan lacks templates, a media URL could not be downloaded, or the text send met a value it refuses)' : ', not JSON: perhaps a proxy in front of it');
}

function classify(response: ApiResponse, context: SentContext, otherToken: boolean): Classified {
	const { statusCode, body } = response;
	if (statusCode >= 200 && statusCode < 300) {
		const why = !isEnvelope(body)
			? "without API v2's envelope"
			: field(body, 'success') !== true
				? `but reported an error${errorOf(body)?.code ? `: ${errorOf(body)!.code}` : ''}`
				: 'without a WhatsApp message id';
		return SAY.unconfirmed(statusCode, why);
	}
	const error = errorOf(body);
	return error ? fromCode(error, statusCode, context, otherToken) : withoutEnvelope(statusCode, body, context);
}

/** A refused or failed answer: what happened, what to do, whether it went out, the platform's words and its request id. */
export function explain(response: ApiResponse, context: SentContext, otherToken = false): Explained {
	const said = errorOf(response.body)?.message ?? bareMessageOf(response.body);
	return { ...classify(response, context, otherToken), said, requestId: requestIdOf(response.body) };
}
