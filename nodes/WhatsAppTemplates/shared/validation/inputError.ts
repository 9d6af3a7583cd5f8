import { NodeOperationError, type INode } from 'n8n-workflow';

import { HostError } from '../endpoint';
import { FieldError } from './fieldError';

/** An error found before sending, naming the field, the item and the fix. */
export function inputError(node: INode, itemIndex: number, error: unknown, effect: 'sent' | 'written' = 'sent'): NodeOperationError {
	if (error instanceof FieldError || error instanceof HostError) {
		const fix = error instanceof FieldError ? error.fix : 'Open the "WhatsApp Templates API" credential and correct it';
		// The message names its field, so that the user knows where to look.
		const message = error.message.includes(error.field) ? error.message : `${error.field}: ${error.message}`;
		return new NodeOperationError(node, `${message} [item ${itemIndex}]`, {
			itemIndex,
			description: `${fix.replace(/\.$/, '')}. Nothing was ${effect} for this item.`,
		});
	}
	return new NodeOperationError(node, error as Error, { itemIndex });
}
