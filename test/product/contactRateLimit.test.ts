/** The contact operations under the platform's rate limit: a 429 pauses the node and only the refused request goes again (issue 19). */
import { NEW_CONTACT_LISTS, contact, crmRequests, storedWithDigits, contactProduct } from './contactHelpers';
import { answers } from '../support/wire';
import { answersV2, openWindowElsewhere } from '../support/wireV2';
import { APIS, jsonOut } from './setup';

describe.each(APIS)('Contacts under the rate limit (API %s)', (api) => {
	const product = contactProduct(api);
	afterEach(() => product().sb.configure({ rateLimit: null, ...(api === 'v2' ? { v2WindowMs: 60_000 } : {}) }));

	// API v2 says the window's length: where a request of the run opened the window, the node waits
	// for its end instead of meeting a 429; where another one did, its probe meets the 429.
	const windowCases = api === 'v1' ? [['', false]] : [[', in a window the run opened: no 429', false], [', in a window another request opened', true]];
	it.each(windowCases)("every item ends written once, none twice, though the token's budget runs out mid-run%s", async (_case, openedElsewhere) => {
		let apiToken: string | undefined;
		if (api === 'v1') product().sb.configure({ rateLimit: { max: 3, windowMs: 700 } });
		else {
			product().sb.configure({ v2WindowMs: 700 });
			apiToken = product().sb.addV2Token({ scopes: ['*'], limit: 3 });
			if (openedElsewhere) await openWindowElsewhere(product().sb.baseUrl, apiToken);
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
		if (api === 'v1' || openedElsewhere) expect(limited.length).toBeGreaterThan(0);
		else {
			expect(limited).toEqual([]);
			expect(product().sb.requests.length).toBeGreaterThan(3 * 2); // the budget of 3 ran out twice at least
		}
		// Each write the platform processed is one the node meant: two creates, three updates.
		const processed = (route: string) => crmRequests(product(), route).filter((r) => r.status !== null && r.status < 300);
		expect(processed('contacts.create')).toHaveLength(2);
		expect(processed('contacts.update')).toHaveLength(3);
		expect(storedWithDigits(product(), '4915188800001')).toHaveLength(1);
		if (api === 'v1') expect(processed('contacts.list')).toHaveLength(2);
	}, 30_000);

	// A read is asked again after a 429 like a send, and no more often than Rate-Limit Retries says.
	it.each([
		[0, 1],
		[1, 2],
		[2, 3],
	])('Rate-Limit Retries %i: a contact read the platform keeps refusing with 429 is asked %i times, then the item fails', async (retries, asked) => {
		const body = api === 'v1' ? answers.rateLimited(0) : answersV2.rateLimited(0);
		product().sb.injectFault({ kind: 'respond', api, status: 429, body, times: 5, match: { route: 'contacts.show' } });
		const result = await product().send(contact('get', { contactId: '7', options: { rateLimitRetries: retries, maxRetryWaitSeconds: 5 } }));
		expect(crmRequests(product(), 'contacts.show').map((r) => r.status)).toEqual(Array(asked).fill(429));
		expect(result.error?.message).toBe('The platform rate-limited the request');
		const tries = `${retries} ${retries === 1 ? 'retry' : 'retries'}`;
		expect(result.error?.description).toMatch(new RegExp(`^Gave up waiting: still rate limited after ${tries} \\(Options → Rate-Limit Retries allows more\\)\\. .*Nothing was written\\.`));
	});

	it('a 429 naming a wait longer than Longest Rate-Limit Wait is not waited: asked once, the item fails', async () => {
		const body = api === 'v1' ? answers.rateLimited(6) : answersV2.rateLimited(6);
		product().sb.injectFault({ kind: 'respond', api, status: 429, body, times: 5, match: { route: 'contacts.show' } });
		const result = await product().send(contact('get', { contactId: '7', options: { rateLimitRetries: 3, maxRetryWaitSeconds: 5 } }));
		expect(crmRequests(product(), 'contacts.show').map((r) => r.status)).toEqual([429]);
		expect(result.error?.message).toBe('The platform rate-limited the request');
		expect(result.error?.description).toMatch(/^Gave up waiting: the platform asked to wait 6 s, longer than the 5 s allowed \(Options → Longest Rate-Limit Wait allows longer\)\./);
	});
});

describe('Contacts under the rate limit, API v2: a read lost on the network', () => {
	const product = contactProduct('v2');
	afterEach(() => product().sb.configure({ v2WindowMs: 60_000 }));

	// No answer says nothing of the token's budget: the run stays paced, the next request goes alone.
	it('leaves the run paced: at most one 429 per window, every other contact read', async () => {
		product().sb.configure({ v2WindowMs: 700 });
		const apiToken = product().sb.addV2Token({ scopes: ['*'], limit: 3 });
		product().sb.injectFault({ kind: 'drop', api: 'v2', match: { route: 'contacts.show' } });
		const ids = product().sb.contacts.slice(0, 8).map((c) => c.id);
		const items = ids.map((id) => ({ json: { id } }));
		const result = await product().send(contact('get', { contactId: '={{ $json.id }}', options: { concurrency: 5, maxRetryWaitSeconds: 5 } }), {
			items,
			credentials: { apiToken },
			onError: 'continueRegularOutput',
		});
		const out = jsonOut(result);
		expect(out[0].error).toBe('The connection to the platform broke off before it answered');
		expect(out.slice(1).map((o) => o.id)).toEqual(ids.slice(1));
		const perWindow = new Map<number, number>();
		for (const r of product().sb.rateLimited) perWindow.set(r.windowStart, (perWindow.get(r.windowStart) ?? 0) + 1);
		expect(Math.max(0, ...perWindow.values())).toBeLessThanOrEqual(1);
	}, 30_000);
});
