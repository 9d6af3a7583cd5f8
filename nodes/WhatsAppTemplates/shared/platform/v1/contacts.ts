/**
 * API v1's contacts, groups, statuses and sources (CONTRACT.md "Contacts, groups, statuses, sources
 * (v1)"): no search, a full-replace PUT, groups written by name. Strict mode makes any key it does
 * not expect a 500, so bodies carry only the keys below; `isdefault` is never sent.
 */
import type { IDataObject } from 'n8n-workflow';

import type { ContactFields, ContactPlatform } from '../contacts';
import { CONTACT_WIRE, readContactRecord, readListEntry, writeScalars } from '../contactRecord';
import { field } from '../json';
import type { Route } from '../types';
import { explainContact } from './contactErrors';
import { readTemplatePage, templatePageQuery } from './templates';

const route = (method: Route['method'], path: string, permission: string): Route => ({ method, path, permission });

export const CONTACT_ROUTES = {
	list: route('GET', 'contacts', 'contacts.read'),
	show: route('GET', 'contacts/{id}', 'contacts.read'),
	create: route('POST', 'contacts', 'contacts.create'),
	update: route('PUT', 'contacts/{id}', 'contacts.update'),
	delete: route('DELETE', 'contacts/{id}', 'contacts.delete'),
	lists: { groups: route('GET', 'groups', 'groups.read'), statuses: route('GET', 'statuses', 'statuses.read'), sources: route('GET', 'sources', 'sources.read') },
} as const;


/** PUT refuses a status id above 50 (a bug: statuses are numbered across the installation's workspaces). */
export const PUT_STATUS_MAX = 50;
/** What a type is when a create gives none: the type the platform's own sends create. */
const NEW_CONTACT_TYPE = 'lead';

/** v1 writes groups as one comma-separated string of names. */
const withGroups = (body: IDataObject, groupNames?: string[]) => (groupNames?.length ? { ...body, [CONTACT_WIRE.groups]: groupNames.join(',') } : body);

/**
 * The whole record merged with the changes. PUT replaces what it is sent, and with the workspace's
 * auto-lead setting an omitted status or source is reset to the default: both always go.
 * Groups go only when they change (an empty list cannot clear them on v1).
 */
function wholeRecord(fields: ContactFields, current: ContactFields, groupNames?: string[]): IDataObject {
	const merged: ContactFields = { ...current, ...fields };
	delete merged.groups;
	return withGroups(writeScalars(CONTACT_WIRE, merged), groupNames);
}

export const v1Contacts: ContactPlatform = {
	routes: CONTACT_ROUTES,
	findsPhoneBy: 'index',
	update: 'whole',
	groupsByName: true,
	filtersOnServer: false,
	// type, status_id and source_id are ignored by 2.2.0: the node filters the pages it reads.
	listQuery: (page) => templatePageQuery(page),
	showQuery: {},
	listQueryOf: (page) => templatePageQuery(page),
	readPage: readTemplatePage,
	record: (body) => field(body, 'data'),
	readContact: (record) => readContactRecord(CONTACT_WIRE, record),
	listEntry: readListEntry,
	createBody: (fields, groupNames) => withGroups(writeScalars(CONTACT_WIRE, { type: NEW_CONTACT_TYPE, ...fields }), groupNames),
	updateBody: (fields, current, groupNames) => wholeRecord(fields, current?.fields ?? {}, groupNames),
	updateRefusal(body, given) {
		const lastName = body[CONTACT_WIRE.fields.lastName];
		if (typeof lastName !== 'string' || lastName.trim() === '') {
			return {
				message: 'The contact has no last name, and API v1 refuses an update without one',
				advice: 'Give Last Name (a contact a send created has none; choose what to store, e.g. "-"). Nothing was written.',
				delivery: 'not sent',
			};
		}
		const status = Number(body[CONTACT_WIRE.fields.statusId]);
		if (status > PUT_STATUS_MAX) {
			const whose = given.statusId === undefined ? "The contact's status" : 'The status chosen';
			return {
				message: `${whose} has ID ${status}, and API v1 refuses any status ID above ${PUT_STATUS_MAX} on an update (a platform bug: status IDs count across all workspaces)`,
				advice: 'Leaving the status out does not help: with the auto-lead setting on, the platform would reset it. Use an API v2 token, or change this contact in the platform.',
				delivery: 'not sent',
			};
		}
		return undefined;
	},
	explain: explainContact,
};
