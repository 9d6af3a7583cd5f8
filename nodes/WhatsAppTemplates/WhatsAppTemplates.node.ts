import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { messageFields } from './actions/message/description';
import { operations } from './actions/router';

/**
 * Declarative node: the description is data, and the operations run in customOperations over
 * the package's own engine, because n8n's RoutingNode would fire every item at once, cannot
 * honour retry_after, and reports an item's error only after later items were already sent.
 */
export class WhatsAppTemplates implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Templates',
		name: 'whatsAppTemplates',
		icon: { light: 'file:whatsAppTemplates.svg', dark: 'file:whatsAppTemplates.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{"Send " + ($parameter["templateName"] || "template")}}',
		description: 'Send approved WhatsApp templates through a WhatsMark SaaS platform such as Xobito',
		defaults: { name: 'WhatsApp Templates' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'whatsAppTemplatesApi', required: true }],
		// Serves n8n's declarative machinery such as the credential test; the engine sets its own headers.
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
			...messageFields,
		],
	};

	customOperations = operations;
}
