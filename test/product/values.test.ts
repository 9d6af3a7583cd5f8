import { NodeOperationError } from 'n8n-workflow';

import { WIRE, wireBody } from '../support/wire';
import { jsonOut, sends, startProduct, type Product } from './setup';

let product: Product;
beforeAll(async () => {
	product = await startProduct();
});
afterAll(async () => await product.close());
beforeEach(() => product.sb.reset());

const PHONE = '491512345678';

describe('one-time passwords', () => {
	it('goes out as the copy code and as {{1}} when Variable 1 is empty', async () => {
		const result = await product.send({ templateName: 'login_code', additionalFields: { otp: '482913' } });
		expect(result.error).toBeUndefined();
		expect(sends(product)[0].fields).toEqual(wireBody({ phone: PHONE, template: 'login_code', language: 'en', body: ['482913'], copyCode: '482913' }));
		expect(product.sb.messages[0].whatsapp.body).toEqual(['482913']);
	});

	it('the same code in both is fine; different codes are refused before sending', async () => {
		const same = await product.send({ templateName: 'login_code', bodyVariables: { var1: '111' }, additionalFields: { otp: '111' } });
		expect(same.error).toBeUndefined();
		product.sb.reset();
		const differ = await product.send({ templateName: 'login_code', bodyVariables: { var1: '111' }, additionalFields: { otp: '222' } });
		expect(differ.error).toBeInstanceOf(NodeOperationError);
		expect(differ.error!.message).toMatch(/One-Time Password and Body Variable \{\{1\}\} are both set and differ.*\[item 0\]/);
		expect(sends(product)).toHaveLength(0);
	});

	it('Generate OTP on the Platform: the platform makes the code, the output carries it', async () => {
		const result = await product.send({ templateName: 'login_code', options: { autoGenerateOtp: true, otpLength: 8 } });
		expect(result.error).toBeUndefined();
		expect(sends(product)[0].fields).toEqual(wireBody({ phone: PHONE, template: 'login_code', language: 'en', autoOtp: { length: 8 } }));
		const [message] = product.sb.messages;
		expect(message.otp!.code).toMatch(/^[1-9]\d{7}$/);
		const [out] = jsonOut(result);
		expect(out.otpCode).toBe(message.otp!.code);
		expect(message.whatsapp.body).toEqual([out.otpCode]);
		expect(out.messageId).toBe(message.wamid);
	});
});

describe('values the platform would shift or blank are refused with zero requests', () => {
	it.each([
		[{ var2: 'b' }, /Body Variable \{\{2\}\} is set but Body Variable \{\{1\}\} is empty/, /Fill Body Variable \{\{1\}\}/],
		[{ var1: 'a', var3: 'c' }, /Body Variable \{\{3\}\} is set but Body Variable \{\{2\}\} is empty/, /start at \{\{1\}\} without gaps/],
		[{ var1: '0', var2: 'x' }, /Body Variable \{\{1\}\} is "0", which the platform sends to WhatsApp as a blank/, /0\.00/],
		[{ var1: 'a', var2: '   ' }, /Body Variable \{\{2\}\} is only spaces/, /visible text/],
	])('%j', async (bodyVariables, message, fix) => {
		const result = await product.send({ templateName: 'order_update', headerType: 'text', headerText: 'A1', bodyVariables });
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error!.message).toMatch(message);
		expect(result.error!.message).toMatch(/\[item 0\]$/);
		expect(result.error!.description).toMatch(fix);
		expect(result.error!.description).toMatch(/Nothing was sent for this item\./);
		expect(sends(product)).toHaveLength(0);
	});

	it('a header URL whose extension no platform takes is refused with the way out', async () => {
		const result = await product.send({ templateName: 'product_photo', headerType: 'image', mediaUrl: 'https://cdn.example.com/a.webp', bodyVariables: { var1: 'x' } });
		expect(result.error!.message).toMatch(/Media URL ends in \.webp, which the platform refuses for an image header/);
		expect(result.error!.description).toMatch(/Binary File/);
		expect(sends(product)).toHaveLength(0);
	});

	it('the number 0 from an expression is refused too, while 0.00 goes', async () => {
		const refused = await product.send({ templateName: 'invoice_ready', headerType: 'document', mediaUrl: 'https://x.example/i.pdf', bodyVariables: { var1: '={{ 0 }}' } });
		expect(refused.error!.message).toMatch(/is "0"/);
		const sent = await product.send({ templateName: 'invoice_ready', headerType: 'document', mediaUrl: 'https://x.example/i.pdf', bodyVariables: { var1: '0.00' } });
		expect(sent.error).toBeUndefined();
		expect(sends(product)).toHaveLength(1);
		expect(sends(product)[0].fields![WIRE.body(1)]).toBe('0.00');
	});
});

describe('invalid items send nothing', () => {
	it('an invalid item stops the node before any message goes out, naming field, item and fix', async () => {
		const result = await product.send(
			{ phone: '={{ $json.phone }}' },
			{ items: [{ json: { phone: '+49 151 1111111' } }, { json: { phone: '0151 2345678' } }, { json: { phone: '+49 151 3333333' } }] },
		);
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error!.message).toMatch(/^Recipient Phone "0151 2345678" has no country code .* \[item 1\]$/);
		expect(result.error!.description).toMatch(/Replace the leading 0 with the country code.*Nothing was sent/);
		expect(sends(product)).toHaveLength(0);
	});

	it('continue-on-fail: one output per input, paired, the invalid one unsent', async () => {
		const result = await product.send(
			{ phone: '={{ $json.phone }}' },
			{
				onError: 'continueRegularOutput',
				items: [{ json: { phone: '+49 151 1111111' } }, { json: { phone: 'abc' } }, { json: { phone: '+49 151 3333333' } }],
			},
		);
		const out = jsonOut(result);
		expect(out).toHaveLength(3);
		expect(result.outputs![0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[0].messageId).toBe(product.sb.messages[0].wamid);
		expect(out[1]).toEqual({
			error: expect.stringMatching(/Recipient Phone "abc" contains "a".*\[item 1\]/),
			details: { delivery: 'not sent', itemIndex: 1, description: expect.stringMatching(/Use digits only/) },
		});
		expect(out[2].messageId).toBe(product.sb.messages[1].wamid);
		expect(sends(product).map((r) => r.fields![WIRE.phone])).toEqual(['491511111111', '491513333333']);
	});

	it('the error output gets the failed items, the main output the sent ones', async () => {
		const result = await product.send(
			{ templateName: '={{ $json.t }}' },
			{ onError: 'continueErrorOutput', items: [{ json: { t: 'plain_notice' } }, { json: { t: 'summer_sale' } }] },
		);
		expect(jsonOut(result, 0)).toHaveLength(1);
		expect(jsonOut(result, 1)).toHaveLength(1);
		expect(jsonOut(result, 1)[0]).toMatchObject({
			t: 'summer_sale',
			error: expect.stringMatching(/Template "summer_sale" exists in en \(REJECTED\); only an APPROVED template can be sent \[item 1\]/),
			details: { delivery: 'not sent', itemIndex: 1 },
		});
		expect(result.outputs![1][0].pairedItem).toEqual({ item: 1 });
	});
});
