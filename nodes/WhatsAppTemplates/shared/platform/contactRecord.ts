/** Contacts and list entries read from, and fields written to, a generation's wire names (v1/contacts.ts, v2/contacts.ts). */
import type { IDataObject } from 'n8n-workflow';

import type { Contact, ContactFields, ListEntry } from './contacts';
import { field, isObject } from './json';

type ScalarField = Exclude<keyof ContactFields, 'groups'>;

/** A generation's names of a contact record's keys. */
export interface ContactWire {
	id: string;
	fields: Readonly<Record<ScalarField, string>>;
	/** The write's groups (v1: names joined by commas; v2: ids). */
	groups: string;
	/** The record's group ids. */
	groupIds: string;
	optedOut: string;
	createdAt: string;
	updatedAt: string;
	/** Related records an answer may include, each with a name. */
	included: { status: string; source: string; groups: string };
}

/**
 * A contact record's keys, named alike by both contracts (CONTRACT.md and CONTRACT-v2.md): a v1 row
 * and a v2 resource differ in what they hold, not in these names. What differs (groups written by
 * name or id, routes, queries) is in v1/contacts.ts and v2/contacts.ts.
 */
export const CONTACT_WIRE: ContactWire = {
	id: 'id',
	fields: {
		firstName: 'firstname',
		lastName: 'lastname',
		phone: 'phone',
		email: 'email',
		type: 'type',
		statusId: 'status_id',
		sourceId: 'source_id',
		company: 'company',
		description: 'description',
		address: 'address',
		city: 'city',
		state: 'state',
		zip: 'zip',
		countryId: 'country_id',
		assignedId: 'assigned_id',
	},
	groups: 'groups',
	groupIds: 'group_id',
	optedOut: 'is_opted_out',
	createdAt: 'created_at',
	updatedAt: 'updated_at',
	// v2's `include`; v1 includes no related records.
	included: { status: 'status', source: 'source', groups: 'groups' },
};

const NUMERIC: ReadonlySet<ScalarField> = new Set(['statusId', 'sourceId', 'countryId', 'assignedId']);

const positiveId = (value: unknown): number | undefined => {
	const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
	return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
};

const nameOf = (value: unknown): string | undefined => (typeof field(value, 'name') === 'string' ? (field(value, 'name') as string) : undefined);

/** A contact record in the node's words; undefined when it has no id. */
export function readContactRecord(wire: ContactWire, record: unknown): Contact | undefined {
	const id = positiveId(field(record, wire.id));
	if (!isObject(record) || id === undefined) return undefined;
	const fields: ContactFields = {};
	for (const [name, key] of Object.entries(wire.fields) as Array<[ScalarField, string]>) {
		const value = record[key];
		if (NUMERIC.has(name)) {
			const n = positiveId(value);
			if (n !== undefined) (fields as Record<string, unknown>)[name] = n;
		} else if (typeof value === 'string' && value !== '') (fields as Record<string, unknown>)[name] = value;
	}
	const groupIds = record[wire.groupIds];
	fields.groups = Array.isArray(groupIds) ? groupIds.map(positiveId).filter((g): g is number => g !== undefined) : [];
	const included = record[wire.included.groups];
	const names: Contact['names'] = { status: nameOf(record[wire.included.status]), source: nameOf(record[wire.included.source]) };
	if (Array.isArray(included)) names.groups = included.map(nameOf).filter((n): n is string => n !== undefined);
	const optedOut = record[wire.optedOut];
	const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
	return { id, fields, names, optedOut: optedOut === undefined ? undefined : Boolean(optedOut), createdAt: text(record[wire.createdAt]), updatedAt: text(record[wire.updatedAt]) };
}

/** The given scalar fields under their wire names (groups are the generation's own). */
export function writeScalars(wire: ContactWire, fields: ContactFields): IDataObject {
	const body: IDataObject = {};
	for (const [name, key] of Object.entries(wire.fields) as Array<[ScalarField, string]>) {
		if (fields[name] !== undefined) body[key] = fields[name];
	}
	return body;
}

/** A group, status or source record (v1's isdefault is 0/1, v2's a boolean). */
export function readListEntry(record: unknown): ListEntry | undefined {
	const id = positiveId(field(record, 'id'));
	const name = nameOf(record);
	if (id === undefined || name === undefined) return undefined;
	const entry: ListEntry = { id, name };
	const color = field(record, 'color');
	const isDefault = field(record, 'isdefault');
	if (typeof color === 'string') entry.color = color;
	if (isDefault !== undefined && isDefault !== null) entry.isDefault = Boolean(isDefault);
	return entry;
}
