/** v1 POST messages/send (free text): limits and error bodies, Xobito's ignored keys, the stringified WhatsApp refusal. */
import { post, useSandbox } from './helpers';

const ref = useSandbox();
const TEXT = { phone_number: '4915123456789', message_body: 'Your order A-17 has shipped.' };
const text = (body: unknown, opts = {}) => post(ref.sb, 'messages/send', body, opts);
const invalid = (errors: unknown) => ({ status: 'error', message: 'Validation failed', errors });

test('200: the wamid in data.message_id, sent_at as Y-m-d H:i:s, the stored +digits, merge tokens replaced; recorded', async () => {
	const { sb } = ref;
	const r = await text({ phone_number: '4915112345678', message_body: 'Hi {contact_first_name},\n\nyour  order shipped.' });
	expect(r.status).toBe(200);
	expect(r.data).toEqual({
		status: 'success',
		message: 'message_sent_successfully',
		data: {
			message_id: expect.stringMatching(/^wamid\./),
			contact_id: 1,
			phone: '+4915112345678',
			message: 'Hi Ana,\n\nyour  order shipped.',
			status: 'sent',
			sent_at: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
			chat_id: expect.any(Number),
			contact_created: false,
		},
	});
	const [m] = sb.freeForm;
	expect(m).toMatchObject({ api: 'v1', route: 'messages.send', kind: 'text', wamid: r.data.data.message_id, digits: '4915112345678', contactId: 1, ignored: {} });
	expect(m.whatsapp).toEqual({ type: 'text', text: 'Hi Ana,\n\nyour  order shipped.' });
	expect(sb.messages).toEqual([]);
	expect(sb.requests[0].route).toBe('messages.send');
});

test('a new phone creates the contact from `contact`, before the send', async () => {
	const { sb } = ref;
	const r = await text({ ...TEXT, contact: { firstname: 'Zoe', lastname: 'Ng' } });
	expect(r.data.data).toMatchObject({ contact_created: true, phone: '+4915123456789' });
	expect(sb.contacts.find((c) => c.phone === '+4915123456789')).toMatchObject({ firstname: 'Zoe', lastname: 'Ng' });
	const bad = await text({ ...TEXT, phone_number: '4915100000077', contact: { source_id: 99 } });
	expect([bad.status, bad.data]).toEqual([422, invalid({ source_id: ['The selected source id is invalid.'] })]);
});

describe('validation (422 errors.{field}[])', () => {
	test.each([
		['message_body over 4096', { ...TEXT, message_body: 'x'.repeat(4097) }, { message_body: ['The message body field must not be greater than 4096 characters.'] }],
		['no message_body', { phone_number: TEXT.phone_number }, { message_body: ['The message body field is required.'] }],
		['a phone with +', { ...TEXT, phone_number: '+4915123456789' }, { phone_number: ['The phone number field format is invalid.'] }],
		['a national phone', { ...TEXT, phone_number: '015123456789' }, { phone_number: ['The phone number field format is invalid.'] }],
		['a phone of 16 digits', { ...TEXT, phone_number: '4915123456789012' }, { phone_number: ['The phone number field must be between 8 and 15 characters.'] }],
		['an unknown field', { ...TEXT, text: 'x' }, { text: ['The text field is prohibited.'] }],
		['an unknown message_type', { ...TEXT, message_type: 'list' }, { message_type: ['The selected message type is invalid.'] }],
	])('%s', async (_name, body, errors) => {
		const r = await text(body);
		expect([r.status, r.data]).toEqual([422, invalid(errors)]);
		expect(ref.sb.requests[0].validationErrors).toEqual(errors);
		expect(ref.sb.freeForm).toEqual([]);
	});

	test('exactly 4096 characters pass', async () => {
		expect((await text({ ...TEXT, message_body: 'é'.repeat(4096) })).status).toBe(200);
	});
});

describe("Xobito's message_type keys: checked as documented, then ignored (the text alone is sent)", () => {
	const buttons = [{ id: 'yes', title: 'Yes' }, { id: 'no', title: 'No' }];

	test('interactive buttons are accepted, recorded in `ignored`, and not sent', async () => {
		const { sb } = ref;
		const body = { ...TEXT, message_type: 'interactive', header: 'Order', footer: 'Shop', buttons };
		expect((await text(body)).status).toBe(200);
		expect(sb.freeForm[0].ignored).toEqual({ message_type: 'interactive', header: 'Order', footer: 'Shop', buttons });
		expect(sb.freeForm[0].whatsapp).toEqual({ type: 'text', text: TEXT.message_body });
	});

	test.each([
		['4 buttons', { message_type: 'interactive', buttons: [...buttons, ...buttons] }, { buttons: ['The buttons field must not have more than 3 items.'] }],
		['no buttons', { message_type: 'interactive', buttons: [] }, { buttons: ['The buttons field must have at least 1 items.'] }],
		['a title of 21', { message_type: 'interactive', buttons: [{ id: 'a', title: 'x'.repeat(21) }] }, { 'buttons.0.title': ['The buttons.0.title field must not be greater than 20 characters.'] }],
		['a button without id', { message_type: 'interactive', buttons: [{ title: 'Yes' }] }, { 'buttons.0.id': ['The buttons.0.id field is required.'] }],
		['buttons without interactive', { buttons }, { buttons: ['The buttons field is prohibited unless message type is interactive.'] }],
		['a button url without cta_url', { message_type: 'text', button_url: 'https://x.test' }, { button_url: ['The button url field is prohibited unless message type is cta_url.'] }],
	])('%s: 422', async (_name, extra, errors) => {
		const r = await text({ ...TEXT, ...extra });
		expect([r.status, r.data]).toEqual([422, invalid(errors)]);
	});

	test('cta_url with button_text and button_url passes', async () => {
		const r = await text({ ...TEXT, message_type: 'cta_url', button_text: 'Track', button_url: 'https://shop.test/track/A-17' });
		expect(r.status).toBe(200);
		expect(ref.sb.freeForm[0].ignored).toMatchObject({ message_type: 'cta_url', button_text: 'Track' });
	});
});

describe('failures at the send (500 {status, message, error})', () => {
	const graph = (r: { data: { error: string } }) => JSON.parse(r.data.error);

	test.each([131030, 131026, 131047])('WhatsApp refuses with %i: `error` is its JSON as a string', async (code) => {
		ref.sb.injectFault({ kind: 'whatsapp500', code });
		const r = await text(TEXT);
		expect(r.status).toBe(500);
		expect(r.data).toEqual({ status: 'error', message: 'failed_to_send_whatsapp_message', error: expect.any(String) });
		expect(graph(r).error).toMatchObject({ code, type: 'OAuthException', message: expect.stringMatching(new RegExp(`^\\(#${code}\\) `)), error_data: { messaging_product: 'whatsapp' } });
		expect(ref.sb.freeForm).toEqual([]);
	});

	test('the template send answers a coded whatsapp500 in errors.whatsapp, with the code in the text', async () => {
		ref.sb.injectFault({ kind: 'whatsapp500', code: 131047 });
		const r = await post(ref.sb, 'messages/template', { phone_number: TEXT.phone_number, template_name: 'plain_notice', template_language: 'en' });
		const refusal = '(#131047) Re-engagement message';
		expect([r.status, r.data]).toEqual([500, { status: 'error', message: refusal, errors: { whatsapp: [refusal] } }]);
	});

	test('without a code: 131030', async () => {
		ref.sb.injectFault({ kind: 'whatsapp500' });
		expect(graph(await text(TEXT)).error.message).toBe('(#131030) Recipient phone number not in allowed list');
	});

	test.each([
		['noMessageId200', { status: 'error', message: 'failed_to_send_whatsapp_message', error: 'No message ID in response' }],
		['system500', { status: 'error', message: 'failed_to_send_message', error: 'Internal server error' }],
	] as const)('%s', async (kind, body) => {
		ref.sb.injectFault({ kind });
		const r = await text(TEXT);
		expect([r.status, r.data]).toEqual([500, body]);
		expect(ref.sb.requests[0].fault).toBe(kind);
	});

	test('notConnected503: 422 whatsapp_connection_not_configured here; opted out: 403', async () => {
		const { sb } = ref;
		sb.injectFault({ kind: 'notConnected503' });
		const r = await text(TEXT);
		expect([r.status, r.data]).toEqual([422, { status: 'error', message: 'whatsapp_connection_not_configured' }]);
		sb.addContact({ phone: '+4917000000055', optedOut: true });
		const out = await text({ ...TEXT, phone_number: '4917000000055' });
		expect([out.status, out.data.error_code]).toEqual([403, 'CONTACT_OPTED_OUT']);
	});

	test('a fault aimed at messages/media waits for it; the template send does not take it', async () => {
		const { sb } = ref;
		sb.injectFault({ kind: 'system500', match: { route: 'messages.media' } });
		expect((await text(TEXT)).status).toBe(200);
		expect((await post(sb, 'messages/template', { phone_number: TEXT.phone_number, template_name: 'plain_notice', template_language: 'en' })).status).toBe(200);
		expect(sb.pendingFaults).toEqual([expect.objectContaining({ kind: 'system500', route: 'messages.media' })]);
	});
});

test('the gate: ability messages.send, the token, JSON or multipart only, the rate limit', async () => {
	const { sb } = ref;
	expect((await text(TEXT, { token: sb.tokens.noSend })).data).toEqual({ status: 'error', message: 'Token does not have the required ability: messages.send' });
	expect((await text(TEXT, { token: null })).status).toBe(401);
	expect((await text('message_body=x', { headers: { 'Content-Type': 'text/plain' } })).status).toBe(415);
	sb.configure({ rateLimit: { max: 2, windowMs: 60_000 } });
	const codes = [];
	for (let i = 0; i < 3; i++) codes.push((await text(TEXT)).status);
	expect(codes).toEqual([200, 200, 429]);
});
