import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { sendTemplate } from './message/sendTemplate/run';
import { getManyTemplates } from './template/getMany/run';

type Operation = (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

/**
 * True when n8n runs the node's Tool variant for a model: through makeHandleToolInvocation
 * (AI Agent 2.x, "Message a model", the MCP Server Trigger: a tool-execution context) or as a
 * workflow step an AI Agent 3.x asked for (the node type is the "...Tool" variant, n8n's own rule).
 */
function calledAsTool(ctx: IExecuteFunctions): boolean {
	return ctx.getNode().type.endsWith('Tool') || (typeof ctx.isToolExecution === 'function' && ctx.isToolExecution());
}

/**
 * As a tool, a failure is the tool's answer, as with continue-on-fail: `{ error, details: { delivery,
 * description } }`. Thrown, n8n's callers lose it: AI Agent 2.2 hands the model an empty result,
 * AI Agent 3.x only the first line (no fix, no "Nothing was sent"), and "Message a model" fails the
 * whole run without telling the model. The model can then correct a value or tell the user.
 */
function forModels(run: Operation): Operation {
	return async function (this: IExecuteFunctions) {
		if (!calledAsTool(this)) return await run.call(this);
		const target = this;
		const context = new Proxy(target, {
			get: (_, property) => {
				if (property === 'continueOnFail') return () => true;
				const value = Reflect.get(target, property, target) as unknown;
				return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
			},
		});
		return await run.call(context);
	};
}

/** resource → operation → the code that runs it. A new operation is one folder and one line here. */
export const operations: Record<string, Record<string, Operation>> = {
	message: { sendTemplate: forModels(sendTemplate) },
	template: { getMany: forModels(getManyTemplates) },
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
