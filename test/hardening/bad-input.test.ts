/**
 * Bad input through n8n's real engine: every field and limit of CONTRACT.md (and the node's
 * own [decided] rules: variable gaps, "0", refused URL extensions and binary types, contact keys,
 * OTP conflicts) is refused before anything reaches the sandbox, with an error that names the
 * field as the UI labels it, the item, and a fix. Values at the limits: bad-input-limits.test.ts.
 */
import { NodeOperationError, type INodeExecutionData, type INodeParameters } from 'n8n-workflow';

import { storeBinary } from '../engine/harness';
import { jsonOut, startProduct, type Product } from '../product/setup';
import { CONTACT_KEYS as K, WIRE, wireContact } from '../support/wire';
import { sendsOf } from './sends';

let product: Product;
beforeAll(async () => {
	product = await startProduct('filesystem');
});
afterAll(async () => await product.close());
beforeEach(() => product.sb.reset());

const KB = 1024;
const TEMPLATE_OF = { image: 'product_photo', video: 'welcome_video', document: 'invoice_ready' } as const;
type Kind = keyof typeof TEMPLATE_OF;
const urlHeader = (kind: Kind, mediaUrl: string) => ({ templateName: TEMPLATE_OF[kind], headerType: kind, mediaSource: 'url', mediaUrl });
const binaryHeader = (kind: Kind, binaryPropertyName = 'file') => ({ templateName: TEMPLATE_OF[kind], headerType: kind, mediaSource: 'binary', binaryPropertyName });
const noClean = { options: { cleanVariables: false } };
const contact = (json: unknown) => ({ additionalFields: { contact: typeof json === 'string' ? json : JSON.stringify(json) } });
/** A refusal that names a contact key: `<key> <rest>` (rest is a pattern). */
const keySays = (key: string, rest: string) => new RegExp(`${key} ${rest}`);

interface BadCase {
	name: string;
	params: INodeParameters;
	/** The UI label the message must name. */
	field: string;
	/** What the message must also say. */
	reason: RegExp;
	/** Input items; a function so that binaries are stored only when the case runs. */
	items?: () => Promise<INodeExecutionData[]>;
}

const withFile = (size: number, mimeType: string, fileName = 'f.bin') => async () => [
	{ json: {}, binary: { file: await storeBinary({ size }, { fileName, mimeType }) } },
];

const badCases: BadCase[] = [
	// Recipient Phone
	{ name: 'phone empty (from an expression)', params: { phone: '={{ $json.missing }}' }, field: 'Recipient Phone', reason: /is empty/ },
	{ name: 'phone only spaces', params: { phone: '   ' }, field: 'Recipient Phone', reason: /is empty/ },
	{ name: 'phone too short (7 digits)', params: { phone: '+1234567' }, field: 'Recipient Phone', reason: /has 7 digits/ },
	{ name: 'phone too long (16 digits)', params: { phone: '+1234567890123456' }, field: 'Recipient Phone', reason: /has 16 digits/ },
	{ name: 'phone with letters', params: { phone: '+49 151 CALL-ME' }, field: 'Recipient Phone', reason: /contains "C"/ },
	{ name: 'phone national, leading 0', params: { phone: '0151 2345678' }, field: 'Recipient Phone', reason: /no country code/ },
	{ name: 'phone +0…', params: { phone: '+0151 2345678' }, field: 'Recipient Phone', reason: /no country code/ },
	{ name: 'phone 000…', params: { phone: '000151 2345678' }, field: 'Recipient Phone', reason: /no country code/ },
	{ name: 'phone with Arabic-Indic digits', params: { phone: '٤٩١٥١٢٣٤٥٦٧٨' }, field: 'Recipient Phone', reason: /not a digit/ },
	{ name: 'phone with a slash', params: { phone: '49/151/2345678' }, field: 'Recipient Phone', reason: /contains "\/"/ },
	// Template Name and Language Code
	{ name: 'template name empty (from an expression)', params: { templateName: '={{ "" }}' }, field: 'Template Name', reason: /is empty/ },
	{ name: 'template name of 256 characters', params: { templateName: 'x'.repeat(256) }, field: 'Template Name', reason: /256 characters long; the limit is 255/ },
	{ name: 'language code of 1 character', params: { templateLanguage: 'e' }, field: 'Language Code', reason: /has 1 characters; it must have 2 to 10/ },
	{ name: 'language code of 11 characters', params: { templateLanguage: 'en_US_extra' }, field: 'Language Code', reason: /has 11 characters/ },
	// One-Time Password, generated OTP, Sender Phone Number ID
	{ name: 'OTP of 101 characters', params: { additionalFields: { otp: '1'.repeat(101) } }, field: 'One-Time Password', reason: /101 characters long; the limit is 100/ },
	{ name: 'OTP of 101 emoji', params: { additionalFields: { otp: '🔑'.repeat(101) } }, field: 'One-Time Password', reason: /101 characters long/ },
	{ name: 'OTP and Variable 1 set and different', params: { templateName: 'login_code', bodyVariables: { var1: '111111' }, additionalFields: { otp: '482913' } }, field: 'One-Time Password', reason: /both set and differ/ },
	{ name: 'OTP given while the platform generates one', params: { templateName: 'login_code', additionalFields: { otp: '482913' }, options: { autoGenerateOtp: true } }, field: 'One-Time Password', reason: /Generate OTP on the Platform/ },
	{ name: 'Variable 1 set while the platform generates the OTP', params: { templateName: 'login_code', bodyVariables: { var1: '1' }, options: { autoGenerateOtp: true } }, field: 'Body Variable {{1}}', reason: /Generate OTP on the Platform/ },
	{ name: 'generated OTP length 3', params: { templateName: 'login_code', options: { autoGenerateOtp: true, otpLength: 3 } }, field: 'Generated OTP Length', reason: /is 3; it must be a whole number from 4 to 10/ },
	{ name: 'generated OTP length 11', params: { templateName: 'login_code', options: { autoGenerateOtp: true, otpLength: 11 } }, field: 'Generated OTP Length', reason: /is 11/ },
	{ name: 'sender phone number id with letters', params: { additionalFields: { phoneNumberId: '10987abc' } }, field: 'Sender Phone Number ID', reason: /is not a number/ },
	{ name: 'sender phone number id negative', params: { additionalFields: { phoneNumberId: '-1098765' } }, field: 'Sender Phone Number ID', reason: /is not a number/ },
	// Body variables: gaps, "0", whitespace
	{ name: 'Variable 2 set, Variable 1 empty', params: { templateName: 'order_update', bodyVariables: { var2: 'A-42' } }, field: 'Body Variable {{1}}', reason: /Body Variable \{\{2\}\} is set but Body Variable \{\{1\}\} is empty/ },
	{ name: 'Variable 10 set, 4 to 9 empty', params: { templateName: 'ten_vars', bodyVariables: { var1: 'a', var2: 'b', var3: 'c', var10: 'j' } }, field: 'Body Variable {{4}}', reason: /\{\{10\}\} is set but Body Variable \{\{4\}\} is empty/ },
	{ name: 'a variable of exactly "0"', params: { templateName: 'order_update', bodyVariables: { var1: 'Ada', var2: '0' } }, field: 'Body Variable {{2}}', reason: /is "0", which the platform sends to WhatsApp as a blank/ },
	{ name: 'a variable of 0 from an expression', params: { bodyVariables: { var1: '={{ 0 }}' } }, field: 'Body Variable {{1}}', reason: /is "0"/ },
	{ name: 'a variable of only spaces', params: { bodyVariables: { var1: '   ' } }, field: 'Body Variable {{1}}', reason: /only spaces/ },
	{ name: 'header text "0"', params: { templateName: 'order_update', headerType: 'text', headerText: '0' }, field: 'Header Text Variable', reason: /is "0"/ },
	// Variables WhatsApp refuses, with Clean Variable Values off
	{ name: 'body variable with a new line (clean off)', params: { ...noClean, bodyVariables: { var1: 'Ada\nLovelace' } }, field: 'Body Variable {{1}}', reason: /line break, a tab or more than four spaces/ },
	{ name: 'body variable with 5 spaces (clean off)', params: { ...noClean, bodyVariables: { var1: 'a     b' } }, field: 'Body Variable {{1}}', reason: /more than four spaces/ },
	{ name: 'button with a new line (clean off)', params: { ...noClean, buttonParameters: { button0: 'track\n1' } }, field: 'Button 0', reason: /line break/ },
	{ name: 'header text with a tab (clean off)', params: { ...noClean, headerType: 'text', headerText: 'Hi\tAda' }, field: 'Header Text Variable', reason: /a tab/ },
	// Document Filename
	{ name: 'document filename of 256 characters', params: { ...urlHeader('document', 'https://cdn.example.com/a.pdf'), documentFilename: `${'d'.repeat(252)}.pdf` }, field: 'Document Filename', reason: /256 characters long; the limit is 255/ },
	// Media URL: scheme, and an extension no platform version takes for the kind
	{ name: 'media URL ftp:', params: urlHeader('image', 'ftp://cdn.example.com/a.png'), field: 'Media URL', reason: /is not an http\(s\) URL/ },
	{ name: 'media URL javascript:', params: urlHeader('image', 'javascript:alert(1)'), field: 'Media URL', reason: /is not an http\(s\) URL/ },
	{ name: 'media URL relative', params: urlHeader('video', '/media/clip.mp4'), field: 'Media URL', reason: /is not an http\(s\) URL/ },
	{ name: 'media URL with spaces', params: urlHeader('document', 'https://cdn.example.com/my invoice.pdf'), field: 'Media URL', reason: /is not an http\(s\) URL/ },
	{ name: 'media URL empty', params: urlHeader('image', ''), field: 'Media URL', reason: /is empty/ },
	{ name: 'image URL .webp', params: urlHeader('image', 'https://cdn.example.com/p.webp'), field: 'Media URL', reason: /ends in \.webp, which the platform refuses for an image header/ },
	{ name: 'image URL .GIF', params: urlHeader('image', 'https://cdn.example.com/p.GIF?v=2'), field: 'Media URL', reason: /ends in \.gif/ },
	{ name: 'video URL .mov', params: urlHeader('video', 'https://cdn.example.com/c.mov'), field: 'Media URL', reason: /ends in \.mov, which the platform refuses for a video header/ },
	{ name: 'document URL .csv', params: urlHeader('document', 'https://cdn.example.com/d.csv'), field: 'Media URL', reason: /ends in \.csv/ },
	{ name: 'image URL .pdf', params: urlHeader('image', 'https://cdn.example.com/d.pdf'), field: 'Media URL', reason: /ends in \.pdf/ },
	// Input Binary Field: missing, over the limit, a type the platform cannot take for the kind
	{ name: 'binary: the item has no binary', params: binaryHeader('image'), field: 'Input Binary Field', reason: /the item has no binary field "file"/ },
	{ name: 'binary: image 5120 KB + 1 byte', params: binaryHeader('image'), items: withFile(5120 * KB + 1, 'image/png'), field: 'Input Binary Field', reason: /5242881 bytes; an image header takes at most 5120 KB/ },
	{ name: 'binary: video 16384 KB + 1 byte', params: binaryHeader('video'), items: withFile(16384 * KB + 1, 'video/mp4'), field: 'Input Binary Field', reason: /16777217 bytes; a video header takes at most 16384 KB/ },
	{ name: 'binary: document 102400 KB + 1 byte', params: binaryHeader('document'), items: withFile(102400 * KB + 1, 'application/pdf'), field: 'Input Binary Field', reason: /104857601 bytes; a document header takes at most 102400 KB/ },
	{ name: 'binary: image header with a PDF', params: binaryHeader('image'), items: withFile(100, 'application/pdf'), field: 'Input Binary Field', reason: /is application\/pdf, not image, for an image header/ },
	{ name: 'binary: image/webp', params: binaryHeader('image'), items: withFile(100, 'image/webp', 'photo.webp'), field: 'Input Binary Field', reason: /"photo\.webp" \(image\/webp\) is of a type the platform does not take for an image header/ },
	{ name: 'binary: video/quicktime', params: binaryHeader('video'), items: withFile(100, 'video/quicktime', 'clip.mov'), field: 'Input Binary Field', reason: /does not take for a video header/ },
	{ name: 'binary: a CSV document', params: binaryHeader('document'), items: withFile(100, 'text/csv', 'data.csv'), field: 'Input Binary Field', reason: /"data\.csv" \(text\/csv\) is of a type the platform does not take for a document header/ },
	{ name: 'binary: an octet stream without a name', params: binaryHeader('document'), items: withFile(100, 'application/octet-stream', 'invoice'), field: 'Input Binary Field', reason: /does not take/ },
	// Contact: JSON shape, keys, e-mail, ids; the New Contact fields likewise
	{ name: 'contact an array', params: contact('["Ada"]'), field: 'Contact', reason: /must be a JSON object, not an array/ },
	{ name: 'contact invalid JSON', params: contact(`{${K.firstName}: "Ada"`), field: 'Contact', reason: /is not valid JSON/ },
	{ name: 'contact key first_name', params: contact({ first_name: 'Ada' }), field: 'Contact', reason: /has the key "first_name", which the platform does not know/ },
	{ name: 'contact key custom_fields', params: contact({ ...wireContact({ firstName: 'Ada' }), custom_fields: { plan: 'pro' } }), field: 'Contact', reason: /"custom_fields"/ },
	{ name: 'contact email without @', params: contact(wireContact({ email: 'ada.example.com' })), field: 'Contact', reason: keySays(K.email, '"ada\\.example\\.com" is not an e-mail address') },
	{ name: 'contact assigned id 1.5', params: contact(wireContact({ assignedId: 1.5 })), field: 'Contact', reason: keySays(K.assignedId, '"1\\.5" is not a whole number') },
	{ name: 'contact status id text', params: contact(wireContact({ statusId: 'new' })), field: 'Contact', reason: keySays(K.statusId, '"new" is not a whole number') },
	{ name: 'New Contact email', params: { newContact: { email: 'ada@' } }, field: 'Contact', reason: /is not an e-mail address/ },
	{ name: 'New Contact source id', params: { newContact: { sourceId: 'api' } }, field: 'Contact', reason: keySays(K.sourceId, '"api" is not a whole number') },
	{ name: 'contact first name of 256 characters', params: contact(wireContact({ firstName: 'x'.repeat(256) })), field: `Contact ${K.firstName}`, reason: /the limit is 255/ },
];

function expectRefused(result: Awaited<ReturnType<Product['send']>>, field: string, reason: RegExp, itemIndex = 0) {
	expect(result.error).toBeInstanceOf(NodeOperationError);
	const error = result.error as unknown as NodeOperationError;
	expect(error.message).toContain(field);
	expect(error.message).toMatch(reason);
	expect(error.message).toMatch(new RegExp(`\\[item ${itemIndex}\\]$`));
	// A fix first, then the promise that nothing went out.
	expect(error.description).toMatch(/^\S.{10,}\. Nothing was sent for this item\.$/s);
	expect(error.context.itemIndex).toBe(itemIndex);
	// No message went out. The template list (for Check Template Before Sending) may already have been
	// read when an earlier item was valid: the node starts that read while it validates the rest.
	expect(product.sb.requests.filter((r) => r.route !== 'templates.list')).toEqual([]);
	expect(product.sb.messages).toEqual([]);
}

describe(`${badCases.length} invalid inputs: refused before sending, naming field, item and fix`, () => {
	it('the matrix covers every field', () => {
		const fields = new Set(badCases.map((c) => c.field.replace(new RegExp(` \\{\\{\\d+\\}\\}| \\d$| ${K.firstName}$`), '')));
		for (const label of ['Recipient Phone', 'Template Name', 'Language Code', 'One-Time Password', 'Generated OTP Length', 'Sender Phone Number ID', 'Document Filename', 'Media URL', 'Input Binary Field', 'Contact', 'Body Variable', 'Button', 'Header Text Variable']) {
			expect(fields).toContain(label);
		}
	});

	it.each(badCases)('$name', async ({ params, items, field, reason }) => {
		const result = await product.send(params, { items: items ? await items() : undefined });
		expectRefused(result, field, reason);
	});

	it('the item index is the failing one, and the earlier valid items are not sent either', async () => {
		const result = await product.send(
			{ phone: '={{ $json.phone }}', ...urlHeader('document', 'https://cdn.example.com/a.pdf'), bodyVariables: { var1: '={{ $json.n }}' } },
			{ items: [{ json: { phone: '+49 151 1111111', n: 'A-1' } }, { json: { phone: '+49 151 2222222', n: 'A-2' } }, { json: { phone: '+49 151 3333333', n: '0' } }] },
		);
		expectRefused(result, 'Body Variable {{1}}', /is "0"/, 2);
	});

	it('with continue-on-fail the invalid items are output as not sent, the valid ones sent', async () => {
		const result = await product.send(
			{ phone: '={{ $json.phone }}', templateName: 'order_update', headerType: 'text', headerText: 'A-1', bodyVariables: { var1: 'Ada', var2: '={{ $json.order }}' } },
			{ onError: 'continueRegularOutput', items: [{ json: { phone: '+49 151 1111111', order: '0' } }, { json: { phone: '+49 151 2222222', order: 'A-2' } }] },
		);
		const out = jsonOut(result);
		expect(out).toHaveLength(2);
		expect(out[0]).toEqual({
			error: expect.stringMatching(/^Body Variable \{\{2\}\} is "0", .* \[item 0\]$/),
			details: { delivery: 'not sent', itemIndex: 0, description: expect.stringMatching(/"0\.00".*Nothing was sent/) },
		});
		expect(out[1]).toMatchObject({ status: 'success', messageId: product.sb.messages[0].wamid });
		expect(sendsOf(product.sb).map((r) => r.fields![WIRE.phone])).toEqual(['491512222222']);
	});
});
