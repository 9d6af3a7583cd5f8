/** Contact → Create, Update, Get, Get Many, Delete, groups; Group / Status / Source → Get Many; on both APIs (issue 19). */
import { contactBody, CONTACT_PATHS, UPDATE_METHOD } from '../support/wireContacts';
import { NEW_CONTACT_LISTS, byId, contact, crmRequests, writes, contactProduct } from './contactHelpers';
import { APIS, jsonOut } from './setup';

describe.each(APIS)('Contact operations (API %s)', (api) => {
	const product = contactProduct(api);
	const lists = api === 'v2' ? NEW_CONTACT_LISTS : {};
	const paths = () => (api === 'v1' ? CONTACT_PATHS.v1(product().sb.subdomain) : CONTACT_PATHS.v2());

	it('Create writes a new contact; a second Create with the same phone fails in plain words and writes nothing', async () => {
		const parameters = contact('create', { phone: '0049 151 5550 4242', firstName: 'Ida', lastName: 'Roth', additionalFields: { ...lists, email: 'ida@example.com', type: 'customer' } });
		const first = await product().send(parameters);
		expect(first.error).toBeUndefined();
		expect(jsonOut(first)[0]).toMatchObject({ phone: '+4915155504242', firstName: 'Ida', email: 'ida@example.com', type: 'customer' });
		expect(jsonOut(first)[0].created).toBeUndefined();
		const [create] = crmRequests(product(), 'contacts.create');
		expect(create.path).toBe(paths().contacts);
		const given = { firstName: 'Ida', lastName: 'Roth', phone: '+4915155504242', email: 'ida@example.com', type: 'customer', ...(api === 'v2' ? { statusId: 1, sourceId: 2 } : {}) };
		expect(create.fields).toEqual(contactBody(api, given));
		const second = await product().send(parameters);
		expect(second.error?.message).toBe('The phone +4915155504242 already belongs to another contact');
		expect(second.error?.description).toMatch(/Use Create or Update/);
		expect(second.error?.description).toMatch(/Nothing was written\./);
		expect(product().sb.contacts.filter((c) => c.phone === '+4915155504242')).toHaveLength(1);
	});

	it('Create needs both names before anything is sent', async () => {
		const result = await product().send(contact('create', { phone: '+4915155504243', firstName: 'Ida', lastName: ' ' }));
		expect(result.error?.message).toMatch(/Last Name is empty/);
		expect(writes(product())).toHaveLength(0);
	});

	it(`Update by ID: ${api === 'v1' ? 'reads the contact and PUTs the whole record merged' : 'PATCHes only the changes'}`, async () => {
		const result = await product().send(contact('update', { contactId: '1', updateFields: { company: 'Silva Lda', status: byId(2) } }));
		expect(result.error).toBeUndefined();
		expect(jsonOut(result)[0]).toMatchObject({ id: 1, company: 'Silva Lda', statusId: 2, firstName: 'Ana' });
		const [update] = crmRequests(product(), 'contacts.update');
		expect(update.method).toBe(UPDATE_METHOD[api]);
		expect(update.path).toBe(paths().contact(1));
		const seed = product().sb.contacts.find((c) => c.id === 1)!;
		if (api === 'v2') expect(update.fields).toEqual(contactBody(api, { company: 'Silva Lda', statusId: 2 }));
		else {
			expect(crmRequests(product(), 'contacts.show')).toHaveLength(1);
			const whole = { firstName: 'Ana', lastName: 'Silva', phone: '+4915112345678', email: 'ana@example.com', type: seed.type, statusId: 2, sourceId: seed.source_id, company: 'Silva Lda' };
			expect(update.fields).toEqual(contactBody(api, whole));
		}
		expect(seed).toMatchObject({ company: 'Silva Lda', status_id: 2 });
	});

	it('Get returns the contact, simplified by default and whole when asked', async () => {
		const simple = jsonOut(await product().send(contact('get', { contactId: '7' })))[0];
		expect(simple).toEqual({ id: 7, phone: '+4917655500007', firstName: 'Greta', lastName: 'Lang', email: null, type: 'lead', status: api === 'v2' ? 'New' : 1, source: api === 'v2' ? expect.any(String) : expect.any(Number), groups: api === 'v2' ? ['VIP', 'Newsletter'] : [1, 2] });
		const whole = jsonOut(await product().send(contact('get', { contactId: '7', simplify: false })))[0];
		expect(whole).toMatchObject({ id: 7, storedPhone: '+49 176 5550 0007', groupIds: [1, 2] });
		const missing = await product().send(contact('get', { contactId: '999' }));
		expect(missing.error?.message).toBe('No contact with ID 999 exists in this workspace');
	});

	it('Get Many: Limit, Return All, search and filters', async () => {
		const limited = jsonOut(await product().send(contact('getMany', { limit: 3 })));
		expect(limited).toHaveLength(3);
		const all = jsonOut(await product().send(contact('getMany', { returnAll: true })));
		expect(all.map((c) => c.id).sort()).toEqual(product().sb.contacts.map((c) => c.id).sort());
		const inVip = jsonOut(await product().send(contact('getMany', { returnAll: true, filters: { group: byId(1) } })));
		expect(inVip.map((c) => c.id).sort()).toEqual([5, 7]);
		const searched = jsonOut(await product().send(contact('getMany', { returnAll: true, filters: { search: 'chitra' } })));
		expect(searched.map((c) => c.id)).toEqual([3]);
	});

	it('Delete answers { deleted: true } and the contact is gone', async () => {
		const result = await product().send(contact('delete', { contactId: '2' }));
		expect(jsonOut(result)).toEqual([{ deleted: true }]);
		expect(product().sb.contacts.find((c) => c.id === 2)).toBeUndefined();
		expect(crmRequests(product(), 'contacts.delete')[0].path).toBe(paths().contact(2));
	});

	it('Add to Group and Remove From Group', async () => {
		const added = await product().send(contact('addToGroup', { contactId: '1', group: byId(2) }));
		expect(added.error).toBeUndefined();
		expect(jsonOut(added)).toEqual([{ contactId: 1, groupId: 2, added: true }]);
		expect(product().sb.contacts.find((c) => c.id === 1)!.group_id).toEqual([2]);
		const removed = await product().send(contact('removeFromGroup', { contactId: '7', group: byId(1) }));
		expect(removed.error).toBeUndefined();
		expect(product().sb.contacts.find((c) => c.id === 7)!.group_id).toEqual([2]);
		expect(crmRequests(product(), ...(api === 'v2' ? ['groups.addContacts', 'groups.removeContacts'] : ['contacts.update']))).toHaveLength(2);
	});

	it.each([
		['group', ['VIP', 'Newsletter']],
		['status', ['New', 'Customer', 'Qualified', 'Lost']],
		['source', ['Website', 'API', 'Referral']],
	])('%s → Get Many lists the workspace\'s entries with ids', async (resource, names) => {
		const out = jsonOut(await product().send({ resource, operation: 'getMany', returnAll: true }));
		expect(out.map((e) => e.name).sort()).toEqual([...names].sort());
		expect(out.every((e) => typeof e.id === 'number')).toBe(true);
		expect(product().sb.crm.defaultsCleared).toBe(0);
	});
});
