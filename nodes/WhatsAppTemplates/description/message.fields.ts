import type { INodeProperties } from 'n8n-workflow';

import { LIMITS } from '../api/contract';

const sendTemplate = { show: { resource: ['message'], operation: ['sendTemplate'] } };
const withMedia = { show: { ...sendTemplate.show, headerType: ['image', 'video', 'document'] } };

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
	description: `Dynamic parameter of button ${i} (e.g. the URL suffix or a coupon code)`,
}));

/** Parameters of Message → Send Template. Their names are saved in users' workflows: keep them. */
export const messageFields: INodeProperties[] = [
	{
		displayName: 'Recipient Phone',
		name: 'phone',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+49 151 2345678',
		description:
			'Phone number with country code. Spaces, dashes, dots, brackets and a leading + or 00 are removed before sending.',
		displayOptions: sendTemplate,
	},
	{
		displayName: 'Template Name',
		name: 'templateName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'order_update',
		description: 'Name of the approved template, as registered with Meta',
		displayOptions: sendTemplate,
	},
	{
		displayName: 'Language Code',
		name: 'templateLanguage',
		type: 'string',
		required: true,
		default: 'en_US',
		description: 'Language code of the template, e.g. en_US or de',
		displayOptions: sendTemplate,
	},
	{
		displayName: 'Header',
		name: 'headerType',
		type: 'options',
		default: 'none',
		description: "The kind of header the template has. It must match the template's header.",
		options: [
			{ name: 'Document', value: 'document', description: 'A PDF or other file, up to 100 MB' },
			{ name: 'Image', value: 'image', description: 'A JPEG or PNG image, up to 5 MB' },
			{ name: 'None', value: 'none' },
			{ name: 'Text', value: 'text', description: 'A text header with a {{1}} variable' },
			{ name: 'Video', value: 'video', description: 'An MP4 video, up to 16 MB' },
		],
		displayOptions: sendTemplate,
	},
	{
		displayName: 'Header Text Variable',
		name: 'headerText',
		type: 'string',
		default: '',
		description: 'Value for {{1}} in the text header',
		displayOptions: { show: { ...sendTemplate.show, headerType: ['text'] } },
	},
	{
		displayName: 'Media Source',
		name: 'mediaSource',
		type: 'options',
		default: 'url',
		options: [
			{ name: 'URL', value: 'url', description: 'A public https:// link to the file' },
			{ name: 'Binary File', value: 'binary', description: 'A file from an earlier node, uploaded with the message' },
		],
		displayOptions: withMedia,
	},
	{
		displayName: 'Media URL',
		name: 'mediaUrl',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/invoice.pdf',
		description: 'Public http(s) URL of the image, video or document',
		displayOptions: { show: { ...withMedia.show, mediaSource: ['url'] } },
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		hint: 'The name of the input binary field that holds the file',
		description: 'Image up to 5 MB, video up to 16 MB, document up to 100 MB',
		displayOptions: { show: { ...withMedia.show, mediaSource: ['binary'] } },
	},
	{
		displayName: 'Document Filename',
		name: 'documentFilename',
		type: 'string',
		default: '',
		placeholder: 'invoice-1042.pdf',
		description:
			"File name the recipient sees. Defaults to the binary file's name when the document comes from a binary field.",
		displayOptions: { show: { ...sendTemplate.show, headerType: ['document'] } },
	},
	{
		displayName: 'Body Variables',
		name: 'bodyVariables',
		type: 'collection',
		placeholder: 'Add Variable',
		default: {},
		description: 'Values for {{1}} … {{10}} in the template body',
		options: bodyVariables,
		displayOptions: sendTemplate,
	},
	{
		displayName: 'Button Parameters',
		name: 'buttonParameters',
		type: 'collection',
		placeholder: 'Add Button Parameter',
		default: {},
		options: buttonParameters,
		displayOptions: sendTemplate,
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
				default: '{\n  "first_name": "",\n  "email": ""\n}',
				description:
					'Create or update the contact behind this send: a JSON object such as first_name, last_name, email, country, language_code, groups, custom_fields',
			},
			{
				displayName: 'One-Time Password',
				name: 'otp',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'The code for an authentication (OTP) template, up to 100 characters',
			},
			{
				displayName: 'Sender Phone Number ID',
				name: 'phoneNumberId',
				type: 'string',
				default: '',
				description: "Meta phone-number ID to send from. The workspace's primary number when empty.",
			},
		],
	},
];
