import type { INodeProperties } from 'n8n-workflow';

import { CONTACT, LIMITS } from '../../../shared/platform';
import { CONTACT_DETAILS } from './contact';
import { mediaFields, recipientPhoneField } from '../sharedFields';
import { optionsField } from './options';
import { show as sendTemplate } from './show';
import { byName, templateSourceFields } from './templateSource';

const withMedia = { show: { ...byName.show, headerType: ['image', 'video', 'document'] } };

const bodyVariables: INodeProperties[] = Array.from({ length: LIMITS.bodyVariables }, (_, i) => ({
	displayName: `Variable {{${i + 1}}}`,
	name: `var${i + 1}`,
	type: 'string',
	default: '',
	description: `Value for {{${i + 1}}} in the template body`,
}));

const buttonParameters: INodeProperties[] = Array.from({ length: LIMITS.buttons }, (_, i) => ({
	displayName: `Button ${i}`,
	name: `button${i}`,
	type: 'string',
	default: '',
	description: `Dynamic parameter of button ${i} (e.g. the URL suffix or a coupon code). Stock platforms may not pass it on to WhatsApp.`,
}));

const newContactDetails: INodeProperties[] = Object.entries(CONTACT_DETAILS).map(([name, { label }]) => ({
	displayName: label,
	name,
	type: 'string',
	default: '',
	placeholder: name === 'email' ? 'name@email.com' : undefined,
	description: {
		firstName: 'First name of the new contact (the platform uses the phone number when empty)',
		lastName: 'Last name of the new contact',
		email: 'E-mail address of the new contact',
		country: 'Country by its English short name (e.g. India, Germany) or its id on the platform; other values are dropped by the platform',
		groups: 'Comma-separated group names; the platform creates groups it does not know',
		assignedId: 'ID of the platform user the contact is assigned to',
		statusId: 'ID of a contact status of the workspace',
		sourceId: 'ID of a contact source of the workspace',
	}[name],
}));

/** Parameters of Message → Send Template. Their names are saved in users' workflows: keep them. */
export const sendTemplateFields: INodeProperties[] = [
	recipientPhoneField(sendTemplate, 'Phone number with country code. Spaces, dashes, dots, brackets and a leading + or 00 are removed before sending.'),
	...templateSourceFields,
	{
		displayName: 'Template Name',
		name: 'templateName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'order_update',
		description: 'Name of the approved template, as registered with Meta',
		displayOptions: byName,
	},
	{
		displayName: 'Language Code',
		name: 'templateLanguage',
		type: 'string',
		required: true,
		default: 'en_US',
		description: 'Language code of the template, e.g. en_US or de',
		displayOptions: byName,
	},
	{
		displayName: 'Header',
		name: 'headerType',
		type: 'options',
		default: 'none',
		description: "The kind of header the template has. It must match the template's header.",
		options: [
			{ name: 'Document', value: 'document', description: 'PDF, Word, Excel, PowerPoint or text file, up to 100 MB' },
			{ name: 'Image', value: 'image', description: 'A JPEG or PNG image, up to 5 MB' },
			{ name: 'None', value: 'none' },
			{ name: 'Text', value: 'text', description: 'A text header with a {{1}} variable' },
			{ name: 'Video', value: 'video', description: 'An MP4 or 3GP video, up to 16 MB' },
		],
		displayOptions: byName,
	},
	{
		displayName: 'Header Text Variable',
		name: 'headerText',
		type: 'string',
		default: '',
		description: 'Value for {{1}} in the text header',
		displayOptions: { show: { ...byName.show, headerType: ['text'] } },
	},
	...mediaFields(withMedia, {
		url: 'Public http(s) URL the platform downloads the file from. If its path has an extension, the platform accepts only .jpeg/.png (.jpg on newer platforms) images, .mp4/.3gp videos and .pdf/.doc(x)/.xls(x)/.ppt(x)/.txt documents.',
		binary: 'Image up to 5 MB, video up to 16 MB, document up to 100 MB. The file goes up under a unique name with an extension the platform accepts.',
	}),
	{
		displayName: 'Document Filename',
		name: 'documentFilename',
		type: 'string',
		default: '',
		placeholder: 'invoice-1042.pdf',
		description:
			"File name meant for the recipient. Defaults to the binary file's name. Stock platforms show a generated name instead.",
		displayOptions: { show: { ...byName.show, headerType: ['document'] } },
	},
	{
		displayName: 'Body Variables',
		name: 'bodyVariables',
		type: 'collection',
		placeholder: 'Add Variable',
		default: {},
		description: 'Values for {{1}} … {{10}} in the template body, in order without gaps: the platform fills them by position',
		options: bodyVariables,
		displayOptions: byName,
	},
	{
		displayName: 'Button Parameters',
		name: 'buttonParameters',
		type: 'collection',
		placeholder: 'Add Button Parameter',
		default: {},
		options: buttonParameters,
		displayOptions: byName,
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: sendTemplate,
		options: [
			{
				displayName: 'Contact',
				name: 'contact',
				type: 'json',
				default: JSON.stringify({ [CONTACT.firstName]: '', [CONTACT.lastName]: '', [CONTACT.email]: '' }, null, 2),
				description: `The same details as "New Contact Details", as a JSON object with the platform's keys (${Object.values(CONTACT).join(', ')}), e.g. from an expression. Used only for a phone that is not yet a contact.`,
			},
			{
				displayName: 'One-Time Password',
				name: 'otp',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description:
					'The code for an authentication template, up to 100 characters. It fills {{1}} when Variable {{1}} is empty, and on API v1 also goes out as the copy code.',
			},
			{
				displayName: 'Sender Phone Number ID',
				name: 'phoneNumberId',
				type: 'string',
				default: '',
				description: "Meta phone-number ID to send from (API v1 only). The workspace's default number when empty.",
			},
		],
	},
	{
		displayName: 'New Contact Details',
		name: 'newContact',
		type: 'collection',
		placeholder: 'Add Detail',
		default: {},
		description:
			'API v1 only. Used only when the phone number is not yet a contact of the workspace: the platform then creates the contact from these details, even if the send fails. An existing contact is not updated.',
		options: newContactDetails,
		displayOptions: sendTemplate,
	},
	optionsField,
];
