/** v2's contacts over real HTTP (CONTRACT-v2.md, "Contacts (CRM sync)"): the envelope, search and filters, validation, uniqueness, quota, scopes, the rate limit. */
import { V2_ROUTES } from '.';
import { useSandbox } from './helpers';
import { META, V2_PLAIN, envelopeError, rateHeaders, v2Send } from './v2helpers';
import { V1_CONTACT, V2_CONTACT, v1, v2 } from './crmhelpers';

const ref = useSandbox();
const failed = (details: unknown) => envelopeError('VALIDATION_ERROR', 'Validation failed', details);
const ids = (r: { data: { data: { id: number }[] } }) => r.data.data.map((c) => c.id);

test('the route table: batch routes before contacts/{id}; scopes per route', () => {
	const crm = V2_ROUTES.filter((r) => /^(contacts|groups|statuses|sources)\./.test(r.name));
	expect(crm.filter((r) => r.name.startsWith('contacts.')).map((r) => [r.name, r.method, r.path, r.scope])).toEqual([
		['contacts.list', 'GET', 'contacts', 'contacts:read'],
		['contacts.create', 'POST', 'contacts', 'contacts:write'],
		['contacts.batch', 'POST', 'contacts/batch', 'contacts:write'],
		['contacts.batchDelete', 'DELETE', 'contacts/batch', 'contacts:delete'],
		['contacts.show', 'GET', 'contacts/{id}', 'contacts:read'],
		['contacts.update', 'PATCH', 'contacts/{id}', 'contacts:write'],
		['contacts.delete', 'DELETE', 'contacts/{id}', 'contacts:delete'],
	]);
	expect(crm.find((r) => r.name === 'groups.addContacts')).toMatchObject({ method: 'POST', path: 'groups/{id}/contacts', scope: 'groups:write' });
});

describe('GET contacts', () => {
	test('paged in the envelope: meta.pagination and links; per_page capped at 100; newest first', async () => {
		const { sb } = ref;
		sb.seedContacts(120);
		const r = await v2(sb, 'GET', 'contacts?per_page=500&page=2');
		expect(r.data.meta).toEqual({ pagination: { total: 127, count: 27, per_page: 100, current_page: 2, total_pages: 2, has_more: false }, ...META });
		expect(r.data.links.prev).toMatch(/\/api\/v2\/contacts\?page=1$/);
		expect(ids(await v2(sb, 'GET', 'contacts?per_page=2'))).toEqual([219, 218]);
	});

	test('search (or q) over names, e-mail, phone, company as LIKE: the phone as STORED, so `+49...` does not find `49...`', async () => {
		const { sb } = ref;
		expect(ids(await v2(sb, 'GET', 'contacts?search=4917655500005'))).toEqual([5]);
		expect(ids(await v2(sb, 'GET', `contacts?search=${encodeURIComponent('+4917655500005')}`))).toEqual([]);
		expect(ids(await v2(sb, 'GET', 'contacts?q=example.in'))).toEqual([3]);
		// Ben Jones and Finn Berg have no 'a' anywhere.
		expect(ids(await v2(sb, 'GET', 'contacts?search=a&sort=firstname&per_page=3'))).toEqual([1, 3, 4]);
	});

	test('filters: type, status_id, source_id, group_id (contains), with operators; include groups, source, status', async () => {
		const { sb } = ref;
		await v2(sb, 'PATCH', 'contacts/2', { type: 'customer', status_id: 2 });
		expect(ids(await v2(sb, 'GET', 'contacts?filter[type]=customer'))).toEqual([2]);
		expect(ids(await v2(sb, 'GET', 'contacts?filter[status_id]=2'))).toEqual([2]);
		expect(ids(await v2(sb, 'GET', 'contacts?filter[group_id]=1'))).toEqual([7, 5]);
		expect(ids(await v2(sb, 'GET', 'contacts?filter[group_id]=2&filter[source_id]=1'))).toEqual([7]);
		expect(ids(await v2(sb, 'GET', 'contacts?filter[status_id][ne]=1'))).toEqual([2]);
		const r = await v2(sb, 'GET', 'contacts?filter[group_id]=2&include=groups,source,status');
		expect(r.data.data[0]).toMatchObject({ groups: [{ id: 1, name: 'VIP' }, { id: 2, name: 'Newsletter' }], source: { id: 1, name: 'Website' }, status: { id: 1, name: 'New', isdefault: true } });
	});

	test('an unknown filter, sort or include: 422 (the sandbox strictness)', async () => {
		const { sb } = ref;
		const r = await v2(sb, 'GET', 'contacts?filter[phone]=1&sort=phone');
		expect([r.status, Object.keys(r.data.error.details)]).toEqual([422, ['filter.phone', 'sort']]);
		expect((await v2(sb, 'GET', 'contacts?include=notes')).status).toBe(422);
	});
});

describe('GET, PATCH, DELETE contacts/{id}', () => {
	test('the resource; 404 NOT_FOUND; a non-numeric id crashes (500 outside the envelope)', async () => {
		const { sb } = ref;
		const r = await v2(sb, 'GET', 'contacts/6');
		expect(r.data).toEqual({ success: true, data: expect.objectContaining({ id: 6, phone: '004917655500006', email: null, is_opted_out: false, group_id: [], created_at: '2026-11-02T08:06:00+00:00' }), meta: META });
		expect((await v2(sb, 'GET', 'contacts/999')).data).toEqual(envelopeError('NOT_FOUND', 'Contact not found.'));
		expect([(await v2(sb, 'GET', 'contacts/abc')).status, (await v2(sb, 'GET', 'contacts/abc')).data]).toEqual([500, { message: 'Server Error' }]);
	});

	test('PATCH changes only what it names; uniqueness ignores the contact itself; delete answers without data', async () => {
		const { sb } = ref;
		const p = await v2(sb, 'PATCH', 'contacts/1', { company: 'Silva Lda', phone: '+4915112345678' });
		expect([p.status, p.data.message, p.data.data]).toEqual([200, 'Contact updated successfully', expect.objectContaining({ company: 'Silva Lda', firstname: 'Ana', groups: [] })]);
		expect((await v2(sb, 'PATCH', 'contacts/1', { phone: '+447700900123', email: 'chitra@example.in' })).data).toEqual(
			failed({ phone: ['The phone has already been taken.'], email: ['The email has already been taken.'] }),
		);
		expect((await v2(sb, 'PATCH', 'contacts/1', { firstname: null })).data.error.details).toEqual({ firstname: ['The firstname field is required.'] });
		const d = await v2(sb, 'DELETE', 'contacts/1');
		expect([d.status, d.data]).toEqual([200, { success: true, message: 'Contact deleted successfully', meta: META }]);
	});
});

describe('POST contacts', () => {
	test('201 with the resource and its groups; stored exactly as sent; the same store as v1', async () => {
		const { sb } = ref;
		const r = await v2(sb, 'POST', 'contacts', { ...V2_CONTACT, phone: '+49 155 5000 1111', groups: [2], zip: '10115' });
		expect([r.status, r.data.message]).toEqual([201, 'Contact created successfully']);
		expect(r.data.data).toMatchObject({ id: 100, phone: '+49 155 5000 1111', zip: '10115', group_id: [2], groups: [{ id: 2, name: 'Newsletter' }] });
		expect((await v1(sb, 'GET', 'contacts/100')).data.data).toMatchObject({ phone: '+49 155 5000 1111', group_id: [2] });
		const fromV1 = await v1(sb, 'POST', 'contacts', V1_CONTACT);
		expect((await v2(sb, 'GET', `contacts/${fromV1.data.data.id}`)).data.data.phone).toBe('+4915550001111');
	});

	test('every rule, in the envelope: required fields, types, lengths, status/source/groups that exist, unknown fields', async () => {
		const { sb } = ref;
		const r = await v2(sb, 'POST', 'contacts', { phone: '1'.repeat(21), type: 'vip', status_id: 99, source_id: 1, email: 'x', zip: '1'.repeat(21), groups: [1, 9], first_name: 'A' });
		expect([r.status, r.data]).toEqual([
			422,
			failed({
				first_name: ['The first name field is prohibited.'],
				firstname: ['The firstname field is required.'],
				lastname: ['The lastname field is required.'],
				type: ['The selected type is invalid.'],
				phone: ['The phone field must not be greater than 20 characters.'],
				email: ['The email field must be a valid email address.'],
				zip: ['The zip field must not be greater than 20 characters.'],
				status_id: ['The selected status id is invalid.'],
				'groups.1': ['The selected groups.1 is invalid.'],
			}),
		]);
		sb.configure({ v2UnknownFields: 'ignore' });
		expect((await v2(sb, 'POST', 'contacts', { ...V2_CONTACT, first_name: 'A' })).status).toBe(201);
	});

	test('the phone is unique as an exact string (`4915...` beside `+4915...` is allowed); e-mail unique', async () => {
		const { sb } = ref;
		expect((await v2(sb, 'POST', 'contacts', { ...V2_CONTACT, phone: '+4917655500005' })).status).toBe(201);
		expect((await v2(sb, 'POST', 'contacts', { ...V2_CONTACT, phone: '4917655500005', email: 'EMMA@example.de' })).data).toEqual(
			failed({ phone: ['The phone has already been taken.'], email: ['The email has already been taken.'] }),
		);
	});

	test('quota full: 403 FEATURE_LIMIT_EXCEEDED after validation, also for a send that would create a contact; nothing stored', async () => {
		const { sb } = ref;
		sb.configure({ contactQuota: 7 });
		expect((await v2(sb, 'POST', 'contacts', { phone: '1' })).status).toBe(422);
		const r = await v2(sb, 'POST', 'contacts', V2_CONTACT);
		expect([r.status, r.data]).toEqual([403, envelopeError('FEATURE_LIMIT_EXCEEDED', 'Feature limit exceeded for contacts. Please upgrade your plan.', { feature: 'contacts', current: 7, maximum: 7 })]);
		expect(sb.contacts).toHaveLength(7);
		// A v2 send to a new phone meets the same quota; to a known one it goes out.
		expect((await v2Send(sb, { ...V2_PLAIN, phone: '4915550007777' })).data.error.code).toBe('FEATURE_LIMIT_EXCEEDED');
		expect((await v2Send(sb, { ...V2_PLAIN, phone: '4915112345678' })).status).toBe(200);
		// v1 does not enforce it (no tenant in its API context).
		expect((await v1(sb, 'POST', 'contacts', V1_CONTACT)).status).toBe(201);
	});
});

describe('scopes and the rate limit', () => {
	test('the missing scope named: contacts:read, contacts:write, contacts:delete, groups:write', async () => {
		const { sb } = ref;
		const reader = sb.addV2Token({ scopes: ['contacts:read'] });
		const scopeOf = async (method: 'GET' | 'POST' | 'DELETE' | 'PATCH', path: string, token: string) => (await v2(sb, method, path, {}, { token })).data.error?.message.split('scope: ')[1];
		expect(await scopeOf('GET', 'contacts', sb.v2Tokens.send)).toBe('contacts:read');
		expect(await scopeOf('POST', 'contacts', reader)).toBe('contacts:write');
		expect(await scopeOf('POST', 'contacts/batch', reader)).toBe('contacts:write');
		expect(await scopeOf('DELETE', 'contacts/1', reader)).toBe('contacts:delete');
		expect(await scopeOf('POST', 'groups/1/contacts', reader)).toBe('groups:write');
		expect(await scopeOf('GET', 'statuses', reader)).toBe('statuses:read');
		expect((await v2(sb, 'GET', 'contacts', undefined, { token: reader })).status).toBe(200);
	});

	test('every answer carries X-RateLimit-*; one bucket per token with the sends; a refused scope still counts', async () => {
		const { sb } = ref;
		const token = sb.addV2Token({ scopes: ['contacts:read'], limit: 3 });
		expect(rateHeaders(await v2(sb, 'GET', 'contacts', undefined, { token }))).toMatchObject({ 'x-ratelimit-limit': '3', 'x-ratelimit-remaining': '2' });
		await v2(sb, 'POST', 'contacts', V2_CONTACT, { token });
		await v2(sb, 'GET', 'groups', undefined, { token });
		const r = await v2(sb, 'GET', 'contacts', undefined, { token });
		expect([r.status, r.data.error.code, rateHeaders(r)['retry-after']]).toEqual([429, 'RATE_LIMIT_EXCEEDED', expect.stringMatching(/^\d+$/)]);
	});
});
