/**
 * Each row of CONTRACT-v2.md's error table through n8n's real engine against the v2 sandbox: the
 * node's words, the fix, meta.request_id for support, and whether the message may have gone out
 * ('unknown' is never sent again). One request each: nothing is sent twice, not after a 401 either.
 */
import { NodeApiError } from 'n8n-workflow';

import type { Fault } from '../sandbox';
import { answersV2 } from '../support/wireV2';
import { expectErrorRow, type ErrorRow } from './errorRows';
import { startProduct, type Product } from './setup';

let product: Product;
beforeAll(async () => {
	product = await startProduct('filesystem', { api: 'v2' });
});
afterAll(async () => await product.close());
beforeEach(() => product.sb.reset());

const V1_TOKEN = 'a'.repeat(64);
const fault = (kind: string, extra: Partial<Fault> = {}) => ({ kind, api: 'v2', ...extra }) as Fault;
/** An answer of the contract's table, written by the tests (test/support/wireV2.ts). */
const respond = (status: number, body: unknown): Fault => ({ kind: 'respond', api: 'v2', status, body });

/** `envelope`: the answer is API v2's envelope, whose request id is shown. */
type Row = ErrorRow & { envelope?: boolean };

const rows: Row[] = [
	{ name: 'INVALID_TOKEN (a wm_ token)', credentials: () => ({ apiToken: `wm_${'x1'.repeat(30)}` }), status: 401, message: /^API v2 does not know this API token$/, description: /Copy it again/, delivery: 'not sent', envelope: true },
	{ name: 'INVALID_TOKEN (a v1 token with API Version v2)', credentials: () => ({ apiVersion: 'v2', apiToken: V1_TOKEN }), status: 401, message: /does not start with wm_, so it is an API v1 token/, description: /API Version to Auto \(or v1\) and fill in Workspace Subdomain/, delivery: 'not sent', envelope: true },
	{ name: 'TOKEN_REVOKED', credentials: (p) => ({ apiToken: p.sb.v2Tokens.revoked }), status: 401, message: /revoked/, description: /Create a new token/, delivery: 'not sent', envelope: true },
	{ name: 'TOKEN_EXPIRED', credentials: (p) => ({ apiToken: p.sb.v2Tokens.expired }), status: 401, message: /has expired/, description: /Create a new token/, delivery: 'not sent', envelope: true },
	{ name: 'IP_NOT_WHITELISTED', credentials: (p) => ({ apiToken: p.sb.v2Tokens.ipBlocked }), status: 403, message: /allow-list/, description: /Add the address n8n connects from/, delivery: 'not sent', envelope: true },
	{ name: 'INSUFFICIENT_SCOPE, named', credentials: (p) => ({ apiToken: p.sb.v2Tokens.noSend }), status: 403, message: /lacks the scope messages:send/, description: /Give the token the scope messages:send/, delivery: 'not sent', envelope: true },
	{ name: 'NOT_FOUND: template unknown', params: { templateName: 'no_such_template' }, status: 404, message: /"no_such_template" in language "en" was not found, is not APPROVED/, description: /synced into the platform/, delivery: 'not sent', envelope: true },
	{ name: 'NOT_FOUND: template in another language', params: { templateName: 'order_update', templateLanguage: 'en_US' }, status: 404, message: /"order_update" in language "en_US"/, description: /en is not en_US/, delivery: 'not sent', envelope: true },
	{ name: 'VALIDATION_ERROR template_fields', params: { templateName: 'order_update' }, status: 422, message: /needs values that were not given: .*Body Variable \{\{1\}\}/, description: /exactly the template's variables/, delivery: 'not sent', envelope: true },
	{ name: 'VALIDATION_ERROR template_fields: a media header without its media', params: { templateName: 'product_photo', bodyVariables: { var1: 'x' } }, status: 422, message: /needs values that were not given: Media URL \(image header\) or Input Binary Field \(image header\)/, description: /exactly the template's variables/, delivery: 'not sent', envelope: true },
	{ name: 'VALIDATION_ERROR header_media', fault: respond(422, answersV2.error('VALIDATION_ERROR', 'The given data was invalid.', { header_media: ['Invalid file extension for header image'] })), status: 422, message: /refused the header media: .*Invalid file extension/, description: /Binary File/, delivery: 'not sent', envelope: true },
	{ name: "a media refusal outside the envelope ({status: 'error'})", fault: respond(422, answersV2.bareError('The header image may not be greater than 5120 kilobytes.')), status: 422, message: /refused the header media: The header image may not be greater/, description: /accepted extension/, delivery: 'not sent' },
	{ name: 'VALIDATION_ERROR missing_config', fault: fault('missingConfig422'), status: 422, message: /lacks what the platform needs to create the new contact/, description: /default lead status and source/, delivery: 'not sent', envelope: true },
	{ name: 'FEATURE_LIMIT_EXCEEDED (contacts)', fault: fault('contactLimit403'), status: 403, message: /plan limit for contacts is reached \(\d+ of \d+\)/, description: /Upgrade/, delivery: 'not sent', envelope: true },
	{ name: 'FEATURE_LIMIT_EXCEEDED (conversations)', fault: fault('conversationLimit403'), status: 403, message: /plan limit/, description: /Upgrade/, delivery: 'not sent', envelope: true },
	{ name: 'FEATURE_NOT_AVAILABLE', fault: fault('featureNotAvailable403'), status: 403, message: /plan does not include template messages/, description: /Upgrade/, delivery: 'not sent', envelope: true },
	{ name: 'CONTACT_OPTED_OUT', fault: fault('optedOut403'), status: 403, message: /opted out/, description: /opt in again/, delivery: 'not sent', envelope: true },
	{ name: 'WHATSAPP_NOT_CONFIGURED', fault: fault('notConfigured422'), status: 422, message: /WhatsApp is not connected/, description: /connect WhatsApp/, delivery: 'not sent', envelope: true },
	{ name: "MESSAGE_SEND_FAILED: WhatsApp's refusal", fault: fault('sendFailedWhatsApp500'), status: 500, message: /^WhatsApp refused the message: \(#131026\)/, description: /cannot be delivered to this number/, delivery: 'not sent', envelope: true },
	{ name: 'MESSAGE_SEND_FAILED: a timeout to WhatsApp', fault: fault('sendFailedUnknown500'), status: 500, message: /could not tell whether WhatsApp took the message/, description: /may or may not have gone out/, delivery: 'unknown', envelope: true },
	{ name: 'INTERNAL_ERROR', fault: fault('internalError500'), status: 500, message: /INTERNAL_ERROR/, description: /may or may not have gone out/, delivery: 'unknown', envelope: true },
	{ name: 'a 500 outside the envelope (the plan lacks templates)', fault: fault('planNoTemplates500'), status: 500, message: /outside API v2's envelope/, description: /may or may not have gone out/, delivery: 'unknown' },
	{ name: 'a media URL the platform could not download', params: { templateName: 'product_photo', headerType: 'image', mediaUrl: 'https://cdn.example.com/p.png', bodyVariables: { var1: 'x' } }, fault: fault('mediaDownload500'), status: 500, message: /outside API v2's envelope/, description: /may or may not have gone out/, delivery: 'unknown' },
	{ name: '{"message":"Server Error"}', fault: fault('serverError500'), status: 500, message: /outside API v2's envelope/, description: /may or may not have gone out/, delivery: 'unknown' },
	{ name: 'an HTML 500', fault: fault('html500'), status: 500, message: /not JSON/, description: /may or may not have gone out/, delivery: 'unknown' },
	{ name: "a proxy's HTML 502", fault: fault('html502'), status: 502, message: /not JSON/, description: /may or may not have gone out/, delivery: 'unknown' },
	{ name: 'success: true without data.message_id', fault: fault('noMessageId200'), status: 200, message: /without a WhatsApp message id/, description: /may or may not have gone out/, delivery: 'unknown', envelope: true },
];

describe('API v2: each row of the error table, in plain words, with whether it may have gone out', () => {
	it.each(rows)('$name', async (row) =>
		await expectErrorRow(product, row, (error, request) => {
			if (row.envelope) expect(error.description).toContain(`Request ID for the platform's support: ${request.response.meta.request_id}.`);
		}),
	);

	it('a platform without API v2 (older than 2.2.0): plain words, use v1 with the subdomain', async () => {
		const { startSandbox } = await import('../sandbox');
		const old = await startSandbox({ apis: ['v1'] });
		try {
			const result = await product.send({ options: { checkTemplate: false } }, { credentials: { baseUrl: old.baseUrl } });
			const error = result.error as unknown as NodeApiError;
			expect(error.message).toBe('The platform has no API v2 at this address (HTTP 404)');
			expect(error.description).toMatch(/set API Version to v1 and fill in Workspace Subdomain.*Nothing was sent\./);
			expect(old.requests).toHaveLength(1);
		} finally {
			await old.close();
		}
	});

	it('a send that gets no answer in time: unknown, never sent again', async () => {
		product.sb.injectFault(fault('hang'));
		const result = await product.send({ options: { checkTemplate: false }, requestOptions: { timeout: 300 } });
		expect(result.error!.message).toBe('The platform did not answer in time');
		expect(result.error!.description).toMatch(/may or may not have gone out/);
		expect(product.sb.requests).toHaveLength(1);
	});
});
