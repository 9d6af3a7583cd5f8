/** API v2's send: what WhatsApp receives (the same traps as v1), buttons dropped, the OTP it never returns, contacts matched exactly. */
import { PLAIN, send, useSandbox } from './helpers';
import { V2_ORDER, V2_PLAIN, v2Send } from './v2helpers';

const ref = useSandbox();
const ANA = '4915112345678'; // a seeded contact: +4915112345678, Ana Silva

describe('the body parameters WhatsApp receives', () => {
	test('positional, cut to the template count; `0` and blanks arrive as a blank; whitespace runs collapse', async () => {
		const { sb } = ref;
		expect((await v2Send(sb, { ...V2_ORDER, field_2: '0', field_3: 'extra', header_field_1: '0' })).status).toBe(200);
		expect((await v2Send(sb, { ...V2_PLAIN, field_1: 'not in the template' })).status).toBe(200);
		expect((await v2Send(sb, { ...V2_ORDER, field_1: '  Ana \n\n\t Silva ' })).status).toBe(200);
		expect(sb.messages.map((m) => m.whatsapp)).toEqual([
			{ header: [' '], body: ['Ana', ' '] },
			{ header: [], body: [] },
			{ header: ['A-17'], body: ['Ana Silva', 'A-17'] },
		]);
	});

	test('merge tokens are replaced from the contact (a new lead is named by its digits)', async () => {
		const { sb } = ref;
		const tokens = { field_1: 'Hi {contact_first_name} {contact_last_name}', field_2: '@{contact_first_name}/{unknown}' };
		expect((await v2Send(sb, { ...V2_ORDER, phone: ANA, ...tokens })).status).toBe(200);
		expect((await v2Send(sb, { ...V2_ORDER, phone: '4917000000001', ...tokens })).status).toBe(200);
		expect(sb.messages.map((m) => m.whatsapp.body)).toEqual([
			['Hi Ana Silva', 'Ana/{unknown}'],
			['Hi 4917000000001', '4917000000001/{unknown}'],
		]);
	});

	test('button_0..2 are accepted and dropped: recorded, never part of what WhatsApp receives', async () => {
		const { sb } = ref;
		const r = await v2Send(sb, { ...V2_PLAIN, phone: ANA, template_name: 'shipping_update', field_1: 'P-1', field_2: 'DHL', button_0: 'P-1', button_2: 'x' });
		expect(r.status).toBe(200);
		expect(sb.messages[0].droppedButtons).toEqual({ button_0: 'P-1', button_2: 'x' });
		expect(sb.messages[0].whatsapp).toEqual({ header: [], body: ['P-1', 'DHL'] });
		expect((await v2Send(sb, { ...V2_PLAIN, button_3: 'x' })).data.error.details).toEqual({ button_3: ['The button 3 field is prohibited.'] });
	});

	test('header_document_name is accepted (and ignored by the platform)', async () => {
		const { sb } = ref;
		const r = await v2Send(sb, { ...V2_PLAIN, template_name: 'invoice_ready', field_1: 'INV-1', header_document_url: 'https://x.test/i.pdf', header_document_name: 'Invoice.pdf' });
		expect(r.status).toBe(200);
		const alone = await v2Send(sb, { ...V2_PLAIN, header_document_name: 'Invoice.pdf' });
		expect(alone.data.error.details).toEqual({
			header_document_name: ['The header document name field is prohibited unless header document file or header document url is present.'],
		});
	});
});

describe('auto_generate_otp', () => {
	test('the platform makes a code into field_1 and never returns it', async () => {
		const { sb } = ref;
		const r = await v2Send(sb, { ...V2_PLAIN, template_name: 'login_code', auto_generate_otp: true });
		expect(r.status).toBe(200);
		const { otp } = sb.messages[0];
		expect(otp).toEqual({ code: expect.stringMatching(/^[1-9]\d{5}$/), generated: true, length: 6, field_number: 1 });
		expect(sb.messages[0].whatsapp.body).toEqual([otp!.code]);
		expect(JSON.stringify(r.data)).not.toContain(otp!.code);
		expect(Object.keys(r.data.data)).not.toContain('otp');
	});

	test('a code given in field_1 is kept; otp_length sets the length; without it the template still needs field_1', async () => {
		const { sb } = ref;
		expect((await v2Send(sb, { ...V2_PLAIN, template_name: 'login_code', auto_generate_otp: '1', field_1: '4821' })).status).toBe(200);
		expect((await v2Send(sb, { ...V2_PLAIN, template_name: 'login_code', auto_generate_otp: 1, otp_length: 8 })).status).toBe(200);
		const none = await v2Send(sb, { ...V2_PLAIN, template_name: 'login_code' });
		expect(none.data.error.details).toEqual({ template_fields: ['field_1 is required (body parameter 1)'] });
		// otp_field_number 6 (the only value that validates) puts the code where a one-parameter template never reads it.
		const six = await v2Send(sb, { ...V2_PLAIN, template_name: 'login_code', auto_generate_otp: true, otp_field_number: 6 });
		expect(six.data.error.details).toEqual({ template_fields: ['field_1 is required (body parameter 1)'] });
		expect(sb.messages.map((m) => [m.whatsapp.body[0].length, m.otp?.generated ?? false])).toEqual([[4, false], [8, true]]);
	});
});

describe('contacts: matched exactly on `+digits`', () => {
	test('a seeded `+...` contact is found; one stored without `+` is not, and a second contact appears (v1 would match it)', async () => {
		const { sb } = ref;
		expect((await v2Send(sb, { ...V2_PLAIN, phone: ANA })).data.data.contact_id).toBe(1);
		const stored = sb.addContact({ phone: '4917612345678', firstname: 'Emil' });
		const before = sb.contacts.length;
		const r = await v2Send(sb, { ...V2_PLAIN, phone: '4917612345678' });
		expect(r.data.data.contact_id).not.toBe(stored.id);
		expect(sb.contacts).toHaveLength(before + 1);
		expect(sb.contacts.filter((c) => c.phone.replace('+', '') === '4917612345678').map((c) => [c.phone, c.firstname])).toEqual([
			['4917612345678', 'Emil'],
			['+4917612345678', '4917612345678'],
		]);
		// contact_id with the stored contact: its phone is not `+digits`, so it is not found.
		expect((await v2Send(sb, { ...V2_PLAIN, phone: '4917612345678', contact_id: stored.id })).data.error.message).toBe('Contact not found.');
		// v1 on the same workspace matches by suffix and rewrites the phone.
		const other = sb.addContact({ phone: '4917699999999' });
		expect((await send(sb, { ...PLAIN, phone_number: '4917699999999' })).data.data.contact).toMatchObject({ id: other.id, created: false });
		expect(other.phone).toBe('+4917699999999');
	});

	test('a new phone creates a lead before WhatsApp is called, so it stays when the send then fails', async () => {
		const { sb } = ref;
		sb.injectFault({ kind: 'sendFailedWhatsApp500' });
		expect((await v2Send(sb, { ...V2_PLAIN, phone: '4917000000055' })).status).toBe(500);
		expect(sb.contacts.at(-1)).toMatchObject({ phone: '+4917000000055', type: 'lead', status_id: 1, source_id: 2 });
	});
});
