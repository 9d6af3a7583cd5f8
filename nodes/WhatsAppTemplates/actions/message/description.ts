import type { INodeProperties } from 'n8n-workflow';

import { toolDescriptionField } from '../../shared/toolDescription';
import { sendTemplateFields } from './sendTemplate/description';
import { show as sendTemplate } from './sendTemplate/show';

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
			action: 'Send a template',
			description: 'Send an approved WhatsApp template to the recipient of each item',
		},
	],
	default: 'sendTemplate',
};

export const messageFields: INodeProperties[] = [
	messageOperation,
	toolDescriptionField(
		sendTemplate,
		'Sends a real WhatsApp message: an approved template to one recipient. It goes out at once and cannot be recalled, so call it only to send that message. Returns the messageId, or an error that says what to correct and whether anything was sent.',
	),
	...sendTemplateFields,
];
