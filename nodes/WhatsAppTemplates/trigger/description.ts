import type { INodeProperties } from 'n8n-workflow';

import { EVERYTHING, eventOptions } from './events';

export const CREDENTIAL = 'whatsAppTemplatesWebhookApi';

export const properties: INodeProperties[] = [
	{
		displayName:
			'Copy the Production URL above into your platform: Settings → Webhook (Xobito: Settings → Webhook Settings). The platform has one webhook URL per workspace and no API to set it, so n8n cannot register it for you.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Signing Secret',
				value: 'signingSecret',
				description: "Accept only events signed with the platform's signing secret (X-Webhook-Signature)",
			},
			{
				name: 'None',
				value: 'none',
				description: 'Accept every request to the URL, signed or not',
			},
		],
		default: 'signingSecret',
	},
	{
		displayName:
			'Without a signing secret, anyone who knows this URL can post events and start this workflow. Choose Signing Secret and ask the platform operator for the secret.',
		name: 'unsignedNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { authentication: ['none'] } },
	},
	{
		displayName: 'Trigger On',
		name: 'events',
		type: 'multiOptions',
		required: true,
		options: eventOptions,
		default: [EVERYTHING],
		description:
			'The events that start the workflow. Others are answered 200 and start nothing. The same event delivered twice starts the workflow once.',
	},
];
