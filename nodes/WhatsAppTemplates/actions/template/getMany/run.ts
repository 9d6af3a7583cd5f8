import type { IDataObject, IExecuteFunctions, INodeExecutionData, NodeApiError, NodeOperationError } from 'n8n-workflow';

import { responseError, transportError } from '../../../shared/apiError';
import { toOutputItems } from '../../../shared/batch/itemResult';
import { readRunOptions } from '../../../shared/batch/options';
import { templateOutput } from '../../../shared/platform';
import { inputError } from '../../../shared/validation/inputError';
import { listTemplates, type ListedTemplate } from '../../../shared/templateList';
import { runEndpoint } from '../../../shared/transport';

function matches(listed: ListedTemplate, filters: IDataObject): boolean {
	const { template } = listed;
	const name = String(filters.name ?? '').trim().toLowerCase();
	return (
		(!filters.status || template.status === filters.status) &&
		(!filters.category || template.category === filters.category) &&
		(!filters.language || template.language === String(filters.language).trim()) &&
		(!name || template.name.toLowerCase().includes(name))
	);
}

/** Template → Get Many: the workspace's templates (every page read once per run), filtered per item. */
export async function getManyTemplates(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const node = this.getNode();
	const itemCount = this.getInputData().length;
	// Every item fails with the list. Thrown under continue-on-fail, n8n would pass the input items
	// on as if they were the result.
	const failEvery = (error: NodeApiError | NodeOperationError) => {
		if (!this.continueOnFail()) throw error;
		return toOutputItems(this, itemCount, () => ({ ok: false, error, delivery: 'not sent' }));
	};
	const options = readRunOptions(this);
	const { platform, problem } = await runEndpoint(this);
	const setupError = options.proxyError ?? problem;
	if (setupError) return failEvery(inputError(node, 0, setupError));
	const list = await listTemplates(this, platform, options);
	if (!list.ok) {
		const { failure } = list;
		return failEvery(('response' in failure ? responseError(platform, node, 0, failure.response) : transportError(node, 0, failure.code, false)).error);
	}
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < itemCount; i++) {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
		const limit = returnAll ? Infinity : (this.getNodeParameter('limit', i, 50) as number);
		const found = list.templates.filter((listed) => matches(listed, filters)).slice(0, limit);
		out.push(...found.map(({ record, template }) => ({ json: templateOutput(record, template) as IDataObject, pairedItem: { item: i } })));
	}
	return [out];
}
