import { FieldError } from '../../nodes/WhatsAppTemplates/shared/validation/fieldError';
import { normalisePhone } from '../../nodes/WhatsAppTemplates/shared/validation/phone';

describe('normalisePhone (CONTRACT.md phone rule)', () => {
	it.each([
		['+49 151 2345-678', '491512345678'],
		['(0049) 151 2345678', '491512345678'],
		['0049.151.2345678', '491512345678'],
		['4915123456789', '4915123456789'],
		['+1 (415) 555-0100', '14155550100'],
		['\u00a0+44 20 7946 0958 ', '442079460958'],
		[4915123456789, '4915123456789'],
		['12345678', '12345678'],
		['123456789012345', '123456789012345'],
	])('%j → %s', (typed, digits) => {
		expect(normalisePhone(typed)).toBe(digits);
	});

	it.each([
		['', /is empty/],
		['   ', /is empty/],
		[undefined, /is empty/],
		['0151 2345678', /no country code/],
		['+0151 2345678', /no country code/],
		['1234567', /has 7 digits/],
		['1234567890123456', /has 16 digits/],
		['49151abc678', /contains "a"/],
		['+49 151 2345678 ext 1', /contains "e"/],
		['49/151/2345678', /contains "\/"/],
		['٤٩١٥١٢٣٤٥٦٧٨', /contains "٤"/],
	])('%j is refused: %s', (typed, reason) => {
		let thrown: unknown;
		try {
			normalisePhone(typed);
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(FieldError);
		expect((thrown as FieldError).field).toBe('Recipient Phone');
		expect((thrown as FieldError).message).toMatch(reason);
		expect((thrown as FieldError).fix).toMatch(/e\.g\. \+49 151 2345678/);
	});
});
