import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { nodeDescription } from './description/node.description';
import { sendTemplate } from './sendTemplate';

/**
 * Declarative node: the description is data, and the send runs in customOperations, because
 * n8n's RoutingNode would fire every item at once, cannot honour retry_after, and reports an
 * item's error only after later items were already sent.
 */
export class WhatsAppTemplates implements INodeType {
	description: INodeTypeDescription = nodeDescription;

	customOperations = {
		message: { sendTemplate },
	};
}
