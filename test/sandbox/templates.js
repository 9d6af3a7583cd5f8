'use strict';
/**
 * The templates of the sandbox workspace, in the wire shape of GET templates
 * (the platform's local copy of the WhatsApp templates, as its sync stores it).
 * Parameter counts are the number of `{{...}}` in the text, as the sync counts
 * them (so a named parameter `{{customer_name}}` counts too).
 * 43 records: per_page=15 gives 3 pages, per_page=100 one.
 */
const { TENANT_ID } = require('./platform');

const QR = (text) => ({ type: 'QUICK_REPLY', text });
const URL_BUTTON = (text, url) => ({ type: 'URL', text, url });
const PHONE = (text, phone_number) => ({ type: 'PHONE_NUMBER', text, phone_number });
// Meta returns an AUTHENTICATION copy-code / one-tap button as a URL button with `otp{{1}}`.
const OTP = { type: 'URL', text: 'Copy code', url: 'https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code_expiration_minutes=10&code=otp{{1}}' };
const COPY_CODE = { type: 'COPY_CODE', text: 'Copy offer code', example: ['SPRING20'] };
const FLOW = { type: 'FLOW', text: 'Book now', flow_id: '774411223344', flow_action: 'navigate' };

const ORDER = ['Order {{1}}', 'Hi {{1}}, your order {{2}} is on its way.'];
const CARDS = [1, 2].map((n) => ({
	components: [
		{ type: 'HEADER', format: 'IMAGE', example: { header_handle: [`https://x.test/cards/${n}.jpeg`] } },
		{ type: 'BODY', text: `Pick ${n}: {{1}}` },
		{ type: 'BUTTONS', buttons: [QR('Tell me more')] },
	],
}));

/**
 * [name, language, status, category, header format, header text, body, footer?, buttons?, extra?]
 * Changing one of the first ten changes what other engineers' tests rely on.
 */
const ROWS = [
	['order_update', 'en', 'APPROVED', 'UTILITY', 'TEXT', ORDER[0], ORDER[1], 'Reply STOP to opt out', [QR('Thanks')]],
	['order_update', 'de', 'APPROVED', 'UTILITY', 'TEXT', ORDER[0], ORDER[1], 'Reply STOP to opt out', [QR('Thanks')]],
	['order_update', 'en_US', 'PENDING', 'UTILITY', 'TEXT', ORDER[0], ORDER[1]],
	['invoice_ready', 'en', 'APPROVED', 'UTILITY', 'DOCUMENT', null, 'Your invoice {{1}} is attached.'],
	['product_photo', 'en', 'APPROVED', 'MARKETING', 'IMAGE', null, 'Meet {{1}}, new in our shop.', null, [QR('Show me more'), QR('Not now')]],
	['welcome_video', 'en', 'APPROVED', 'MARKETING', 'VIDEO', null, 'Welcome aboard! Watch this short video to get started.'],
	['login_code', 'en', 'APPROVED', 'AUTHENTICATION', null, null, '{{1}} is your verification code.', 'This code expires in 10 minutes.', [OTP]],
	['plain_notice', 'en', 'APPROVED', 'UTILITY', null, null, 'Our office is closed on public holidays.'],
	[
		'ten_vars', 'en', 'APPROVED', 'UTILITY', null, null,
		'Dear {{1}}, booking {{2}} on {{3}} at {{4}}: room {{5}}, guests {{6}}, rate {{7}}, total {{8}}, paid {{9}}, ref {{10}}.',
	],
	['summer_sale', 'en', 'REJECTED', 'MARKETING', 'IMAGE', null, 'Summer sale: {{1}} off everything!'],
	// Button kinds: dynamic URL, coupon, static URL + phone, flow.
	['shipping_update', 'en', 'APPROVED', 'UTILITY', null, null, 'Your parcel {{1}} ships with {{2}}.', null, [URL_BUTTON('Track parcel', 'https://x.test/track/{{1}}')]],
	['coupon_offer', 'en', 'APPROVED', 'MARKETING', null, null, 'Use code {{1}} for 20% off.', null, [COPY_CODE]],
	['visit_us', 'en', 'APPROVED', 'MARKETING', null, null, 'Visit our new store this weekend.', null, [URL_BUTTON('Stores', 'https://x.test/stores'), PHONE('Call us', '+4930123456')]],
	['booking_flow', 'en', 'APPROVED', 'MARKETING', null, null, 'Book your next appointment in seconds.', null, [FLOW]],
	// Kinds the v1 endpoint cannot really send: location header, named parameters, carousel.
	['store_location', 'en', 'APPROVED', 'UTILITY', 'LOCATION', null, 'Your pickup point for order {{1}}.'],
	['named_greeting', 'en', 'APPROVED', 'MARKETING', null, null, 'Hello {{customer_name}}, thanks for choosing us!'],
	// The sync takes a carousel's header format from its first card.
	['spring_carousel', 'en', 'APPROVED', 'MARKETING', 'IMAGE', null, 'Spring picks for {{1}}', null, null, { template_type: 'carousel', cards_json: JSON.stringify(CARDS) }],
	['payment_due', 'en', 'APPROVED', 'UTILITY', 'TEXT', 'Payment {{1}}', 'Hi {{1}}, {{2}} is due on {{3}}.'],
	['appointment_reminder', 'en', 'APPROVED', 'UTILITY', 'TEXT', 'Appointment reminder', 'Hi {{1}}, see you on {{2}} at {{3}}.', null, [QR('Confirm'), QR('Reschedule')]],
	['appointment_reminder', 'es', 'APPROVED', 'UTILITY', 'TEXT', 'Recordatorio de cita', 'Hola {{1}}, te esperamos el {{2}} a las {{3}}.'],
	['account_alert', 'en', 'APPROVED', 'UTILITY', null, null, 'Alert for {{1}}: {{2}} at {{3}} from {{4}}.'],
	['password_reset', 'en', 'APPROVED', 'AUTHENTICATION', null, null, '{{1}} is your password reset code.', null, [OTP]],
	['feedback_request', 'en', 'PENDING', 'MARKETING', null, null, 'How was your visit, {{1}}?'],
	['newsletter_opt_in', 'en', 'REJECTED', 'MARKETING', null, null, 'Get our weekly deals!'],
	['delivery_window', 'pt_BR', 'APPROVED', 'UTILITY', null, null, 'Olá {{1}}, sua entrega chega entre {{2}} e {{3}}.'],
	['delivery_window', 'en', 'APPROVED', 'UTILITY', null, null, 'Hi {{1}}, your delivery arrives between {{2}} and {{3}}.'],
	['ticket_created', 'en', 'APPROVED', 'UTILITY', 'TEXT', 'Ticket {{1}}', 'We received your request about {{1}}.'],
	['ticket_closed', 'en', 'APPROVED', 'UTILITY', null, null, 'Ticket {{1}} is closed. Reply to reopen it.', null, [QR('Reopen')]],
	['event_invite', 'en', 'APPROVED', 'MARKETING', 'IMAGE', null, "You're invited to {{1}} on {{2}}.", null, [URL_BUTTON('Details', 'https://x.test/events')]],
	['course_intro', 'en', 'APPROVED', 'MARKETING', 'VIDEO', null, 'Lesson {{1}} is ready.'],
	['contract_copy', 'en', 'APPROVED', 'UTILITY', 'DOCUMENT', null, 'Hi {{1}}, here is your contract {{2}}.'],
	['price_list', 'de', 'APPROVED', 'MARKETING', 'DOCUMENT', null, 'Unsere aktuelle Preisliste.'],
	['reorder_reminder', 'en', 'PAUSED', 'MARKETING', null, null, 'Time to reorder {{1}}?'],
	['back_in_stock', 'fr', 'APPROVED', 'MARKETING', 'IMAGE', null, '{{1}} est de nouveau disponible !'],
	['two_factor', 'pt_BR', 'APPROVED', 'AUTHENTICATION', null, null, '{{1}} é o seu código de verificação.', null, [OTP]],
	['survey_link', 'en', 'APPROVED', 'MARKETING', null, null, 'Tell us what you think, {{1}}.', null, [URL_BUTTON('Open survey', 'https://x.test/survey/{{1}}')]],
	['holiday_hours', 'en_GB', 'APPROVED', 'UTILITY', 'TEXT', 'Holiday hours', 'We are open {{1}} to {{2}} during the holidays.'],
	['loyalty_points', 'en', 'APPROVED', 'MARKETING', null, null, 'You have {{1}} points. They expire on {{2}}.', 'Terms apply'],
	['refund_issued', 'en', 'APPROVED', 'UTILITY', null, null, 'We refunded {{1}} to your {{2}}.'],
	['order_cancelled', 'de', 'PENDING', 'UTILITY', null, null, 'Ihre Bestellung {{1}} wurde storniert.'],
	['webinar_reminder', 'en', 'APPROVED', 'MARKETING', 'VIDEO', null, 'Starts in {{1}} minutes: {{2}}.'],
	['flash_sale', 'en', 'REJECTED', 'MARKETING', 'IMAGE', null, 'Flash sale ends {{1}}!'],
	['address_update', 'en', 'APPROVED', 'UTILITY', 'TEXT', 'Address {{1}}', 'Please confirm your address: {{1}}, {{2}}, {{3}}, {{4}}.'],
];

const countParams = (text) => (text ? (text.match(/{{(.*?)}}/g) || []).length : 0);

function record([name, language, status, category, format, headerText, body, footer = null, buttons = null, extra = {}], id) {
	{
		return Object.freeze({
			id,
			tenant_id: TENANT_ID,
			template_id: String(1200000000000000 + id * 7919),
			template_name: name,
			language,
			status,
			category,
			header_data_format: format,
			header_data_text: headerText,
			header_params_count: countParams(headerText),
			body_data: body,
			body_params_count: countParams(body),
			footer_data: footer,
			footer_params_count: countParams(footer),
			// A JSON-encoded string on the wire, as the platform stores it.
			buttons_data: buttons ? JSON.stringify(buttons) : null,
			template_type: extra.template_type || null,
			cards_json: extra.cards_json || null,
		});
	}
}

const TEMPLATES = Object.freeze(ROWS.map((row, i) => record(row, 101 + i)));

/**
 * A bigger workspace (option `moreTemplates`): the fixtures, then `count` approved one-variable
 * notices `bulk_notice_<n>`, so that listing them needs several pages.
 */
function withMoreTemplates(count) {
	const more = Array.from({ length: count }, (_, n) =>
		record([`bulk_notice_${n + 1}`, 'en', 'APPROVED', 'UTILITY', null, null, `Notice ${n + 1} for {{1}}.`], 101 + ROWS.length + n),
	);
	return Object.freeze([...TEMPLATES, ...more]);
}

module.exports = { TEMPLATES, withMoreTemplates };
