import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { DEFAULT_PLATFORM_URL, isUnderBase } from '../nodes/WhatsAppTemplates/shared/endpoint';
import { API_VERSION, CREDENTIAL_TEST, V2_TOKEN_PREFIX, platformFor, v1, v2 } from '../nodes/WhatsAppTemplates/shared/platform';

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
				`The address you open your WhatsApp platform at (Xobito: ${DEFAULT_PLATFORM_URL}; another operator: their own address, with its sub-folder if it has one, e.g. https://example.com/waba). Without /${v1.api.root} or /${v2.api.root}.`,
		},
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'options',
			default: API_VERSION.auto,
			options: [
				{
					name: 'Auto (by the Token)',
					value: API_VERSION.auto,
					description: `A ${V2_TOKEN_PREFIX}… token uses API v2, any other token API v1`,
				},
				{
					name: 'API v1',
					value: API_VERSION.v1,
					description: `{Platform URL}/${v1.api.root}/{subdomain}/…: every platform; needs the Workspace Subdomain`,
				},
				{
					name: 'API v2',
					value: API_VERSION.v2,
					description: `{Platform URL}/${v2.api.root}/…: platform 2.2.0 or newer, a ${V2_TOKEN_PREFIX}… token with scopes`,
				},
			],
			description: 'Which API of the platform the node speaks. Credentials saved before this field existed use Auto, which keeps their v1 token on API v1.',
		},
		{
			displayName: 'Workspace Subdomain',
			name: 'subdomain',
			type: 'string',
			default: '',
			placeholder: 'acme',
			// Needed for API v1 only: under Auto the node asks for it when the token is not a v2 token.
			description:
				`For API v1 (a token that does not start with ${V2_TOKEN_PREFIX}): your workspace's short name, as shown in Settings → API Management (the {subdomain} in the API address ${DEFAULT_PLATFORM_URL}/${v1.api.root}/{subdomain}/…). API v2 takes the workspace from the token.`,
			displayOptions: { hide: { apiVersion: [API_VERSION.v2] } },
		},
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: `API v1: the token from Settings → API Management in your workspace (64 characters, or apitk_…). API v2: a token (${V2_TOKEN_PREFIX}…) from the workspace's API v2 page, with the scopes ${v2.routes.sendTemplate.permission} and ${v2.routes.listTemplates.permission}.`,
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

	// A function rather than a generic header map: it fixes the base URL from the credential (API v1's
	// or v2's) and refuses any request headed elsewhere, so the token only goes under that API base.
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const base = platformFor(credentials).apiBase(credentials);
		const absolute = /^[a-z][a-z0-9+.-]*:/i.test(requestOptions.url);
		const target = absolute
			? requestOptions.url
			: `${String(requestOptions.baseURL || base).replace(/\/+$/, '')}/${requestOptions.url.replace(/^\/+/, '')}`;
		if (!isUnderBase(target, base)) {
			throw new Error(
				"Refused to send the API token to a URL outside the credential's API. Check the credential's Platform URL, API Version and Workspace Subdomain.",
			);
		}
		// The whole URL rather than a baseURL: n8n parses url against baseURL several times per request.
		requestOptions.url = target;
		requestOptions.baseURL = undefined;
		requestOptions.headers = {
			...requestOptions.headers,
			Authorization: `Bearer ${String(credentials.apiToken ?? '')}`,
		};
		return requestOptions;
	};

	test: ICredentialTestRequest = CREDENTIAL_TEST;
}
