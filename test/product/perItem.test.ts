/**
 * The node reads a parameter without an expression once per run and the others per item: every
 * item must still get its own values wherever an expression sits, however deep.
 */
import { BASE_PARAMS, items, jsonOut, sends, startProduct, type Product } from './setup';
import { WIRE, wireBody, wireContact } from '../support/wire';

let product: Product;
beforeAll(async () => {
	product = await startProduct();
});
afterAll(async () => await product.close());
beforeEach(() => product.sb.reset());

const PEOPLE = [
	{ phone: '491510000001', lang: 'en', slot: '9:00', first: 'Ada', otp: '1111' },
	{ phone: '491510000002', lang: 'pt_BR', slot: '10:00', first: 'Bea', otp: '2222' },
	{ phone: '491510000003', lang: 'en', slot: '11:00', first: 'Cy', otp: '3333' },
];
const byPhone = () => new Map(sends(product).map((request) => [request.fields![WIRE.phone], request.fields]));

it('expressions inside collections, beside fixed values, resolve per item', async () => {
	const result = await product.send(
		{
			phone: '={{ $json.phone }}',
			templateName: 'delivery_window',
			templateLanguage: '={{ $json.lang }}',
			bodyVariables: { var1: 'Fixed', var2: '={{ $json.slot }}', var3: '18:00' },
			newContact: { firstName: '={{ $json.first }}', country: 'Germany' },
		},
		{ items: items(3, (i) => PEOPLE[i]) },
	);
	expect(result.error).toBeUndefined();
	expect(jsonOut(result)).toHaveLength(3);
	const fields = byPhone();
	for (const person of PEOPLE) {
		expect(fields.get(person.phone)).toEqual(
			wireBody({
				phone: person.phone,
				template: 'delivery_window',
				language: person.lang,
				body: ['Fixed', person.slot, '18:00'],
				contact: wireContact({ firstName: person.first, country: 'Germany' }),
			}),
		);
	}
});

it('a fixed collection is the same for every item, an expression in another differs', async () => {
	const result = await product.send(
		{ phone: '={{ $json.phone }}', templateName: 'login_code', additionalFields: { otp: '={{ $json.otp }}', phoneNumberId: '1098765' } },
		{ items: items(3, (i) => PEOPLE[i]) },
	);
	expect(result.error).toBeUndefined();
	const fields = byPhone();
	for (const person of PEOPLE) {
		expect(fields.get(person.phone)).toEqual(wireBody({ phone: person.phone, template: 'login_code', language: 'en', from: '1098765', body: [person.otp], copyCode: person.otp }));
	}
});

it('a picked template and mapped values given by expressions resolve per item', async () => {
	const { templateName: _n, templateLanguage: _l, ...rest } = BASE_PARAMS;
	const result = await product.send(
		{
			...rest,
			phone: '={{ $json.phone }}',
			templateSource: 'fromList',
			template: { __rl: true, mode: 'list', value: '={{ "delivery_window|" + $json.lang }}' },
			templateValues: {
				mappingMode: 'defineBelow',
				value: { var1: '={{ $json.first }}', var2: '={{ $json.slot }}', var3: 'late' },
				matchingColumns: [],
				schema: [{ id: 'var1' }, { id: 'var2' }, { id: 'var3' }],
			},
		},
		{ items: items(3, (i) => PEOPLE[i]) },
	);
	expect(result.error).toBeUndefined();
	const fields = byPhone();
	for (const person of PEOPLE) {
		expect(fields.get(person.phone)).toEqual(wireBody({ phone: person.phone, template: 'delivery_window', language: person.lang, body: [person.first, person.slot, 'late'] }));
	}
});
