/**
 * Every row of CONTRACT.md's error table (shared/apiError.ts): the node's own words for the
 * status and the kinds of errors, the platform's own message only as a hint, and whether the message
 * may have gone out ('not sent' | 'unknown').
 */
import type { INode } from 'n8n-workflow';

import { templateFieldLabels } from '../../nodes/WhatsAppTemplates/actions/message/sendTemplate/wire';
import { responseError, type Delivery } from '../../nodes/WhatsAppTemplates/shared/apiError';
import { v1 } from '../../nodes/WhatsAppTemplates/shared/platform';
import { CONTACT_KEYS, WIRE, answers } from '../support/wire';

const node: INode = { id: '1', name: 'WhatsApp Templates', type: 'whatsAppTemplates', typeVersion: 1, position: [0, 0], parameters: {} };
const context = { templateName: 'order_update', templateLanguage: 'en', label: templateFieldLabels(v1.templateSend) };

function mapped(statusCode: number, body: unknown, headers: Record<string, string> = {}) {
	const { error, delivery } = responseError(v1, node, 4, { statusCode, headers, body }, context);
	expect(error.context.itemIndex).toBe(4);
	expect(error.httpCode).toBe(String(statusCode));
	return { message: error.message, description: error.description ?? '', delivery };
}

const NOT_SENT = /Nothing was sent\.$/;
const MAYBE_SENT = /The message may or may not have gone out\. It was not sent again automatically/;
const err = answers.error;
const WA = '(#132000) Number of parameters does not match the expected number of params';

interface Row {
	name: string;
	status: number;
	body: unknown;
	/** The node's words, in the message. */
	words: RegExp;
	/** What the description must also say (the fix). */
	fix: RegExp;
	delivery: Delivery;
	headers?: Record<string, string>;
}

const rows: Row[] = [
	{ name: '500 invalid tenant (stock)', status: 500, body: err('Validation failed', 'Invalid tenant subdomain'), words: /no workspace with this subdomain/, fix: /Workspace Subdomain/, delivery: 'not sent' },
	{ name: '400 invalid tenant (Xobito)', status: 400, body: err('Validation failed', 'Invalid tenant subdomain'), words: /no workspace with this subdomain/, fix: /Workspace Subdomain/, delivery: 'not sent' },
	{ name: '401 token required', status: 401, body: err('API token is required'), words: /API token was refused/, fix: /Settings → API Management/, delivery: 'not sent' },
	{ name: '401 invalid token', status: 401, body: err('Invalid API token'), words: /API token was refused/, fix: /credential/, delivery: 'not sent' },
	{ name: '403 missing ability', status: 403, body: err('Token does not have the required ability: messages.send'), words: /refused the token/, fix: /ability/, delivery: 'not sent' },
	{ name: '403 API access disabled', status: 403, body: err('API access is disabled'), words: /refused the token/, fix: /API access may be disabled/, delivery: 'not sent' },
	{ name: '403 conversation limit', status: 403, body: err('Conversation limit reached. Please upgrade your plan to continue messaging.', undefined, { limitReached: true }), words: /plan limit is reached/, fix: /Upgrade/, delivery: 'not sent' },
	{ name: '403 contact limit', status: 403, body: err('Contact limit reached. Please upgrade your plan.', undefined, { limitReached: true }), words: /plan limit is reached/, fix: /Upgrade/, delivery: 'not sent' },
	{ name: '403 opted out', status: 403, body: err('Contact has opted out of receiving messages', undefined, { errorCode: 'CONTACT_OPTED_OUT' }), words: /opted out/, fix: /opt in again/, delivery: 'not sent' },
	{ name: '404 API not set up', status: 404, body: err('API settings not found for this tenant'), words: /API is not set up/, fix: /Platform URL/, delivery: 'not sent' },
	{ name: '404 template not found', status: 404, body: err('Template not found', answers.template("The specified template 'order_update' was not found for this tenant")), words: /Template "order_update" in language "en" was not found, is not APPROVED/, fix: /synced into the platform/, delivery: 'not sent' },
	{ name: '422 validation of a field', status: 422, body: err('validation_failed', { [WIRE.phone]: ['The phone number field must be at least 8 characters.'] }), words: /Recipient Phone: The phone number field must be at least 8 characters\./, fix: /Fix the values/, delivery: 'not sent' },
	{ name: '422 template fields', status: 422, body: err('template_validation_failed', answers.templateFields([`${WIRE.body(2)} (Body parameter 2 is required for this template)`])), words: /needs values that were not given: Body Variable \{\{2\}\} \(Body parameter 2 is required/, fix: /template's variables/, delivery: 'not sent' },
	{ name: '422 header media extension', status: 422, body: err('Invalid file extension for header image', answers.headerMedia('Invalid file extension for header image')), words: /refused the header media: .*Invalid file extension for header image/, fix: /Binary File.*accepted extension/, delivery: 'not sent' },
	{ name: '422 header media URL unreachable', status: 422, body: err('Cannot access header media URL', answers.headerMedia('Cannot access header media URL')), words: /refused the header media: .*Cannot access header media URL/, fix: /reachable from the platform/, delivery: 'not sent' },
	{ name: '422 contact status not in the workspace', status: 422, body: err('Validation failed', { [CONTACT_KEYS.statusId]: ['The selected status id is invalid.'] }), words: /status.id.*The selected status id is invalid/i, fix: /Fix the values/, delivery: 'not sent' },
	{ name: '429 rate limit, raw key', status: 429, body: answers.rateLimited(45, 'too_many_requests'), words: /rate-limited/, fix: /Messages In Flight/, delivery: 'not sent' },
	{ name: '503 WhatsApp not connected', status: 503, body: err('whatsapp_not_connected'), words: /WhatsApp is not connected/, fix: /connect WhatsApp/, delivery: 'not sent' },
	{ name: '413 upload too large (HTML)', status: 413, body: '<html><head><title>413 Request Entity Too Large</title></head></html>', words: /upload is larger than this platform accepts/, fix: /smaller file/, delivery: 'not sent' },
	{ name: '500 WhatsApp refused', status: 500, body: err(WA, answers.whatsapp(WA)), words: /WhatsApp refused the message: \(#132000\) Number of parameters/, fix: /match the template's variables/, delivery: 'not sent' },
	{ name: '500 system error', status: 500, body: err('internal_server_error', answers.system('An error occurred while sending the template message')), words: /failed while handling the message \(HTTP 500\)/, fix: MAYBE_SENT, delivery: 'unknown' },
	{ name: '500 without errors', status: 500, body: err('Server Error'), words: /failed while handling the message \(HTTP 500\)/, fix: MAYBE_SENT, delivery: 'unknown' },
	{ name: '502 HTML from a proxy', status: 502, body: '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>', words: /HTTP 502, not JSON: perhaps a proxy/, fix: MAYBE_SENT, delivery: 'unknown' },
	{ name: '504 empty body', status: 504, body: '', words: /HTTP 504/, fix: MAYBE_SENT, delivery: 'unknown' },
	{ name: '200 with an error envelope', status: 200, body: err('Failed to send template'), words: /HTTP 200 but reported an error/, fix: MAYBE_SENT, delivery: 'unknown' },
	{ name: '200 without a message id', status: 200, body: answers.success(null), words: /HTTP 200 without a WhatsApp message id/, fix: MAYBE_SENT, delivery: 'unknown' },
	{ name: '200 HTML', status: 200, body: '<html><body>OK</body></html>', words: /HTTP 200 without a JSON body/, fix: MAYBE_SENT, delivery: 'unknown' },
	// A web server or proxy in front of the platform redirected: the request never reached the API.
	{ name: '301 to https', status: 301, body: '<html>301 Moved Permanently</html>', headers: { location: 'https://new.example.com/api/v1/acme/messages/template' }, words: /^The platform answered with a redirect \(HTTP 301 to https:\/\/new\.example\.com\/api\/v1\/acme\/messages\/template\), which the node does not follow$/, fix: /only to the credential's Platform URL: if the platform moved .* put its new address there/, delivery: 'not sent' },
	{ name: '307 to a path', status: 307, body: '', headers: { location: '/elsewhere' }, words: /^The platform answered with a redirect \(HTTP 307 to \/elsewhere\), which the node does not follow$/, fix: /Platform URL/, delivery: 'not sent' },
	{ name: '300 without a Location', status: 300, body: err('Multiple Choices'), words: /^The platform answered with a redirect \(HTTP 300\), which the node does not follow$/, fix: /Platform URL/, delivery: 'not sent' },
	{ name: '399 with an empty Location', status: 399, body: null, headers: { location: '' }, words: /^The platform answered with a redirect \(HTTP 399\), which/, fix: /Platform URL/, delivery: 'not sent' },
	{ name: '308 with a very long Location (cut at 200 characters)', status: 308, body: null, headers: { Location: `https://x.example/${'a'.repeat(300)}` }, words: new RegExp(`HTTP 308 to https://x\\.example/a{182}\\), which`), fix: /Platform URL/, delivery: 'not sent' },
];

describe(`${rows.length} answers of the error table`, () => {
	it.each(rows)('$name → $delivery', ({ status, body, words, fix, delivery, headers }) => {
		const got = mapped(status, body, headers);
		expect(got.message).toMatch(words);
		expect(got.description).toMatch(fix);
		expect(got.delivery).toBe(delivery);
		expect(got.description).toMatch(delivery === 'not sent' ? NOT_SENT : MAYBE_SENT);
		expect(got.description).not.toMatch(delivery === 'not sent' ? MAYBE_SENT : NOT_SENT);
	});

	it('the platform\'s message is shown only as a hint, never as the node\'s words', () => {
		const got = mapped(422, err('template_validation_failed', answers.templateFields([`${WIRE.body(1)} (Body parameter 1 is required for this template)`])));
		expect(got.message).not.toContain('template_validation_failed');
		expect(got.description).toContain('The platform said: "template_validation_failed".');
	});

	it('a hint is not repeated when the node\'s words already carry it', () => {
		const got = mapped(500, err(WA, answers.whatsapp(WA)));
		expect(got.description).not.toContain('The platform said');
	});
});

describe('isDelivered', () => {
	const answer = (statusCode: number, body: unknown) => ({ statusCode, headers: {}, body });
	it('only a 2xx with a WhatsApp message id, and no error envelope', () => {
		expect(v1.isDelivered(answer(200, answers.success('wamid.X')))).toBe(true);
		expect(v1.isDelivered(answer(200, answers.success('wamid.Y', { legacyId: true })))).toBe(true);
		expect(v1.isDelivered(answer(200, answers.success('wamid.Y', { legacyId: true, envelope: 'error' })))).toBe(false);
		expect(v1.isDelivered(answer(200, answers.success('')))).toBe(false);
		expect(v1.isDelivered(answer(500, answers.success('wamid.Y', { legacyId: true })))).toBe(false);
		expect(v1.isDelivered(answer(200, 'wamid.Z'))).toBe(false);
	});
});
