/**
 * The contact the platform creates for a new phone (actions/message/sendTemplate/contact.ts):
 * only the platform's keys, every value a string, checked before sending, since the platform
 * would create the contact before it refuses the send (CONTRACT.md).
 */
import { parseContact } from '../../nodes/WhatsAppTemplates/actions/message/sendTemplate/contact';
import { bracketParts } from '../../nodes/WhatsAppTemplates/shared/multipart/bracketParts';
import { FieldError } from '../../nodes/WhatsAppTemplates/shared/validation/fieldError';

// The platform's contact keys, as a user types them into the Contact JSON (CONTRACT.md, `contact` row).
const KEYS = ['firstname', 'lastname', 'email', 'country', 'groups', 'assigned_id', 'status_id', 'source_id'];

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
		expect(parseContact('{"firstname":"Ada","assigned_id":7}', {})).toEqual({ firstname: 'Ada', assigned_id: '7' });
		expect(parseContact({ email: 'ada@example.com', status_id: '3' }, {})).toEqual({ email: 'ada@example.com', status_id: '3' });
	});

	it('accepts each of the platform keys', () => {
		const values: Record<string, string> = { firstname: 'Ada', lastname: 'L', email: 'a@b.co', country: 'India', groups: 'vip', assigned_id: '1', status_id: '2', source_id: '3' };
		expect(Object.keys(values).sort()).toEqual([...KEYS].sort());
		expect(parseContact(values, {})).toEqual(values);
	});

	it('drops empty values, so the untouched default sends no contact at all', () => {
		expect(parseContact('{\n  "firstname": "",\n  "email": ""\n}', {})).toBeUndefined();
		expect(parseContact('', {})).toBeUndefined();
		expect(parseContact(undefined, {})).toBeUndefined();
		expect(parseContact({ firstname: 'Ada', lastname: null, email: '  ' }, {})).toEqual({ firstname: 'Ada' });
	});

	it('joins a groups list with commas, the form the platform splits', () => {
		expect(parseContact({ groups: ['vip', ' beta ', ''] }, {})).toEqual({ groups: 'vip,beta' });
	});

	it.each([
		['[1,2]', /must be a JSON object, not an array/],
		['"text"', /not a string/],
		['42', /not a number/],
		['null', /not null/],
		['{firstname: Ada}', /is not valid JSON/],
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

	it.each(['assigned_id', 'status_id', 'source_id'])('%s must be a whole number', (key) => {
		for (const bad of ['1.5', '-3', 'abc', '1e3']) {
			expect(refusal(() => parseContact({ [key]: bad }, {})).message).toMatch(new RegExp(`${key} "${bad.replace('.', '\\.')}" is not a whole number`));
		}
		expect(parseContact({ [key]: 12 }, {})).toEqual({ [key]: '12' });
	});

	it('refuses a nested object as a value', () => {
		expect(refusal(() => parseContact({ firstname: { a: 1 } }, {})).message).toMatch(/must be text/);
	});
});

describe('parseContact: limits', () => {
	const at = (n: number) => 'x'.repeat(n);
	const email = (n: number) => `${'a'.repeat(n - '@example.com'.length)}@example.com`;

	it('passes values exactly at each limit', () => {
		expect(parseContact({ firstname: at(255), lastname: at(255), country: at(100), email: email(191) }, {})).toEqual({
			firstname: at(255),
			lastname: at(255),
			country: at(100),
			email: email(191),
		});
	});

	it.each([
		['firstname', at(256), /256 characters long; the limit is 255/],
		['lastname', at(256), /the limit is 255/],
		['country', at(101), /the limit is 100/],
		['email', email(192), /the limit is 191/],
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
			parseContact('{"firstname":"Json","lastname":"Kept"}', {
				firstName: 'Ada',
				email: 'ada@example.com',
				country: 'Germany',
				groups: 'vip,beta',
				assignedId: '4',
				statusId: '5',
				sourceId: '6',
			}),
		).toEqual({ firstname: 'Ada', lastname: 'Kept', email: 'ada@example.com', country: 'Germany', groups: 'vip,beta', assigned_id: '4', status_id: '5', source_id: '6' });
	});

	it('are checked like the JSON', () => {
		expect(refusal(() => parseContact('', { email: 'nope' })).message).toMatch(/email "nope" is not an e-mail address/);
		expect(refusal(() => parseContact('', { statusId: 'new' })).message).toMatch(/status_id "new" is not a whole number/);
	});
});

describe('bracketParts (Laravel-style multipart names)', () => {
	it('flattens objects and arrays, turns booleans into 1/0 and leaves null out', () => {
		expect(bracketParts('contact', { firstname: 'Ada', groups: ['vip', 'beta'], extra: { seats: 3, active: true, trial: false, note: null } })).toEqual([
			['contact[firstname]', 'Ada'],
			['contact[groups][0]', 'vip'],
			['contact[groups][1]', 'beta'],
			['contact[extra][seats]', '3'],
			['contact[extra][active]', '1'],
			['contact[extra][trial]', '0'],
		]);
	});
});
