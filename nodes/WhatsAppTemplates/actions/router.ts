import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { sendTemplate } from './message/sendTemplate/run';
import { getManyTemplates } from './template/getMany/run';

type Operation = (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

/** resource → operation → the code that runs it. A new operation is one folder and one line here. */
export const operations: Record<string, Record<string, Operation>> = {
	message: { sendTemplate },
	template: { getMany: getManyTemplates },
};

/**
 * The node's execute(): the same operation code that n8n's workflow path reaches through
 * customOperations, for the callers that use only execute (AI tools, the MCP server).
 */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const run = operations[resource]?.[operation];
	if (!run) throw new NodeOperationError(this.getNode(), `The operation "${resource} → ${operation}" is not known to this version of the node`);
	return await run.call(this);
}
