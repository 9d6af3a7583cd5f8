/**
 * The credential's Test button: one template read (`GET templates?per_page=1`, no side effects)
 * through n8n's credential tester, whose rules turn each API generation's answers into a sentence.
 */
import type { ICredentialTestRequest } from 'n8n-workflow';

import { BODY_RULES, STATUS_RULES, THROWN_STATUSES } from './v1/credentialTest';
import { ROUTES } from './v1/routes';
import { TEMPLATE_LIST } from './v1/templates';

export const CREDENTIAL_TEST: ICredentialTestRequest = {
	request: {
		method: ROUTES.listTemplates.method,
		url: ROUTES.listTemplates.path,
		qs: { [TEMPLATE_LIST.perPage]: 1 },
		headers: { Accept: 'application/json' },
		json: true,
		ignoreHttpStatusErrors: { ignore: true, except: THROWN_STATUSES },
	},
	// n8n's credential tester applies both kinds of rule (status rules to thrown errors, body rules
	// to answers); only the declared type keeps them apart.
	rules: [...STATUS_RULES, ...BODY_RULES] as ICredentialTestRequest['rules'],
};
