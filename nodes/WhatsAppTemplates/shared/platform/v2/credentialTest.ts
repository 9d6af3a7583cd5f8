/**
 * API v2's answers to the credential's Test (CONTRACT-v2.md, [decided]): every status reaches the
 * body rules, which read the envelope's `error.code` (a lodash path, as n8n's tester takes it).
 */
import type { TestRule } from '../v1/credentialTest';
import { CODE, PATHS } from './answers';
import { ROUTES } from './routes';

const NEW_TOKEN = "create a new one on the platform's API v2 page (Settings → API v2 tokens) and put it here";
const byCode = (code: string, message: string): TestRule => ({ type: 'responseSuccessBody', properties: { key: PATHS.code, value: code, message } });

export const BODY_RULES: TestRule[] = [
	byCode(CODE.authenticationRequired, 'The platform received no API token: fill in API Token.'),
	byCode(
		CODE.invalidToken,
		'API v2 does not know this API token (INVALID_TOKEN). A token that does not start with wm_ is an API v1 token, which API v2 refuses: set API Version to Auto or v1 and fill in Workspace Subdomain. A wm_… token: copy it again from the platform, or create a new one there.',
	),
	byCode(CODE.tokenRevoked, `The API token was revoked on the platform (TOKEN_REVOKED): ${NEW_TOKEN}.`),
	byCode(CODE.tokenExpired, `The API token has expired (TOKEN_EXPIRED): ${NEW_TOKEN}.`),
	byCode(
		CODE.ipNotWhitelisted,
		"The API token may be used only from the IP addresses on its allow-list, and n8n's address is not on it (IP_NOT_WHITELISTED). Add it to the token's allow-list on the platform, or use a token without one.",
	),
	byCode(
		CODE.insufficientScope,
		`The API token lacks the scope ${ROUTES.listTemplates.permission} (INSUFFICIENT_SCOPE), which the template picker and Check Template Before Sending need. Give the token ${ROUTES.listTemplates.permission} and ${ROUTES.sendTemplate.permission} on the platform's API v2 page.`,
	),
	byCode(CODE.rateLimited, "The API token's rate limit is used up for this minute (RATE_LIMIT_EXCEEDED): test again in a minute."),
	byCode(CODE.internal, 'The platform failed while answering (INTERNAL_ERROR): try again later, or ask the operator.'),
	{
		type: 'responseSuccessBody',
		properties: { key: PATHS.success, value: false, message: 'The platform answered API v2 with an error: check the Platform URL and the token.' },
	},
];
