import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { SEND_METHOD, SEND_PATH } from '../nodes/WhatsAppTemplates/api/contract';
import { isUnderBase, resolveBaseUrl } from '../nodes/WhatsAppTemplates/api/endpoint';

// The credential test sends an empty message. A good token that may send gets 422 (nothing to
// send); every other status is a failure, so only 422 is let through as a non-error.
const NON_422_STATUSES = Array.from({ length: 500 }, (_, i) => i + 100).filter(
	(status) => status !== 422 && (status < 200 || status > 299),
);

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
			displayName: 'Workspace Subdomain',
			name: 'subdomain',
			type: 'string',
			default: '',
			placeholder: 'acme',
			description:
				'Your workspace subdomain: "acme" when your workspace lives at acme.example.com. One DNS label, no dots.',
		},
		{
			displayName: 'Platform Domain',
			name: 'domain',
			type: 'string',
			default: '',
			placeholder: 'example.com',
			description: "Your messaging platform's domain, without https:// or a path",
		},
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'A workspace API token with the ability messages.send',
		},
		{
			displayName: 'Base URL Override',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://api.example.com',
			description:
				'Optional. A full base URL (a proxy, a self-hosted install, or the local sandbox) used instead of subdomain and domain.',
		},
		{
			displayName: 'Allow Plain HTTP',
			name: 'allowPlainHttp',
			type: 'boolean',
			default: false,
			description:
				'Whether to allow an http:// Base URL Override to a host other than this machine. The token then travels unencrypted.',
		},
	];

	// A function rather than a generic header map: it fixes the base URL from the credential and
	// refuses any request headed elsewhere, so the token only ever goes to the host named here.
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const base = resolveBaseUrl(credentials);
		const absolute = /^[a-z][a-z0-9+.-]*:/i.test(requestOptions.url);
		if (!requestOptions.baseURL && !absolute) {
			requestOptions.baseURL = base;
		}
		const target = absolute
			? requestOptions.url
			: `${String(requestOptions.baseURL).replace(/\/+$/, '')}/${requestOptions.url.replace(/^\/+/, '')}`;
		if (!isUnderBase(target, base)) {
			throw new Error(
				'Refused to send the API token to a URL outside the credential\'s API address. Check the credential\'s subdomain, domain or Base URL Override.',
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
			method: SEND_METHOD,
			url: SEND_PATH,
			headers: { Accept: 'application/json' },
			body: {},
			json: true,
			ignoreHttpStatusErrors: { ignore: true, except: NON_422_STATUSES },
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 401, message: 'The API token is invalid or expired (HTTP 401). Create a new token in your workspace.' },
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'The API token works but lacks the ability messages.send (HTTP 403). Give the token that ability.',
				},
			},
			{
				type: 'responseCode',
				properties: { value: 404, message: 'No messaging API answered at this address (HTTP 404). Check subdomain, domain or Base URL Override.' },
			},
		],
	};
}
