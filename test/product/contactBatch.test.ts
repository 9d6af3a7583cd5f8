/** Create or Update of many items on API v2: new contacts in batches (POST contacts/batch), results per item (issue 19, item 4). */
import { contactBody } from '../support/wireContacts';
import { NEW_CONTACT_LISTS, contact, crmRequests, resetCrm, storedWithDigits, withFullToken } from './contactHelpers';
import { jsonOut, startProduct, type Product } from './setup';

const phoneOf = (i: number) => `+49151777000${String(i).padStart(2, '0')}`;

describe('Contact → Create or Update in batches (API v2)', () => {
	let product: Product;
	beforeAll(async () => {
		product = withFullToken(await startProduct('filesystem', { api: 'v2' }));
	});
	afterAll(async () => await product.close());
	beforeEach(() => resetCrm(product));
	const upsert = (extra = {}) =>
		contact('upsert', { phone: '={{ $json.phone }}', firstName: 'B', lastName: '={{ $json.last }}', additionalFields: { ...NEW_CONTACT_LISTS, status: { __rl: true, mode: 'id', value: '={{ $json.status ?? 1 }}' } }, ...extra });

	it('new contacts go in one batch, existing ones are updated; outputs paired, created true|false', async () => {
		const json = [0, 1, 2, 3, 4].map((i) => ({ phone: phoneOf(i), last: `L${i}` }));
		json.splice(2, 0, { phone: '+4915112345678', last: 'Silva' });
		const result = await product.send(upsert(), { items: json.map((j) => ({ json: j })) });
		expect(result.error).toBeUndefined();
		const out = jsonOut(result);
		expect(out.map((o) => o.created)).toEqual([true, true, false, true, true, true]);
		expect(result.outputs![0].map((item) => item.pairedItem)).toEqual(json.map((_, i) => ({ item: i })));
		const [batch] = crmRequests(product, 'contacts.batch');
		expect(crmRequests(product, 'contacts.batch')).toHaveLength(1);
		expect(crmRequests(product, 'contacts.create')).toHaveLength(0);
		expect(batch.fields).toEqual({
			contacts: [0, 1, 2, 3, 4].map((i) => contactBody('v2', { firstName: 'B', lastName: `L${i}`, phone: phoneOf(i), type: 'lead', statusId: 1, sourceId: 2 })),
			options: { continue_on_error: false, skip_duplicates: false },
		});
		for (const [k, o] of out.entries()) expect(storedWithDigits(product, String(json[k].phone).slice(1))[0].id).toBe(o.id);
		expect(crmRequests(product, 'contacts.update')).toHaveLength(1);
	});

	it('two items with the same new phone end as one contact: the batch creates it, the second updates it', async () => {
		const items = [{ json: { phone: phoneOf(1), last: 'First' } }, { json: { phone: phoneOf(2), last: 'Other' } }, { json: { phone: phoneOf(1).replace('+', '00'), last: 'Second' } }];
		const out = jsonOut(await product.send(upsert(), { items }));
		expect(out.map((o) => o.created)).toEqual([true, true, false]);
		expect(out[0].id).toBe(out[2].id);
		expect(storedWithDigits(product, phoneOf(1).slice(1))).toEqual([expect.objectContaining({ lastname: 'Second' })]);
	});

	it('continue-on-fail: a refused item fails alone, in the node\'s words; the others are created', async () => {
		const items = [0, 1, 2].map((i) => ({ json: { phone: phoneOf(i), last: `L${i}`, status: i === 1 ? 99 : 1 } }));
		const result = await product.send(upsert(), { items, onError: 'continueRegularOutput' });
		const out = jsonOut(result);
		expect(out[0]).toMatchObject({ created: true });
		expect(out[1]).toMatchObject({ error: 'The status given does not exist in this workspace', details: { delivery: 'not sent', itemIndex: 1 } });
		expect(out[2]).toMatchObject({ created: true });
		expect(crmRequests(product, 'contacts.batch')[0].fields!.options).toEqual({ continue_on_error: true, skip_duplicates: false });
	});

	it('continue-on-fail off: the platform stops at the refused item; the report names what was written', async () => {
		const items = [0, 1, 2].map((i) => ({ json: { phone: phoneOf(i), last: `L${i}`, status: i === 1 ? 99 : 1 } }));
		const result = await product.send(upsert(), { items });
		expect(result.error?.message).toBe('The status given does not exist in this workspace');
		const first = storedWithDigits(product, phoneOf(0).slice(1))[0];
		expect(result.error?.description).toContain(`Done: 1 item(s): 0 (${String(first.id)}).`);
		expect(result.error?.description).toContain('Not written: items 1-2.');
		expect(storedWithDigits(product, phoneOf(2).slice(1))).toHaveLength(0);
	});

	it('a batch request that fails: every item in it may or may not have been written, none is sent again', async () => {
		product.sb.injectFault({ kind: 'internalError500', api: 'v2', match: { route: 'contacts.batch' } });
		const items = [0, 1].map((i) => ({ json: { phone: phoneOf(i), last: `L${i}` } }));
		const out = jsonOut(await product.send(upsert(), { items, onError: 'continueRegularOutput' }));
		expect(out.map((o) => (o.details as { delivery: string }).delivery)).toEqual(['unknown', 'unknown']);
		expect(crmRequests(product, 'contacts.batch')).toHaveLength(1);
		expect(crmRequests(product, 'contacts.create')).toHaveLength(0);
	});
});
