import type { IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { FieldError } from './validation/fieldError';

/**
 * n8n's "Request Options" (Batching, Ignore SSL Issues, Proxy, Timeout), which n8n injects only
 * into nodes without execute(). This node has one (AI tools and the MCP server call only execute),
 * so it declares them itself, with n8n's names and defaults, and the engine honours them.
 */
export const requestOptionsField: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	isNodeSetting: true,
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Batching',
			name: 'batching',
			placeholder: 'Add Batching',
			type: 'fixedCollection',
			typeOptions: { multipleValues: false },
			default: { batch: {} },
			options: [
				{
					displayName: 'Batching',
					name: 'batch',
					values: [
						{
							displayName: 'Items per Batch',
							name: 'batchSize',
							type: 'number',
							typeOptions: { minValue: -1 },
							default: 50,
							description: 'Input will be split in batches to throttle requests. -1 for disabled. 0 will be treated as 1.',
						},
						{
							displayName: 'Batch Interval (Ms)',
							name: 'batchInterval',
							type: 'number',
							typeOptions: { minValue: 0 },
							default: 1000,
							description: 'Time (in milliseconds) between each batch of requests. 0 for disabled.',
						},
					],
				},
			],
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'allowUnauthorizedCerts',
			type: 'boolean',
			noDataExpression: true,
			default: false,
			description: 'Whether to connect even if SSL certificate validation is not possible',
		},
		{
			displayName: 'Proxy',
			name: 'proxy',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://myproxy:3128',
			description: 'HTTP proxy to use. If authentication is required it can be defined as follow: http://username:password@myproxy:3128.',
		},
		{
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 10000,
			description: 'Time in ms to wait for the server to send response headers (and start the response body) before aborting the request',
		},
	],
};

/**
 * Request Options → Proxy as n8n's request helper takes it. "host:port" means http://host:port;
 * anything else that is not an http(s) address is refused, never silently bypassed. The value is
 * not echoed: it may hold the proxy's password.
 */
export function parseProxy(proxy: unknown): IHttpRequestOptions['proxy'] {
	if (typeof proxy !== 'string' || proxy === '') return undefined;
	let url: URL | undefined;
	try {
		url = new URL(proxy.includes('://') ? proxy : `http://${proxy}`);
	} catch {
		url = undefined;
	}
	if (!url || !/^https?:$/.test(url.protocol) || !url.hostname || (url.pathname !== '/' && url.pathname !== '')) {
		throw new FieldError('Proxy', 'Request Options → Proxy is not a proxy address', 'Write it as http://host:port, or http://user:password@host:port when the proxy asks for a login');
	}
	return {
		protocol: url.protocol.replace(':', ''),
		host: url.hostname,
		port: Number(url.port) || (url.protocol === 'https:' ? 443 : 80),
		auth: url.username ? { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) } : undefined,
	};
}
