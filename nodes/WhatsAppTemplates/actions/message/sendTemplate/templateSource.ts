import type { INodeProperties } from 'n8n-workflow';

import { show } from './show';

const SOURCE: INodeProperties = {
	displayName: 'Template',
	name: 'templateSource',
	type: 'options',
	noDataExpression: true,
	default: 'fromList',
	options: [
		{ name: 'From List', value: 'fromList', description: 'Pick an approved template: the node then shows exactly the values it takes' },
		{ name: 'By Name and Language', value: 'byName', description: 'Type them, or feed them from expressions (e.g. a CRM row that names its template)' },
	],
};

const fromList = { show: { ...show.show, templateSource: ['fromList'] } };

/**
 * How the template is chosen. Version 1 nodes (saved before the picker) keep typing name and
 * language by default; from version 1.1 a new node starts with the list.
 */
export const templateSourceFields: INodeProperties[] = [
	{ ...SOURCE, default: 'byName', displayOptions: { show: { ...show.show, '@version': [1] } } },
	{ ...SOURCE, displayOptions: { show: { ...show.show, '@version': [{ _cnd: { gte: 1.1 } }] } } },
	{
		displayName: 'Approved Template',
		name: 'template',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: "One of the workspace's approved templates; choosing it fixes both name and language",
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a template…',
				typeOptions: { searchListMethod: 'searchTemplates', searchable: true },
			},
		],
		displayOptions: fromList,
	},
	{
		displayName: 'Template Values',
		name: 'templateValues',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		typeOptions: {
			loadOptionsDependsOn: ['template.value'],
			resourceMapper: {
				resourceMapperMethod: 'getTemplateFields',
				mode: 'add',
				valuesLabel: 'Values',
				fieldWords: { singular: 'value', plural: 'values' },
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: false,
				noFieldsError: 'This template takes no values: its text is sent as it is.',
			},
		},
		displayOptions: fromList,
	},
];

/** Shows a By-Name field only when the template is typed, not picked. */
export const byName = { show: { ...show.show, templateSource: ['byName'] } };

/** The list value of a picked template: name and language in one string. */
export const pickedValue = (name: string, language: string) => `${name}|${language}`;

export function readPicked(value: unknown): { name: string; language: string } {
	const text = typeof value === 'string' ? value : '';
	const cut = text.lastIndexOf('|');
	return cut < 0 ? { name: text, language: '' } : { name: text.slice(0, cut), language: text.slice(cut + 1) };
}
