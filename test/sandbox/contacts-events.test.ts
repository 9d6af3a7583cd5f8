/** The contacts APIs' webhooks (both APIs, signed as every event), their faults aimed by route, seeding, and the one store shared with sends. */
import { CRM_FAULT_KINDS } from '.';
import { PLAIN, send, useSandbox } from './helpers';
import { V1_CONTACT, V2_CONTACT, v1, v2, v1Error } from './crmhelpers';
import { V2_PLAIN, envelopeError, rateHeaders, v2Send } from './v2helpers';
import { hmac, useReceiver } from './hookhelpers';

const ref = useSandbox();
const hook = useReceiver();
const { received } = hook;
beforeEach(() => ref.sb.configure({ webhook: null }));

describe('webhooks of API writes', () => {
	test('format 2: contact.created / updated / deleted from v1 and v2, the row as attributes, changes, signed', async () => {
		const { sb } = ref;
		sb.configure({ webhook: { url: hook.url, format: 2, secret: 's3cret' } });
		const created = await v1(sb, 'POST', 'contacts', V1_CONTACT);
		await v2(sb, 'PATCH', `contacts/${created.data.data.id}`, { company: 'Ito KK' });
		await v2(sb, 'DELETE', `contacts/${created.data.data.id}`);
		await sb.webhooksIdle();
		expect(received.map((r) => r.event)).toEqual(['contact.created', 'contact.updated', 'contact.deleted']);
		for (const r of received) expect(r.signature).toBe(hmac(r.body, 's3cret'));
		const [c, u] = received.map((r) => JSON.parse(r.body));
		expect(c.data.resource).toMatchObject({ type: 'contact', id: 100, attributes: { phone: '+4915550001111', lastname: 'Ito', tenant_id: 7 } });
		expect(u.changes).toMatchObject({ previous: { company: null }, current: { company: 'Ito KK' }, modified_fields: expect.arrayContaining(['company', 'updated_at']) });
	});

	test('format 1 (up to 1.5): the legacy envelope; a v2 batch posts one event per created contact; refusals post nothing', async () => {
		const { sb } = ref;
		sb.configure({ webhook: { url: hook.url, format: 1 } });
		await v1(sb, 'POST', 'contacts', { ...V1_CONTACT, lastname: '' });
		await v2(sb, 'POST', 'contacts', { phone: '1' });
		await v2(sb, 'POST', 'contacts/batch', { contacts: [V2_CONTACT, { ...V2_CONTACT, phone: '+4915550002222' }] });
		await v1(sb, 'PUT', 'contacts/100', { ...V1_CONTACT, lastname: 'Itō' });
		await v1(sb, 'DELETE', 'contacts/101');
		await sb.webhooksIdle();
		expect(received.map((r) => JSON.parse(r.body)).map((b) => [b.event, b.model, b.data.attributes.phone, b.original.lastname])).toEqual([
			['created', 'App\\Models\\Tenant\\Contact', '+4915550001111', undefined],
			['created', 'App\\Models\\Tenant\\Contact', '+4915550002222', undefined],
			['updated', 'App\\Models\\Tenant\\Contact', '+4915550001111', 'Ito'],
			['deleted', 'App\\Models\\Tenant\\Contact', '+4915550002222', undefined],
		]);
		// PHP's json_encode: the ō escaped, as signed.
		expect(received[2].body).toContain('"lastname":"It\\u014d"');
	});

	test('group membership posts contact.updated; status and source writes post status.* / source.*; groups have no events', async () => {
		const { sb } = ref;
		sb.configure({ webhook: { url: hook.url, format: 2 } });
		await v2(sb, 'POST', 'groups/2/contacts', { contact_ids: [1] });
		await v1(sb, 'POST', 'statuses', { name: 'Won', color: '#00aa00' });
		await v2(sb, 'POST', 'sources', { name: 'Fair' });
		await v1(sb, 'POST', 'groups', { name: 'Partners' });
		await sb.webhooksIdle();
		expect(received.map((r) => r.event)).toEqual(['contact.updated', 'status.created', 'source.created']);
		expect(JSON.parse(received[0].body).changes.current.group_id).toEqual([2]);
	});
});

describe('faults aimed at a contact route', () => {
	test('v1 system500: the route\'s own 500, nothing written; a send and other routes are untouched', async () => {
		const { sb } = ref;
		sb.injectFault({ kind: 'system500', match: { route: 'contacts.create', phone: V1_CONTACT.phone } });
		expect((await send(sb, PLAIN)).status).toBe(200);
		expect((await v1(sb, 'POST', 'contacts', { ...V1_CONTACT, phone: '+4915550003333' })).status).toBe(201);
		const r = await v1(sb, 'POST', 'contacts', V1_CONTACT);
		expect([r.status, r.data]).toEqual([500, v1Error('failed_to_create_contact', { error: 'SQLSTATE[HY000] [2002] Connection refused' })]);
		expect(sb.contacts.some((c) => c.phone === V1_CONTACT.phone)).toBe(false);
		expect(sb.requests.at(-1)!.fault).toBe('system500');
		expect((await v1(sb, 'POST', 'contacts', V1_CONTACT)).status).toBe(201);
	});

	test('a fault without a route never acts on a contact route; the network\'s kinds act there when aimed', async () => {
		const { sb } = ref;
		sb.injectFault({ kind: 'html502' });
		expect((await v1(sb, 'GET', 'contacts')).status).toBe(200);
		expect((await send(sb, PLAIN)).status).toBe(502);
		sb.injectFault({ kind: 'drop', match: { route: 'contacts.update' } });
		const dropped = await v1(sb, 'PUT', 'contacts/1', { ...V1_CONTACT, phone: '+4915112345678' }).catch((e: Error) => e);
		expect(dropped).toBeInstanceOf(Error);
		expect(sb.contacts.find((c) => c.id === 1)!.firstname).toBe('Ana');
		sb.injectFault({ kind: 'latency', ms: 150, match: { route: 'contacts.list' } });
		const t = Date.now();
		expect((await v1(sb, 'GET', 'contacts')).status).toBe(200);
		expect(Date.now() - t).toBeGreaterThanOrEqual(140);
	});

	test('v2: internalError500 names what failed, with the rate-limit headers; contactLimit403; html502 without them', async () => {
		const { sb } = ref;
		sb.injectFault({ kind: 'internalError500', match: { route: 'contacts.update' } });
		const r = await v2(sb, 'PATCH', 'contacts/1', { company: 'X' });
		expect([r.status, r.data, rateHeaders(r)['x-ratelimit-limit']]).toEqual([
			500,
			envelopeError('INTERNAL_ERROR', 'Failed to update contacts', { error: 'SQLSTATE[HY000] [2002] Connection refused' }),
			'60',
		]);
		sb.injectFault({ kind: 'contactLimit403', match: { route: 'contacts.batch' } });
		expect((await v2(sb, 'POST', 'contacts/batch', { contacts: [V2_CONTACT] })).data.error).toMatchObject({ code: 'FEATURE_LIMIT_EXCEEDED', details: { feature: 'contacts' } });
		sb.injectFault({ kind: 'html502', api: 'v2', match: { route: 'contacts.list' } });
		const proxy = await v2(sb, 'GET', 'contacts');
		expect([proxy.status, rateHeaders(proxy)]).toEqual([502, {}]);
		expect(sb.contacts).toHaveLength(7);
	});

	test('a kind a contact route cannot answer is refused when injected', () => {
		const { sb } = ref;
		expect(CRM_FAULT_KINDS.v1).toContain('system500');
		expect(() => sb.injectFault({ kind: 'whatsapp500', match: { route: 'contacts.create' } })).toThrow(/contacts\.create \(v1\) takes/);
		expect(() => sb.injectFault({ kind: 'contactLimit403', match: { route: 'contacts.update' } })).toThrow(/only on contacts\.create/);
		expect(sb.pendingFaults).toEqual([]);
	});
});

describe('one store, seeding, records', () => {
	test('a v1 send attaches to a contact the v1 API stored as `+digits`; v2 sends find only the exact `+digits`', async () => {
		const { sb } = ref;
		const made = await v1(sb, 'POST', 'contacts', V1_CONTACT);
		const r = await send(sb, { ...PLAIN, phone_number: '4915550001111' });
		expect(r.data.data.contact).toMatchObject({ id: made.data.data.id, created: false });
		expect(sb.contacts).toHaveLength(8);
	});

	test('seedContacts: n contacts at once, phones from phone(i), no webhooks; a taken phone throws; reset() removes them', async () => {
		const { sb } = ref;
		sb.configure({ webhook: { url: hook.url, format: 2 } });
		const out = sb.seedContacts(500, { phone: (i) => (i % 2 ? `+49170${String(i).padStart(7, '0')}` : `49171${String(i).padStart(7, '0')}`), type: 'customer' });
		expect([out.length, out[0].phone, out[1].phone, out[0].type, sb.contacts.length]).toEqual([500, '491710000000', '+491700000001', 'customer', 507]);
		expect(sb.seedContacts(2).map((c) => c.phone)).toEqual(['+491610000000', '+491610000001']);
		expect(() => sb.seedContacts(1, { phone: () => '+4915112345678' })).toThrow(/taken/);
		expect((await v1(sb, 'GET', 'contacts?per_page=1')).data.data.total).toBe(509);
		await sb.webhooksIdle();
		expect(received).toEqual([]);
		sb.reset();
		expect(sb.contacts).toHaveLength(7);
	});

	test('reset() restores the lists as seeded', async () => {
		const { sb } = ref;
		await v1(sb, 'POST', 'groups', { name: 'Partners' });
		await v1(sb, 'PUT', 'statuses/2', { isdefault: true });
		sb.reset();
		expect([sb.crm.groups.length, sb.crm.defaultsCleared, sb.crm.statuses.find((s) => s.isdefault)!.id]).toEqual([2, 0, 1]);
	});
});

test('a redirect aimed at a contact route acts on arrival, as for any route', async () => {
	const { sb } = ref;
	sb.injectFault({ kind: 'redirect', status: 301, location: 'https://example.test/api/v1/acme/contacts', match: { route: 'contacts.list' } });
	const r = await v1(sb, 'GET', 'contacts', undefined, { config: { maxRedirects: 0 } });
	expect([r.status, r.headers.location]).toEqual([301, 'https://example.test/api/v1/acme/contacts']);
	expect(sb.requests.at(-1)).toMatchObject({ route: 'contacts.list', fault: 'redirect' });
});

test('phones stored in other formats: a v1 send finds them by suffix and rewrites them to `+digits`; a v2 send creates a second contact', async () => {
	const { sb } = ref;
	const r = await send(sb, { ...PLAIN, phone_number: '4917655500006' });
	expect(r.data.data.contact).toMatchObject({ id: 6, phone: '+4917655500006', created: false });
	expect((await v1(sb, 'GET', 'contacts/6')).data.data.phone).toBe('+4917655500006');
	const v2r = await v2Send(sb, { ...V2_PLAIN, phone: '4917655500005' });
	expect(v2r.data.data.contact_id).not.toBe(5);
	expect(sb.contacts.filter((c) => c.phone.endsWith('4917655500005')).map((c) => c.phone)).toEqual(['4917655500005', '+4917655500005']);
});
