/** Bodies and signatures for the trigger's tests, from the sandbox (the contract's witness), never from the node. */
import type { IDataObject } from 'n8n-workflow';

import type { Answer, Receiver } from './receiver';

// The sandbox's builders are plain CommonJS.
const webhooks = require('../sandbox/webhooks') as {
	phpJson: (value: unknown) => string;
	sign: (body: string | Buffer, secret: string) => string;
	messageEvent: (format: 2 | 3, status: string, message: { wamid: string; digits: string; text?: string }, at?: Date) => { event: string; body: IDataObject };
	receivedEvent: (format: 2 | 3, inbound: { wamid?: string; from: string; name: string; text: string }, at?: Date) => { event: string; body: IDataObject };
	recordEvent: (format: 1 | 2 | 3, change: IDataObject, at?: Date) => { event: string; body: IDataObject };
	FAILED_ERROR: IDataObject;
};

export const { phpJson, sign, messageEvent, receivedEvent, recordEvent, FAILED_ERROR } = webhooks;

export const SECRET = 'operator-secret-2026';
export const WAMID = 'wamid.HBgNNDkxNTEyMzQ1Njc4ORUCABEYEjQ1QkVGRDc1QTU3MkY3MzAwQQA=';
export const DIGITS = '4915123456789';
export const AT = new Date('2026-05-28T14:50:56.000Z');

/** Post a body as the platform does: PHP json_encode bytes, signed with `secret`. */
export async function postSigned(receiver: Receiver, body: IDataObject | string, secret = SECRET, headers: Record<string, string> = {}): Promise<Answer> {
	const bytes = typeof body === 'string' ? body : phpJson(body);
	return await receiver.post(bytes, { 'x-webhook-signature': sign(bytes, secret), 'user-agent': 'whatsmark-Webhook/1.0', ...headers });
}

/** The JSON of every item of every execution, in order. */
export function emitted(receiver: Receiver): IDataObject[] {
	return receiver.executions.flat().map((item) => item.json);
}
