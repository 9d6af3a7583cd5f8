/** The contact operations under the platform's rate limit: a 429 pauses the node and only the refused request goes again (issue 19). */
import { NEW_CONTACT_LISTS, contact, crmRequests, storedWithDigits, contactProduct } from './contactHelpers';
import { APIS, jsonOut } from './setup';

describe.each(APIS)('Contacts under the rate limit (API %s)', (api) => {
	const product = contactProduct(api);
	afterEach(() => product().sb.configure({ rateLimit: null, ...(api === 'v2' ? { v2WindowMs: 60_000 } : {}) }));

	it('every item ends written once, none twice, though the token\'s budget runs out mid-run', async () => {
		let apiToken: string | undefined;
		if (api === 'v1') product().sb.configure({ rateLimit: { max: 3, windowMs: 700 } });
		else {
			product().sb.configure({ v2WindowMs: 700 });
			apiToken = product().sb.addV2Token({ scopes: ['*'], limit: 3 });
		}
		product().sb.seedContacts(120);
		const phones = ['+491610000005', '+491610000077', '+4915188800001', '+4915188800002', '+4915188800001'];
		const items = phones.map((phone, i) => ({ json: { phone, email: `r${i}@example.com` } }));
		const result = await product().send(
			contact('upsert', { phone: '={{ $json.phone }}', firstName: 'R', lastName: 'L', additionalFields: { ...(api === 'v2' ? NEW_CONTACT_LISTS : {}), email: '={{ $json.email }}' } }),
			{ items, ...(apiToken ? { credentials: { apiToken } } : {}) },
		);
		expect(result.error).toBeUndefined();
		expect(jsonOut(result).map((o) => o.created)).toEqual([false, false, true, true, false]);
		const limited = product().sb.requests.filter((r) => r.status === 429);
		expect(limited.length).toBeGreaterThan(0);
		// Each write the platform processed is one the node meant: two creates, three updates.
		const processed = (route: string) => crmRequests(product(), route).filter((r) => r.status !== null && r.status < 300);
		expect(processed('contacts.create')).toHaveLength(2);
		expect(processed('contacts.update')).toHaveLength(3);
		expect(storedWithDigits(product(), '4915188800001')).toHaveLength(1);
		if (api === 'v1') expect(processed('contacts.list')).toHaveLength(2);
	}, 30_000);
});
