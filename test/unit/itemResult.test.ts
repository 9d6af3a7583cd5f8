/**
 * What a failed item carries for n8n's routing. n8n 1.x (n8n-core 1.122's handleNodeErrorOutput)
 * puts an item on the error output when `item.error` is set or its json is just {error} or
 * {error, message}: a `{ error, details }` json alone stays on the success branch there. Every line
 * then rewrites the json of an item that still carries `error` to `{ error: message }`; n8n's copy
 * of a paired error item (`{ ...item, json }`) must therefore not take it along.
 */
import { NodeOperationError, type INode } from 'n8n-workflow';

import { toOutputItem } from '../../nodes/WhatsAppTemplates/shared/batch/itemResult';

const node: INode = { id: 'n', name: 'WhatsApp Templates', type: 'test.whatsAppTemplates', typeVersion: 1, position: [0, 0], parameters: {} };
const error = new NodeOperationError(node, 'Recipient Phone "x" is not a phone number [item 3]', { description: 'Use digits. Nothing was sent.', itemIndex: 3 });
const json = { error: error.message, details: { delivery: 'not sent', itemIndex: 3, description: 'Use digits. Nothing was sent.' } };

it('for the error output: json as users map it, item.error for the routing, not copied by a spread', () => {
	const item = toOutputItem(3, { ok: false, error, delivery: 'not sent' }, true);
	expect(item.json).toEqual(json);
	expect(item.pairedItem).toEqual({ item: 3 });
	expect(item.error).toBe(error);
	expect(Object.keys(item).sort()).toEqual(['json', 'pairedItem']);
	expect({ ...item }.error).toBeUndefined();
	expect(JSON.parse(JSON.stringify(item))).toEqual({ json, pairedItem: { item: 3 } });
});

it('for the regular output (plain continue-on-fail): no item.error, which would make n8n flatten the json', () => {
	const item = toOutputItem(3, { ok: false, error, delivery: 'not sent' });
	expect(item).toEqual({ json, pairedItem: { item: 3 } });
	expect('error' in item).toBe(false);
});

it('a sent item is its output json, paired', () => {
	expect(toOutputItem(0, { ok: true, body: { messageId: 'wamid.X' } }, true)).toEqual({ json: { messageId: 'wamid.X' }, pairedItem: { item: 0 } });
});

it('a failed item without a description or an HTTP code has neither key in its details', () => {
	const bare = new NodeOperationError(node, 'Something went wrong [item 1]', { itemIndex: 1 });
	expect(toOutputItem(1, { ok: false, error: bare, delivery: 'unknown' }).json).toStrictEqual({ error: bare.message, details: { delivery: 'unknown', itemIndex: 1 } });
});
