import type { INodeProperties } from 'n8n-workflow';

import { engineOptions } from '../../shared/batch/options';

/** A picker of the workspace's groups, statuses or sources, with an ID mode for expressions. */
export function listPicker(displayName: string, name: string, searchListMethod: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description,
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod, searchable: true } },
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 3',
				validation: [{ type: 'regex', properties: { regex: '^\\s*[1-9][0-9]*\\s*$', errorMessage: 'An ID is a whole number above 0' } }],
			},
		],
	};
}

export const TYPE_OPTIONS = [
	{ name: 'Customer', value: 'customer' },
	{ name: 'Guest (Platform 2.2.0 and Later)', value: 'guest' },
	{ name: 'Lead', value: 'lead' },
];

/** A contact's optional fields, as Create, Create or Update and Update offer them (alphabetical, as n8n lists them). */
export const contactFieldOptions: INodeProperties[] = [
	{ displayName: 'Address', name: 'address', type: 'string', default: '', description: 'Street address (API v1 and v2 store up to 500 characters)' },
	{ displayName: 'Assignee ID', name: 'assignedId', type: 'number', typeOptions: { minValue: 1 }, default: 1, description: "ID of the workspace's user the contact is assigned to (neither API lists the users: copy it from the platform)" },
	{ displayName: 'City', name: 'city', type: 'string', default: '' },
	{ displayName: 'Company', name: 'company', type: 'string', default: '' },
	{ displayName: 'Country ID', name: 'countryId', type: 'number', typeOptions: { minValue: 1 }, default: 1, description: "The platform's ID of the country" },
	{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 2 }, default: '' },
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
	{
		displayName: 'Group Names or IDs',
		// The groups replace the contact's groups; an expression may also give group names.
		name: 'groups',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getGroups' },
		default: [],
		description: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	listPicker('Source', 'source', 'searchSources', 'Where the contact came from'),
	{ displayName: 'State', name: 'state', type: 'string', default: '' },
	listPicker('Status', 'status', 'searchStatuses', "The contact's status in the workspace's pipeline"),
	{ displayName: 'Type', name: 'type', type: 'options', options: TYPE_OPTIONS, default: 'lead' },
	{ displayName: 'ZIP', name: 'zip', type: 'string', default: '' },
];

/** Update's fields: the names and phone too. */
const nameAndPhone: INodeProperties[] = [
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
	{ displayName: 'Phone', name: 'phone', type: 'string', default: '', placeholder: 'e.g. +49 151 2345678', description: 'With its country code; stored as + and digits' },
];

export const updateFieldOptions: INodeProperties[] = [...nameAndPhone, ...contactFieldOptions].sort((a, b) => a.displayName.localeCompare(b.displayName));

/** The engine's options for the contact operations (read by readRunOptions). */
export const contactOptions: INodeProperties[] = engineOptions({ inFlight: 'Requests In Flight', what: 'items', one: 'request', risk: 'it may have been written' }).sort((a, b) =>
	a.displayName.localeCompare(b.displayName),
);
