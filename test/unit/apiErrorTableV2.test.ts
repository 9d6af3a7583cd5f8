/**
 * Every row of CONTRACT-v2.md's error table (shared/platform/v2/errors.ts): the node's words for
 * each error.code and its details, meta.request_id for support, and whether the message may have
 * gone out. Bodies come from test/support/wireV2.ts, never from the node's table.
 */
import type { INode } from 'n8n-workflow';

import { templateFieldLabels } from '../../nodes/WhatsAppTemplates/actions/message/sendTemplate/wire';
import { responseError, type Delivery } from '../../nodes/WhatsAppTemplates/shared/apiError';
import { platformFor, v2 } from '../../nodes/WhatsAppTemplates/shared/platform';
import { WIRE_V2, answersV2 } from '../support/wireV2';

const node: INode = { id: '1', name: 'WhatsApp Templates', type: 'whatsAppTemplates', typeVersion: 1, position: [0, 0], parameters: {} };
const context = { templateName: 'order_update', templateLanguage: 'en', label: templateFieldLabels(v2.templateSend) };
const err = answersV2.error;

function mapped(statusCode: number, body: unknown, platform = v2) {
	const { error, delivery } = responseError(platform, node, 2, { statusCode, headers: {}, body }, context);
	expect(error.httpCode).toBe(String(statusCode));
	return { message: error.message, description: error.description ?? '', delivery };
}

const NOT_SENT = /Nothing was sent\./;
const MAYBE_SENT = /may or may not have gone out\. It was not sent again automatically/;

const rows: Array<{ name: string; status: number; body: unknown; words: RegExp; fix: RegExp; delivery: Delivery }> = [
	{ name: 'AUTHENTICATION_REQUIRED', status: 401, body: err('AUTHENTICATION_REQUIRED', 'API token is required.'), words: /received no API token/, fix: /Fill in API Token/, delivery: 'not sent' },
	{ name: 'INVALID_TOKEN (a wm_ token)', status: 401, body: err('INVALID_TOKEN', 'Invalid API token.'), words: /^API v2 does not know this API token$/, fix: /Copy it again/, delivery: 'not sent' },
	{ name: 'TOKEN_REVOKED', status: 401, body: err('TOKEN_REVOKED', 'API token has been revoked.'), words: /revoked/, fix: /Create a new token/, delivery: 'not sent' },
	{ name: 'TOKEN_EXPIRED', status: 401, body: err('TOKEN_EXPIRED', 'API token has expired.'), words: /expired/, fix: /Create a new token/, delivery: 'not sent' },
	{ name: 'IP_NOT_WHITELISTED', status: 403, body: err('IP_NOT_WHITELISTED', 'IP address not allowed.'), words: /allow-list/, fix: /Add the address n8n connects from/, delivery: 'not sent' },
	{ name: 'INSUFFICIENT_SCOPE names the scope', status: 403, body: err('INSUFFICIENT_SCOPE', 'Insufficient permissions. Required scope: messages:send'), words: /lacks the scope messages:send/, fix: /Give the token the scope messages:send/, delivery: 'not sent' },
	{ name: 'CONTACT_OPTED_OUT', status: 403, body: err('CONTACT_OPTED_OUT', 'Contact has opted out.'), words: /opted out/, fix: /opt in again/, delivery: 'not sent' },
	{ name: 'FEATURE_LIMIT_EXCEEDED with its numbers', status: 403, body: err('FEATURE_LIMIT_EXCEEDED', 'Contact limit reached.', { feature: 'contacts', current: 100, maximum: 100 }), words: /plan limit for contacts is reached \(100 of 100\)/, fix: /Upgrade/, delivery: 'not sent' },
	{ name: 'FEATURE_LIMIT_EXCEEDED without details', status: 403, body: err('FEATURE_LIMIT_EXCEEDED', 'Conversation limit reached.'), words: /plan limit is reached$/, fix: /Upgrade/, delivery: 'not sent' },
	{ name: 'FEATURE_NOT_AVAILABLE (operators)', status: 403, body: err('FEATURE_NOT_AVAILABLE', 'Feature not available.'), words: /plan does not include template messages/, fix: /Upgrade/, delivery: 'not sent' },
	{ name: 'NOT_FOUND template', status: 404, body: err('NOT_FOUND', 'Template not found.'), words: /"order_update" in language "en" was not found, is not APPROVED/, fix: /en is not en_US/, delivery: 'not sent' },
	{ name: 'NOT_FOUND contact', status: 404, body: err('NOT_FOUND', 'Contact not found.'), words: /no such contact/, fix: /phone number/, delivery: 'not sent' },
	{ name: 'RESOURCE_NOT_FOUND', status: 404, body: err('RESOURCE_NOT_FOUND', 'Template not found.'), words: /was not found/, fix: /synced into the platform/, delivery: 'not sent' },
	{ name: 'RESOURCE_CONFLICT', status: 409, body: err('RESOURCE_CONFLICT', 'Source is in use.'), words: /Source is in use/, fix: /Fix the values/, delivery: 'not sent' },
	{ name: 'VALIDATION_ERROR template_fields', status: 422, body: err('VALIDATION_ERROR', 'The given data was invalid.', { template_fields: [`${WIRE_V2.body(2)} is required (body parameter 2)`] }), words: /needs values that were not given: Body Variable \{\{2\}\} is required/, fix: /template's variables/, delivery: 'not sent' },
	{ name: 'VALIDATION_ERROR header_media', status: 422, body: err('VALIDATION_ERROR', 'The given data was invalid.', { header_media: ['Header image is required'] }), words: /refused the header media: .*Header image is required/, fix: /Binary File/, delivery: 'not sent' },
	{ name: 'VALIDATION_ERROR a field list', status: 422, body: err('VALIDATION_ERROR', 'The given data was invalid.', { [WIRE_V2.phone]: ['The phone field is required.'], [WIRE_V2.body(1)]: ['The field 1 field must be a string.'] }), words: /Recipient Phone: The phone field is required\.; Body Variable \{\{1\}\}: The field 1 field must be a string\./, fix: /Fix the values/, delivery: 'not sent' },
	{ name: 'VALIDATION_ERROR missing_config', status: 422, body: err('VALIDATION_ERROR', 'Missing configuration.', { missing_config: ['default_lead_status', 'default_lead_source'] }), words: /lacks what the platform needs to create the new contact: default_lead_status, default_lead_source/, fix: /default lead status and source/, delivery: 'not sent' },
	{ name: 'WHATSAPP_NOT_CONFIGURED', status: 422, body: err('WHATSAPP_NOT_CONFIGURED', 'WhatsApp is not configured.'), words: /WhatsApp is not connected/, fix: /connect WhatsApp/, delivery: 'not sent' },
	{ name: 'a media refusal outside the envelope', status: 422, body: answersV2.bareError('Invalid file extension for header image'), words: /refused the header media: Invalid file extension/, fix: /accepted extension/, delivery: 'not sent' },
	{ name: 'RATE_LIMIT_EXCEEDED', status: 429, body: answersV2.rateLimited(30), words: /rate-limited/, fix: /Messages In Flight/, delivery: 'not sent' },
	{ name: "MESSAGE_SEND_FAILED with WhatsApp's code", status: 500, body: err('MESSAGE_SEND_FAILED', 'Failed to send message.', { error: '(#131026) Message undeliverable' }), words: /^WhatsApp refused the message: \(#131026\) Message undeliverable/, fix: /cannot be delivered to this number/, delivery: 'not sent' },
	{ name: "MESSAGE_SEND_FAILED naming WhatsApp's refusal", status: 500, body: err('MESSAGE_SEND_FAILED', 'Failed to send message.', { error: 'Number of parameters does not match the expected number of params' }), words: /^WhatsApp refused the message: Number of parameters/, fix: NOT_SENT, delivery: 'not sent' },
	{ name: 'MESSAGE_SEND_FAILED a timeout to WhatsApp', status: 500, body: err('MESSAGE_SEND_FAILED', 'Failed to send message.', { error: 'cURL error 28: Operation timed out after 30001 milliseconds' }), words: /could not tell whether WhatsApp took the message: cURL error 28/, fix: MAYBE_SENT, delivery: 'unknown' },
	{ name: 'MESSAGE_SEND_FAILED without details', status: 500, body: err('MESSAGE_SEND_FAILED', 'Failed to send message.'), words: /could not tell whether WhatsApp took the message$/, fix: MAYBE_SENT, delivery: 'unknown' },
	{ name: 'INTERNAL_ERROR', status: 500, body: err('INTERNAL_ERROR', 'An internal error occurred.', { error: 'Attempt to read property "id" on null' }), words: /failed while handling the message \(HTTP 500: INTERNAL_ERROR, Attempt to read property/, fix: MAYBE_SENT, delivery: 'unknown' },
	{ name: 'a 500 outside the envelope (Server Error)', status: 500, body: answersV2.serverError(), words: /HTTP 500, outside API v2's envelope/, fix: MAYBE_SENT, delivery: 'unknown' },
	{ name: 'an HTML 500', status: 500, body: '<!DOCTYPE html><html><body>Server Error</body></html>', words: /HTTP 500, not JSON/, fix: MAYBE_SENT, delivery: 'unknown' },
	{ name: "a proxy's HTML 502", status: 502, body: '<html><body>502 Bad Gateway</body></html>', words: /HTTP 502, not JSON/, fix: MAYBE_SENT, delivery: 'unknown' },
	{ name: 'no API v2 on this platform (404 outside the envelope)', status: 404, body: { message: 'The route api/v2/messages/template could not be found.' }, words: /has no API v2 at this address \(HTTP 404\)/, fix: /API Version to v1.*Workspace Subdomain/, delivery: 'not sent' },
	{ name: 'a 2xx without success: true', status: 200, body: { data: { message_id: 'wamid.X' } }, words: /HTTP 200 without API v2's envelope/, fix: MAYBE_SENT, delivery: 'unknown' },
	{ name: 'a 2xx with success: false', status: 200, body: err('INTERNAL_ERROR', 'odd'), words: /HTTP 200 but reported an error: INTERNAL_ERROR/, fix: MAYBE_SENT, delivery: 'unknown' },
	{ name: 'a 2xx without data.message_id', status: 200, body: answersV2.success(null), words: /HTTP 200 without a WhatsApp message id/, fix: MAYBE_SENT, delivery: 'unknown' },
];

describe('API v2 error table', () => {
	it.each(rows)('$name', ({ status, body, words, fix, delivery }) => {
		const result = mapped(status, body);
		expect(result.message).toMatch(words);
		expect(result.description).toMatch(fix);
		expect(result.delivery).toBe(delivery);
		expect(result.description).toMatch(delivery === 'not sent' ? NOT_SENT : MAYBE_SENT);
	});

	it("shows meta.request_id for the platform's support, and the platform's own words as a hint", () => {
		const { description } = mapped(404, err('NOT_FOUND', 'Template not found.', undefined, '8c0e2b1a-5f7d-4c1e-9a3b-1d2e3f4a5b6c'));
		expect(description).toMatch(/Request ID for the platform's support: 8c0e2b1a-5f7d-4c1e-9a3b-1d2e3f4a5b6c\./);
		expect(description).toMatch(/The platform said: "Template not found\."/);
	});

	it('INVALID_TOKEN for a token that is not wm_…: a v1 token landed on API v2', () => {
		const platform = platformFor({ apiVersion: 'v2', apiToken: 'apitk_0123456789abcdef' });
		const { message, description } = mapped(401, err('INVALID_TOKEN', 'Invalid API token.'), platform);
		expect(message).toMatch(/does not start with wm_, so it is an API v1 token/);
		expect(description).toMatch(/API Version to Auto \(or v1\) and fill in Workspace Subdomain/);
	});

	it('a send counts as sent only with success: true and data.message_id', () => {
		const answer = (statusCode: number, body: unknown) => ({ statusCode, headers: {}, body });
		expect(v2.isDelivered(answer(200, answersV2.success('wamid.X')))).toBe(true);
		expect(v2.isDelivered(answer(201, answersV2.success('wamid.X')))).toBe(true);
		expect(v2.isDelivered(answer(200, answersV2.success(null)))).toBe(false);
		expect(v2.isDelivered(answer(200, { ...answersV2.success('wamid.X'), success: 'true' }))).toBe(false);
		expect(v2.isDelivered(answer(500, answersV2.success('wamid.X')))).toBe(false);
		expect(v2.readSend(answersV2.success('wamid.X'))).toEqual({ messageId: 'wamid.X', contactId: 15 });
	});
});
