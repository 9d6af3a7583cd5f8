import type { IDataObject } from 'n8n-workflow';

import { phoneKey } from '../validation/phone';
import type { Contact, ContactRun, CrmListKind } from './types';
import { listKey, workspaceList } from './lists';

/** The names of the workspace's lists the run has read (none read only for this). */
export type NameOf = (kind: CrmListKind, id: number | undefined) => string | undefined;

/** The names of the lists this run has read already: an output never costs a request. */
export async function knownNames(run: ContactRun): Promise<NameOf> {
	const lists = new Map<CrmListKind, Map<number, string>>();
	for (const kind of ['groups', 'statuses', 'sources'] as const) {
		if (!run.has(listKey(kind))) continue;
		const read = await workspaceList(run, kind);
		if (read.ok) lists.set(kind, new Map(read.entries.map((e) => [e.id, e.name])));
	}
	return (kind, id) => (id === undefined ? undefined : lists.get(kind)?.get(id));
}

const noNames: NameOf = () => undefined;

/**
 * A contact as the node outputs it: its id, the phone as `+` and digits (the form sends find), names,
 * e-mail, type, status, source and groups (by name where known); Simplify keeps only those.
 */
export function contactOutput(contact: Contact, simplify = false, nameOf: NameOf = noNames): IDataObject {
	const { fields, names } = contact;
	const digits = phoneKey(fields.phone);
	const groupIds = fields.groups ?? [];
	const groupNames = names.groups ?? groupIds.map((id) => nameOf('groups', id));
	const known = groupNames.every((name) => name !== undefined);
	const short: IDataObject = {
		id: contact.id,
		phone: digits ? `+${digits}` : (fields.phone ?? null),
		firstName: fields.firstName ?? null,
		lastName: fields.lastName ?? null,
		email: fields.email ?? null,
		type: fields.type ?? null,
		status: names.status ?? nameOf('statuses', fields.statusId) ?? fields.statusId ?? null,
		source: names.source ?? nameOf('sources', fields.sourceId) ?? fields.sourceId ?? null,
		groups: known ? (groupNames as string[]) : groupIds,
	};
	if (simplify) return short;
	return {
		...short,
		statusId: fields.statusId ?? null,
		sourceId: fields.sourceId ?? null,
		groupIds,
		storedPhone: fields.phone ?? null,
		company: fields.company ?? null,
		description: fields.description ?? null,
		address: fields.address ?? null,
		city: fields.city ?? null,
		state: fields.state ?? null,
		zip: fields.zip ?? null,
		countryId: fields.countryId ?? null,
		assignedId: fields.assignedId ?? null,
		optedOut: contact.optedOut ?? null,
		createdAt: contact.createdAt ?? null,
		updatedAt: contact.updatedAt ?? null,
	};
}
