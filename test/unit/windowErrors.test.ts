/**
 * API v1's messages routes put WhatsApp's refusal into a 500 as JSON *text* (CONTRACT.md,
 * "Messages in the 24-hour window (v1)"): read its code, explain it, and class everything else
 * in `error` as unknown. And 131047 named by its words alone (a status event's title) is still 131047.
 */
import type { INode } from 'n8n-workflow';

import { responseError } from '../../nodes/WhatsAppTemplates/shared/apiError';
import { v1 } from '../../nodes/WhatsAppTemplates/shared/platform';
import { OUTSIDE_WINDOW, codeInText, explainWhatsappCode } from '../../nodes/WhatsAppTemplates/shared/whatsappCodes';

const node: INode = { id: '1', name: 'WhatsApp Templates', type: 'whatsAppTemplates', typeVersion: 1, position: [0, 0], parameters: {} };
const graph = (error: object) => JSON.stringify({ error });
const refusal = (error: unknown) => ({ status: 'error', message: 'failed_to_send_whatsapp_message', error });

function mapped(statusCode: number, body: unknown, context = {}) {
	const { error, delivery } = responseError(v1, node, 0, { statusCode, headers: {}, body }, context);
	return { message: error.message, description: error.description ?? '', delivery };
}

it.each([
	['code and (#code) in the message', graph({ message: '(#131047) Re-engagement message', code: 131047 }), /^WhatsApp refused the message: \(#131047\) Re-engagement message$/, 'not sent'],
	['the code only in the JSON', graph({ message: 'Re-engagement message', code: 131047 }), /^WhatsApp refused the message: \(#131047\) Re-engagement message$/, 'not sent'],
	['the code as a string', graph({ message: 'Message undeliverable', code: '131026' }), /^WhatsApp refused the message: \(#131026\) Message undeliverable$/, 'not sent'],
	['JSON without a message: the whole text', graph({ code: 131030 }), /^WhatsApp refused the message: \(#131030\) \{"error"/, 'not sent'],
	['JSON without a code', graph({ message: 'Something broke' }), /^The platform failed while handling the message \(HTTP 500: Something broke\)$/, 'unknown'],
	['plain text with WhatsApp’s (#code)', '(#131026) Message undeliverable', /^WhatsApp refused the message: \(#131026\) Message undeliverable$/, 'not sent'],
	['No message ID in response', 'No message ID in response', /\(HTTP 500: No message ID in response\)$/, 'unknown'],
	['text that only looks like JSON', '{"error": ', /\(HTTP 500: \{"error": \)$/, 'unknown'],
] as const)('%s', (_name, error, words, delivery) => {
	const out = mapped(500, refusal(error));
	expect(out.message).toMatch(words);
	expect(out.delivery).toBe(delivery);
});

it('131047 is explained with the one sentence; 131030 and 131026 with theirs', () => {
	expect(mapped(500, refusal(graph({ message: '(#131047) Re-engagement message', code: 131047 }))).description).toContain(OUTSIDE_WINDOW);
	expect(mapped(500, refusal(graph({ message: 'x', code: 131030 }))).description).toMatch(/allowed test numbers/);
	expect(mapped(500, refusal(graph({ message: 'x', code: 131026 }))).description).toMatch(/cannot be delivered/);
});

it('an `error` that is not a string, or a 4xx with one, is not read as WhatsApp’s', () => {
	expect(mapped(500, refusal({ code: 131047 })).delivery).toBe('unknown');
	expect(mapped(422, refusal(graph({ message: '(#131047) x', code: 131047 }))).delivery).toBe('not sent');
	expect(mapped(422, refusal(graph({ message: '(#131047) x', code: 131047 }))).message).not.toMatch(/WhatsApp refused/);
});

it('the empty 200 of a link the platform could not download: unknown, said as such', () => {
	for (const body of ['', null, undefined]) {
		const out = mapped(200, body);
		expect(out.message).toBe('The platform answered HTTP 200 with an empty body (a media send whose URL the platform could not download answers so)');
		expect(out.delivery).toBe('unknown');
	}
	expect(mapped(200, '<html>').message).toMatch(/without a JSON body/);
});

it('a media refusal without `errors` is in the message’s words only for Send Media', () => {
	const body = { status: 'error', message: 'Invalid file extension for audio. Allowed: aac, amr, mp3, m4a, ogg' };
	expect(mapped(422, body, { messageMedia: true }).message).toBe(`The platform refused the media file: ${body.message}`);
	expect(mapped(422, body).message).not.toMatch(/media file/);
});

it('codeInText: (#NNN) first, else 131047 by its words', () => {
	expect(codeInText('(#131026) Message undeliverable')).toBe('131026');
	expect(codeInText('Re-engagement message')).toBe('131047');
	expect(codeInText('Message failed to send because more than 24 hours have passed since the customer last replied')).toBe('131047');
	expect(codeInText('Message undeliverable')).toBeUndefined();
	expect(explainWhatsappCode('131047')).toBe(OUTSIDE_WINDOW);
});
