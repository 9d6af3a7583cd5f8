/**
 * API v1's answers to the contact routes in the node's words (CONTRACT.md "Contacts, groups,
 * statuses, sources (v1)"; platform-notes-v1-more.md §2-3), and whether anything was written.
 * The platform's messages are raw keys: the node reads the status, the `errors` keys and `error`.
 */
import type { ContactContext } from '../contacts';
import { CONTACT, type Classified, contactRefusal, list } from '../explaining';
import { field, isObject } from '../json';
import type { Explained } from '../types';
import type { ApiResponse } from '../../transport';
import { explain } from './errors';
import { errorsOf, messageOf } from './answers';

/** The raw keys and texts v1 answers with. */
export const CONTACT_ANSWER = {
	listFailed: 'failed_to_fetch_contact',
	statusRequired: 'status_id_is_required_configure_auto_lead_settings',
	sourceRequired: 'source_id_is_required_configure_auto_lead_settings',
	statusNotInTenant: 'selected_status_does_not_belong_to_tenant',
	sourceNotInTenant: 'selected_source_does_not_belong_to_tenant',
	notFound: /_not_found$/,
	inUse: /_in_use_notify$/,
	taken: /has already been taken/,
	above50: /must not be greater than 50/,
	/** The key the auto-lead default assignee adds to every PUT, which strict mode refuses. */
	assignee: /\[assignee\]/,
	ability: /ability:\s*([a-z]+\.[a-z]+)/,
} as const;

const FIELD = { phone: 'phone', email: 'email', status: 'status_id', source: 'source_id', groups: 'groups' } as const;

const notWritten = (message: string, advice?: string): Classified => ({ message, advice, delivery: 'not sent' });

function fromFields(errors: Record<string, unknown>, context: ContactContext): Classified | undefined {
	const says = (key: string, test: RegExp | string) => list(errors[key]).some((m) => (typeof test === 'string' ? m === test : test.test(m)));
	if (says(FIELD.phone, CONTACT_ANSWER.taken)) return contactRefusal.phoneTaken(context);
	if (says(FIELD.email, CONTACT_ANSWER.taken)) return contactRefusal.emailTaken();
	if (says(FIELD.status, CONTACT_ANSWER.statusRequired)) return contactRefusal.needs('Status');
	if (says(FIELD.source, CONTACT_ANSWER.sourceRequired)) return contactRefusal.needs('Source');
	if (says(FIELD.status, CONTACT_ANSWER.above50)) return contactRefusal.statusAbove50();
	if (says(FIELD.status, CONTACT_ANSWER.statusNotInTenant)) return contactRefusal.unknown('status');
	if (says(FIELD.source, CONTACT_ANSWER.sourceNotInTenant)) return contactRefusal.unknown('source');
	return undefined;
}

function classify(response: ApiResponse, context: ContactContext): Classified | undefined {
	const { statusCode, body } = response;
	const message = String(messageOf(body) ?? '');
	const error = String(field(body, 'error') ?? '');
	const errors = errorsOf(body);
	if (statusCode === 422 && isObject(errors)) return fromFields(errors, context);
	if (statusCode === 404 && CONTACT_ANSWER.notFound.test(message)) return contactRefusal.notFound(context);
	if (statusCode === 400 && CONTACT_ANSWER.inUse.test(message)) return contactRefusal.inUse(context);
	if (statusCode === 403) {
		const ability = CONTACT_ANSWER.ability.exec(message)?.[1];
		if (ability) return notWritten(`The API token lacks the ability ${ability}`, `Give the token the ability ${ability} in Settings → API Management. ${CONTACT.abilities}`);
	}
	if (statusCode === 500 && message === CONTACT_ANSWER.listFailed) {
		return notWritten(
			"The platform could not list its contacts: API v1 of WhatsMark SaaS 1.3.x-1.5.x fails on that list (a platform bug), so Create or Update cannot look the phone up and Get Many cannot read it",
			'Update the platform to 2.2.0 and use an API v2 token, or use Create, Get, Update and Delete by contact ID, which work on these versions.',
		);
	}
	if (statusCode === 500 && CONTACT_ANSWER.assignee.test(error)) {
		return notWritten(
			"API v1 refuses every contact update while the workspace's auto-lead settings name a default assignee (a platform bug)",
			"Remove the default assignee from the workspace's auto-lead settings, or use an API v2 token.",
		);
	}
	if (statusCode >= 500) return { message: `The platform failed while handling the request (HTTP ${statusCode}${error ? `: ${error.slice(0, 200)}` : ''})`, delivery: 'unknown' };
	return undefined;
}

/** A refused or failed contact, group, status or source request. */
export function explainContact(response: ApiResponse, context: ContactContext): Explained {
	const said = messageOf(response.body);
	const own = classify(response, context);
	const explained = own ?? contactRefusal.general(explain(response, {}));
	return { ...explained, said: typeof said === 'string' && said !== '' ? said : undefined };
}
