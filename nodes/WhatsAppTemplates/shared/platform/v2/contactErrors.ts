/**
 * API v2's answers to the contact routes in the node's words (CONTRACT-v2.md "Contacts (CRM sync)"
 * and its error table), and whether anything was written: the envelope's code and details.
 */
import type { ApiResponse } from '../../transport';
import type { ContactContext } from '../contacts';
import { CONTACT, type Classified, contactRefusal, list } from '../explaining';
import { field, isObject } from '../json';
import type { Explained } from '../types';
import { CODE, DETAILS, bareMessageOf, errorOf, requestIdOf, type EnvelopeError } from './answers';
import { explain } from './errors';

const FIELD = { phone: 'phone', email: 'email', status: 'status_id', source: 'source_id', group: /^groups(\.\d+)?$/ } as const;
const TAKEN = /has already been taken/;
const REQUIRED = /is required/;
const SCOPE = /\b([a-z]+:[a-z]+)\b/;

/** A field refusal in the node's words, or undefined. Also reads one batch item's errors. */
export function fromDetails(details: unknown, context: ContactContext): Classified | undefined {
	if (!isObject(details)) return undefined;
	const says = (key: string, test: RegExp) => list(details[key]).some((m) => test.test(m));
	if (says(FIELD.phone, TAKEN)) return contactRefusal.phoneTaken(context);
	if (says(FIELD.email, TAKEN)) return contactRefusal.emailTaken();
	if (says(FIELD.status, REQUIRED)) return contactRefusal.needsOnV2('Status');
	if (says(FIELD.source, REQUIRED)) return contactRefusal.needsOnV2('Source');
	if (details[FIELD.status] !== undefined) return contactRefusal.unknown('status');
	if (details[FIELD.source] !== undefined) return contactRefusal.unknown('source');
	if (Object.keys(details).some((key) => FIELD.group.test(key))) return contactRefusal.unknown('group');
	return undefined;
}

function fromCode(error: EnvelopeError, context: ContactContext): Classified | undefined {
	switch (error.code) {
		case CODE.validation:
			return fromDetails(error.details, context);
		case CODE.notFound:
		case CODE.resourceNotFound:
			return contactRefusal.notFound(context);
		case CODE.conflict:
			return contactRefusal.inUse(context);
		case CODE.insufficientScope: {
			const scope = SCOPE.exec(`${error.message ?? ''} ${JSON.stringify(error.details ?? '')}`)?.[1];
			const named = scope ?? 'this request needs';
			return { message: `The API token lacks the scope ${named}`, advice: `Give the token the scope ${named} on the platform's API v2 page, or create one that has it. ${CONTACT.scopes}`, delivery: 'not sent' };
		}
		case CODE.featureLimit: {
			const [current, maximum] = [DETAILS.current, DETAILS.maximum].map((key) => field(error.details, key));
			return contactRefusal.quotaFull(current !== undefined && maximum !== undefined ? ` (${String(current)} of ${String(maximum)})` : '');
		}
	}
	return undefined; // the general explanation (INTERNAL_ERROR, and any other code)
}

/** A refused or failed contact, group, status or source request. */
export function explainContact(response: ApiResponse, context: ContactContext): Explained {
	const error = errorOf(response.body);
	const own = error ? fromCode(error, context) : undefined;
	const explained = own ?? contactRefusal.general(explain(response, {}));
	return { ...explained, said: error?.message ?? bareMessageOf(response.body), requestId: requestIdOf(response.body) };
}

/** One item a batch refused (its `errors`, or a skip's reason): nothing of it was written. */
export function explainBatchItem(errors: unknown, context: ContactContext): Classified {
	const spelled = isObject(errors) ? Object.entries(errors).map(([key, messages]) => `${key}: ${list(messages).join(' ')}`).join('; ') : String(errors ?? 'no reason given');
	return fromDetails(errors, context) ?? { message: `The platform refused the contact: ${spelled}`, advice: 'Fix the values named above and run the node again.', delivery: 'not sent' };
}
