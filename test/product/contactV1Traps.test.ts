/**
 * API v1's contact traps (CONTRACT.md "Contacts, groups, statuses, sources (v1)"), each met with a
 * plain error and nothing half-written, or handled: the full-replace PUT, the required last name,
 * status ids above 50, the auto-lead defaults and default assignee, the list failing on 1.3.x-1.5.x.
 */
import { contactBody } from '../support/wireContacts';
import { byId, contact, crmRequests, writes , resetCrm } from './contactHelpers';
import { jsonOut, startProduct, type Product } from './setup';

describe('Contact on API v1: the platform\'s traps', () => {
	let product: Product;
	beforeAll(async () => {
		product = await startProduct('filesystem', { api: 'v1' });
	});
	afterAll(async () => await product.close());
	beforeEach(() => resetCrm(product));
	const stored = (id: number) => product.sb.contacts.find((c) => c.id === id)!;

	it('the PUT carries the whole record, status and source included, so the auto-lead defaults reset nothing', async () => {
		product.sb.configure({ autoLead: { enabled: true, statusId: 1, sourceId: 2 } });
		const update = await product.send(contact('update', { contactId: '5', updateFields: { status: byId(2) } }));
		expect(update.error).toBeUndefined();
		const sourceBefore = stored(5).source_id;
		const result = await product.send(contact('upsert', { phone: '+49 176 5550 0005', additionalFields: { company: 'Wolf GmbH' } }));
		expect(result.error).toBeUndefined();
		const put = crmRequests(product, 'contacts.update')[1];
		const seed = stored(5);
		expect(put.fields).toEqual(
			contactBody('v1', { firstName: 'Emma', lastName: 'Wolf', phone: '+4917655500005', email: 'emma@example.de', type: seed.type, statusId: 2, sourceId: sourceBefore, company: 'Wolf GmbH' }),
		);
		expect(seed).toMatchObject({ status_id: 2, source_id: sourceBefore, company: 'Wolf GmbH', group_id: [1] });
	});

	it('a contact without a last name (as sends create them): the update is refused before anything is sent', async () => {
		const result = await product.send(contact('upsert', { phone: '+55 11 98765 4321', additionalFields: { company: 'X' } }));
		expect(result.error?.message).toBe('The contact has no last name, and API v1 refuses an update without one');
		expect(result.error?.description).toMatch(/Give Last Name/);
		expect(writes(product)).toHaveLength(0);
		const fixed = await product.send(contact('upsert', { phone: '+55 11 98765 4321', lastName: 'Souza' }));
		expect(fixed.error).toBeUndefined();
		expect(stored(4).lastname).toBe('Souza');
	});

	it('a status id above 50: refused before anything is sent, whether kept or chosen', async () => {
		const chosen = await product.send(contact('update', { contactId: '1', updateFields: { status: byId(57) } }));
		expect(chosen.error?.message).toMatch(/The status chosen has ID 57, and API v1 refuses any status ID above 50/);
		stored(2).status_id = 58;
		const kept = await product.send(contact('upsert', { phone: '+447700900123', additionalFields: { company: 'Y' } }));
		expect(kept.error?.message).toMatch(/The contact's status has ID 58/);
		expect(kept.error?.description).toMatch(/API v2/);
		expect(writes(product)).toHaveLength(0);
	});

	it('a default assignee makes every PUT fail: said plainly, nothing written', async () => {
		product.sb.configure({ autoLead: { assignedTo: 3 } });
		const result = await product.send(contact('update', { contactId: '1', updateFields: { company: 'Z' } }));
		expect(result.error?.message).toBe("API v1 refuses every contact update while the workspace's auto-lead settings name a default assignee (a platform bug)");
		expect(result.error?.description).toMatch(/Remove the default assignee/);
		expect(result.error?.description).toMatch(/Nothing was written\./);
		expect(stored(1).company).toBeNull();
	});

	it('1.3.x-1.5.x cannot list contacts: Create or Update says why and what to use, for every item, nothing written', async () => {
		product.sb.configure({ platformVersion: '1.4.0' });
		const items = [{ json: {} }, { json: {} }];
		const result = await product.send(contact('upsert', { phone: '+4915155500001', firstName: 'A', lastName: 'B' }), { items, onError: 'continueRegularOutput' });
		const out = jsonOut(result);
		expect(out).toHaveLength(2);
		for (const [i, item] of out.entries()) {
			expect(item.error).toMatch(/API v1 of WhatsMark SaaS 1\.3\.x-1\.5\.x fails on that list/);
			expect(item.details).toMatchObject({ itemIndex: i, delivery: 'not sent' });
		}
		expect(crmRequests(product, 'contacts.list')).toHaveLength(1);
		expect(writes(product)).toHaveLength(0);
	});

	it('v1 never receives isdefault, and no workspace default is cleared', async () => {
		await product.send({ resource: 'status', operation: 'getMany', returnAll: true });
		await product.send(contact('upsert', { phone: '+4915155500002', firstName: 'A', lastName: 'B', additionalFields: { status: byId(2) } }));
		expect(product.sb.requests.every((r) => !JSON.stringify(r.fields ?? {}).includes('isdefault'))).toBe(true);
		expect(product.sb.crm.defaultsCleared).toBe(0);
	});

	it('reads every page of a long contact list once, however many items', async () => {
		product.sb.seedContacts(230);
		const items = Array.from({ length: 5 }, (_, i) => ({ json: { phone: `+4916${String(10000000 + i * 40).slice(-8)}` } }));
		const result = await product.send(contact('upsert', { phone: '={{ $json.phone }}', additionalFields: { company: 'Seeded' } }), { items });
		expect(result.error).toBeUndefined();
		expect(jsonOut(result).map((o) => o.created)).toEqual([false, false, false, false, false]);
		expect(crmRequests(product, 'contacts.list').map((r) => r.query.page)).toEqual(['1', '2', '3']);
	});
});
