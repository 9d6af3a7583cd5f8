/**
 * The credential's Test button: one template read (`GET templates?per_page=1`, no side effects)
 * through n8n's credential tester, whose rules turn each API generation's answers into a sentence.
 * The request is the same for both (relative to the API base authenticate() sets); only which
 * statuses are thrown differs: v1's status rules read thrown errors, v2's rules read every body.
 */
import type { ICredentialTestRequest } from 'n8n-workflow';

import { byVersion } from './choice';
import * as v1 from './v1/credentialTest';
import { ROUTES as V1_ROUTES } from './v1/routes';
import { TEMPLATE_LIST as V1_LIST } from './v1/templates';
import * as v2 from './v2/credentialTest';
import { PATHS as V2_PATHS } from './v2/answers';
import { ROUTES as V2_ROUTES } from './v2/routes';
import { TEMPLATE_LIST as V2_LIST } from './v2/templates';

/** Answers neither API gives: a crash outside any envelope, or no answer of the API at all (HTTP 404, an HTML page). */
const NOT_AN_API_ANSWER: v1.TestRule[] = [
	{
		type: 'responseSuccessBody',
		properties: { key: V2_PATHS.message, value: 'Server Error', message: 'The platform failed while answering (HTTP 500): try again later, or ask the operator.' },
	},
	{
		type: 'responseSuccessBody',
		// Both APIs' template lists answer with `data`; a body without it is not their answer.
		properties: {
			key: V2_PATHS.data,
			value: undefined,
			message:
				'The platform did not answer as its API does (HTTP 404, or a page that is not an API answer). With API v2: this platform has no API v2 (it is older than 2.2.0), so set API Version to v1 and fill in Workspace Subdomain. Otherwise check that the Platform URL is the address you open the platform at.',
		},
	},
];

/** A redirect is never followed (the token would go along, to any host): say why and what to fix. */
const REDIRECT_RULES: v1.TestRule[] = [301, 302, 303, 307, 308].map((value) => ({
	type: 'responseCode' as const,
	properties: {
		value,
		message: `The platform answered with a redirect (HTTP ${value}), which is not followed: the API token is sent only to the Platform URL. If the platform moved (to https:// or another address), put its new address into Platform URL.`,
	},
}));

export const CREDENTIAL_TEST: ICredentialTestRequest = {
	request: {
		method: byVersion(V1_ROUTES.listTemplates.method, V2_ROUTES.listTemplates.method) as 'GET',
		url: byVersion(V1_ROUTES.listTemplates.path, V2_ROUTES.listTemplates.path),
		qs: byVersion({ [V1_LIST.perPage]: 1 }, { [V2_LIST.perPage]: 1 }) as Record<string, number>,
		headers: { Accept: 'application/json' },
		json: true,
		ignoreHttpStatusErrors: byVersion<unknown>({ ignore: true, except: v1.THROWN_STATUSES }, true) as boolean,
		// n8n follows redirects and, by default, sends the credential along, to any host.
		disableFollowRedirect: true,
	},
	// n8n's credential tester applies both kinds of rule (status rules to thrown errors, body rules
	// to answers), in order; only the declared type keeps them apart.
	rules: [...v1.STATUS_RULES, ...REDIRECT_RULES, ...v2.BODY_RULES, ...v1.BODY_RULES, ...NOT_AN_API_ANSWER] as ICredentialTestRequest['rules'],
};
