/**
 * API v1's answers to the credential's Test (CONTRACT.md: "Credential test"), as n8n's credential
 * tester reads rules: status rules for thrown errors, body rules (a `key` path) for answers.
 */
import type { IAuthenticateRuleResponseCode, IAuthenticateRuleResponseSuccessBody } from 'n8n-workflow';

import { DEFAULT_PLATFORM_URL } from '../../endpoint';
import { ANSWER } from './answers';
import { API } from './routes';

export type TestRule = IAuthenticateRuleResponseCode | IAuthenticateRuleResponseSuccessBody;

// A wrong subdomain answers 500 (stock) or 400 (Xobito) with a string `errors`: those two statuses
// reach the body rules below, every other error status stays an error and meets the status rules.
export const THROWN_STATUSES = Array.from({ length: 500 }, (_, i) => i + 100).filter(
	(status) => status !== 400 && status !== 500 && (status < 200 || status > 299),
);

export const STATUS_RULES: TestRule[] = [
	{
		type: 'responseCode',
		properties: {
			value: 401,
			message: 'The API token was refused (HTTP 401). Copy the token again from Settings → API Management, or create a new one there.',
		},
	},
	{
		type: 'responseCode',
		properties: {
			value: 403,
			message:
				"The workspace's API access is disabled, or the token lacks the ability templates.read (HTTP 403). Turn API access on and give the token its abilities in Settings → API Management.",
		},
	},
	{
		type: 'responseCode',
		properties: {
			value: 404,
			message:
				"The workspace's API is not set up (HTTP 404). Open Settings → API Management in the workspace and enable the API, and check that the Platform URL is your platform's address.",
		},
	},
];

export const BODY_RULES: TestRule[] = [
	{
		type: 'responseSuccessBody',
		properties: {
			key: 'errors',
			value: ANSWER.invalidSubdomain,
			message: `The platform has no workspace with this subdomain. Check Workspace Subdomain: it is the short name in your API address, e.g. "acme" in ${DEFAULT_PLATFORM_URL}/${API.root}/acme/.`,
		},
	},
	{
		type: 'responseSuccessBody',
		properties: {
			key: 'status',
			value: 'error',
			message: 'The platform answered with an error (HTTP 400 or 500). Check the Platform URL and try again later.',
		},
	},
];
