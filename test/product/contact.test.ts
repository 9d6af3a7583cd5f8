/** Contact → Create or Update, Create, Update through n8n's engine against the sandbox, on both APIs (issue 19). */
import { contactBody, UPDATE_METHOD } from '../support/wireContacts';
import { NEW_CONTACT_LISTS, byId, contact, crmRequests, storedWithDigits, writes, contactProduct } from './contactHelpers';
import { APIS, jsonOut } from './setup';

describe.each(APIS)('Contact → Create or Update (API %s)', (api) => {
	const product = contactProduct(api);
	const lists = api === 'v2' ? NEW_CONTACT_LISTS : {};

	it('creates a new contact with the phone as + and digits, created: true', async () => {
		const result = await product().send(contact('upsert', { phone: '+49 151 555 1234', firstName: 'Hana', lastName: 'Ito', additionalFields: { ...lists, company: 'Acme' } }));
		expect(result.error).toBeUndefined();
		const [out] = jsonOut(result);
		expect(out).toMatchObject({ phone: '+491515551234', firstName: 'Hana', lastName: 'Ito', company: 'Acme', type: 'lead', created: true });
		const [create] = crmRequests(product(), 'contacts.create');
		const given = { firstName: 'Hana', lastName: 'Ito', phone: '+491515551234', type: 'lead', company: 'Acme', ...(api === 'v2' ? { statusId: 1, sourceId: 2 } : {}) };
		expect(create.fields).toEqual(contactBody(api, given));
		expect(storedWithDigits(product(), '491515551234')).toHaveLength(1);
		expect(out.id).toBe(storedWithDigits(product(), '491515551234')[0].id);
	});

	it('finds the one contact whatever way the phone is written; v1 reads the contact list once per run', async () => {
		const phones = ['+49 151 555 1234', '0049 1515 551234', '491515551234', '+491515551234'];
		const items = phones.map((phone, i) => ({ json: { phone, company: `C${i}` } }));
		const result = await product().send(
			contact('upsert', { phone: '={{ $json.phone }}', firstName: 'Hana', lastName: 'Ito', additionalFields: { ...lists, company: '={{ $json.company }}' } }),
			{ items },
		);
		expect(result.error).toBeUndefined();
		const out = jsonOut(result);
		expect(out.map((o) => o.created)).toEqual([true, false, false, false]);
		expect(new Set(out.map((o) => o.id)).size).toBe(1);
		const stored = storedWithDigits(product(), '491515551234');
		expect(stored).toHaveLength(1);
		expect(stored[0]).toMatchObject({ phone: '+491515551234', company: 'C3' });
		expect(crmRequests(product(), 'contacts.create')).toHaveLength(1);
		expect(crmRequests(product(), 'contacts.update')).toHaveLength(3);
		expect(crmRequests(product(), 'contacts.update').every((r) => r.method === UPDATE_METHOD[api])).toBe(true);
		if (api === 'v1') expect(crmRequests(product(), 'contacts.list')).toHaveLength(1);
	});

	it('updates a stored contact found by its digits, whatever format it was stored in', async () => {
		// Seeds 5 and 6 are stored as "4917655500005" and "004917655500006".
		const result = await product().send(contact('upsert', { phone: '+49 176 5550 0006', additionalFields: { company: 'Berg AG' } }));
		expect(result.error).toBeUndefined();
		expect(jsonOut(result)[0]).toMatchObject({ id: 6, created: false, company: 'Berg AG', phone: '+4917655500006' });
		expect(product().sb.contacts.find((c) => c.id === 6)).toMatchObject({ company: 'Berg AG', phone: '+4917655500006' });
		expect(crmRequests(product(), 'contacts.create')).toHaveLength(0);
		const [update] = crmRequests(product(), 'contacts.update');
		if (api === 'v2') expect(update.fields).toEqual(contactBody(api, { phone: '+4917655500006', company: 'Berg AG' }));
	});

	it('sends nothing for an item whose phone has no country code, and says so', async () => {
		const result = await product().send(contact('upsert', { phone: '0151 2345678', firstName: 'A', lastName: 'B' }));
		expect(result.error?.message).toMatch(/Phone "0151 2345678" has no country code/);
		expect(writes(product())).toHaveLength(0);
	});

	it('a new contact without names is refused plainly, nothing written', async () => {
		const result = await product().send(contact('upsert', { phone: '+49 151 5550 9999', additionalFields: lists }));
		expect(result.error?.message).toMatch(/a new one needs First Name and Last Name/);
		expect(writes(product())).toHaveLength(0);
	});

	it('groups are written by name on v1 and by id on v2', async () => {
		const result = await product().send(contact('upsert', { phone: '+491515550777', firstName: 'G', lastName: 'H', additionalFields: { ...lists, groups: ['2', '1'] } }));
		expect(result.error).toBeUndefined();
		const [create] = crmRequests(product(), 'contacts.create');
		expect(create.fields!.groups).toEqual(api === 'v1' ? 'Newsletter,VIP' : [2, 1]);
		expect(jsonOut(result)[0].groups).toEqual(api === 'v1' ? ['Newsletter', 'VIP'] : ['Newsletter', 'VIP']);
		void byId;
	});
});
