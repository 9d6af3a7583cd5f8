import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { DEFAULT_PLATFORM_URL, isUnderBase } from '../nodes/WhatsAppTemplates/shared/endpoint';
import { CREDENTIAL_TEST, platformFor, v1 } from '../nodes/WhatsAppTemplates/shared/platform';

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
				`The address you open your WhatsApp platform at (Xobito: ${DEFAULT_PLATFORM_URL}; another operator: their own address, with its sub-folder if it has one, e.g. https://example.com/waba). Without /${v1.api.root}.`,
		},
		{
			displayName: 'Workspace Subdomain',
			name: 'subdomain',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'acme',
			description:
				`Your workspace's short name, as shown in Settings → API Management (the {subdomain} in the API address ${DEFAULT_PLATFORM_URL}/${v1.api.root}/{subdomain}/…)`,
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
		const base = platformFor(credentials).apiBase(credentials);
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

	test: ICredentialTestRequest = CREDENTIAL_TEST;
}
