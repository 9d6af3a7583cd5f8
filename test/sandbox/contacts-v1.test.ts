/** v1's contacts over real HTTP: the list, get, create and delete, strict as the platform (CONTRACT.md, "Contacts, groups, statuses, sources (v1)"). */
import { ROUTES } from '.';
import { get, useSandbox } from './helpers';
import { V1_CONTACT, v1, v1Error } from './crmhelpers';

const ref = useSandbox();
const STRICT = (key: string) => `Add fillable property [${key}] to allow mass assignment on [App\\Models\\Tenant\\Contact].`;

test('the route table: five routes each for contacts, groups, statuses, sources, with their abilities', () => {
	const crm = ROUTES.filter((r) => /^(contacts|groups|statuses|sources)\./.test(r.name));
	expect(crm.filter((r) => r.name.startsWith('contacts.')).map((r) => [r.name, r.method, r.path, r.ability])).toEqual([
		['contacts.list', 'GET', 'contacts', 'contacts.read'],
		['contacts.show', 'GET', 'contacts/{id}', 'contacts.read'],
		['contacts.create', 'POST', 'contacts', 'contacts.create'],
		['contacts.update', 'PUT', 'contacts/{id}', 'contacts.update'],
		['contacts.delete', 'DELETE', 'contacts/{id}', 'contacts.delete'],
	]);
	expect(crm.map((r) => r.ability)).toContain('statuses.delete');
	expect(crm).toHaveLength(20);
});

describe('GET contacts', () => {
	test('a Laravel paginator, newest first, every column of the row; phones as stored; filters ignored', async () => {
		const { sb } = ref;
		const r = await v1(sb, 'GET', 'contacts?per_page=3&page=1&type=customer&status_id=2');
		expect(r.status).toBe(200);
		const page = r.data.data;
		expect([page.current_page, page.last_page, page.per_page, page.total, page.from, page.to]).toEqual([1, 3, 3, 7, 1, 3]);
		expect(page.data.map((c: { id: number; phone: string }) => [c.id, c.phone])).toEqual([[7, '+49 176 5550 0007'], [6, '004917655500006'], [5, '4917655500005']]);
		expect(Object.keys(page.data[0])).toEqual(expect.arrayContaining(['tenant_id', 'group_id', 'custom_fields_data', 'is_opted_out', 'addedfrom', 'created_at']));
		expect(page.data[0].created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
		expect(page.next_page_url).toMatch(/\/api\/v1\/acme\/contacts\?page=2$/);
		const last = await v1(sb, 'GET', 'contacts?per_page=3&page=3');
		expect(last.data.data.data.map((c: { id: number }) => c.id)).toEqual([1]);
	});

	test('no maximum per_page; a per_page that is no positive integer is refused (the sandbox strictness)', async () => {
		const { sb } = ref;
		sb.seedContacts(150);
		expect((await v1(sb, 'GET', 'contacts?per_page=500')).data.data.data).toHaveLength(157);
		expect((await v1(sb, 'GET', 'contacts?per_page=0')).status).toBe(422);
	});

	test.each(['1.3.4', '1.4.0', '1.5.0'])('platform %s: the list always fails with a 500 (a table that does not exist); a single contact is still read', async (version) => {
		const { sb } = ref;
		sb.configure({ platformVersion: version });
		const r = await v1(sb, 'GET', 'contacts');
		expect([r.status, r.data.message, r.data.error]).toEqual([500, 'failed_to_fetch_contact', expect.stringContaining('SQLSTATE[42S02]')]);
		expect((await v1(sb, 'GET', 'contacts/1')).status).toBe(200);
	});

	test('1.6.0 and 2.2.0 list; a bad version is refused by configure', async () => {
		const { sb } = ref;
		sb.configure({ platformVersion: '1.6.0' });
		expect((await v1(sb, 'GET', 'contacts')).status).toBe(200);
		expect(() => sb.configure({ platformVersion: 'latest' })).toThrow(/x\.y\.z/);
	});
});

describe('GET contacts/{id} and DELETE contacts/{id}', () => {
	test('get: {status, data: row}; unknown or non-numeric ids: 404 contact_not_found', async () => {
		const { sb } = ref;
		const r = await v1(sb, 'GET', 'contacts/5');
		expect(r.data).toEqual({ status: 'success', data: expect.objectContaining({ id: 5, phone: '4917655500005', email: 'emma@example.de', group_id: [1] }) });
		for (const id of ['999', 'abc', '0']) expect([(await v1(sb, 'GET', `contacts/${id}`)).status, (await v1(sb, 'GET', `contacts/${id}`)).data]).toEqual([404, v1Error('contact_not_found')]);
	});

	test('delete: 200 without data, then gone; a second delete 404', async () => {
		const { sb } = ref;
		expect((await v1(sb, 'DELETE', 'contacts/2')).data).toEqual({ status: 'success', message: 'contact_delete_success' });
		expect(sb.contacts.some((c) => c.id === 2)).toBe(false);
		expect((await v1(sb, 'DELETE', 'contacts/2')).status).toBe(404);
	});
});

describe('POST contacts', () => {
	test('201 with only the attributes that were set (the auto-lead defaults among them), the id and the dates', async () => {
		const { sb } = ref;
		const r = await v1(sb, 'POST', 'contacts', { ...V1_CONTACT, email: 'hana@example.jp', groups: 'vip, Partners' });
		expect(r.status).toBe(201);
		expect(r.data).toEqual({
			status: 'success',
			message: 'contact_created_successfully',
			data: {
				firstname: 'Hana', lastname: 'Ito', phone: '+4915550001111', type: 'lead', email: 'hana@example.jp', status_id: 1, source_id: 2,
				group_id: [1, 3], tenant_id: 7, addedfrom: 1, id: 100, created_at: expect.any(String), updated_at: expect.any(String),
			},
		});
		expect(sb.crm.groups.map((g) => g.name)).toEqual(['VIP', 'Newsletter', 'Partners']);
		expect(sb.contacts.at(-1)).toMatchObject({ id: 100, phone: '+4915550001111', status_id: 1, source_id: 2, assigned_id: null });
	});

	test('the phone is unique as an EXACT string: +49... taken, 49... another contact; e-mail unique too; no id of the holder', async () => {
		const { sb } = ref;
		const taken = await v1(sb, 'POST', 'contacts', { ...V1_CONTACT, phone: '+4915112345678', email: 'ANA@example.com' });
		expect([taken.status, taken.data]).toEqual([422, v1Error('validation_failed', { errors: { phone: ['The phone has already been taken.'], email: ['The email has already been taken.'] } })]);
		const other = await v1(sb, 'POST', 'contacts', { ...V1_CONTACT, phone: '4915112345678' });
		expect(other.status).toBe(201);
		expect(sb.contacts.filter((c) => c.phone.replace('+', '') === '4915112345678')).toHaveLength(2);
	});

	test('auto-lead off: no status or source is a 422 with the raw keys, before any other rule', async () => {
		const { sb } = ref;
		sb.configure({ autoLead: { enabled: false } });
		const r = await v1(sb, 'POST', 'contacts', { phone: '+4915550001111' });
		expect([r.status, r.data]).toEqual([
			422,
			v1Error('validation_failed', { errors: { status_id: ['status_id_is_required_configure_auto_lead_settings'], source_id: ['source_id_is_required_configure_auto_lead_settings'] } }),
		]);
	});

	test('status and source must be the workspace\'s; the rules in Laravel\'s words', async () => {
		const { sb } = ref;
		const r = await v1(sb, 'POST', 'contacts', { firstname: '', phone: 'x'.repeat(21), type: 'contact', status_id: 99, source_id: 'two', email: 'no', groups: ['VIP'] });
		expect(r.data.errors).toEqual({
			firstname: ['The firstname field is required.'],
			email: ['The email field must be a valid email address.'],
			phone: ['The phone field must not be greater than 20 characters.'],
			type: ['The selected type is invalid.'],
			status_id: ['selected_status_does_not_belong_to_tenant'],
			source_id: ['The source id field must be an integer.'],
			groups: ['The groups field must be a string.'],
		});
	});

	test('strict mode: any key outside the fillable columns is a 500, from the body or the query string', async () => {
		const { sb } = ref;
		const body = await v1(sb, 'POST', 'contacts', { ...V1_CONTACT, first_name: 'Hana' });
		expect([body.status, body.data]).toEqual([500, v1Error('failed_to_create_contact', { error: STRICT('first_name') })]);
		const query = await v1(sb, 'POST', 'contacts?source=crm', V1_CONTACT);
		expect(query.data.error).toBe(STRICT('source'));
		expect(sb.contacts.some((c) => c.phone === V1_CONTACT.phone)).toBe(false);
		// Undocumented but fillable columns pass; a raw group_id is taken as ids (the sandbox wants an array of them).
		expect((await v1(sb, 'POST', 'contacts', { ...V1_CONTACT, group_id: 2 })).data.errors).toEqual({ group_id: ['The group id field must be an array.'] });
		expect((await v1(sb, 'POST', 'contacts', { ...V1_CONTACT, website: 'https://ito.example', city: 'Kyoto', group_id: [2] })).data.data).toMatchObject({ website: 'https://ito.example', group_id: [2] });
	});

	test('lastname: optional by the rules, NOT NULL in the database: left out, null or empty is a 500; a 192-character name too', async () => {
		const { sb } = ref;
		const { lastname, ...noLast } = V1_CONTACT;
		expect(lastname).toBe('Ito');
		expect((await v1(sb, 'POST', 'contacts', noLast)).data).toEqual(v1Error('failed_to_create_contact', { error: "SQLSTATE[HY000]: General error: 1364 Field 'lastname' doesn't have a default value" }));
		for (const empty of [null, '']) expect((await v1(sb, 'POST', 'contacts', { ...V1_CONTACT, lastname: empty })).data.error).toMatch(/1048 Column 'lastname' cannot be null/);
		const long = await v1(sb, 'POST', 'contacts', { ...V1_CONTACT, firstname: 'a'.repeat(192) });
		expect([long.status, long.data.error]).toEqual([500, expect.stringMatching(/1406 Data too long for column 'firstname'/)]);
		expect((await v1(sb, 'POST', 'contacts', { ...V1_CONTACT, firstname: 'a'.repeat(191) })).status).toBe(201);
	});

	test.each([
		['1.3.4', ['lead'], ['customer', 'guest']],
		['1.5.0', ['lead', 'customer'], ['guest']],
		['2.2.0', ['lead', 'customer', 'guest'], ['contact']],
	])('platform %s takes the types %j', async (version, ok, refused) => {
		const { sb } = ref;
		sb.configure({ platformVersion: version });
		let n = 0;
		for (const type of ok) expect((await v1(sb, 'POST', 'contacts', { ...V1_CONTACT, phone: `+49155500000${n++}`, type })).status).toBe(201);
		for (const type of refused) expect((await v1(sb, 'POST', 'contacts', { ...V1_CONTACT, type })).data.errors.type).toEqual(['The selected type is invalid.']);
	});

	test('a body that is neither JSON nor multipart: 415 (the sandbox strictness)', async () => {
		const { sb } = ref;
		const r = await v1(sb, 'POST', 'contacts', 'firstname=Hana', { headers: { 'Content-Type': 'text/plain' } });
		expect(r.status).toBe(415);
	});
});

describe('abilities and the rate limit', () => {
	test('a token without contacts.create: 403 naming it; it may still read', async () => {
		const { sb } = ref;
		const token = sb.tokens.contactsReadOnly;
		expect((await v1(sb, 'POST', 'contacts', V1_CONTACT, { token })).data).toEqual(v1Error('Token does not have the required ability: contacts.create'));
		expect((await v1(sb, 'PUT', 'contacts/1', V1_CONTACT, { token })).data.message).toMatch(/contacts\.update$/);
		expect((await v1(sb, 'DELETE', 'statuses/2', undefined, { token })).data.message).toMatch(/statuses\.delete$/);
		expect((await v1(sb, 'GET', 'contacts', undefined, { token })).status).toBe(200);
		expect((await v1(sb, 'GET', 'contacts', undefined, { token: sb.tokens.noSend })).data.message).toMatch(/contacts\.read$/);
	});

	test('one counter per token over every route: templates and contacts share it; 429 without status key', async () => {
		const { sb } = ref;
		sb.configure({ rateLimit: { max: 3, windowMs: 60_000 } });
		await get(sb, 'templates');
		await v1(sb, 'GET', 'contacts');
		await v1(sb, 'POST', 'contacts', V1_CONTACT);
		const r = await v1(sb, 'GET', 'groups');
		expect([r.status, r.data]).toEqual([429, { message: 'Too many requests', retry_after: expect.any(Number) }]);
		expect(sb.requests.map((x) => x.route)).toEqual(['templates.list', 'contacts.list', 'contacts.create', 'groups.list']);
	});
});
