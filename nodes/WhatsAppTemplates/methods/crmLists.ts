import { NodeOperationError, type ILoadOptionsFunctions, type INodeListSearchResult, type INodePropertyOptions } from 'n8n-workflow';

import { readPages } from '../shared/pagedList';
import type { CrmListKind, ListEntry } from '../shared/platform';
import { PICKER_OPTIONS } from '../shared/templateList';
import { platformOf } from '../shared/transport';

const BY_ID = 'Choose "By ID" and type the ID instead.';

/** The workspace's groups, statuses or sources for the editor, or an error the list can show. */
async function entries(ctx: ILoadOptionsFunctions, kind: CrmListKind): Promise<ListEntry[]> {
	const platform = await platformOf(ctx);
	const { contacts } = platform;
	const read = await readPages(ctx, platform, PICKER_OPTIONS, contacts.routes.lists[kind], contacts.listQueryOf, contacts.readPage);
	if (read.ok) return read.records.map(contacts.listEntry).filter((e): e is ListEntry => e !== undefined);
	const response = 'response' in read.failure ? read.failure.response : undefined;
	const { permission } = contacts.routes.lists[kind];
	const why = response
		? response.statusCode === 401 || response.statusCode === 403
			? `${contacts.explain(response, { listKind: kind }).message} (the list needs the ${platform.permissionKind} ${permission})`
			: `the platform answered HTTP ${response.statusCode}`
		: `the platform could not be reached (${'code' in read.failure ? read.failure.code : 'network error'})`;
	throw new NodeOperationError(ctx.getNode(), `Could not list the ${kind}: ${why}. ${BY_ID}`);
}

function search(kind: CrmListKind) {
	return async function (this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const wanted = (filter ?? '').trim().toLowerCase();
		const found = (await entries(this, kind)).filter((e) => !wanted || e.name.toLowerCase().includes(wanted) || String(e.id) === wanted);
		return { results: found.sort((a, b) => a.name.localeCompare(b.name)).map((e) => ({ name: e.name, value: String(e.id) })) };
	};
}

export const searchGroups = search('groups');
export const searchStatuses = search('statuses');
export const searchSources = search('sources');

/** The groups as options of a multi-select (values: ids). */
export async function getGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await entries(this, 'groups')).sort((a, b) => a.name.localeCompare(b.name)).map((e) => ({ name: e.name, value: String(e.id) }));
}
