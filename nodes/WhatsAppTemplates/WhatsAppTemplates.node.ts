import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { messageFields } from './description/message.fields';
import { optionsField } from './description/options.fields';
import { sendTemplate } from './sendTemplate';

/**
 * Declarative node: the description is data, and the send runs in customOperations, because
 * n8n's RoutingNode would fire every item at once, cannot honour retry_after, and reports an
 * item's error only after later items were already sent.
 */
export class WhatsAppTemplates implements INodeType {
	description: INodeTypeDescription = {
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
		// Serves n8n's declarative machinery such as the credential test; the send sets its own headers.
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

	customOperations = {
		message: { sendTemplate },
	};
}
