import type { INodeProperties } from 'n8n-workflow';

import { LIMITS } from '../../../shared/platform';
import { windowFields, windowOptions } from '../window';

/** Where Send Text's fields show. */
export const show = { show: { resource: ['message'], operation: ['sendText'] } };

/** Parameters of Message → Send Text. Their names are saved in users' workflows: keep them. */
export const sendTextFields: INodeProperties[] = [
	...windowFields(show),
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		description: `The message, up to ${LIMITS.text.max} characters. Line breaks are kept.`,
		displayOptions: show,
	},
	windowOptions(show),
];
