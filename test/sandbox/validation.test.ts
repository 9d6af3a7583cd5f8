/** Each validation rule of a send (422 "Validation failed", errors.{field}[], Laravel wording). */
import { PLAIN, form, send, useSandbox } from './helpers';

const ref = useSandbox();
const DOC = { ...PLAIN, template_name: 'invoice_ready', field_1: 'INV-1' };

async function errorsOf(body: unknown) {
	const r = await send(ref.sb, body);
	expect(r.status).toBe(422);
	expect(r.data).toMatchObject({ status: 'error', message: 'Validation failed' });
	expect(ref.sb.messages).toHaveLength(0);
	return r.data.errors as Record<string, string[]>;
}

describe('JSON body', () => {
	test.each([
		['phone_number', 'The phone number field is required.', { ...PLAIN, phone_number: undefined }],
		['phone_number', 'The phone number field is required.', { ...PLAIN, phone_number: '  ' }],
		['phone_number', 'The phone number field must be between 8 and 15 characters.', { ...PLAIN, phone_number: '4915123' }],
		['phone_number', 'The phone number field must be between 8 and 15 characters.', { ...PLAIN, phone_number: '4'.repeat(16) }],
		['phone_number', 'The phone number field format is invalid.', { ...PLAIN, phone_number: '+4915123456789' }],
		['phone_number', 'The phone number field format is invalid.', { ...PLAIN, phone_number: '015123456789' }],
		['phone_number', 'The phone number field format is invalid.', { ...PLAIN, phone_number: 'undefined' }],
		['phone_number', 'The phone number field must be a string.', { ...PLAIN, phone_number: 4915123456789 }],
		['template_name', 'The template name field is required.', { ...PLAIN, template_name: '' }],
		['template_language', 'The template language field must be between 2 and 10 characters.', { ...PLAIN, template_language: 'e' }],
		['template_language', 'The template language field must be between 2 and 10 characters.', { ...PLAIN, template_language: 'en_US_POSIX' }],
		['from_phone_number_id', 'The from phone number id field must be a string.', { ...PLAIN, from_phone_number_id: 1234567890 }],
		['header_image_url', 'The header image url field must be a valid URL.', { ...PLAIN, header_image_url: 'ftp://x.test/a.png' }],
		['header_video_url', 'The header video url field must be a valid URL.', { ...PLAIN, header_video_url: 'not a url' }],
		['header_image_file', 'The header image file field must be a file.', { ...PLAIN, header_image_file: 'abc' }],
		['header_document_name', 'The header document name field must not be greater than 255 characters.', { ...DOC, header_document_url: 'https://x.test/a.pdf', header_document_name: 'a'.repeat(256) }],
		['header_document_name', 'The header document name field is prohibited unless header document file or header document url is present.', { ...PLAIN, header_document_name: 'a.pdf' }],
		['header_video_url', 'Only one header medium may be given.', { ...PLAIN, header_image_url: 'https://x.test/a.png', header_video_url: 'https://x.test/a.mp4' }],
		['header_field_1', 'The header field 1 field must be a string.', { ...PLAIN, header_field_1: 17 }],
		['field_1', 'The field 1 field must be a string.', { ...PLAIN, field_1: 25 }],
		['field_2', 'The field 2 field must not be empty.', { ...PLAIN, field_2: '' }],
		['field_3', 'The field 3 field must not be empty.', { ...PLAIN, field_3: null }],
		['field_11', 'The field 11 field is prohibited.', { ...PLAIN, field_11: 'x' }],
		['button_0', 'The button 0 field must be a string.', { ...PLAIN, button_0: ['a'] }],
		['button_3', 'The button 3 field is prohibited.', { ...PLAIN, button_3: 'a' }],
		['copy_code', 'The copy code field must not be greater than 100 characters.', { ...PLAIN, copy_code: '1'.repeat(101) }],
		['auto_generate_otp', 'The auto generate otp field must be true or false.', { ...PLAIN, auto_generate_otp: 'true' }],
		['auto_generate_otp', 'The auto generate otp field must be true or false.', { ...PLAIN, auto_generate_otp: 2 }],
		['otp_length', 'The otp length field must be an integer.', { ...PLAIN, otp_length: 'six' }],
		['otp_length', 'The otp length field must be between 4 and 10.', { ...PLAIN, otp_length: 3 }],
		['otp_length', 'The otp length field must be between 4 and 10.', { ...PLAIN, otp_length: '11' }],
		['otp_field_number', 'The otp field number field must be between 1 and 10.', { ...PLAIN, otp_field_number: 0 }],
		['contact', 'The contact field must be an object.', { ...PLAIN, contact: 'Ann' }],
		['contact', 'The contact field must be an object.', { ...PLAIN, contact: ['Ann'] }],
		['contact', 'The contact field must not be empty.', { ...PLAIN, contact: {} }],
		['contact.firstname', 'The contact.firstname field must not be greater than 255 characters.', { ...PLAIN, contact: { firstname: 'a'.repeat(256) } }],
		['contact.lastname', 'The contact.lastname field must not be empty.', { ...PLAIN, contact: { lastname: '' } }],
		['contact.email', 'The contact.email field must be a valid email address.', { ...PLAIN, contact: { email: 'ann@' } }],
		['contact.email', 'The contact.email field must not be greater than 191 characters.', { ...PLAIN, contact: { email: `${'a'.repeat(185)}@x.test` } }],
		['contact.country', 'The contact.country field must be a string.', { ...PLAIN, contact: { country: 91 } }],
		['contact.country', 'The contact.country field must not be greater than 100 characters.', { ...PLAIN, contact: { country: 'a'.repeat(101) } }],
		['contact.assigned_id', 'The contact.assigned id field must be an integer.', { ...PLAIN, contact: { assigned_id: 'Bob' } }],
		['contact.groups', 'The contact.groups field must be a string.', { ...PLAIN, contact: { groups: ['vip'] } }],
		['contact.first_name', 'The contact.first name field is prohibited.', { ...PLAIN, contact: { first_name: 'Ann' } }],
		['phone', 'The phone field is prohibited.', { ...PLAIN, phone: '4915123456789' }],
		['header_text', 'The header text field is prohibited.', { ...PLAIN, header_text: 'x' }],
	])('errors[%s]: %s', async (field, message, body) => {
		const errors = await errorsOf(body);
		expect(errors[field]).toContain(message);
	});

	test('accepted forms: booleans, integers as numbers or digit strings, ids as strings', async () => {
		const { sb } = ref;
		for (const auto of [true, false, 1, 0, '1', '0']) {
			const r = await send(sb, { ...PLAIN, auto_generate_otp: auto, otp_length: '8', otp_field_number: 2 });
			expect(r.status).toBe(200);
		}
		const r = await send(sb, { ...PLAIN, phone_number: '491700000055', contact: { firstname: 'Ann', assigned_id: '3', status_id: '2', source_id: 1 } });
		expect(r.status).toBe(200);
		expect((await send(sb, { ...PLAIN, phone_number: '4'.repeat(15) })).status).toBe(200);
		expect((await send(sb, { ...PLAIN, phone_number: '4'.repeat(8) })).status).toBe(200);
	});

	test('every failing field is listed, and only those', async () => {
		const errors = await errorsOf({ phone_number: 'x', template_name: 'order_update', field_2: '', foo: 'bar' });
		expect(Object.keys(errors).sort()).toEqual(['field_2', 'foo', 'phone_number', 'template_language']);
		expect(errors.phone_number).toEqual(['The phone number field must be between 8 and 15 characters.', 'The phone number field format is invalid.']);
	});

	test('a query parameter counts as a field (Laravel merges it into the input)', async () => {
		const { sb } = ref;
		const r = await send(sb, PLAIN, { subdomain: `${sb.subdomain}`, config: { params: { debug: '1' } } });
		expect(r.data.errors).toEqual({ debug: ['The debug field is prohibited.'] });
	});

	test('400 for malformed or non-object JSON (the platform would see an empty form)', async () => {
		for (const body of ['{"phone_number":', 'null', '[1]', '"x"']) {
			const r = await send(ref.sb, body, { headers: { 'Content-Type': 'application/json' }, config: { transformRequest: [(d) => d] } });
			expect([r.status, r.data]).toEqual([400, { status: 'error', message: 'Malformed JSON body' }]);
		}
	});
});

describe('multipart body', () => {
	test('"true" is not a Laravel boolean; "1" and "0" are', async () => {
		const { sb } = ref;
		const bad = await send(sb, form({ ...PLAIN, auto_generate_otp: 'true' }));
		expect(bad.data.errors).toEqual({ auto_generate_otp: ['The auto generate otp field must be true or false.'] });
		for (const v of ['1', '0']) expect((await send(sb, form({ ...PLAIN, auto_generate_otp: v }))).status).toBe(200);
	});

	test('bracketed contact parts are rebuilt and checked; text/file kinds are enforced', async () => {
		const { sb } = ref;
		const r = await send(sb, form({ ...PLAIN, phone_number: '491700000066', 'contact[firstname]': 'Ann', 'contact[assigned_id]': '4', 'contact[groups]': 'vip, new' }));
		expect(r.status).toBe(200);
		expect(sb.messages[0].fields.contact).toEqual({ firstname: 'Ann', assigned_id: '4', groups: 'vip, new' });
		const typo = await send(sb, form({ ...PLAIN, 'contact[first_name]': 'Ann', 'contact[groups][0]': 'vip' }));
		expect(typo.data.errors).toEqual({ 'contact.first_name': ['The contact.first name field is prohibited.'], 'contact.groups': ['The contact.groups field must be a string.'] });
		const png = Buffer.alloc(100, 1);
		const kinds = await send(sb, form(PLAIN, { field_1: [Buffer.from('x'), 'b.txt', 'text/plain'], 'contact[avatar]': [png, 'a.png', 'image/png'] }));
		expect(kinds.data.errors).toEqual({ field_1: ['The field 1 field must be a string.'], contact: ['The contact field must not contain files.'] });
	});

	test('400 for a multipart body without a boundary', async () => {
		const r = await send(ref.sb, '--x\r\n', { headers: { 'Content-Type': 'multipart/form-data' } });
		expect([r.status, r.data]).toEqual([400, { status: 'error', message: 'Malformed multipart body' }]);
	});
});
