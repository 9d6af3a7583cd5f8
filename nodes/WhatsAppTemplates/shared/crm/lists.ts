import type { ContactFilters, ContactRun, CrmListKind, ListEntry } from './types';
import { readPages, type PagedResult } from '../pagedList';

export type ListRead = { ok: true; entries: ListEntry[] } | { ok: false; failure: Extract<PagedResult, { ok: false }>['failure'] };

export const listKey = (kind: CrmListKind) => `list:${kind}`;

/** The workspace's groups, statuses or sources: every page, read at most once per run. */
export function workspaceList(run: ContactRun, kind: CrmListKind): Promise<ListRead> {
	return run.once(listKey(kind), async () => {
		const { contacts } = run;
		const read = await readPages(run.ctx, run.platform, run.options, contacts.routes.lists[kind], contacts.listQueryOf, contacts.readPage);
		if (!read.ok) return read;
		return { ok: true, entries: read.records.map(contacts.listEntry).filter((e): e is ListEntry => e !== undefined) };
	});
}

/** Contacts page after page (filtered by the API where it can), until `limit` of them are kept. */
export async function readContacts(run: ContactRun, filters: ContactFilters, limit: number, keep: (records: unknown[]) => unknown[]): Promise<PagedResult> {
	const { contacts } = run;
	const query = (page: number) => contacts.listQuery(page, filters);
	return await readPages(run.ctx, run.platform, run.options, contacts.routes.list, query, contacts.readPage, (records) => keep(records).length >= limit);
}
