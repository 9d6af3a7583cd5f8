import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';

import { messageFields } from './message.fields';
import { optionsField } from './options.fields';

export const nodeDescription: INodeTypeDescription = {
	displayName: 'WhatsApp Templates',
	name: 'whatsAppTemplates',
	icon: { light: 'file:whatsAppTemplates.svg', dark: 'file:whatsAppTemplates.dark.svg' },
	group: ['output'],
	version: 1,
	subtitle: '={{"Send " + ($parameter["templateName"] || "template")}}',
	description: 'Send approved WhatsApp templates through your messaging workspace API',
	defaults: { name: 'WhatsApp Templates' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'whatsAppTemplatesApi', required: true }],
	// The send itself runs in customOperations (bounded concurrency, rate-limit waits, stop after
	// a hard failure); these defaults serve n8n's declarative machinery such as the credential test.
	requestDefaults: {
		headers: { Accept: 'application/json' },
	},
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [{ name: 'Message', value: 'message' }],
			default: 'message',
		},
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['message'] } },
			options: [
				{
					name: 'Send Template',
					value: 'sendTemplate',
					action: 'Send a template message',
					description: 'Send an approved WhatsApp template to one recipient per item',
				},
			],
			default: 'sendTemplate',
		},
		...messageFields,
		optionsField,
	],
};
