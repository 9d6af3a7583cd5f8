/**
 * The contact the platform creates for a new phone (actions/message/sendTemplate/contact.ts):
 * only the platform's keys, every value a string, checked before sending, since the platform
 * would create the contact before it refuses the send (CONTRACT.md).
 */
import { parseContact } from '../../nodes/WhatsAppTemplates/actions/message/sendTemplate/contact';
import { bracketParts } from '../../nodes/WhatsAppTemplates/shared/multipart/bracketParts';
import { FieldError } from '../../nodes/WhatsAppTemplates/shared/validation/fieldError';
import { CONTACT_KEYS as K, WIRE, wireContact } from '../support/wire';

// The platform's contact keys, as a user types them into the Contact JSON (CONTRACT.md, `contact` row).
const KEYS = Object.values(K);

function refusal(run: () => unknown): FieldError {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(FieldError);
		expect((error as FieldError).field).toBe('Contact');
		expect((error as FieldError).fix).not.toBe('');
		return error as FieldError;
	}
	throw new Error('expected a FieldError, nothing was thrown');
}

describe('parseContact: the Contact JSON', () => {
	it('takes JSON text or an object from an expression; every value goes as a string', () => {
		expect(parseContact(JSON.stringify(wireContact({ firstName: 'Ada', assignedId: 7 })), {})).toEqual(wireContact({ firstName: 'Ada', assignedId: '7' }));
		expect(parseContact(wireContact({ email: 'ada@example.com', statusId: '3' }), {})).toEqual(wireContact({ email: 'ada@example.com', statusId: '3' }));
	});

	it('accepts each of the platform keys', () => {
		const values = wireContact({ firstName: 'Ada', lastName: 'L', email: 'a@b.co', country: 'India', groups: 'vip', assignedId: '1', statusId: '2', sourceId: '3' });
		expect(Object.keys(values).sort()).toEqual([...KEYS].sort());
		expect(parseContact(values, {})).toEqual(values);
	});

	it('drops empty values, so the untouched default sends no contact at all', () => {
		expect(parseContact(JSON.stringify(wireContact({ firstName: '', email: '' }), null, 2), {})).toBeUndefined();
		expect(parseContact('', {})).toBeUndefined();
		expect(parseContact(undefined, {})).toBeUndefined();
		expect(parseContact(wireContact({ firstName: 'Ada', lastName: null, email: '  ' }), {})).toEqual(wireContact({ firstName: 'Ada' }));
	});

	it('joins a groups list with commas, the form the platform splits', () => {
		expect(parseContact(wireContact({ groups: ['vip', ' beta ', ''] }), {})).toEqual(wireContact({ groups: 'vip,beta' }));
	});

	it.each([
		['[1,2]', /must be a JSON object, not an array/],
		['"text"', /not a string/],
		['42', /not a number/],
		['null', /not null/],
		[`{${K.firstName}: Ada}`, /is not valid JSON/],
	])('refuses %s', (value, reason) => {
		expect(refusal(() => parseContact(value, {})).message).toMatch(reason);
	});

	it.each(['first_name', 'custom_fields', 'phone', 'Firstname'])('refuses the key %j and lists the keys it takes', (key) => {
		const error = refusal(() => parseContact({ [key]: 'x' }, {}));
		expect(error.message).toContain(`"${key}"`);
		for (const known of KEYS) expect(error.fix).toContain(known);
	});

	it.each(['ada', 'ada@', '@example.com', 'ada@example', 'a da@example.com'])('refuses the e-mail %j', (email) => {
		expect(refusal(() => parseContact({ email }, {})).message).toMatch(/is not an e-mail address/);
	});

	it.each([K.assignedId, K.statusId, K.sourceId])('%s must be a whole number', (key) => {
		for (const bad of ['1.5', '-3', 'abc', '1e3']) {
			expect(refusal(() => parseContact({ [key]: bad }, {})).message).toMatch(new RegExp(`${key} "${bad.replace('.', '\\.')}" is not a whole number`));
		}
		expect(parseContact({ [key]: 12 }, {})).toEqual({ [key]: '12' });
	});

	it('refuses a nested object as a value', () => {
		expect(refusal(() => parseContact(wireContact({ firstName: { a: 1 } }), {})).message).toMatch(/must be text/);
	});
});

describe('parseContact: limits', () => {
	const at = (n: number) => 'x'.repeat(n);
	const email = (n: number) => `${'a'.repeat(n - '@example.com'.length)}@example.com`;

	it('passes values exactly at each limit', () => {
		const atLimits = wireContact({ firstName: at(255), lastName: at(255), country: at(100), email: email(191) });
		expect(parseContact({ ...atLimits }, {})).toEqual(atLimits);
	});

	it.each([
		[K.firstName, at(256), /256 characters long; the limit is 255/],
		[K.lastName, at(256), /the limit is 255/],
		[K.country, at(101), /the limit is 100/],
		[K.email, email(192), /the limit is 191/],
	])('refuses %s one over the limit', (key, value, reason) => {
		let thrown: unknown;
		try {
			parseContact({ [key]: value }, {});
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(FieldError);
		expect((thrown as FieldError).message).toMatch(reason);
	});
});

describe('parseContact: the New Contact fields', () => {
	it('map to the platform keys and win over the JSON', () => {
		expect(
			parseContact(JSON.stringify(wireContact({ firstName: 'Json', lastName: 'Kept' })), {
				firstName: 'Ada',
				email: 'ada@example.com',
				country: 'Germany',
				groups: 'vip,beta',
				assignedId: '4',
				statusId: '5',
				sourceId: '6',
			}),
		).toEqual(wireContact({ firstName: 'Ada', lastName: 'Kept', email: 'ada@example.com', country: 'Germany', groups: 'vip,beta', assignedId: '4', statusId: '5', sourceId: '6' }));
	});

	it('are checked like the JSON', () => {
		expect(refusal(() => parseContact('', { email: 'nope' })).message).toMatch(new RegExp(`${K.email} "nope" is not an e-mail address`));
		expect(refusal(() => parseContact('', { statusId: 'new' })).message).toMatch(new RegExp(`${K.statusId} "new" is not a whole number`));
	});
});

describe('bracketParts (Laravel-style multipart names)', () => {
	it('flattens objects and arrays, turns booleans into 1/0 and leaves null out', () => {
		const c = WIRE.contact;
		expect(bracketParts(c, { ...wireContact({ firstName: 'Ada', groups: ['vip', 'beta'] }), extra: { seats: 3, active: true, trial: false, note: null } })).toEqual([
			[`${c}[${K.firstName}]`, 'Ada'],
			[`${c}[${K.groups}][0]`, 'vip'],
			[`${c}[${K.groups}][1]`, 'beta'],
			[`${c}[extra][seats]`, '3'],
			[`${c}[extra][active]`, '1'],
			[`${c}[extra][trial]`, '0'],
		]);
	});
});
