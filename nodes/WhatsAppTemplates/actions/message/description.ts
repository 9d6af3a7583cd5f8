import type { INodeProperties } from 'n8n-workflow';

import { sendTemplateFields } from './sendTemplate/description';

/** The Message resource: its operations and their fields. */
export const messageOperation: INodeProperties = {
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
};

export const messageFields: INodeProperties[] = [messageOperation, ...sendTemplateFields];
