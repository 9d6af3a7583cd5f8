/**
 * Send Template's body variables (actions/message/sendTemplate/variables.ts). The platform fills
 * {{1}}…{{n}} from the fields present, in order, and turns "0" or whitespace into a blank
 * (CONTRACT.md): a gap, a "0" or a blank value is an input error; the one-time password fills {{1}}.
 */
import type { IDataObject } from 'n8n-workflow';

import { bodyVariables, templateValue } from '../../nodes/WhatsAppTemplates/actions/message/sendTemplate/variables';
import { FieldError } from '../../nodes/WhatsAppTemplates/shared/validation/fieldError';

const none = { generated: false };
const vars = (...values: string[]): IDataObject => Object.fromEntries(values.map((v, i) => [`var${i + 1}`, v]));

function refusal(run: () => unknown): FieldError {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(FieldError);
		return error as FieldError;
	}
	throw new Error('expected a FieldError, nothing was thrown');
}

describe('bodyVariables: contiguous {{1}}…{{n}}', () => {
	it('returns the values in order, up to the last one given', () => {
		expect(bodyVariables(vars('Ada', 'A-42'), none, true)).toEqual(['Ada', 'A-42']);
		expect(bodyVariables({}, none, true)).toEqual([]);
		const ten = Array.from({ length: 10 }, (_, i) => `v${i + 1}`);
		expect(bodyVariables(vars(...ten), none, true)).toEqual(ten);
	});

	it('takes numbers and booleans from expressions as text', () => {
		expect(bodyVariables({ var1: 42, var2: true, var3: 0.5 }, none, true)).toEqual(['42', 'true', '0.5']);
	});

	it('cleans line breaks when cleaning is on, refuses them when off', () => {
		expect(bodyVariables(vars('a\nb'), none, true)).toEqual(['a b']);
		expect(refusal(() => bodyVariables(vars('a\nb'), none, false)).field).toBe('Body Variable {{1}}');
	});

	it.each([
		[{ var2: 'x' }, 1, 2],
		[{ var1: 'a', var3: 'c' }, 2, 3],
		[{ var1: 'a', var2: 'b', var10: 'j' }, 3, 10],
		[{ var1: 'a', var2: '', var3: 'c' }, 2, 3],
	])('%j: a gap is refused, naming the empty variable and the later one', (collection, empty, later) => {
		const error = refusal(() => bodyVariables(collection, none, true));
		expect(error.field).toBe(`Body Variable {{${empty}}}`);
		expect(error.message).toContain(`Body Variable {{${later}}} is set but Body Variable {{${empty}}} is empty`);
		expect(error.fix).toMatch(new RegExp(`Fill Body Variable \\{\\{${empty}\\}\\}`));
	});

	it.each(['0', ' 0 ', '   ', '\t'])('%j is refused: the platform would send a blank', (value) => {
		const error = refusal(() => bodyVariables(vars('Ada', value), none, true));
		expect(error.field).toBe('Body Variable {{2}}');
		expect(error.message).toMatch(/which the platform sends to WhatsApp as a blank/);
	});

	it('"0" gets a fix that says how to write it; values near it pass', () => {
		expect(refusal(() => bodyVariables(vars('0'), none, true)).fix).toMatch(/"0\.00", "zero"/);
		expect(bodyVariables(vars('0.00', '00', '0 items', 'zero', '-0'), none, true)).toEqual(['0.00', '00', '0 items', 'zero', '-0']);
		// A number 0 from an expression is the same "0" on the wire.
		expect(refusal(() => bodyVariables({ var1: 0 }, none, true)).message).toMatch(/is "0"/);
	});
});

describe('bodyVariables: the one-time password', () => {
	it('a given OTP fills an empty {{1}}', () => {
		expect(bodyVariables({}, { given: '482913', generated: false }, true)).toEqual(['482913']);
		expect(bodyVariables({ var2: 'x' }, { given: '482913', generated: false }, true)).toEqual(['482913', 'x']);
	});

	it('the same value in OTP and Variable 1 is fine; different values are refused', () => {
		expect(bodyVariables(vars('482913'), { given: '482913', generated: false }, true)).toEqual(['482913']);
		const error = refusal(() => bodyVariables(vars('111111'), { given: '482913', generated: false }, true));
		expect(error.field).toBe('One-Time Password');
		expect(error.message).toMatch(/both set and differ/);
		expect(error.fix).toMatch(/Leave Body Variable \{\{1\}\} empty/);
	});

	it('a generated OTP leaves {{1}} to the platform (undefined: not sent), later variables keep their place', () => {
		expect(bodyVariables({}, { generated: true }, true)).toEqual([undefined]);
		expect(bodyVariables({ var2: 'Ada' }, { generated: true }, true)).toEqual([undefined, 'Ada']);
	});

	it('a generated OTP with Variable 1 set is refused, naming Variable 1', () => {
		const error = refusal(() => bodyVariables(vars('123'), { generated: true }, true));
		expect(error.field).toBe('Body Variable {{1}}');
		expect(error.message).toMatch(/Generate OTP on the Platform/);
	});

	it('without an OTP, Variable 2 alone is still a gap', () => {
		expect(refusal(() => bodyVariables({ var2: 'x' }, none, true)).field).toBe('Body Variable {{1}}');
	});
});

describe('templateValue (header text)', () => {
	it('passes text through, cleaned when asked', () => {
		expect(templateValue('Header Text Variable', 'Order 42', true)).toBe('Order 42');
		expect(templateValue('Header Text Variable', 'Order\t42', true)).toBe('Order 42');
	});

	it.each(['0', '', '  '])('%j is refused naming the field', (value) => {
		const error = refusal(() => templateValue('Header Text Variable', value, true));
		expect(error.field).toBe('Header Text Variable');
		expect(error.message).toMatch(/^Header Text Variable is /);
	});
});
