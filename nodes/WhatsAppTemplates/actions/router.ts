import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { sendTemplate } from './message/sendTemplate/run';

type Operation = (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

/** resource → operation → the code that runs it. A new operation is one folder and one line here. */
export const operations: Record<string, Record<string, Operation>> = {
	message: { sendTemplate },
};
