import { parseContact } from '../../nodes/WhatsAppTemplates/validate/contact';
import { bracketParts } from '../../nodes/WhatsAppTemplates/body/bracketParts';

describe('parseContact', () => {
	it('takes JSON text or an object from an expression', () => {
		expect(parseContact('{"first_name":"Ada","groups":["vip"]}')).toEqual({ first_name: 'Ada', groups: ['vip'] });
		expect(parseContact({ email: 'ada@example.com' })).toEqual({ email: 'ada@example.com' });
	});

	it('drops empty values, so the untouched default sends no contact at all', () => {
		expect(parseContact('{\n  "first_name": "",\n  "email": ""\n}')).toBeUndefined();
		expect(parseContact('')).toBeUndefined();
		expect(parseContact({ first_name: 'Ada', last_name: null, custom_fields: { plan: '' } })).toEqual({ first_name: 'Ada' });
	});

	it.each([
		['[1,2]', /not an array/],
		['"text"', /not a string/],
		['42', /not a number/],
		['null', /not null/],
		['{first_name: Ada}', /not valid JSON/],
	])('refuses %s', (value, reason) => {
		expect(() => parseContact(value)).toThrow(reason);
	});
});

describe('bracketParts (Laravel-style multipart names)', () => {
	it('flattens nested objects and arrays, turns booleans into 1/0 and leaves null out', () => {
		expect(
			bracketParts('contact', {
				first_name: 'Ada',
				groups: ['vip', 'beta'],
				custom_fields: { plan: 'pro', seats: 3, active: true, trial: false, note: null },
			}),
		).toEqual([
			['contact[first_name]', 'Ada'],
			['contact[groups][0]', 'vip'],
			['contact[groups][1]', 'beta'],
			['contact[custom_fields][plan]', 'pro'],
			['contact[custom_fields][seats]', '3'],
			['contact[custom_fields][active]', '1'],
			['contact[custom_fields][trial]', '0'],
		]);
	});
});
