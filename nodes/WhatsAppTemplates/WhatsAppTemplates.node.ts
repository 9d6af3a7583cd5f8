import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { contactFields } from './actions/contact/description';
import { listFields } from './actions/lists/description';
import { messageFields } from './actions/message/description';
import { operations, route } from './actions/router';
import { templateFields } from './actions/template/description';
import { methods } from './methods';
import { MAIN_CONNECTION } from './shared/connections';
import { requestOptionsField } from './shared/requestOptions';

/**
 * Declarative in shape (the description is data), but the operations run over the package's own
 * engine, never n8n's RoutingNode: it would fire every item at once, cannot honour the platform's wait after a 429, and
 * reports an item's error only after later items were already sent. n8n's workflow path prefers
 * customOperations; AI tools, the MCP server and n8n-core before 1.82 call only execute(): both run
 * the same code, which first checks that this n8n has what the node uses (shared/n8nSupport.ts).
 */
export class WhatsAppTemplates implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Templates',
		name: 'whatsAppTemplates',
		icon: { light: 'file:whatsAppTemplates.svg', dark: 'file:whatsAppTemplates.dark.svg' },
		group: ['output'],
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle:
			'={{ {getMany: "Get many " + ({contact: "contacts", group: "groups", status: "statuses", source: "sources"}[$parameter["resource"]] || "templates"), sendText: "Send text", sendMedia: "Send " + ($parameter["mediaType"] || "media"), sendButtons: "Send buttons", create: "Create contact", upsert: "Create or update contact", update: "Update contact", get: "Get contact", delete: "Delete contact", addToGroup: "Add contact to group", removeFromGroup: "Remove contact from group"}[$parameter["operation"]] || "Send " + ($parameter["templateName"] || "template") }}',
		description:
			"Send approved WhatsApp templates, and text, media or buttons within 24 hours of a customer's message, list a workspace's templates, and keep its contacts in step with a CRM through a WhatsMark SaaS platform such as Xobito",
		defaults: { name: 'WhatsApp Templates' },
		usableAsTool: true,
		inputs: [MAIN_CONNECTION],
		outputs: [MAIN_CONNECTION],
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
				options: [
					{ name: 'Contact', value: 'contact' },
					{ name: 'Group', value: 'group' },
					{ name: 'Message', value: 'message' },
					{ name: 'Source', value: 'source' },
					{ name: 'Status', value: 'status' },
					{ name: 'Template', value: 'template' },
				],
				default: 'message',
			},
			...messageFields,
			...templateFields,
			...contactFields,
			...listFields,
			requestOptionsField,
		],
	};

	customOperations = operations;

	methods = methods;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
