import { metaSafeValue } from '../../nodes/WhatsAppTemplates/shared/validation/variables';

describe('metaSafeValue (WhatsApp refuses new lines, tabs, more than four spaces)', () => {
	it('passes ordinary values through untouched, unicode and emoji included', () => {
		for (const value of ['Ada', 'Grüße 🎉 from Zürich', 'a    b', '"quoted" \'single\'', 'ütf-8 ✓']) {
			expect(metaSafeValue('Body Variable {{1}}', value, true)).toBe(value);
			expect(metaSafeValue('Body Variable {{1}}', value, false)).toBe(value);
		}
	});

	it.each([
		['line\nbreak', 'line break'],
		['windows\r\nbreak', 'windows break'],
		['tab\there', 'tab here'],
		['five     spaces', 'five spaces'],
		['a \n\n b', 'a  b'],
		['many\n\n\n\n\n\nbreaks', 'many breaks'],
	])('cleans %j to %j when cleaning is on', (value, cleaned) => {
		const result = metaSafeValue('Body Variable {{1}}', value, true);
		expect(result).toBe(cleaned);
		expect(result).not.toMatch(/[\r\n\t]| {5,}/);
	});

	it('refuses such a value, naming the field and the option, when cleaning is off', () => {
		expect(() => metaSafeValue('Button 1', 'a\nb', false)).toThrow(/Button 1 contains a line break/);
		expect(() => metaSafeValue('Header Text Variable', 'a     b', false)).toThrow(/more than four spaces/);
	});
});
