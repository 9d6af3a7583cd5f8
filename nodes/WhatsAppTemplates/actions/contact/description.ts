import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../shared/pagingFields';
import { toolDescriptionField } from '../../shared/toolDescription';
import { TYPE_OPTIONS, contactFieldOptions, contactOptions, listPicker, updateFieldOptions } from './fields';

const on = (...operation: string[]) => ({ show: { resource: ['contact'], operation } });
const WRITES = 'It changes the workspace at once. Returns the contact (id, phone, names, e-mail, type, status, source, groups), or an error that says what to correct and whether anything was written.';

export const contactOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['contact'] } },
	options: [
		{ name: 'Add to Group', value: 'addToGroup', action: 'Add a contact to a group', description: 'Put a contact into one of the workspace\'s groups' },
		{ name: 'Create', value: 'create', action: 'Create a contact', description: 'Create a new contact' },
		{ name: 'Create or Update', value: 'upsert', action: 'Create or update a contact', description: 'Create a new record, or update the current one if it already exists (upsert)' },
		{ name: 'Delete', value: 'delete', action: 'Delete a contact', description: 'Delete a contact' },
		{ name: 'Get', value: 'get', action: 'Get a contact', description: 'Get a contact by its ID' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many contacts', description: "List the workspace's contacts" },
		{ name: 'Remove From Group', value: 'removeFromGroup', action: 'Remove a contact from a group', description: 'Take a contact out of a group' },
		{ name: 'Update', value: 'update', action: 'Update a contact', description: 'Change a contact found by its ID' },
	],
	default: 'upsert',
};

export const contactFields: INodeProperties[] = [
	contactOperation,
	toolDescriptionField(on('upsert'), `Creates a WhatsApp contact, or updates the one with this phone (never a duplicate). ${WRITES}`),
	toolDescriptionField(on('create'), `Creates a new WhatsApp contact; fails when the phone is taken. ${WRITES}`),
	toolDescriptionField(on('update'), `Changes the WhatsApp contact with this ID. ${WRITES}`),
	toolDescriptionField(on('get'), 'Returns the WhatsApp contact with this ID. Changes nothing.'),
	toolDescriptionField(on('getMany'), 'Lists or searches the WhatsApp contacts of the workspace. Changes nothing.'),
	toolDescriptionField(on('delete'), 'Deletes the WhatsApp contact with this ID, for good. Returns { deleted: true }.'),
	toolDescriptionField(on('addToGroup', 'removeFromGroup'), 'Puts a WhatsApp contact into a group, or takes it out. Changes the workspace at once.'),
	{
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 42',
		description: "The platform's ID of the contact, as Create, Create or Update and Get Many output it",
		displayOptions: on('update', 'get', 'delete', 'addToGroup', 'removeFromGroup'),
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +49 151 2345678',
		description: 'With its country code, in any format (+49 151 …, 0049151…, 49151…): stored as + and digits, the form template sends find',
		displayOptions: on('create', 'upsert'),
	},
	{ displayName: 'First Name', name: 'firstName', type: 'string', required: true, default: '', displayOptions: on('create') },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', required: true, default: '', displayOptions: on('create') },
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '', description: 'Needed when the contact is new', displayOptions: on('upsert') },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '', description: 'Needed when the contact is new, and on API v1 for any update of a contact that has none', displayOptions: on('upsert') },
	{ ...listPicker('Group', 'group', 'searchGroups', 'The group'), required: true, displayOptions: on('addToGroup', 'removeFromGroup') },
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: on('create', 'upsert'), options: contactFieldOptions },
	{ displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: on('update'), options: updateFieldOptions },
	...returnAllAndLimit(on('getMany')),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: on('getMany'),
		options: [
			listPicker('Group', 'group', 'searchGroups', 'Only contacts in this group'),
			{ displayName: 'Search', name: 'search', type: 'string', default: '', description: 'Part of a first or last name, e-mail, phone or company' },
			listPicker('Source', 'source', 'searchSources', 'Only contacts from this source'),
			listPicker('Status', 'status', 'searchStatuses', 'Only contacts with this status'),
			{ displayName: 'Type', name: 'type', type: 'options', options: TYPE_OPTIONS, default: 'lead' },
		],
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
		displayOptions: on('get', 'getMany'),
	},
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, displayOptions: { show: { resource: ['contact'] } }, options: contactOptions },
];
