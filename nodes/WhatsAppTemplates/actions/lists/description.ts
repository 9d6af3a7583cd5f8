import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../shared/pagingFields';
import { toolDescriptionField } from '../../shared/toolDescription';

/** The resources whose only operation is Get Many: the workspace's lists, for mapping in workflows. */
export const LIST_RESOURCES = { group: 'groups', status: 'statuses', source: 'sources' } as const;
const resource = Object.keys(LIST_RESOURCES);
const show = { show: { resource, operation: ['getMany'] } };

export const listFields: INodeProperties[] = [
	...(['group', 'status', 'source'] as const).map(
		(name): INodeProperties => ({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [name] } },
			options: [{ name: 'Get Many', value: 'getMany', action: `Get many ${LIST_RESOURCES[name]}`, description: `List the workspace's contact ${LIST_RESOURCES[name]} with their IDs` }],
			default: 'getMany',
		}),
	),
	toolDescriptionField(show, "Lists the workspace's contact groups, statuses or sources with their IDs and names. Changes nothing."),
	...returnAllAndLimit(show),
];
