/**
 * The edges of API v2's error table (shared/platform/v2/errors.ts, CONTRACT-v2.md "Errors" and the
 * codes defined but not yet returned): answers with parts missing, codes the node has no words for,
 * and answers outside the envelope. The node's exact words, and whether the message may have gone out.
 */
import type { INode } from 'n8n-workflow';

import { responseError, type Delivery } from '../../nodes/WhatsAppTemplates/shared/apiError';
import { v2 } from '../../nodes/WhatsAppTemplates/shared/platform';
import { SCOPES, answersV2 } from '../support/wireV2';

const node: INode = { id: '1', name: 'WhatsApp Templates', type: 'whatsAppTemplates', typeVersion: 1, position: [0, 0], parameters: {} };
const err = answersV2.error;
/** An envelope error with only the parts given (no code, no message). */
const bare = (error: Record<string, unknown>) => ({ success: false, error, meta: { request_id: 'req-edge' } });
const FAILED = (why: string) => `The platform failed while handling the message (HTTP ${why})`;
const SCOPE_WORDS = `Sending needs ${SCOPES.send}; the template list (the picker, Check Template Before Sending, Template → Get Many) needs ${SCOPES.templates}.`;
const NO_SCOPE_TEXT = 'Your API token does not have the required permissions for this action.';

function mapped(statusCode: number, body: unknown, context = {}) {
	const { error, delivery } = responseError(v2, node, 0, { statusCode, headers: {}, body }, context);
	return { message: error.message, description: error.description ?? '', delivery };
}

const rows: Array<{ name: string; status: number; body: unknown; message: string; fix?: RegExp; delivery: Delivery }> = [
	{ name: 'INSUFFICIENT_SCOPE naming no scope', status: 403, body: err('INSUFFICIENT_SCOPE', NO_SCOPE_TEXT), message: 'The API token lacks the scope this request needs', fix: /^Give the token its scopes on the platform's API v2 page/, delivery: 'not sent' },
	{ name: 'INSUFFICIENT_SCOPE without a message', status: 403, body: bare({ code: 'INSUFFICIENT_SCOPE' }), message: 'The API token lacks the scope this request needs', delivery: 'not sent' },
	{ name: 'INSUFFICIENT_SCOPE asking for every scope (*)', status: 403, body: err('INSUFFICIENT_SCOPE', `${NO_SCOPE_TEXT} Required scope: *`), message: 'The API token lacks the scope *', fix: /^Give the token the scope \* on/, delivery: 'not sent' },
	{ name: 'INSUFFICIENT_SCOPE naming the scope in its details', status: 403, body: err('INSUFFICIENT_SCOPE', NO_SCOPE_TEXT, { required_scopes: [SCOPES.templates] }), message: `The API token lacks the scope ${SCOPES.templates}`, delivery: 'not sent' },
	{ name: 'FEATURE_LIMIT_EXCEEDED with the count but not the maximum', status: 403, body: err('FEATURE_LIMIT_EXCEEDED', 'Contact limit reached.', { feature: 'contacts', current: 100 }), message: "The workspace's plan limit for contacts is reached", delivery: 'not sent' },
	{ name: 'FEATURE_LIMIT_EXCEEDED with the maximum but not the count', status: 403, body: err('FEATURE_LIMIT_EXCEEDED', 'Contact limit reached.', { maximum: 100 }), message: "The workspace's plan limit is reached", delivery: 'not sent' },
	{ name: 'NOT_FOUND without a message: the template', status: 404, body: bare({ code: 'NOT_FOUND' }), message: 'Template "order_update" in language "en" was not found, is not APPROVED, or exists only in another language', delivery: 'not sent' },
	{ name: 'VALIDATION_ERROR with an empty missing_config', status: 422, body: err('VALIDATION_ERROR', 'Missing configuration.', { missing_config: [] }), message: 'The workspace lacks what the platform needs to create the new contact: its default lead status or source', fix: /default lead status and source/, delivery: 'not sent' },
	{ name: "MESSAGE_SEND_FAILED with WhatsApp's refusal as the details themselves", status: 500, body: err('MESSAGE_SEND_FAILED', 'Failed to send message.', '(#131026) Message undeliverable'), message: 'WhatsApp refused the message: (#131026) Message undeliverable', delivery: 'not sent' },
	{ name: 'MESSAGE_SEND_FAILED with two texts in details.error', status: 500, body: err('MESSAGE_SEND_FAILED', 'Failed to send message.', { error: ['(#131026) Message undeliverable', 'Receiver is incapable of receiving this message'] }), message: 'WhatsApp refused the message: (#131026) Message undeliverable Receiver is incapable of receiving this message', delivery: 'not sent' },
	{ name: 'MESSAGE_SEND_FAILED with details but no error text', status: 500, body: err('MESSAGE_SEND_FAILED', 'Failed to send message.', { exception: 'ConnectionException' }), message: 'The platform could not tell whether WhatsApp took the message', delivery: 'unknown' },
	{ name: 'INTERNAL_ERROR without details', status: 500, body: err('INTERNAL_ERROR', 'An internal error occurred.'), message: FAILED('500: INTERNAL_ERROR'), delivery: 'unknown' },
	{ name: 'INVALID_REQUEST (400, defined, not returned yet)', status: 400, body: err('INVALID_REQUEST', 'The request is invalid.'), message: 'The request is invalid.', fix: /Fix the values/, delivery: 'not sent' },
	{ name: 'DATABASE_ERROR (500, defined, not returned yet)', status: 500, body: err('DATABASE_ERROR', 'A database error occurred.'), message: FAILED('500: DATABASE_ERROR'), delivery: 'unknown' },
	{ name: 'SERVICE_UNAVAILABLE (503, defined, not returned yet)', status: 503, body: err('SERVICE_UNAVAILABLE', 'Service unavailable.'), message: FAILED('503: SERVICE_UNAVAILABLE'), delivery: 'unknown' },
	{ name: 'a 500 envelope error without a code', status: 500, body: bare({ message: 'Server Error' }), message: FAILED('500'), delivery: 'unknown' },
	{ name: 'a 2xx with success: false and no error', status: 200, body: { success: false }, message: 'The platform answered HTTP 200 but reported an error', delivery: 'unknown' },
	// Outside the envelope: a proxy or the web server answered, or the platform crashed.
	{ name: "nginx's 413 page", status: 413, body: '<html><center><h1>413 Request Entity Too Large</h1></center></html>', message: 'The upload is larger than this platform accepts', fix: /smaller file/, delivery: 'not sent' },
	{ name: "a proxy's 429 page", status: 429, body: '<html>Too Many Requests</html>', message: 'The platform rate-limited the message', fix: /Messages In Flight/, delivery: 'not sent' },
	{ name: 'a 405 for the route (no API v2 here)', status: 405, body: '<html>405 Method Not Allowed</html>', message: 'The platform has no API v2 at this address (HTTP 405)', fix: /API Version to v1/, delivery: 'not sent' },
	{ name: "a proxy's 400 page", status: 400, body: '<html>400 Bad Request</html>', message: 'The platform refused the request (HTTP 400)', delivery: 'not sent' },
	{ name: 'a media refusal outside the envelope without a message', status: 422, body: { status: 'error' }, message: 'The platform refused the header media', fix: /accepted extension/, delivery: 'not sent' },
];

describe('the edges of API v2 error table', () => {
	it.each(rows)('$name → $delivery', ({ status, body, message, fix, delivery }) => {
		const got = mapped(status, body, { templateName: 'order_update', templateLanguage: 'en' });
		expect(got.message).toBe(message);
		if (fix) expect(got.description).toMatch(fix);
		expect(got.delivery).toBe(delivery);
	});

	it('INSUFFICIENT_SCOPE always says which scope each operation needs', () => {
		for (const body of [err('INSUFFICIENT_SCOPE', NO_SCOPE_TEXT), err('INSUFFICIENT_SCOPE', `${NO_SCOPE_TEXT} Required scope: ${SCOPES.send}`)]) {
			expect(mapped(403, body).description).toContain(SCOPE_WORDS);
		}
	});
});
