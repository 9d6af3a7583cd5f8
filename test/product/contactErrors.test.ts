/**
 * Contact errors in the node's words on both APIs (issue 19, item 7), and the engine's promises
 * under faults: continue-on-fail exact and paired, the stop report naming what was written.
 */
import type { Fault } from '../sandbox';
import { NEW_CONTACT_LISTS, byId, contact, crmRequests, writes, contactProduct } from './contactHelpers';
import { APIS, jsonOut } from './setup';

describe.each(APIS)('Contact errors (API %s)', (api) => {
	const product = contactProduct(api);
	const lists = api === 'v2' ? NEW_CONTACT_LISTS : {};
	const newContact = (phone: string, fields = {}) => contact('upsert', { phone, firstName: 'N', lastName: 'M', additionalFields: { ...lists, ...fields } });
	// An item with an e-mail is created on its own on v2 too (only a single create checks the address): the fault meets one item.
	const oneByOne = (phone: string) => newContact(phone, { email: '={{ $json.phone.slice(1) }}@example.com' });
	const serverFault = (phone: string): Fault => ({ kind: api === 'v1' ? 'system500' : 'internalError500', ...(api === 'v2' ? { api: 'v2' as const } : {}), match: { route: 'contacts.create', phone } });

	it.each([
		['an unknown status', { status: byId(99) }, /^The status given does not exist in this workspace$/],
		['an unknown source', { source: byId(99) }, /^The source given does not exist in this workspace$/],
		['an unknown group', { groups: ['99'] }, /does not exist in this workspace/],
		['a taken e-mail', { email: 'ana@example.com' }, /^The e-mail address already belongs to another contact$/],
	])('%s is said plainly and nothing is written', async (_name, fields, message) => {
		const result = await product().send(newContact('+4915155507001', fields));
		expect(result.error?.message).toMatch(message);
		expect(product().sb.contacts.some((c) => c.phone === '+4915155507001')).toBe(false);
	});

	it('a token without the contact permission: the ability or scope is named', async () => {
		const apiToken = api === 'v1' ? product().sb.tokens.contactsReadOnly : product().sb.addV2Token({ scopes: ['contacts:read'] });
		const result = await product().send(newContact('+4915155507002'), { credentials: { apiToken } });
		expect(result.error?.message).toBe(api === 'v1' ? 'The API token lacks the ability contacts.create' : 'The API token lacks the scope contacts:write');
		expect(writes(product()).filter((r) => r.status !== null && r.status < 400)).toHaveLength(0);
		// Only a 429 the run gave up on says why it stopped waiting.
		expect(result.error?.description).not.toContain('Gave up');
	});

	if (api === 'v2') {
		it('a contact in use (409 RESOURCE_CONFLICT) is said plainly; nothing deleted', async () => {
			const conflict = { success: false, error: { code: 'RESOURCE_CONFLICT', message: 'Resource is in use.' }, meta: { request_id: 'req-409' } };
			product().sb.injectFault({ kind: 'respond', api: 'v2', status: 409, body: conflict, match: { route: 'contacts.delete' } });
			const result = await product().send(contact('delete', { contactId: '3' }));
			expect(result.error?.message).toBe('The contact is in use, and the platform will not change or delete it now');
			expect(result.error?.description).toMatch(/Request ID for the platform's support: req-409/);
			expect(product().sb.contacts.some((c) => c.id === 3)).toBe(true);
		});

		it('a full contact quota is said with its counts', async () => {
			product().sb.configure({ contactQuota: product().sb.contacts.length });
			const result = await product().send(newContact('+4915155507003'));
			expect(result.error?.message).toBe(`The workspace's contact quota is full (${product().sb.contacts.length} of ${product().sb.contacts.length})`);
		});
	}

	it('continue-on-fail: one output per item, paired, the failed one with whether it may have been written', async () => {
		product().sb.injectFault(serverFault('+4915155507011'));
		const items = [0, 1, 2].map((i) => ({ json: { phone: `+49151555070${10 + i}` } }));
		const result = await product().send(oneByOne('={{ $json.phone }}'), { items, onError: 'continueRegularOutput' });
		const out = jsonOut(result);
		expect(out).toHaveLength(3);
		expect(result.outputs![0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[0]).toMatchObject({ created: true, phone: '+4915155507010' });
		expect(out[1]).toMatchObject({ details: { delivery: 'unknown', itemIndex: 1 } });
		expect(String(out[1].error)).toMatch(/failed while handling the request/);
		expect(out[2]).toMatchObject({ created: true, phone: '+4915155507012' });
	});

	it('continue-on-fail off: the run stops with a report of what was written and what was not', async () => {
		product().sb.injectFault(serverFault('+4915155507021'));
		const items = [0, 1, 2].map((i) => ({ json: { phone: `+49151555070${20 + i}` } }));
		const result = await product().send({ ...oneByOne('={{ $json.phone }}'), options: { concurrency: 1 } }, { items });
		const written = product().sb.contacts.find((c) => c.phone === '+4915155507020')!;
		expect(result.error?.description).toContain(`Stopped after item 1 failed; no further items were written. Done: 1 item(s): 0 (${written.id}).`);
		expect(result.error?.description).toContain('Maybe written (check before running again): items 1.');
		expect(result.error?.description).toContain('Not written: items 2.');
		expect(product().sb.contacts.some((c) => c.phone === '+4915155507022')).toBe(false);
		expect(crmRequests(product(), 'contacts.create')).toHaveLength(2);
	});

	it('a network failure on a lookup writes nothing and says so', async () => {
		product().sb.injectFault({ kind: 'drop', ...(api === 'v2' ? { api: 'v2' as const } : {}), match: { route: 'contacts.list' } });
		const result = await product().send(newContact('+4915155507031'));
		expect(result.error?.message).toMatch(/connection to the platform broke off/);
		expect(result.error?.description).toMatch(/Nothing was written: it was a read/);
		expect(writes(product())).toHaveLength(0);
	});
});
