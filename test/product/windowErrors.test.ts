/**
 * The error rows of the messages in the 24-hour window through n8n's real engine against the
 * sandbox, on both APIs: v1's WhatsApp refusal as JSON text in a 500 (explained by its code, not
 * sent), `No message ID in response` and other 500s (unknown), v2's MESSAGE_SEND_FAILED and its
 * 500 outside the envelope; each with its delivery certainty, one request, and the same words under
 * continue-on-fail.
 */
import type { Fault } from '../sandbox';
import { answers } from '../support/wire';
import { answersV2 } from '../support/wireV2';
import { expectErrorRow, type ErrorRow } from './errorRows';
import { startProduct, type Product } from './setup';

const TEXT = { operation: 'sendText', text: 'Your order has shipped.' };
const MEDIA = { operation: 'sendMedia', mediaType: 'image', mediaUrl: 'https://cdn.example.com/a.png' };
const BUTTONS = { operation: 'sendButtons', bodyText: 'Deliver tomorrow?', buttons: { button: [{ title: 'Yes' }] } };
const OUTSIDE_WINDOW = /More than 24 hours have passed since the customer last wrote to this number \(WhatsApp code 131047\).*send an approved template instead/;

const v1Rows: ErrorRow[] = [
	{ name: 'text: WhatsApp refused (#131047), its JSON as a string in a 500', params: TEXT, fault: { kind: 'whatsapp500', code: 131047, match: { route: 'messages.send' } }, status: 500, message: /^WhatsApp refused the message: \(#131047\)/, description: OUTSIDE_WINDOW, delivery: 'not sent' },
	{ name: 'media: WhatsApp refused (#131026)', params: MEDIA, fault: { kind: 'whatsapp500', code: 131026, match: { route: 'messages.media' } }, status: 500, message: /^WhatsApp refused the message: \(#131026\)/, description: /cannot be delivered to this number/, delivery: 'not sent' },
	{ name: 'buttons: WhatsApp refused (#131030)', params: BUTTONS, fault: { kind: 'whatsapp500', code: 131030, match: { route: 'messages.send' } }, status: 500, message: /^WhatsApp refused the message: \(#131030\)/, description: /allowed test numbers/, delivery: 'not sent' },
	{ name: 'text: No message ID in response', params: TEXT, fault: { kind: 'noMessageId200', match: { route: 'messages.send' } }, status: 500, message: /^The platform failed while handling the message \(HTTP 500: No message ID in response\)/, description: /may or may not have gone out/, delivery: 'unknown' },
	{ name: 'media: another 500 (Internal server error)', params: MEDIA, fault: { kind: 'system500', match: { route: 'messages.media' } }, status: 500, message: /\(HTTP 500: Internal server error\)/, description: /may or may not have gone out/, delivery: 'unknown' },
	{ name: 'media: the empty 200 of a link the platform cannot download', params: { ...MEDIA, mediaUrl: 'https://files.invalid/a.png' }, status: 200, message: /HTTP 200 with an empty body/, description: /may or may not have gone out/, delivery: 'unknown' },
	{ name: 'media: the kind’s extension refused (422 without errors)', params: MEDIA, fault: { kind: 'respond', status: 422, body: { status: 'error', message: 'Invalid file extension for image. Allowed: jpeg, png' } }, status: 422, message: /^The platform refused the media file: Invalid file extension for image/, description: /audio \.aac \.amr \.mp3 \.m4a \.ogg/, delivery: 'not sent' },
	{ name: 'text: WhatsApp not configured (422 whatsapp_connection_not_configured)', params: TEXT, fault: { kind: 'notConnected503', match: { route: 'messages.send' } }, status: 422, message: /WhatsApp is not connected/, description: /connect WhatsApp/, delivery: 'not sent' },
	{ name: 'text: fields refused (422 Validation failed), named as the node names them', params: TEXT, fault: { kind: 'respond', status: 422, body: answers.error('Validation failed', { phone_number: ['The phone number format is invalid.'], message_body: ['The message body is too long.'] }), match: { route: 'messages.send' } }, status: 422, message: /^Recipient Phone: The phone number format is invalid\.; Text: The message body is too long\./, description: /^Fix the values named above/, delivery: 'not sent' },
	{ name: 'media: a field refused, named as the node names it', params: MEDIA, fault: { kind: 'respond', status: 422, body: answers.error('Validation failed', { media_url: ['The media url must be a valid URL.'] }), match: { route: 'messages.media' } }, status: 422, message: /^Media URL: The media url must be a valid URL\./, description: /^Fix the values named above/, delivery: 'not sent' },
	{ name: 'buttons: a field refused, named as the node names it', params: BUTTONS, fault: { kind: 'respond', status: 422, body: answers.error('Validation failed', { message_body: ['The message body is required.'] }), match: { route: 'messages.send' } }, status: 422, message: /^Body Text: The message body is required\./, description: /^Fix the values named above/, delivery: 'not sent' },
	{ name: 'text: a wrong token', params: TEXT, credentials: () => ({ apiToken: 'apitk_wrong' }), status: 401, message: /token was refused/, description: /API Management/, delivery: 'not sent' },
];

const v2 = (kind: string, extra: Partial<Fault> = {}) => ({ kind, api: 'v2', ...extra }) as Fault;
const v2Rows: ErrorRow[] = [
	{ name: 'text: MESSAGE_SEND_FAILED (#131047)', params: TEXT, fault: v2('sendFailedWhatsApp500', { code: 131047 }), status: 500, message: /^WhatsApp refused the message: \(#131047\)/, description: OUTSIDE_WINDOW, delivery: 'not sent' },
	{ name: 'media: MESSAGE_SEND_FAILED (#131026)', params: MEDIA, fault: v2('sendFailedWhatsApp500', { code: 131026 }), status: 500, message: /\(#131026\)/, description: /cannot be delivered/, delivery: 'not sent' },
	{ name: 'buttons: MESSAGE_SEND_FAILED without a WhatsApp code', params: BUTTONS, fault: v2('sendFailedUnknown500'), status: 500, message: /could not tell whether WhatsApp took the message/, description: /may or may not have gone out/, delivery: 'unknown' },
	{ name: 'text: a 500 outside the envelope (what messages/text answers invalid input with)', params: TEXT, fault: v2('serverError500'), status: 500, message: /outside API v2's envelope/, description: /may or may not have gone out/, delivery: 'unknown' },
	{ name: 'media: the extension refused outside the envelope', params: MEDIA, fault: { kind: 'respond', api: 'v2', status: 422, body: answersV2.bareError('Invalid file extension for image. Allowed: jpeg, png, jpg') }, status: 422, message: /^The platform refused the media file: Invalid file extension/, description: /Binary File/, delivery: 'not sent' },
	{ name: 'buttons: CONTACT_OPTED_OUT', params: BUTTONS, fault: v2('optedOut403'), status: 403, message: /opted out/, description: /opt in again/, delivery: 'not sent' },
	{ name: 'text: fields refused (VALIDATION_ERROR), named as the node names them', params: TEXT, fault: { kind: 'respond', api: 'v2', status: 422, body: answersV2.error('VALIDATION_ERROR', 'The given data was invalid.', { phone: ['The phone format is invalid.'], message: ['The message is too long.'] }) }, status: 422, message: /^Recipient Phone: The phone format is invalid\.; Text: The message is too long\./, description: /^Fix the values named above/, delivery: 'not sent' },
	{ name: 'buttons: a field refused, named as the node names it', params: BUTTONS, fault: { kind: 'respond', api: 'v2', status: 422, body: answersV2.error('VALIDATION_ERROR', 'The given data was invalid.', { body_text: ['The body text is required.'] }) }, status: 422, message: /^Body Text: The body text is required\./, description: /^Fix the values named above/, delivery: 'not sent' },
	{ name: 'text: INSUFFICIENT_SCOPE', params: TEXT, credentials: (p) => ({ apiToken: p.sb.v2Tokens.noSend }), status: 403, message: /lacks the scope messages:send/, description: /Give the token the scope messages:send/, delivery: 'not sent' },
];

describe.each([
	['v1', v1Rows],
	['v2', v2Rows],
] as const)('API %s: each error row of the window’s sends', (api, rows) => {
	let product: Product;
	beforeAll(async () => {
		product = await startProduct('filesystem', { api });
	});
	afterAll(async () => await product.close());
	beforeEach(() => product.sb.reset());

	it.each(rows.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
		await expectErrorRow(product, row);
	});
});
