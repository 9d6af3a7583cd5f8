import type { INodeProperties } from 'n8n-workflow';

import { toolDescriptionField } from '../../shared/toolDescription';
import { getManyFields } from './getMany/description';
import { show as getMany } from './getMany/show';

/** The Template resource: its operations and their fields. */
export const templateOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['template'] } },
	options: [
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many templates',
			description: "List the workspace's templates with their status, language, header and variables",
		},
	],
	default: 'getMany',
};

export const templateFields: INodeProperties[] = [
	templateOperation,
	toolDescriptionField(
		getMany,
		"Lists the workspace's WhatsApp templates with name, language, status, category, header and number of variables, to pick the template and language to send. Sends nothing.",
	),
	...getManyFields,
];
