/**
 * The engine's options as n8n's panel shows them (shared/batch/options.ts): in every sending
 * operation's Options and in the contact operations', with the names readRunOptions reads, the
 * defaults and bounds docs/engine.md promises, and descriptions that say the rule (a 429 was not
 * processed and goes again; any other failure never does).
 */
import type { INodeProperties } from 'n8n-workflow';

import { WhatsAppTemplates } from '../../nodes/WhatsAppTemplates/WhatsAppTemplates.node';

const { properties } = new WhatsAppTemplates().description;

/** The Options collection shown for `resource` and `operation`. */
function optionsOf(resource: string, operation: string): INodeProperties {
	const shown = properties.filter((p) => {
		const show = p.displayOptions?.show ?? {};
		return p.name === 'options' && (show.resource ?? [resource]).includes(resource) && (show.operation ?? [operation]).includes(operation);
	});
	expect(shown).toHaveLength(1);
	return shown[0];
}

const option = (collection: INodeProperties, name: string) => (collection.options as INodeProperties[]).find((o) => o.name === name)!;

const SENDS = ['sendTemplate', 'sendText', 'sendMedia', 'sendButtons'];

describe.each(SENDS)('Message → %s: Options', (operation) => {
	const collection = optionsOf('message', operation);

	it("is n8n's usual collection, its entries sorted by name", () => {
		expect(collection).toMatchObject({ displayName: 'Options', type: 'collection', placeholder: 'Add Option', default: {} });
		const names = (collection.options as INodeProperties[]).map((o) => o.displayName);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(names).toEqual(expect.arrayContaining(['Dry Run', 'Longest Rate-Limit Wait (Seconds)', 'Messages In Flight', 'Rate-Limit Retries']));
	});

	it('the engine options: defaults, bounds and the rule each one says', () => {
		expect(option(collection, 'dryRun')).toMatchObject({ displayName: 'Dry Run', type: 'boolean', default: false });
		expect(option(collection, 'dryRun').description).toMatch(/^Whether to validate each item and output the exact request \(token hidden\) instead of sending it$/);
		expect(option(collection, 'concurrency')).toMatchObject({ displayName: 'Messages In Flight', type: 'number', default: 5, typeOptions: { minValue: 1, maxValue: 50 } });
		expect(option(collection, 'concurrency').description).toBe('How many messages are sent at the same time. Outputs keep the input order either way.');
		expect(option(collection, 'rateLimitRetries')).toMatchObject({ displayName: 'Rate-Limit Retries', type: 'number', default: 5, typeOptions: { minValue: 0 } });
		expect(option(collection, 'rateLimitRetries').description).toBe(
			'How often one message is sent again after a rate limit (HTTP 429), which the platform did not process. Other failures are never retried: the message may have gone out.',
		);
		expect(option(collection, 'maxRetryWaitSeconds')).toMatchObject({ displayName: 'Longest Rate-Limit Wait (Seconds)', type: 'number', default: 120, typeOptions: { minValue: 0 } });
		expect(option(collection, 'maxRetryWaitSeconds').description).toBe(
			'When the platform asks to wait longer than this after a rate limit (HTTP 429), the item fails instead of waiting',
		);
	});
});

describe('Contact: Options', () => {
	const collection = optionsOf('contact', 'upsert');

	it('the engine options in the words of records: requests in flight, and what a retry could write twice', () => {
		const names = (collection.options as INodeProperties[]).map((o) => o.displayName);
		expect(names).toEqual(['Longest Rate-Limit Wait (Seconds)', 'Rate-Limit Retries', 'Requests In Flight']);
		expect(option(collection, 'concurrency')).toMatchObject({ displayName: 'Requests In Flight', default: 5 });
		expect(option(collection, 'concurrency').description).toBe('How many items are sent at the same time. Outputs keep the input order either way.');
		expect(option(collection, 'rateLimitRetries').description).toBe(
			'How often one request is sent again after a rate limit (HTTP 429), which the platform did not process. Other failures are never retried: it may have been written.',
		);
	});
});
