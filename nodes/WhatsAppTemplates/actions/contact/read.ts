import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readContacts } from '../../shared/crm/lists';
import { contactOutput, knownNames } from '../../shared/crm/output';
import { runContacts, type ContactRun } from '../../shared/crm/run';
import type { Contact, ContactFilters } from '../../shared/crm/types';
import { failed, fetchContact, isFailed, listFailed, succeeded } from '../../shared/crm/write';
import { phoneKey } from '../../shared/validation/phone';
import { FieldError, asText } from '../../shared/validation/fieldError';
import { idValue } from './parameters';

function contactId(run: ContactRun, i: number): number {
	const id = idValue('Contact ID', run.parameters('contactId', i, ''));
	if (id === undefined) throw new FieldError('Contact ID', 'Contact ID is empty', 'Give the ID of the contact, as Get Many outputs it');
	return id;
}

/** Contact → Get, by ID. */
export async function getContact(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runContacts<{ id: number; simplify: boolean }>(this, {
		prepare: (run, i) => ({ id: contactId(run, i), simplify: run.parameters('simplify', i, true) }),
		work: async (run, i, { id, simplify }) => {
			const contact = await fetchContact(run, i, id);
			return isFailed(contact) ? contact : { ok: true, json: contactOutput(contact, simplify, await knownNames(run)) };
		},
	});
}

/** Contact → Delete, by ID: `{ deleted: true }`. */
export async function deleteContact(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runContacts<number>(this, {
		prepare: contactId,
		work: async (run, i, id) => {
			const answer = await run.call(run.contacts.routes.delete, { id });
			return succeeded(answer) ? { ok: true, json: { deleted: true } } : failed(run.failure(i, answer, { contactId: id }, true));
		},
	});
}

/** Where the API cannot filter (v1), the node does: the same meaning as v2's filters and search. */
function matches(contact: Contact, filters: ContactFilters): boolean {
	const { fields } = contact;
	const search = filters.search?.toLowerCase();
	const digits = search ? phoneKey(search) : undefined;
	const searched =
		!search ||
		[fields.firstName, fields.lastName, fields.email, fields.phone, fields.company].some((v) => v?.toLowerCase().includes(search)) ||
		(digits !== undefined && /^[\d\s+()-]+$/.test(search) && (phoneKey(fields.phone) ?? '').includes(digits));
	return (
		searched &&
		(!filters.type || fields.type === filters.type) &&
		(!filters.statusId || fields.statusId === filters.statusId) &&
		(!filters.sourceId || fields.sourceId === filters.sourceId) &&
		(!filters.groupId || (fields.groups ?? []).includes(filters.groupId))
	);
}

function readFilters(given: IDataObject): ContactFilters {
	const search = asText(given.search).trim();
	return {
		search: search || undefined,
		type: asText(given.type) || undefined,
		statusId: idValue('Status', given.status),
		sourceId: idValue('Source', given.source),
		groupId: idValue('Group', given.group),
	};
}

/** Contact → Get Many: Return All or up to Limit, filtered (by the API on v2, by the node on v1). */
export async function getManyContacts(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runContacts<{ filters: ContactFilters; limit: number; simplify: boolean }>(this, {
		prepare: (run, i) => ({
			filters: readFilters(run.parameters<IDataObject>('filters', i, {})),
			limit: run.parameters('returnAll', i, false) ? Infinity : run.parameters('limit', i, 50),
			simplify: run.parameters('simplify', i, true),
		}),
		work: async (run, i, { filters, limit, simplify }) => {
			const { contacts } = run;
			const keep = (records: unknown[]) => records.map(contacts.readContact).filter((c): c is Contact => c !== undefined && (contacts.filtersOnServer || matches(c, filters)));
			const read = await readContacts(run, filters, limit, keep);
			if (!read.ok) return listFailed(run, i, read.failure, {});
			const names = await knownNames(run);
			return { ok: true, json: keep(read.records).slice(0, limit).map((c) => contactOutput(c, simplify, names)) };
		},
	});
}
