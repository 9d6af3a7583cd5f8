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
			// n8n's automatic tool description is "<action> in WhatsApp Templates": what the model reads.
			action: 'Send a real template message',
			description:
				'Send an approved WhatsApp template to one recipient per item: a real message that cannot be recalled. As an AI tool, let the model fill Recipient Phone and the body variables with $fromAI(); it gets back the messageId, or the reason nothing was sent.',
		},
	],
	default: 'sendTemplate',
};

export const messageFields: INodeProperties[] = [messageOperation, ...sendTemplateFields];
