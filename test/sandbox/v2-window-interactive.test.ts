/** v2 POST messages/interactive: reply buttons and lists, every limit, what WhatsApp gets. */
import { useSandbox } from './helpers';
import { chatSent, envelopeError, invalid, v2Post } from './v2helpers';

const ref = useSandbox();
const PHONE = '4915123456789';
const interactive = (body: unknown, opts = {}) => v2Post(ref.sb, 'messages/interactive', body, opts);
const BUTTONS = { phone: PHONE, type: 'button', body_text: 'Did it arrive?', buttons: [{ id: 'yes', title: 'Yes' }, { id: 'no', title: 'No' }] };
const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, title: `Row ${i}` }));
const LIST = { phone: PHONE, type: 'list', body_text: 'Pick a slot', list_button_text: 'Slots', sections: [{ title: 'Monday', rows: rows(2) }] };

test('buttons: 200 in the envelope; WhatsApp gets body, header, footer and the buttons', async () => {
	const { sb } = ref;
	const r = await interactive({ ...BUTTONS, header_text: 'Order A-17', footer_text: 'Shop' });
	expect(r.data).toEqual(chatSent(PHONE, { type: 'button' }, 'Interactive message sent successfully'));
	expect(sb.freeForm[0]).toMatchObject({ route: 'messages.interactive', kind: 'interactive' });
	expect(sb.freeForm[0].whatsapp).toEqual({ type: 'interactive', interactive: { type: 'button', body: 'Did it arrive?', header: 'Order A-17', footer: 'Shop', buttons: BUTTONS.buttons } });
});

test('a list without header_text is sent with the header "Options"', async () => {
	const { sb } = ref;
	expect((await interactive(LIST)).status).toBe(200);
	expect(sb.freeForm[0].whatsapp).toEqual({ type: 'interactive', interactive: { type: 'list', body: 'Pick a slot', header: 'Options', button: 'Slots', sections: LIST.sections } });
});

describe('limits (422 VALIDATION_ERROR, nothing sent)', () => {
	const x = (n: number) => 'x'.repeat(n);
	test.each([
		['body_text 1025', { ...BUTTONS, body_text: x(1025) }, { body_text: ['The body text field must not be greater than 1024 characters.'] }],
		['header_text 61', { ...BUTTONS, header_text: x(61) }, { header_text: ['The header text field must not be greater than 60 characters.'] }],
		['footer_text 61', { ...BUTTONS, footer_text: x(61) }, { footer_text: ['The footer text field must not be greater than 60 characters.'] }],
		['4 buttons', { ...BUTTONS, buttons: [...BUTTONS.buttons, ...BUTTONS.buttons] }, { buttons: ['The buttons field must not have more than 3 items.'] }],
		['a button title 21', { ...BUTTONS, buttons: [{ id: 'a', title: x(21) }] }, { 'buttons.0.title': ['The buttons.0.title field must not be greater than 20 characters.'] }],
		['buttons missing', { ...BUTTONS, buttons: undefined }, { buttons: ['The buttons field is required when type is button.'] }],
		['an unknown type', { ...BUTTONS, type: 'carousel', buttons: undefined }, { type: ['The selected type is invalid.'] }],
		['list_button_text 21', { ...LIST, list_button_text: x(21) }, { list_button_text: ['The list button text field must not be greater than 20 characters.'] }],
		['11 sections', { ...LIST, sections: Array.from({ length: 11 }, () => ({ title: 'S', rows: rows(1) })) }, { sections: ['The sections field must not have more than 10 items.'] }],
		['a row title 25', { ...LIST, sections: [{ title: 'S', rows: [{ id: 'a', title: x(25) }] }] }, { 'sections.0.rows.0.title': ['The sections.0.rows.0.title field must not be greater than 24 characters.'] }],
		['a row description 73', { ...LIST, sections: [{ title: 'S', rows: [{ id: 'a', title: 'A', description: x(73) }] }] }, { 'sections.0.rows.0.description': ['The sections.0.rows.0.description field must not be greater than 72 characters.'] }],
		['a section without rows', { ...LIST, sections: [{ title: 'S' }] }, { 'sections.0.rows': ['The sections.0.rows field is required.'] }],
		['sections missing', { ...LIST, sections: undefined }, { sections: ['The sections field is required when type is list.'] }],
		['buttons on a list', { ...LIST, buttons: BUTTONS.buttons }, { buttons: ['The buttons field is prohibited unless type is button.'] }],
		['sections on buttons', { ...BUTTONS, sections: LIST.sections }, { sections: ['The sections field is prohibited unless type is list.'] }],
	])('%s', async (_name, body, details) => {
		const r = await interactive(JSON.parse(JSON.stringify(body)));
		expect([r.status, r.data]).toEqual([422, invalid(details)]);
		expect(ref.sb.freeForm).toEqual([]);
	});

	test('at every limit it passes', async () => {
		const at = {
			...LIST,
			body_text: 'x'.repeat(1024),
			header_text: 'x'.repeat(60),
			footer_text: 'x'.repeat(60),
			list_button_text: 'x'.repeat(20),
			sections: Array.from({ length: 10 }, (_, i) => ({ title: `S${i}`, rows: [{ id: `r${i}`, title: 'x'.repeat(24), description: 'x'.repeat(72) }] })),
		};
		expect((await interactive(at)).status).toBe(200);
		const three = [1, 2, 3].map((i) => ({ id: `b${i}`, title: 'x'.repeat(20) }));
		expect((await interactive({ ...BUTTONS, buttons: three })).status).toBe(200);
	});
});

test('opted out, scope, faults', async () => {
	const { sb } = ref;
	sb.addContact({ phone: '+4917000000055', optedOut: true });
	expect((await interactive({ ...BUTTONS, phone: '4917000000055' })).data).toEqual(envelopeError('CONTACT_OPTED_OUT', 'Contact has opted out of receiving messages'));
	expect((await interactive(BUTTONS, { token: sb.v2Tokens.noSend })).data.error.code).toBe('INSUFFICIENT_SCOPE');
	sb.injectFault({ kind: 'sendFailedWhatsApp500', code: 131026, match: { route: 'messages.interactive' } });
	const r = await interactive(BUTTONS);
	expect(r.data).toEqual(envelopeError('MESSAGE_SEND_FAILED', 'Failed to send interactive message', { error: '(#131026) Message undeliverable' }));
});
