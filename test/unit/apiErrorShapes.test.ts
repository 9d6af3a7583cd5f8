/**
 * The shapes an error answer comes in (shared/apiError.ts, CONTRACT.md): its errors as a string or
 * an object of arrays, a template's missing fields in the node's field names, HTML from proxies, a 429's
 * note, and failures with no HTTP answer at all.
 */
import type { INode } from 'n8n-workflow';

import { templateFieldLabels } from '../../nodes/WhatsAppTemplates/actions/message/sendTemplate/wire';
import { v1 } from '../../nodes/WhatsAppTemplates/shared/platform';
import { redirectOf, responseError, transportError } from '../../nodes/WhatsAppTemplates/shared/apiError';
import { WIRE, answers } from '../support/wire';

const node: INode = { id: '1', name: 'WhatsApp Templates', type: 'whatsAppTemplates', typeVersion: 1, position: [0, 0], parameters: {} };
const context = { templateName: 'product_photo', templateLanguage: 'en', label: templateFieldLabels(v1.templateSend) };
const map = (statusCode: number, body: unknown, note?: string) => responseError(v1, node, 0, { statusCode, headers: {}, body }, context, note);
const err = (message: string, errors: unknown) => answers.error(message, errors);
const required = (wire: string, what: string) => `${wire} (${what} is required for this template)`;

/** Every wire name of the send, as CONTRACT.md spells them. */
const WIRE_NAMES = [
	WIRE.phone, WIRE.templateName, WIRE.templateLanguage, WIRE.from, WIRE.headerText, WIRE.documentName, WIRE.copyCode,
	...[1, 2, 3, 10].map(WIRE.body), ...[0, 1, 2].map(WIRE.button),
	...(['image', 'video', 'document'] as const).flatMap((k) => [WIRE.mediaUrl(k), WIRE.mediaFile(k)]),
];

describe('errors as a string', () => {
	it('is spelled out as it came', () => {
		const { error, delivery } = map(422, err('validation_failed', 'The contact could not be created'));
		expect(error.message).toBe('The contact could not be created');
		expect(delivery).toBe('not sent');
	});

	it('the invalid-subdomain string points at the credential, whatever the status', () => {
		for (const status of [400, 500]) {
			const { error } = map(status, err('Validation failed', 'Invalid tenant subdomain'));
			expect(error.message).toMatch(/no workspace with this subdomain/);
			expect(error.description).toMatch(/Check Workspace Subdomain in the credential/);
		}
	});
});

describe('errors as an object of lists', () => {
	it('every key and message, wire names replaced by the node\'s field names', () => {
		const { error } = map(422, err('Validation failed', { [WIRE.phone]: ['too short.'], [WIRE.body(3)]: ['must be a string.', 'max 1024.'], [WIRE.mediaUrl('image')]: ['invalid.'] }));
		expect(error.message).toBe('Recipient Phone: too short.; Body Variable {{3}}: must be a string. max 1024.; Media URL (image header): invalid.');
	});

	it('a single message instead of an array, and an unknown key, still come through', () => {
		const { error } = map(422, err('Validation failed', { [WIRE.templateLanguage]: 'too long.', other_thing: ['odd.'] }));
		expect(error.message).toBe('Language Code: too long.; other_thing: odd.');
	});

	it('an empty object falls back to the status', () => {
		expect(map(422, err('Validation failed', {})).error.message).toBe('The platform refused the request (HTTP 422)');
	});
});

describe('a template\'s missing fields in the node\'s field names', () => {
	it('body, header text and button wire names become the labels the user sees', () => {
		const { error } = map(422, err('template_validation_failed', answers.templateFields([required(WIRE.body(1), 'Body parameter 1'), required(WIRE.headerText, 'Header parameter 1')])));
		expect(error.message).toBe(
			'The template "product_photo" in language "en" needs values that were not given: Body Variable {{1}} (Body parameter 1 is required for this template); Header Text Variable (Header parameter 1 is required for this template)',
		);
	});

	it('"<image URL field> or <image file field>" names both the URL and the binary field, no wire name left', () => {
		const { error } = map(422, err('template_validation_failed', answers.templateFields([`${WIRE.mediaUrl('image')} or ${WIRE.mediaFile('image')} (Header image is required for this template)`])));
		expect(error.message).toContain('Media URL (image header) or Input Binary Field (image header)');
		for (const wire of WIRE_NAMES) expect(error.message).not.toContain(wire);
	});
});

describe('HTML and other non-JSON bodies', () => {
	const page = `<html><head><title>502 Bad Gateway</title></head><body>${'x'.repeat(5000)}</body></html>`;

	it('say a proxy may be in front, keep at most 500 characters of the page, and are "unknown"', () => {
		const { error, delivery } = map(502, page);
		expect(error.message).toBe('The platform failed while handling the message (HTTP 502, not JSON: perhaps a proxy in front of it)');
		expect(delivery).toBe('unknown');
		expect(JSON.stringify(error.errorResponse).length).toBeLessThan(600);
	});

	it('a 413 page from nginx is "not sent"', () => {
		const { error, delivery } = map(413, '<html><center><h1>413 Request Entity Too Large</h1></center></html>');
		expect(error.message).toBe('The upload is larger than this platform accepts');
		expect(delivery).toBe('not sent');
	});

	it('a 429 from a proxy as HTML is still a rate limit, not sent', () => {
		const { error, delivery } = map(429, '<html>Too Many Requests</html>');
		expect(error.message).toBe('The platform rate-limited the message');
		expect(delivery).toBe('not sent');
	});
});

describe('429 given up', () => {
	it('carries the reason first in the description', () => {
		const { error, delivery } = map(429, answers.rateLimited(300), 'Gave up waiting: the platform asked to wait 300 s, longer than the 120 s allowed.');
		expect(error.description).toMatch(/^Gave up waiting: the platform asked to wait 300 s.*Nothing was sent\.$/);
		expect(delivery).toBe('not sent');
	});
});

describe('no HTTP answer (transportError)', () => {
	it.each([
		['ECONNREFUSED', false, 'Could not connect to the platform', 'not sent'],
		['ENOTFOUND', false, 'Could not connect to the platform', 'not sent'],
		['ECONNRESET', true, 'The connection to the platform broke off before it answered', 'unknown'],
		['EPIPE', true, 'The connection to the platform broke off before it answered', 'unknown'],
		['ECONNABORTED', true, 'The platform did not answer in time', 'unknown'],
		['ETIMEDOUT', true, 'The platform did not answer in time', 'unknown'],
	] as const)('%s (maybe sent: %s) → %s, %s', (code, maybeSent, message, delivery) => {
		const got = transportError(node, 2, code, maybeSent);
		expect(got.error.message).toBe(message);
		expect(got.delivery).toBe(delivery);
		expect(got.error.description).toContain(`(network error: ${code})`);
		expect(got.error.description).toMatch(delivery === 'unknown' ? /may or may not have gone out/ : /^Nothing was sent\./);
		expect(got.error.context.itemIndex).toBe(2);
		expect(got.error.errorResponse).toEqual({ networkError: code });
	});
});

describe("the platform's answer kept on the error, as n8n shows it", () => {
	it('a JSON object as it came', () => {
		const body = err('Validation failed', { phone_number: ['The phone number format is invalid.'] });
		expect(map(422, body).error.errorResponse).toEqual(body);
	});
});

describe('a 3xx answer is explained as a redirect the node did not follow (redirectOf)', () => {
	const location = (headers: Record<string, string>) => redirectOf({ statusCode: 307, headers, body: '' });

	it('every status from 300 to 399, no other', () => {
		for (const status of [300, 301, 308, 399]) expect(redirectOf({ statusCode: status, headers: {}, body: '' })).toBe(`a redirect (HTTP ${status}), which the node does not follow`);
		for (const status of [200, 299, 400, 429]) expect(redirectOf({ statusCode: status, headers: { location: 'https://elsewhere.example/' }, body: '' })).toBeUndefined();
	});

	it('names where it pointed (either spelling of the header, at most 200 characters), or nothing when it is empty', () => {
		expect(location({ location: 'https://new.example/api' })).toBe('a redirect (HTTP 307 to https://new.example/api), which the node does not follow');
		expect(location({ Location: 'https://new.example/api' })).toBe('a redirect (HTTP 307 to https://new.example/api), which the node does not follow');
		expect(location({ location: '' })).toBe('a redirect (HTTP 307), which the node does not follow');
		expect(location({ location: `https://x.example/${'a'.repeat(300)}` })).toContain(` to https://x.example/${'a'.repeat(200 - 'https://x.example/'.length)}), `);
	});

	it('as the error: the address to fix in the credential, nothing sent, the page kept short', () => {
		const { error, delivery } = responseError(v1, node, 3, { statusCode: 301, headers: { location: 'https://moved.example/' }, body: `<html>${'x'.repeat(600)}</html>` }, context);
		expect(error.message).toBe('The platform answered with a redirect (HTTP 301 to https://moved.example/), which the node does not follow');
		expect(error.description).toMatch(/^The API token is sent only to the credential's Platform URL: .* Nothing was sent\.$/);
		expect(delivery).toBe('not sent');
		expect(error.httpCode).toBe('301');
		expect((error.errorResponse as { body: string }).body).toHaveLength(500);
	});

	it('a body that is no object and no text is kept as null', () => {
		for (const body of [['a'], 7, null]) expect(responseError(v1, node, 0, { statusCode: 302, headers: {}, body }, context).error.errorResponse).toEqual({ body: null });
	});
});

describe("WhatsApp's refusal (errors.whatsapp)", () => {
	it('with the 500 CONTRACT.md gives it with, or with another status: WhatsApp refused the message, not sent', () => {
		for (const status of [500, 502, 400, 422]) {
			const { error, delivery } = map(status, err('Failed to send message', answers.whatsapp('(#131026) Message undeliverable')));
			expect([status, error.message, delivery]).toEqual([status, expect.stringMatching(/^WhatsApp refused the message: \(#131026\) Message undeliverable/), 'not sent']);
		}
	});
});
