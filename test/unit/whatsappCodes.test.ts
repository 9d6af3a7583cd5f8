/**
 * WhatsApp's own refusals come as a 500 whose errors hold Meta's text under WhatsApp's key, which usually carries
 * its code (CONTRACT.md): the code is read from the text and explained in plain words.
 */
import { explainWhatsappCode, whatsappCode } from '../../nodes/WhatsAppTemplates/shared/whatsappCodes';

describe('whatsappCode', () => {
	it.each([
		['(#132000) Number of parameters does not match the expected number of params', '132000'],
		['Error: (#131026) Message undeliverable', '131026'],
		['(#100) Invalid parameter', '100'],
		['Template name does not exist in the translation', undefined],
		['#132000 without brackets', undefined],
		['', undefined],
	])('%j → %j', (text, code) => {
		expect(whatsappCode(text)).toBe(code);
	});
});

describe('explainWhatsappCode', () => {
	it.each([
		['132000', /match the template's variables/],
		['132008', /match the template's variables/],
		['132012', /match the template's variables/],
		['132001', /does not know this template in this language/],
		['132015', /paused or disabled/],
		['132016', /paused or disabled/],
		['131008', /button/],
		['131009', /button/],
		['100', /button/],
		['131026', /cannot be delivered/],
		['131030', /test numbers/],
		['131049', /marketing/],
		['131056', /rate limit/],
		['130429', /rate limit/],
		['80007', /rate limit/],
		['190', /reconnect WhatsApp/],
		['131031', /locked or restricted/],
	])('%s: %s', (code, words) => {
		expect(explainWhatsappCode(code)).toMatch(words);
	});

	it('a code it does not know, or none, gets no made-up explanation', () => {
		for (const code of ['999999', '1320000', '13200', '1000', '', undefined]) expect(explainWhatsappCode(code)).toBeUndefined();
	});

	it('a sync hint where the template may be out of date in the platform', () => {
		expect(explainWhatsappCode('132000')).toMatch(/sync templates in the platform/);
		expect(explainWhatsappCode('132001')).toMatch(/sync templates in the platform/);
	});
});
