import type { INodeProperties } from 'n8n-workflow';

import { LIMITS } from '../../../shared/platform';
import { windowFields, windowOptions } from '../window';

/** Where Send Buttons' fields show. */
export const show = { show: { resource: ['message'], operation: ['sendButtons'] } };
const withShow = (more: Record<string, string[]>) => ({ show: { ...show.show, ...more } });

const text = (displayName: string, name: string, max: number, description: string, more: Partial<INodeProperties> = {}): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description: `${description}, up to ${max} characters`,
	...more,
});

/** Parameters of Message → Send Buttons. Their names are saved in users' workflows: keep them. */
export const sendButtonsFields: INodeProperties[] = [
	...windowFields(show),
	{
		displayName: 'Message Kind',
		name: 'interactiveType',
		type: 'options',
		default: 'buttons',
		options: [
			{ name: 'Reply Buttons', value: 'buttons', description: 'Up to 3 buttons the customer taps to answer' },
			{ name: 'List', value: 'list', description: 'A button that opens a list of up to 10 choices in sections (API v2)' },
		],
		displayOptions: show,
	},
	text('Body Text', 'bodyText', LIMITS.interactiveBody.max, 'The message above the buttons', { required: true, typeOptions: { rows: 3 }, displayOptions: show }),
	text('Header Text', 'headerText', LIMITS.interactiveHeader.max, 'Optional bold line above the body', { displayOptions: show }),
	text('Footer Text', 'footerText', LIMITS.interactiveFooter.max, 'Optional grey line below the body', { displayOptions: show }),
	{
		displayName: 'Buttons',
		name: 'buttons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, maxAllowedFields: LIMITS.replyButtons.max },
		placeholder: 'Add Button',
		default: {},
		description: `${LIMITS.replyButtons.min} to ${LIMITS.replyButtons.max} buttons with different titles. The customer's tap arrives in the trigger as a Message Received event.`,
		displayOptions: withShow({ interactiveType: ['buttons'] }),
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					text('Title', 'title', LIMITS.buttonTitle.max, 'What the button says'),
					text('ID', 'id', LIMITS.buttonId.max, 'What your workflow gets back when it is tapped (default: the title)'),
				],
			},
		],
	},
	text('List Button Text', 'listButtonText', LIMITS.listButtonText.max, 'The button that opens the list, e.g. "Choose"', { required: true, displayOptions: withShow({ interactiveType: ['list'] }) }),
	{
		displayName: 'List Rows',
		name: 'rows',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Row',
		default: {},
		description: `${LIMITS.listRows.min} to ${LIMITS.listRows.max} choices. Rows with the same Section Title form one section, in the order given; with more than one section each needs a title.`,
		displayOptions: withShow({ interactiveType: ['list'] }),
		options: [
			{
				displayName: 'Row',
				name: 'row',
				values: [
					text('Section Title', 'section', LIMITS.sectionTitle.max, 'The section the row is in'),
					text('Title', 'title', LIMITS.rowTitle.max, 'The choice'),
					text('Description', 'description', LIMITS.rowDescription.max, 'Optional line under the title'),
					text('ID', 'id', LIMITS.rowId.max, 'What your workflow gets back when it is chosen (default: the title)'),
				],
			},
		],
	},
	windowOptions(show),
];
