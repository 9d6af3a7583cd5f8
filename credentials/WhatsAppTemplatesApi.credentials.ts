import type {
	IAuthenticateRuleResponseCode,
	IAuthenticateRuleResponseSuccessBody,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { DEFAULT_PLATFORM_URL, isUnderBase, resolveApiBase } from '../nodes/WhatsAppTemplates/shared/endpoint';
import { ANSWER, API_ROOT, ROUTES, TEMPLATE_LIST } from '../nodes/WhatsAppTemplates/shared/platform';

// The credential test reads one template. A wrong subdomain answers 500 (stock) or 400 (Xobito)
// with a string `errors`: those two statuses reach the body rules below, every other error status
// stays an error and meets the status rules.
const THROWN_STATUSES = Array.from({ length: 500 }, (_, i) => i + 100).filter(
	(status) => status !== 400 && status !== 500 && (status < 200 || status > 299),
);

const REDIRECT_STATUSES = [301, 302, 303, 307, 308];

export class WhatsAppTemplatesApi implements ICredentialType {
	name = 'whatsAppTemplatesApi';

	displayName = 'WhatsApp Templates API';

	icon: Icon = {
		light: 'file:../nodes/WhatsAppTemplates/whatsAppTemplates.svg',
		dark: 'file:../nodes/WhatsAppTemplates/whatsAppTemplates.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-whatsapp-templates/n8n-nodes-whatsapp-templates#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Platform URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_PLATFORM_URL,
			required: true,
			placeholder: DEFAULT_PLATFORM_URL,
			description:
				`The address you open your WhatsApp platform at (Xobito: ${DEFAULT_PLATFORM_URL}; another operator: their own address, with its sub-folder if it has one, e.g. https://example.com/waba). Without /${API_ROOT}.`,
		},
		{
			displayName: 'Workspace Subdomain',
			name: 'subdomain',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'acme',
			description:
				`Your workspace's short name, as shown in Settings → API Management (the {subdomain} in the API address ${DEFAULT_PLATFORM_URL}/${API_ROOT}/{subdomain}/…)`,
		},
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The token from Settings → API Management in your workspace (64 characters, or apitk_…)',
		},
		{
			displayName: 'Allow Plain HTTP',
			name: 'allowPlainHttp',
			type: 'boolean',
			default: false,
			description:
				'Whether to allow an http:// Platform URL to a host other than this machine. The token then travels unencrypted.',
		},
	];

	// A function rather than a generic header map: it fixes the base URL from the credential and
	// refuses any request headed elsewhere, so the token only goes under the workspace's API base.
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const base = resolveApiBase(credentials);
		const absolute = /^[a-z][a-z0-9+.-]*:/i.test(requestOptions.url);
		if (!requestOptions.baseURL && !absolute) {
			requestOptions.baseURL = base;
		}
		const target = absolute
			? requestOptions.url
			: `${String(requestOptions.baseURL).replace(/\/+$/, '')}/${requestOptions.url.replace(/^\/+/, '')}`;
		if (!isUnderBase(target, base)) {
			throw new Error(
				"Refused to send the API token to a URL outside the credential's workspace API. Check the credential's Platform URL and Workspace Subdomain.",
			);
		}
		requestOptions.headers = {
			...requestOptions.headers,
			Authorization: `Bearer ${String(credentials.apiToken ?? '')}`,
		};
		return requestOptions;
	};

	test: ICredentialTestRequest = {
		request: {
			method: ROUTES.listTemplates.method,
			url: ROUTES.listTemplates.path,
			qs: { [TEMPLATE_LIST.perPage]: 1 },
			headers: { Accept: 'application/json' },
			json: true,
			ignoreHttpStatusErrors: { ignore: true, except: THROWN_STATUSES },
			// n8n follows redirects and, by default, sends the credential along, to any host.
			disableFollowRedirect: true,
		},
		// n8n's credential tester applies both kinds of rule (status rules to thrown errors, body rules
		// to answers); only the declared type keeps them apart.
		rules: [
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
			...REDIRECT_STATUSES.map((value) => ({
				type: 'responseCode' as const,
				properties: {
					value,
					message: `The platform answered with a redirect (HTTP ${value}), which is not followed: the API token is sent only to the Platform URL. If the platform moved (to https:// or another address), put its new address into Platform URL.`,
				},
			})),
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'errors',
					value: ANSWER.invalidSubdomain,
					message:
						`The platform has no workspace with this subdomain. Check Workspace Subdomain: it is the short name in your API address, e.g. "acme" in ${DEFAULT_PLATFORM_URL}/${API_ROOT}/acme/.`,
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
		] as Array<IAuthenticateRuleResponseCode | IAuthenticateRuleResponseSuccessBody> as ICredentialTestRequest['rules'],
	};
}
