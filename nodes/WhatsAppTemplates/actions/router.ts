import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { toOutputItems } from '../shared/batch/itemResult';
import { unsupportedN8nError } from '../shared/n8nSupport';
import { sendButtons } from './message/sendButtons/run';
import { sendMedia } from './message/sendMedia/run';
import { sendTemplate } from './message/sendTemplate/run';
import { sendText } from './message/sendText/run';
import { addToGroup, removeFromGroup } from './contact/groups';
import { deleteContact, getContact, getManyContacts } from './contact/read';
import { createContact, updateContact, upsertContact } from './contact/write';
import { getManyListEntries } from './lists/run';
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
		const context = new Proxy(this, {
			get: (target, property) => {
				if (property === 'continueOnFail') return () => true;
				const value = Reflect.get(target, property, target) as unknown;
				return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
			},
		});
		return await run.call(context);
	};
}

/**
 * Every operation's entry, on both paths (customOperations, and execute() through route(), which
 * an n8n-core older than 1.82 calls instead): an n8n that lacks what the node uses is refused with
 * a plain error before anything is read or sent. Under continue-on-fail every item carries it, as
 * any failed item does: thrown, n8n would pass the input items on as if they had been sent.
 */
function onSupportedN8n(run: Operation): Operation {
	return async function (this: IExecuteFunctions) {
		const refusal = unsupportedN8nError(this);
		if (!refusal) return await run.call(this);
		if (typeof this.continueOnFail !== 'function' || !this.continueOnFail()) throw refusal;
		return toOutputItems(this, this.getInputData().length, () => ({ ok: false, error: refusal, delivery: 'not sent' }));
	};
}

/** resource → operation → the code that runs it. A new operation is one folder and one line here. */
export const operations: Record<string, Record<string, Operation>> = {
	message: {
		sendTemplate: forModels(onSupportedN8n(sendTemplate)),
		sendText: forModels(onSupportedN8n(sendText)),
		sendMedia: forModels(onSupportedN8n(sendMedia)),
		sendButtons: forModels(onSupportedN8n(sendButtons)),
	},
	template: { getMany: forModels(onSupportedN8n(getManyTemplates)) },
	contact: {
		create: forModels(onSupportedN8n(createContact)),
		upsert: forModels(onSupportedN8n(upsertContact)),
		update: forModels(onSupportedN8n(updateContact)),
		get: forModels(onSupportedN8n(getContact)),
		getMany: forModels(onSupportedN8n(getManyContacts)),
		delete: forModels(onSupportedN8n(deleteContact)),
		addToGroup: forModels(onSupportedN8n(addToGroup)),
		removeFromGroup: forModels(onSupportedN8n(removeFromGroup)),
	},
	group: { getMany: forModels(onSupportedN8n(getManyListEntries)) },
	status: { getMany: forModels(onSupportedN8n(getManyListEntries)) },
	source: { getMany: forModels(onSupportedN8n(getManyListEntries)) },
};

/**
 * The node's execute(): the same operation code that n8n's workflow path reaches through
 * customOperations, for the callers that use only execute (AI tools, the MCP server, and the
 * workflow path of an n8n-core older than 1.82, which has no customOperations).
 */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const run = operations[resource]?.[operation];
	if (!run) throw new NodeOperationError(this.getNode(), `The operation "${resource} → ${operation}" is not known to this version of the node`);
	return await run.call(this);
}
