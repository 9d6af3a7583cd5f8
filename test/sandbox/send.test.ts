/** A send past validation: template lookup, template fields, the 200, and what WhatsApp receives. */
import { TEMPLATES } from '.';
import { ORDER, PLAIN, send, useSandbox } from './helpers';

const ref = useSandbox();

describe('200', () => {
	test('exactly the platform success body; the message is recorded', async () => {
		const { sb } = ref;
		const r = await send(sb, { ...ORDER, phone_number: '4915112345678' });
		expect(r.status).toBe(200);
		expect(r.headers['content-type']).toBe('application/json');
		const wamid = r.data.data.whatsapp_response.messages[0].id;
		expect(wamid).toMatch(/^wamid\.[A-Za-z0-9_-]{20,}$/);
		expect(r.data).toEqual({
			status: 'success',
			message: 'Template sent successfully',
			data: {
				contact: { id: 1, phone: '+4915112345678', first_name: 'Ana', last_name: 'Silva', email: 'ana@example.com', created: false },
				template: { template_name: 'order_update', language: 'en', category: 'UTILITY', sent: true, header_format: 'TEXT', has_media: false },
				whatsapp_response: {
					messaging_product: 'whatsapp',
					contacts: [{ input: '4915112345678', wa_id: '4915112345678' }],
					messages: [{ id: wamid }],
				},
				media_info: null,
			},
		});
		const template = TEMPLATES.find((t) => t.template_name === 'order_update' && t.language === 'en');
		expect(sb.messages).toEqual([
			{ api: 'v1', wamid, digits: '4915112345678', fields: { ...ORDER, phone_number: '4915112345678' }, files: [], template, contactCreated: false, contactId: 1, whatsapp: { header: ['A-17'], body: ['Ana', 'A-17'] } },
		]);
		expect(sb.stats).toMatchObject({ total: 1, accepted: 1, byStatus: { 200: 1 }, overwrittenUploads: 0 });
	});

	test('every optional field at once is accepted (buttons and copy_code do not reach WhatsApp)', async () => {
		const { sb } = ref;
		const body = {
			...PLAIN, template_name: 'ten_vars', from_phone_number_id: '109876543210',
			...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`field_${i + 1}`, `v${i + 1}`])),
			button_0: 'a', button_1: 'b', button_2: 'c', copy_code: '123456',
		};
		expect((await send(sb, body)).status).toBe(200);
		expect(sb.messages[0].whatsapp).toEqual({ header: [], body: ['v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8', 'v9', 'v10'] });
	});

	test('the language is the stored one exactly: de is its own template', async () => {
		const r = await send(ref.sb, { ...ORDER, template_language: 'de' });
		expect(r.data.data.template.language).toBe('de');
	});
});

describe('template not found (404)', () => {
	test.each([
		['unknown', { template_name: 'nope' }],
		['PENDING', { template_name: 'order_update', template_language: 'en_US' }],
		['REJECTED', { template_name: 'summer_sale', field_1: 'x', header_image_url: 'https://x.test/a.png' }],
		['PAUSED', { template_name: 'reorder_reminder', field_1: 'x' }],
		['other language', { template_name: 'order_update', template_language: 'fr' }],
		['other case', { template_name: 'Order_Update' }],
	])('%s', async (_, change) => {
		const body = { ...ORDER, ...change };
		const r = await send(ref.sb, body);
		expect([r.status, r.data]).toEqual([
			404,
			{ status: 'error', message: 'Template not found', errors: { template: [`The specified template '${body.template_name}' was not found for this tenant`] } },
		]);
		expect(ref.sb.messages).toHaveLength(0);
	});
});

describe('template fields (422 "Template validation failed")', () => {
	const fieldsError = (missing: string[]) => ({ status: 'error', message: 'Template validation failed', errors: { template_fields: missing } });

	test('body parameters 1..count and the TEXT header parameter', async () => {
		const r = await send(ref.sb, { ...PLAIN, template_name: 'order_update', field_2: 'x' });
		expect([r.status, r.data]).toEqual([
			422,
			fieldsError(['field_1 (Body parameter 1 is required for this template)', 'header_field_1 (Header parameter 1 is required for this template)']),
		]);
	});

	test.each([
		['product_photo', 'header_image_url or header_image_file (Header image is required for this template)'],
		['welcome_video', 'header_video_url or header_video_file (Header video is required for this template)'],
		['invoice_ready', 'header_document_url or header_document_file (Header document is required for this template)'],
	])('the header medium of %s', async (name, message) => {
		const r = await send(ref.sb, { ...PLAIN, template_name: name, field_1: 'x' });
		expect([r.status, r.data]).toEqual([422, fieldsError([message])]);
	});

	test('a medium of another kind does not count', async () => {
		const r = await send(ref.sb, { ...PLAIN, template_name: 'product_photo', field_1: 'x', header_video_url: 'https://x.test/a.mp4' });
		expect(r.data.errors.template_fields).toEqual(['header_image_url or header_image_file (Header image is required for this template)']);
	});

	test('all ten of ten_vars', async () => {
		const r = await send(ref.sb, { ...PLAIN, template_name: 'ten_vars', field_1: 'a' });
		expect(r.data.errors.template_fields).toHaveLength(9);
		expect(r.data.errors.template_fields[8]).toBe('field_10 (Body parameter 10 is required for this template)');
	});
});

describe('what WhatsApp receives (messages[].whatsapp)', () => {
	async function bodyOf(fields: Record<string, string>, name = 'order_update') {
		const r = await send(ref.sb, { ...PLAIN, template_name: name, header_field_1: 'H', ...fields });
		expect(r.status).toBe(200);
		return ref.sb.messages[ref.sb.messages.length - 1].whatsapp;
	}

	test('fields beyond the count are dropped; a gap after the count is harmless', async () => {
		expect(await bodyOf({ field_1: 'a', field_2: 'b', field_3: 'c', field_5: 'e' })).toEqual({ header: ['H'], body: ['a', 'b'] });
		expect(await bodyOf({ field_2: 'b', field_4: 'd' }, 'plain_notice')).toEqual({ header: [], body: [] });
	});

	test("positional by presence: '0' is filled and arrives blank, like a blank header", async () => {
		expect(await bodyOf({ field_1: '0', field_2: 'b', header_field_1: '0' })).toEqual({ header: [' '], body: [' ', 'b'] });
	});

	test('whitespace collapses and is trimmed; @{x} loses its @; merge tokens use the contact', async () => {
		const w = await bodyOf({ phone_number: '4915112345678', field_1: '  Ana\n\tMaria  ', field_2: '{contact_first_name} @{coupon} {company_name}' });
		expect(w.body).toEqual(['Ana Maria', 'Ana {coupon}']);
		// A new contact without a first name is named after its phone.
		expect((await bodyOf({ field_1: '{contact_first_name}', field_2: 'x' })).body[0]).toBe('+4915123456789');
	});

	test('{otp_code} becomes a random code the response does not return', async () => {
		const w = await bodyOf({ field_1: 'x', field_2: 'code {otp_code}' });
		expect(w.body[1]).toMatch(/^code [1-9]\d{5}$/);
		expect(ref.sb.requests[0].response.data.otp).toBeUndefined();
	});
});
