/** The contact pickers (Status, Source, Group; Group Names or IDs) read the workspace's lists, on both APIs (issue 19). */
import type { INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { WhatsAppTemplatesApi } from '../../credentials/WhatsAppTemplatesApi.credentials';
import { WhatsAppTemplates } from '../../nodes/WhatsAppTemplates/WhatsAppTemplates.node';
import { callNodeMethod } from '../engine/harness';
import { APIS, TYPE_NAME } from './setup';
import { contactProduct } from './contactHelpers';

describe.each(APIS)('Contact pickers (API %s)', (api) => {
	const product = contactProduct(api);

	const call = async <T>(method: string, kind: 'listSearch' | 'loadOptions', filter?: string, apiToken?: string) =>
		await callNodeMethod<T>({
			nodeType: new WhatsAppTemplates(),
			typeName: TYPE_NAME,
			credentialTypes: [new WhatsAppTemplatesApi()],
			credentials: { whatsAppTemplatesApi: { ...product().credentials, ...(apiToken ? { apiToken } : {}) } as never },
			parameters: { resource: 'contact', operation: 'upsert' },
			kind,
			method,
			args: kind === 'listSearch' ? [filter] : [],
		});

	it.each([
		['searchStatuses', ['Customer|2', 'Lost|58', 'New|1', 'Qualified|57']],
		['searchSources', ['API|2', 'Referral|3', 'Website|1']],
		['searchGroups', ['Newsletter|2', 'VIP|1']],
	])('%s lists the workspace\'s entries by name, their IDs as values', async (method, expected) => {
		const { results } = await call<INodeListSearchResult>(method, 'listSearch');
		expect(results.map((r) => `${r.name}|${String(r.value)}`)).toEqual(expected);
	});

	it('searches by part of a name', async () => {
		const { results } = await call<INodeListSearchResult>('searchStatuses', 'listSearch', 'qual');
		expect(results.map((r) => r.name)).toEqual(['Qualified']);
	});

	it('Group Names or IDs offers the groups', async () => {
		const options = await call<INodePropertyOptions[]>('getGroups', 'loadOptions');
		expect(options).toEqual([
			{ name: 'Newsletter', value: '2' },
			{ name: 'VIP', value: '1' },
		]);
	});

	// Stock v1 tokens hold every ability: only a v2 token can lack the list's permission.
	if (api === 'v2') {
		it('a token that may not read the list: the picker names the scope and says to use By ID', async () => {
			const apiToken = product().sb.addV2Token({ scopes: ['contacts:read'] });
			await expect(call('searchGroups', 'listSearch', undefined, apiToken)).rejects.toThrow(/groups:read.*By ID/);
		});
	}
});
