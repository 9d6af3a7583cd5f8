import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { workspaceList } from '../../shared/crm/lists';
import { runContacts } from '../../shared/crm/run';
import { listFailed } from '../../shared/crm/write';
import { LIST_RESOURCES } from './description';

/** Group / Status / Source → Get Many: the list read once per run, up to Limit per item. */
export async function getManyListEntries(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const kind = LIST_RESOURCES[this.getNodeParameter('resource', 0) as keyof typeof LIST_RESOURCES];
	return await runContacts<number>(this, {
		prepare: (run, i) => (run.parameters('returnAll', i, false) ? Infinity : run.parameters('limit', i, 50)),
		work: async (run, i, limit) => {
			const list = await workspaceList(run, kind);
			if (!list.ok) return listFailed(run, i, list.failure, { listKind: kind });
			return { ok: true, json: list.entries.slice(0, limit).map((entry) => ({ ...entry })) };
		},
	});
}
