import type { INodePropertyOptions } from 'n8n-workflow';

/** WhatsApp's message statuses that have their own event (message.<status>). */
export const MESSAGE_STATUSES = ['sent', 'delivered', 'read', 'failed'];

export const EVERYTHING = '*';
export const OTHER = 'other';

/** The events a user can pick, by the normalised name the output's `event` carries. */
const NAMED: Array<[string, string, string]> = [
	['message.sent', 'Message Sent', 'WhatsApp accepted a message'],
	['message.delivered', 'Message Delivered', "The message reached the recipient's phone"],
	['message.read', 'Message Read', 'The recipient opened the message (when they share read receipts)'],
	['message.failed', 'Message Failed', 'WhatsApp could not deliver the message; `error` says why'],
	['message.received', 'Message Received', 'A customer wrote to your number (the platform forwards WhatsApp events)'],
	['template.status_updated', 'Template Status Changed', 'A template was approved, rejected, paused, ...'],
	['contact.created', 'Contact Created', ''],
	['contact.updated', 'Contact Updated', ''],
	['contact.deleted', 'Contact Deleted', ''],
	['status.created', 'Contact Status Created', 'A status contacts can have (e.g. "New") was added'],
	['status.updated', 'Contact Status Updated', ''],
	['status.deleted', 'Contact Status Deleted', ''],
	['source.created', 'Contact Source Created', 'A lead source (e.g. "API") was added'],
	['source.updated', 'Contact Source Updated', ''],
	['source.deleted', 'Contact Source Deleted', ''],
];

export const KNOWN_EVENTS: ReadonlySet<string> = new Set(NAMED.map(([value]) => value));

export const eventOptions: INodePropertyOptions[] = [
	{ name: 'Everything', value: EVERYTHING, description: 'Every event the platform sends, including ones not listed here' },
	...NAMED.map(([value, name, description]) => ({ name, value, description: description || `The platform's ${value} event` })),
	{
		name: 'Other Events',
		value: OTHER,
		description: 'Any event not listed: template quality, account and phone number updates, unknown bodies',
	},
].sort((a, b) => a.name.localeCompare(b.name));

/** Whether the node's selection takes this event. */
export function isSelected(selected: string[], event: string): boolean {
	if (selected.includes(EVERYTHING) || selected.includes(event)) return true;
	return selected.includes(OTHER) && !KNOWN_EVENTS.has(event);
}
