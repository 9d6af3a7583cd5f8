/**
 * API v2's contacts, groups, statuses and sources (CONTRACT-v2.md "Contacts (CRM sync)"): search
 * and filters, a partial PATCH, groups by id, membership routes and a batch create.
 */
import type { IDataObject } from 'n8n-workflow';

import type { BatchItem, ContactPlatform } from '../contacts';
import { CONTACT_WIRE, readContactRecord, readListEntry, writeScalars } from '../contactRecord';
import { field } from '../json';
import type { Route } from '../types';
import { explainBatchItem, explainContact } from './contactErrors';
import { readTemplatePage, templatePageQuery } from './templates';

const route = (method: Route['method'], path: string, permission: string): Route => ({ method, path, permission });

export const CONTACT_ROUTES = {
	list: route('GET', 'contacts', 'contacts:read'),
	show: route('GET', 'contacts/{id}', 'contacts:read'),
	create: route('POST', 'contacts', 'contacts:write'),
	update: route('PATCH', 'contacts/{id}', 'contacts:write'),
	delete: route('DELETE', 'contacts/{id}', 'contacts:delete'),
	batch: route('POST', 'contacts/batch', 'contacts:write'),
	addToGroup: route('POST', 'groups/{id}/contacts', 'groups:write'),
	removeFromGroup: route('DELETE', 'groups/{id}/contacts', 'groups:write'),
	lists: { groups: route('GET', 'groups', 'groups:read'), statuses: route('GET', 'statuses', 'statuses:read'), sources: route('GET', 'sources', 'sources:read') },
} as const;


/** The list's query keys. */
export const CONTACT_QUERY = {
	search: 'search',
	filter: (name: string) => `filter[${name}]`,
	include: 'include',
	/** Names of the status, source and groups come with each contact. */
	related: 'groups,source,status',
	groupId: 'group_id',
} as const;

/** The batch's request and answer keys. */
export const BATCH = {
	contacts: 'contacts',
	options: 'options',
	goOn: 'continue_on_error',
	// Duplicates are the node's to avoid: it looked each phone up first.
	skipDuplicates: 'skip_duplicates',
	created: 'created',
	skipped: 'skipped',
	errors: 'errors',
	index: 'index',
	id: 'id',
	itemErrors: 'errors',
	reason: 'reason',
} as const;

const NEW_CONTACT_TYPE = 'lead';
const page = (n: number) => templatePageQuery(n);
const withGroups = (body: IDataObject, groups?: number[]) => (groups === undefined ? body : { ...body, [CONTACT_WIRE.groups]: groups });

function readBatch(body: unknown): Map<number, BatchItem> | undefined {
	const data = field(body, 'data');
	const created = field(data, BATCH.created);
	if (!Array.isArray(created)) return undefined;
	const out = new Map<number, BatchItem>();
	for (const entry of created) {
		const id = Number(field(entry, BATCH.id));
		if (Number.isInteger(id) && id > 0) out.set(Number(field(entry, BATCH.index)), { ok: true, id });
	}
	for (const key of [BATCH.skipped, BATCH.errors]) {
		const entries = field(data, key);
		for (const entry of Array.isArray(entries) ? entries : []) {
			out.set(Number(field(entry, BATCH.index)), { ok: false, errors: field(entry, BATCH.itemErrors) ?? field(entry, BATCH.reason) });
		}
	}
	return out;
}

export const v2Contacts: ContactPlatform = {
	routes: CONTACT_ROUTES,
	findsPhoneBy: 'search',
	update: 'partial',
	groupsByName: false,
	filtersOnServer: true,
	listQuery(n, filters = {}) {
		const query: IDataObject = { ...page(n), [CONTACT_QUERY.include]: CONTACT_QUERY.related };
		if (filters.search) query[CONTACT_QUERY.search] = filters.search;
		if (filters.type) query[CONTACT_QUERY.filter(CONTACT_WIRE.fields.type)] = filters.type;
		if (filters.statusId) query[CONTACT_QUERY.filter(CONTACT_WIRE.fields.statusId)] = filters.statusId;
		if (filters.sourceId) query[CONTACT_QUERY.filter(CONTACT_WIRE.fields.sourceId)] = filters.sourceId;
		if (filters.groupId) query[CONTACT_QUERY.filter(CONTACT_QUERY.groupId)] = filters.groupId;
		return query;
	},
	showQuery: { [CONTACT_QUERY.include]: CONTACT_QUERY.related },
	phoneQuery: (digits, n) => ({ ...page(n), [CONTACT_QUERY.search]: digits, [CONTACT_QUERY.include]: CONTACT_QUERY.related }),
	listQueryOf: page,
	readPage: readTemplatePage,
	record: (body) => field(body, 'data'),
	readContact: (record) => readContactRecord(CONTACT_WIRE, record),
	listEntry: readListEntry,
	createBody: (fields) => withGroups(writeScalars(CONTACT_WIRE, { type: NEW_CONTACT_TYPE, ...fields }), fields.groups),
	updateBody: (fields) => withGroups(writeScalars(CONTACT_WIRE, fields), fields.groups),
	updateRefusal: () => undefined,
	membershipBody: (contactIds) => ({ contact_ids: contactIds }),
	batchBody: (contacts, goOn) => ({ [BATCH.contacts]: contacts, [BATCH.options]: { [BATCH.goOn]: goOn, [BATCH.skipDuplicates]: false } }),
	readBatch,
	explainBatchItem,
	explain: explainContact,
};
