/**
 * The edges of API v1's error table (shared/platform/v1/errors.ts, CONTRACT.md "Errors"): keys that
 * decide "not sent" only with their status, WhatsApp's refusal with parts missing, Send Media's
 * answers, the platform's words as a hint; and the words both APIs share (explaining.ts) when the
 * operation gave no field names or no template.
 */
import type { INode } from 'n8n-workflow';

import { templateFieldLabels } from '../../nodes/WhatsAppTemplates/actions/message/sendTemplate/wire';
import { responseError, type Delivery } from '../../nodes/WhatsAppTemplates/shared/apiError';
import { v1, v2 } from '../../nodes/WhatsAppTemplates/shared/platform';
import { WIRE, answers } from '../support/wire';

const node: INode = { id: '1', name: 'WhatsApp Templates', type: 'whatsAppTemplates', typeVersion: 1, position: [0, 0], parameters: {} };
const TEMPLATE = { templateName: 'order_update', templateLanguage: 'en', label: templateFieldLabels(v1.templateSend) };
const MEDIA = { messageMedia: true };
const err = answers.error;
const answer = (statusCode: number, body: unknown) => ({ statusCode, headers: {}, body });

function mapped(statusCode: number, body: unknown, context: object = TEMPLATE) {
	const { error, delivery } = responseError(v1, node, 0, answer(statusCode, body), context);
	return { message: error.message, description: error.description ?? '', delivery };
}

const rows: Array<{ name: string; status: number; body: unknown; context?: object; message: string; delivery: Delivery }> = [
	{ name: 'a 2xx error envelope names its errors', status: 200, body: err('Failed to send template', answers.system()), message: 'The platform answered HTTP 200 but reported an error: system: An error occurred while sending the template message', delivery: 'unknown' },
	{ name: "WhatsApp's refusal in message when errors.whatsapp is empty", status: 500, body: err('(#131026) Message undeliverable', { whatsapp: [] }), message: 'WhatsApp refused the message: (#131026) Message undeliverable', delivery: 'not sent' },
	{ name: 'errors.whatsapp empty and no message', status: 500, body: { status: 'error', errors: { whatsapp: [] } }, message: 'WhatsApp refused the message', delivery: 'not sent' },
	{ name: "errors.whatsapp's texts, not the untranslated key in message", status: 500, body: err('whatsapp_send_failed', { whatsapp: ['(#132000) Number of parameters does not match', 'expected 2, got 1'] }), message: 'WhatsApp refused the message: (#132000) Number of parameters does not match expected 2, got 1', delivery: 'not sent' },
	// CONTRACT.md: a 500 is "not sent" only with errors.whatsapp; the validation keys belong to a 422.
	{ name: 'a 500 with errors.header_media', status: 500, body: err('Server Error', answers.headerMedia('Cannot access header media URL')), message: 'The platform failed while handling the message (HTTP 500)', delivery: 'unknown' },
	{ name: 'a 500 with errors.template_fields', status: 500, body: err('Server Error', answers.templateFields([`${WIRE.body(1)} (Body parameter 1 is required for this template)`])), message: 'The platform failed while handling the message (HTTP 500)', delivery: 'unknown' },
	{ name: 'a 500 whose message is the 422 key of no WhatsApp connection', status: 500, body: err('whatsapp_connection_not_configured'), message: 'The platform failed while handling the message (HTTP 500)', delivery: 'unknown' },
	{ name: "Send Media: the platform's crash is no media refusal", status: 500, body: { message: 'Server Error' }, context: MEDIA, message: 'The platform failed while handling the message (HTTP 500)', delivery: 'unknown' },
	{ name: 'Send Media: a 422 without a message', status: 422, body: { status: 'error' }, context: MEDIA, message: 'The platform refused the media file', delivery: 'not sent' },
	{ name: 'Send Media: a 422 whose message is not text', status: 422, body: { status: 'error', message: { image: ['too large'] } }, context: MEDIA, message: 'The platform refused the media file', delivery: 'not sent' },
	{ name: 'a 400 without errors', status: 400, body: err('Bad Request'), message: 'The platform refused the request (HTTP 400)', delivery: 'not sent' },
];

describe('the edges of API v1 error table', () => {
	it.each(rows)('$name → $delivery', ({ status, body, context, message, delivery }) => {
		const got = mapped(status, body, context);
		expect(got.message).toBe(message);
		expect(got.delivery).toBe(delivery);
	});
});

describe("the platform's words as a hint", () => {
	it('an empty message is no hint', () => {
		expect(v1.explain(answer(500, err('')), TEMPLATE).said).toBeUndefined();
	});

	it('a message that is not text is not shown', () => {
		const got = mapped(422, err({ phone_number: ['too short'] } as never, { [WIRE.phone]: ['too short'] }));
		expect(got.message).toBe('Recipient Phone: too short');
		expect(got.description).not.toContain('The platform said');
	});
});

describe('the words both APIs share, when the operation gave no field names or template', () => {
	it('field errors keep the wire names as they came', () => {
		expect(mapped(422, err('validation_failed', { [WIRE.phone]: ['The phone number field must be at least 8 characters.'] }), {}).message).toBe(
			`${WIRE.phone}: The phone number field must be at least 8 characters.`,
		);
	});

	it('a template not found is named "?"', () => {
		expect(v2.explain(answer(404, { success: false, error: { code: 'NOT_FOUND', message: 'Template not found.' } }), {}).message).toBe(
			'Template "?" in language "?" was not found, is not APPROVED, or exists only in another language',
		);
	});
});
