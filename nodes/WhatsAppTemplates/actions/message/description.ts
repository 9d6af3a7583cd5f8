import type { INodeProperties } from 'n8n-workflow';

import { toolDescriptionField } from '../../shared/toolDescription';
import { sendButtonsFields, show as sendButtons } from './sendButtons/description';
import { sendMediaFields, show as sendMedia } from './sendMedia/description';
import { sendTemplateFields } from './sendTemplate/description';
import { show as sendTemplate } from './sendTemplate/show';
import { sendTextFields, show as sendText } from './sendText/description';

const IN_WINDOW = 'Only inside the 24-hour window: the customer wrote to the business in the last 24 hours (the platform does not check it).';
/** What the model must know of every send: it is real, and what comes back. */
const SENDS = 'It goes out at once and cannot be recalled, so call it only to send that message. Returns the messageId, or an error that says what to correct and whether anything was sent.';

/** The Message resource: its operations and their fields. */
export const messageOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['message'] } },
	options: [
		{
			name: 'Send Buttons',
			value: 'sendButtons',
			action: 'Send buttons',
			description: "Send reply buttons or a list, within 24 hours of the customer's last message",
		},
		{
			name: 'Send Media',
			value: 'sendMedia',
			action: 'Send media',
			description: "Send an image, video, audio or document, within 24 hours of the customer's last message",
		},
		{
			name: 'Send Template',
			value: 'sendTemplate',
			action: 'Send a template',
			description: 'Send an approved WhatsApp template to the recipient of each item (at any time)',
		},
		{
			name: 'Send Text',
			value: 'sendText',
			action: 'Send a text',
			description: "Send a free-form text, within 24 hours of the customer's last message",
		},
	],
	default: 'sendTemplate',
};

export const messageFields: INodeProperties[] = [
	messageOperation,
	toolDescriptionField(sendTemplate, `Sends a real WhatsApp message: an approved template to one recipient. ${SENDS}`),
	toolDescriptionField(sendText, `Sends a real WhatsApp text message to one recipient. ${IN_WINDOW} Outside it, send an approved template instead. ${SENDS}`),
	toolDescriptionField(sendMedia, `Sends a real WhatsApp image, video, audio or document to one recipient. ${IN_WINDOW} Outside it, send an approved template instead. ${SENDS}`),
	toolDescriptionField(sendButtons, `Sends a real WhatsApp message with reply buttons or a list to one recipient. ${IN_WINDOW} Outside it, send an approved template instead. ${SENDS}`),
	...sendTemplateFields,
	...sendTextFields,
	...sendMediaFields,
	...sendButtonsFields,
];
