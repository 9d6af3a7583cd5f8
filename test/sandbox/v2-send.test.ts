/** API v2's POST messages/template: the success answer, the wire names, validation, and the server's order of checks. */
import axios from 'axios';
import { TEMPLATES } from '.';
import { useSandbox } from './helpers';
import { META, V2_ORDER, V2_PLAIN, envelopeError, invalid, rateHeaders, v2Send, v2Url } from './v2helpers';

const ref = useSandbox();

describe('200', () => {
	test('exactly the contract body; the message is recorded with its API, its recipient and the contact it went to', async () => {
		const { sb } = ref;
		const r = await v2Send(sb, V2_ORDER);
		expect(r.status).toBe(200);
		expect(Object.keys(r.data)).toEqual(['success', 'data', 'message', 'meta']);
		const wamid = r.data.data.message_id;
		expect(wamid).toMatch(/^wamid\.[A-Za-z0-9_-]{40}$/);
		expect(r.data).toEqual({
			success: true,
			data: {
				message_id: wamid, contact_id: 100, phone: '4915123456789', template_name: 'order_update', language: 'en',
				status: 'sent', sent_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/), chat_id: 1, chat_message_id: null,
			},
			message: 'Template message sent successfully',
			meta: META,
		});
		expect(rateHeaders(r)['x-ratelimit-remaining']).toBe('59');
		const template = TEMPLATES.find((t) => t.template_name === 'order_update' && t.language === 'en');
		expect(sb.messages).toEqual([
			{
				api: 'v2', wamid, digits: '4915123456789', fields: V2_ORDER, files: [], template, contactCreated: true, contactId: 100,
				whatsapp: { header: ['A-17'], body: ['Ana', 'A-17'] }, droppedButtons: {}, ignoredFields: [],
			},
		]);
		expect(sb.contacts.at(-1)).toMatchObject({ id: 100, phone: '+4915123456789', firstname: '4915123456789', lastname: '', type: 'lead' });
		// The same contact and chat next time.
		expect((await v2Send(sb, V2_ORDER)).data.data).toMatchObject({ contact_id: 100, chat_id: 1 });
		expect(sb.messages.map((m) => m.contactCreated)).toEqual([true, false]);
	});

	test('the query string counts as input (the body wins)', async () => {
		const { sb } = ref;
		const r = await axios.post(`${v2Url(sb, 'messages/template')}?language=en&template_name=nope`, { phone: '4915123456789', template_name: 'plain_notice' }, {
			headers: { Authorization: `Bearer ${sb.v2Tokens.send}`, Accept: 'application/json' },
		});
		expect(r.data.data.template_name).toBe('plain_notice');
	});
});

describe('wire names', () => {
	test("v1's names are refused, naming each (strict; the platform would drop them and miss the required ones)", async () => {
		const { sb } = ref;
		const v1 = { phone_number: '4915123456789', template_name: 'plain_notice', template_language: 'en', from_phone_number_id: '123', copy_code: 'X', contact: { firstname: 'A' } };
		const r = await v2Send(sb, v1);
		expect([r.status, r.data]).toEqual([
			422,
			invalid({
				phone_number: ['The phone number field is prohibited.'],
				template_language: ['The template language field is prohibited.'],
				from_phone_number_id: ['The from phone number id field is prohibited.'],
				copy_code: ['The copy code field is prohibited.'],
				contact: ['The contact field is prohibited.'],
				phone: ['Phone number is required.'],
				language: ['Template language is required.'],
			}),
		]);
		expect(sb.requests[0].unknownFields).toEqual(['phone_number', 'template_language', 'from_phone_number_id', 'copy_code', 'contact']);
	});

	test("config v2UnknownFields 'ignore': dropped as the platform drops them, and recorded", async () => {
		const { sb } = ref;
		sb.configure({ v2UnknownFields: 'ignore' });
		const r = await v2Send(sb, { ...V2_PLAIN, from_phone_number_id: '123', copy_code: 'X', contact: { firstname: 'A' } });
		expect(r.status).toBe(200);
		expect(sb.requests[0].unknownFields).toEqual(['from_phone_number_id', 'copy_code', 'contact']);
		expect(sb.messages[0].ignoredFields).toEqual(['from_phone_number_id', 'copy_code', 'contact']);
		expect(sb.messages[0].fields).toEqual(V2_PLAIN);
	});

	test('the required three in the platform words; fields are strings only (a JSON number is refused)', async () => {
		const { sb } = ref;
		const empty = await v2Send(sb, {});
		expect(empty.data).toEqual(invalid({ phone: ['Phone number is required.'], template_name: ['Template name is required.'], language: ['Template language is required.'] }));
		const numbers = await v2Send(sb, { ...V2_ORDER, field_1: 25, header_field_1: 7, phone: 4915123456789 });
		expect(numbers.data.error.details).toEqual({
			field_1: ['The field 1 field must be a string.'],
			header_field_1: ['The header field 1 field must be a string.'],
			phone: ['The phone field must be a string.'],
		});
		expect(sb.messages).toHaveLength(0);
	});

	test.each([
		['+4915123456789', 'The phone field format is invalid.'],
		['004915123456789', 'The phone field format is invalid.'],
		['49151', 'The phone field must be between 8 and 15 characters.'],
	])('phone %s is refused: digits only, country code first, 8-15 ([decided])', async (phone, message) => {
		const r = await v2Send(ref.sb, { ...V2_PLAIN, phone });
		expect(r.data.error.details).toEqual({ phone: [message] });
	});

	test('language <= 10, otp_field_number only 6, contact_id an integer of an existing contact, empty optional values refused', async () => {
		const { sb } = ref;
		const check = async (extra: object) => (await v2Send(sb, { ...V2_PLAIN, ...extra })).data.error?.details;
		expect(await check({ language: 'en_US_POSIX1' })).toEqual({ language: ['The language field must not be greater than 10 characters.'] });
		expect(await check({ otp_field_number: 1 })).toEqual({ otp_field_number: ['The otp field number field must be at least 6.'] });
		expect(await check({ otp_field_number: '7' })).toEqual({ otp_field_number: ['The otp field number field must not be greater than 6.'] });
		expect(await check({ otp_field_number: 6 })).toBeUndefined();
		expect(await check({ contact_id: 'abc' })).toEqual({ contact_id: ['The contact id field must be an integer.'] });
		expect(await check({ contact_id: 9999 })).toEqual({ contact_id: ['The selected contact id is invalid.'] });
		expect(await check({ field_1: ' ' })).toEqual({ field_1: ['The field 1 field must not be empty.'] });
		expect(await check({ auto_generate_otp: 'yes' })).toEqual({ auto_generate_otp: ['The auto generate otp field must be true or false.'] });
	});

	test('a body the node never sends: 415 for another type, 400 for JSON that is not an object, each in the envelope', async () => {
		const { sb } = ref;
		const text = await v2Send(sb, 'phone=1', { headers: { 'Content-Type': 'text/plain' } });
		expect([text.status, text.data.error.code, text.data.error.message]).toEqual([415, 'INVALID_REQUEST', 'Unsupported content type']);
		const list = await v2Send(sb, '[1]', { headers: { 'Content-Type': 'application/json' } });
		expect([list.status, list.data]).toEqual([400, envelopeError('INVALID_REQUEST', 'Malformed JSON body')]);
		expect(rateHeaders(list)['x-ratelimit-limit']).toBe('60');
	});
});

describe("the server's order", () => {
	test('template APPROVED in exactly that language, else 404 "Template not found." (before its fields)', async () => {
		const { sb } = ref;
		for (const [template_name, language] of [['nope', 'en'], ['order_update', 'en_US'], ['order_update', 'EN'], ['summer_sale', 'en']]) {
			const r = await v2Send(sb, { ...V2_PLAIN, template_name, language });
			expect([r.status, r.data]).toEqual([404, envelopeError('NOT_FOUND', 'Template not found.')]);
		}
	});

	test("the template's fields: 422 details.template_fields, the header first, in the platform's words", async () => {
		const { sb } = ref;
		const r = await v2Send(sb, { ...V2_PLAIN, template_name: 'order_update', field_1: 'Ana' });
		expect([r.status, r.data]).toEqual([
			422,
			invalid({ template_fields: ['header_field_1 is required for TEXT header template with parameters', 'field_2 is required (body parameter 2)'] }),
		]);
		const photo = await v2Send(sb, { ...V2_PLAIN, template_name: 'product_photo' });
		expect(photo.data.error.details.template_fields).toEqual(['header_image_url or header_image_file is required for IMAGE header template', 'field_1 is required (body parameter 1)']);
		// A medium of another kind does not count.
		const video = await v2Send(sb, { ...V2_PLAIN, template_name: 'welcome_video', header_image_url: 'https://x.test/a.png' });
		expect(video.data.error.details.template_fields).toEqual(['header_video_url or header_video_file is required for VIDEO header template']);
	});

	test('then the medium (422 header_media), then the contact (404), then opted out (403)', async () => {
		const { sb } = ref;
		const photo = { ...V2_PLAIN, phone: '4915112345678', template_name: 'product_photo', field_1: 'Lamp' };
		const gif = await v2Send(sb, { ...photo, header_image_url: 'https://x.test/a.gif', contact_id: 2 });
		expect([gif.status, gif.data]).toEqual([422, envelopeError('VALIDATION_ERROR', 'Invalid file extension in URL', { header_media: ['Allowed: jpeg, png, jpg'] })]);
		const other = await v2Send(sb, { ...photo, header_image_url: 'https://x.test/a.jpg', contact_id: 2 });
		expect([other.status, other.data]).toEqual([404, envelopeError('NOT_FOUND', 'Contact not found.')]);
		const own = await v2Send(sb, { ...photo, header_image_url: 'https://x.test/a.jpg', contact_id: 1 });
		expect([own.status, own.data.data.contact_id]).toEqual([200, 1]);
		const out = sb.addContact({ phone: '+4917011112222', optedOut: true });
		const optedOut = await v2Send(sb, { ...V2_PLAIN, phone: '4917011112222' });
		expect([optedOut.status, optedOut.data]).toEqual([403, envelopeError('CONTACT_OPTED_OUT', 'Contact has opted out of receiving messages')]);
		expect((await v2Send(sb, { ...V2_PLAIN, phone: '4917011112222', contact_id: out.id })).status).toBe(403);
		expect(sb.messages).toHaveLength(1);
	});
});
