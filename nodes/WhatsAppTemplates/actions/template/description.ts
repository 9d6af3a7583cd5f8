import type { INodeProperties } from 'n8n-workflow';

import { getManyFields } from './getMany/description';

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

export const templateFields: INodeProperties[] = [templateOperation, ...getManyFields];
