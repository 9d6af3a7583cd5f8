/** Contacts found or created by a send, and the platform's generated OTP. */
import { PLAIN, send, useSandbox } from './helpers';

const ref = useSandbox();
const LOGIN = { ...PLAIN, template_name: 'login_code' };

describe('contacts', () => {
	test('a new phone creates a contact from `contact`; the response says created', async () => {
		const { sb } = ref;
		const before = sb.contacts.length;
		const contact = { firstname: 'Zoe', lastname: 'Ng', email: 'zoe@example.com', country: 'india', assigned_id: '3', groups: 'vip, new ,', status_id: '2', source_id: 1 };
		const r = await send(sb, { ...PLAIN, phone_number: '4917000000010', contact });
		expect(r.data.data.contact).toEqual({ id: expect.any(Number), phone: '+4917000000010', first_name: 'Zoe', last_name: 'Ng', email: 'zoe@example.com', created: true });
		expect(sb.contacts).toHaveLength(before + 1);
		expect(sb.contacts[before]).toEqual({
			id: r.data.data.contact.id, phone: '+4917000000010', firstname: 'Zoe', lastname: 'Ng', email: 'zoe@example.com',
			country: 'India', assigned_id: 3, status_id: 2, source_id: 1, type: 'lead',
			// 'vip' is the workspace's group VIP (names compare case-insensitively); 'new' is created.
			group_id: [1, 3], company: null, description: null, city: null, state: null, zip: null, address: null, country_id: null,
			created_at: expect.any(Number), updated_at: expect.any(Number),
		});
		expect(sb.crm.groups.at(-1)).toMatchObject({ id: 3, name: 'new' });
		expect(sb.messages[0].contactCreated).toBe(true);
	});

	test('without `contact` the firstname is the phone; an unknown country is dropped; a second send finds it', async () => {
		const { sb } = ref;
		await send(sb, { ...PLAIN, phone_number: '4917000000011' });
		const again = await send(sb, { ...PLAIN, phone_number: '4917000000011', contact: { firstname: 'Ignored', country: 'united states' } });
		expect(again.data.data.contact).toMatchObject({ phone: '+4917000000011', first_name: '+4917000000011', created: false });
		expect(sb.messages.map((m) => m.contactCreated)).toEqual([true, false]);
		const r = await send(sb, { ...PLAIN, phone_number: '4917000000012', contact: { country: 'united states' } });
		expect(r.status).toBe(200);
		expect(sb.contacts.find((c) => c.phone === '+4917000000012')!.country).toBeNull();
	});

	test('an existing contact is not updated from `contact`', async () => {
		const { sb } = ref;
		const r = await send(sb, { ...PLAIN, phone_number: '4915112345678', contact: { firstname: 'Someone', email: 'else@example.com' } });
		expect(r.data.data.contact).toEqual({ id: 1, phone: '+4915112345678', first_name: 'Ana', last_name: 'Silva', email: 'ana@example.com', created: false });
	});

	test('the phone is matched by suffix, and the matched contact phone is rewritten (the platform hazard)', async () => {
		const { sb } = ref;
		const r = await send(sb, { ...PLAIN, phone_number: '7700900123' });
		expect(r.data.data.contact).toMatchObject({ id: 2, first_name: 'Ben', phone: '+7700900123', created: false });
		expect(sb.contacts.find((c) => c.id === 2)!.phone).toBe('+7700900123');
		sb.reset();
		expect(sb.contacts.find((c) => c.id === 2)!.phone).toBe('+447700900123');
	});

	test('status_id / source_id must exist in the workspace (422, checked when creating)', async () => {
		const { sb } = ref;
		const r = await send(sb, { ...PLAIN, phone_number: '4917000000013', contact: { status_id: 9, source_id: '9' } });
		expect([r.status, r.data]).toEqual([
			422,
			{ status: 'error', message: 'Validation failed', errors: { status_id: ['The selected status id is invalid.'], source_id: ['The selected source id is invalid.'] } },
		]);
		expect(sb.contacts.some((c) => c.phone === '+4917000000013')).toBe(false);
		const existing = await send(sb, { ...PLAIN, phone_number: '4915112345678', contact: { status_id: 9 } });
		expect(existing.status).toBe(200);
	});

	test('the contact is created before WhatsApp refuses, and stays', async () => {
		const { sb } = ref;
		sb.injectFault({ kind: 'whatsapp500' });
		expect((await send(sb, { ...PLAIN, phone_number: '4917000000014' })).status).toBe(500);
		const r = await send(sb, { ...PLAIN, phone_number: '4917000000014' });
		expect(r.data.data.contact.created).toBe(false);
	});

	test('reset() removes created contacts', async () => {
		const { sb } = ref;
		const seeded = sb.contacts.length;
		await send(sb, { ...PLAIN, phone_number: '4917000000015' });
		expect(sb.contacts).toHaveLength(seeded + 1);
		sb.reset();
		expect(sb.contacts).toHaveLength(seeded);
	});
});

describe('auto_generate_otp', () => {
	test('default: 6 digits without a leading zero, into field_1, returned in data.otp', async () => {
		const { sb } = ref;
		for (let i = 0; i < 5; i++) {
			const r = await send(sb, { ...LOGIN, auto_generate_otp: true });
			expect(r.status).toBe(200);
			const { otp } = r.data.data;
			expect(otp).toEqual({ code: expect.stringMatching(/^[1-9]\d{5}$/), generated: true, length: 6, field_number: 1 });
			expect(sb.messages[i].otp).toEqual(otp);
			expect(sb.messages[i].whatsapp.body).toEqual([otp.code]);
		}
	});

	test('otp_length and otp_field_number (a field beyond the count is returned but not sent)', async () => {
		const { sb } = ref;
		const ten = await send(sb, { ...LOGIN, auto_generate_otp: '1', otp_length: '10' });
		expect(ten.data.data.otp.code).toMatch(/^[1-9]\d{9}$/);
		const second = await send(sb, { ...LOGIN, auto_generate_otp: 1, otp_length: 4, otp_field_number: 2, field_1: 'Your code:' });
		expect(second.data.data.otp).toMatchObject({ length: 4, field_number: 2 });
		expect(sb.messages[1].whatsapp.body).toEqual(['Your code:']);
	});

	test('a filled target field is kept and nothing is generated; false generates nothing', async () => {
		const { sb } = ref;
		const kept = await send(sb, { ...LOGIN, auto_generate_otp: true, field_1: '482913' });
		expect(kept.data.data.otp).toBeUndefined();
		expect(sb.messages[0].whatsapp.body).toEqual(['482913']);
		expect(sb.messages[0].otp).toBeUndefined();
		const off = await send(sb, { ...LOGIN, auto_generate_otp: false });
		expect([off.status, off.data.errors.template_fields]).toEqual([422, ['field_1 (Body parameter 1 is required for this template)']]);
	});

	test('copy_code alone does not fill field_1', async () => {
		const r = await send(ref.sb, { ...LOGIN, copy_code: '482913' });
		expect(r.status).toBe(422);
		expect((await send(ref.sb, { ...LOGIN, copy_code: '482913', field_1: '482913' })).status).toBe(200);
	});
});
