/**
 * What every API generation offers the contact operations (issue 19): routes, wire bodies, answer
 * readers and the classing of refusals, for contacts, groups, statuses and sources. The node's
 * names live here; the wire's in v1/contacts.ts and v2/contacts.ts (CONTRACT.md, CONTRACT-v2.md).
 */
import type { IDataObject } from 'n8n-workflow';

import type { ApiResponse } from '../transport';
import type { Explained, Route } from './types';

export type CrmListKind = 'groups' | 'statuses' | 'sources';

/** A contact's fields in the node's words; absent: not given (a write leaves it as it is). */
export interface ContactFields {
	firstName?: string;
	lastName?: string;
	/** `+` and digits when the node writes it; as stored when read. */
	phone?: string;
	email?: string;
	type?: string;
	statusId?: number;
	sourceId?: number;
	/** The workspace's group ids. */
	groups?: number[];
	company?: string;
	description?: string;
	address?: string;
	city?: string;
	state?: string;
	zip?: string;
	countryId?: number;
	assignedId?: number;
}

/** A contact as an answer gave it. */
export interface Contact {
	id: number;
	fields: ContactFields;
	/** Names of its status, source and groups, where the answer carried them (v2's include). */
	names: { status?: string; source?: string; groups?: string[] };
	optedOut?: boolean;
	createdAt?: string;
	updatedAt?: string;
}

/** A group, status or source. */
export interface ListEntry {
	id: number;
	name: string;
	color?: string;
	isDefault?: boolean;
}

export interface Page {
	records: unknown[];
	more: boolean;
}

/** Get Many's filters in the node's words. */
export interface ContactFilters {
	search?: string;
	type?: string;
	statusId?: number;
	sourceId?: number;
	groupId?: number;
}

/** What one item of a batch create came to, by its index in the batch. */
export type BatchItem = { ok: true; id: number } | { ok: false; errors: unknown };

/** What the contact operations' refusals are explained with. */
export interface ContactContext {
	/** The phone written, as the node wrote it. */
	phone?: string;
	contactId?: number | string;
	/** The record asked for when it is not a contact (a group by id). */
	listKind?: CrmListKind;
	/** Create or Update: a taken phone means the lookup missed a stored format. */
	upsert?: boolean;
}

export interface ContactPlatform {
	readonly routes: {
		list: Route;
		show: Route;
		create: Route;
		update: Route;
		delete: Route;
		lists: Readonly<Record<CrmListKind, Route>>;
		/** Present where the API has group membership routes (else: update the contact's groups). */
		addToGroup?: Route;
		removeFromGroup?: Route;
		/** Present where the API creates many contacts in one request. */
		batch?: Route;
	};
	/** 'search': the API finds a phone by a query; 'index': every page is read once per run and indexed. */
	readonly findsPhoneBy: 'search' | 'index';
	/** 'partial': an update sends the changes; 'whole': it replaces the record, so it sends the whole record merged. */
	readonly update: 'partial' | 'whole';
	/** Whether a write names groups (else ids). */
	readonly groupsByName: boolean;
	/** Whether the API searches and filters a list (else the node filters the pages it read). */
	readonly filtersOnServer: boolean;
	listQuery(page: number, filters?: ContactFilters): IDataObject;
	/** The query of a contact's own route (v2: with the names of its status, source and groups). */
	readonly showQuery: IDataObject;
	/** The query that finds contacts whose phone holds these digits (present where findsPhoneBy is 'search'). */
	phoneQuery?(digits: string, page: number): IDataObject;
	readPage(body: unknown): Page;
	/** The record inside a show, create or update answer. */
	record(body: unknown): unknown;
	readContact(record: unknown): Contact | undefined;
	listEntry(record: unknown): ListEntry | undefined;
	listQueryOf(page: number): IDataObject;
	createBody(fields: ContactFields, groupNames?: string[]): IDataObject;
	/** `current` is needed where updates replace the whole record. */
	updateBody(fields: ContactFields, current?: Contact, groupNames?: string[]): IDataObject;
	/** Why this update body would be refused for certain, before it is sent (a platform's bug), or undefined. */
	updateRefusal(body: IDataObject, given: ContactFields): Omit<Explained, 'said' | 'requestId'> | undefined;
	membershipBody?(contactIds: number[]): IDataObject;
	/** `goOn`: whether the platform goes on after a refused item (else it stops there; those before stay created). */
	batchBody?(contacts: IDataObject[], goOn: boolean): IDataObject;
	/** Per batch index; undefined when the answer is not a batch summary. */
	readBatch?(body: unknown): Map<number, BatchItem> | undefined;
	/** One refused batch item's errors in the node's words (nothing of it was written). */
	explainBatchItem?(errors: unknown, context: ContactContext): Omit<Explained, 'said' | 'requestId'>;
	explain(response: ApiResponse, context: ContactContext): Explained;
}
