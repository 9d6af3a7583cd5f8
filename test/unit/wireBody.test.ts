/**
 * A validated item → the body on the wire (actions/message/sendTemplate/wire.ts, shared/wireBody.ts),
 * compared with bodies built from CONTRACT.md by test/support/wire.ts: the node's wire table
 * and the tests' own spelling must agree.
 */
import type { IDataObject } from 'n8n-workflow';

import type { SendTemplateParameters } from '../../nodes/WhatsAppTemplates/actions/message/sendTemplate/parameters';
import type { TemplateOptions } from '../../nodes/WhatsAppTemplates/actions/message/sendTemplate/options';
import { validateItem } from '../../nodes/WhatsAppTemplates/actions/message/sendTemplate/validate';
import { toWireBody } from '../../nodes/WhatsAppTemplates/actions/message/sendTemplate/wire';
import { v1 } from '../../nodes/WhatsAppTemplates/shared/platform';
import type { BinaryMedia } from '../../nodes/WhatsAppTemplates/shared/multipart/binaryMedia';
import { StreamingMultipartBody } from '../../nodes/WhatsAppTemplates/shared/multipart/multipartBody';
import { fingerprint, toRequestBody } from '../../nodes/WhatsAppTemplates/shared/wireBody';
import { CONTACT_KEYS, WIRE, wireBody, wireContact } from '../support/wire';

const parameters = (overrides: Partial<SendTemplateParameters> = {}): SendTemplateParameters => ({
	phone: '+49 151 2345678',
	templateName: 'order_update',
	templateLanguage: 'en',
	headerType: 'none',
	headerText: '',
	mediaSource: 'url',
	mediaUrl: '',
	binaryPropertyName: 'data',
	documentFilename: '',
	bodyVariables: {},
	buttonParameters: {},
	additionalFields: {},
	newContact: {},
	...overrides,
});
const options = (overrides: Partial<TemplateOptions> = {}): TemplateOptions => ({ checkTemplate: false, cleanVariables: true, autoGenerateOtp: false, otpLength: 6, ...overrides });
const noBinary = async (): Promise<BinaryMedia> => {
	throw new Error('no binary expected');
};
const noFile = () => {
	throw new Error('no file expected');
};

async function jsonBody(p: Partial<SendTemplateParameters>, o: Partial<TemplateOptions> = {}): Promise<unknown> {
	const body = toRequestBody(toWireBody(v1.templateSend, await validateItem(v1.templateSend, parameters(p), options(o), noBinary)), noFile);
	expect(body).not.toBeInstanceOf(StreamingMultipartBody);
	return body;
}

describe('JSON body (no file)', () => {
	it('the bare minimum: phone as digits, template, language', async () => {
		expect(await jsonBody({})).toEqual(wireBody({ phone: '491512345678', template: 'order_update', language: 'en' }));
	});

	it('every field under its wire name; empty optional fields left out', async () => {
		const body = await jsonBody({
			headerType: 'text',
			headerText: 'A-42',
			bodyVariables: { var1: 'Ada', var2: 42 },
			buttonParameters: { button0: 'track/42', button1: '', button2: 'x' },
			additionalFields: { phoneNumberId: ' 1098765 ', contact: JSON.stringify(wireContact({ firstName: 'Ada', groups: ['vip', 'beta'] })) },
			newContact: { email: 'ada@example.com' },
		});
		expect(body).toEqual(
			wireBody({
				phone: '491512345678',
				template: 'order_update',
				language: 'en',
				from: '1098765',
				headerText: 'A-42',
				body: ['Ada', '42'],
				buttons: ['track/42', undefined, 'x'],
				contact: wireContact({ firstName: 'Ada', groups: 'vip,beta', email: 'ada@example.com' }),
			}),
		);
	});

	it('a given one-time password goes as the copy code and as {{1}} when Variable 1 is empty', async () => {
		expect(await jsonBody({ templateName: 'login_code', additionalFields: { otp: '482913' } })).toEqual(
			wireBody({ phone: '491512345678', template: 'login_code', language: 'en', body: ['482913'], copyCode: '482913' }),
		);
	});

	it('a generated one-time password: the generate flag and the length, no {{1}}, later variables in place', async () => {
		const body = (await jsonBody({ templateName: 'login_code', bodyVariables: { var2: 'Ada' } }, { autoGenerateOtp: true, otpLength: 8 })) as IDataObject;
		expect(body).toEqual({ ...wireBody({ phone: '491512345678', template: 'login_code', language: 'en', autoOtp: { length: 8 } }), [WIRE.body(2)]: 'Ada' });
		expect(body).not.toHaveProperty(WIRE.body(1));
	});

	it('a URL header under its kind, the document name beside it', async () => {
		for (const kind of ['image', 'video', 'document'] as const) {
			const url = `https://cdn.example.com/h.${{ image: 'png', video: 'mp4', document: 'pdf' }[kind]}`;
			const documentName = kind === 'document' ? 'Invoice 42.pdf' : undefined;
			expect(await jsonBody({ headerType: kind, mediaUrl: url, documentFilename: 'Invoice 42.pdf' })).toEqual(
				wireBody({ phone: '491512345678', template: 'order_update', language: 'en', mediaUrl: { kind, url }, documentName }),
			);
		}
	});
});

describe('multipart body (a file)', () => {
	const media: BinaryMedia = { fileName: 'report.pdf', uploadName: 'report-0-a1b2c3d4e5f6.pdf', mimeType: 'application/pdf', size: 3, itemIndex: 0, propertyName: 'data' };

	it('text parts by wire name, the contact as bracketed parts, the file last under its upload name', async () => {
		const item = await validateItem(
			v1.templateSend,
			parameters({ headerType: 'document', mediaSource: 'binary', bodyVariables: { var1: 'Ada' }, newContact: { firstName: 'Ada', groups: 'vip' } }),
			options(),
			async () => media,
		);
		const wire = toWireBody(v1.templateSend, item);
		const body = toRequestBody(wire, async function* () {
			yield Buffer.from('abc');
		});
		expect(body).toBeInstanceOf(StreamingMultipartBody);
		const expected = wireBody({ phone: '491512345678', template: 'order_update', language: 'en', documentName: 'report.pdf', body: ['Ada'] });
		expect((body as StreamingMultipartBody).describe()).toEqual([
			...Object.entries(expected).map(([name, value]) => ({ name, value })),
			{ name: `${WIRE.contact}[${CONTACT_KEYS.firstName}]`, value: 'Ada' },
			{ name: `${WIRE.contact}[${CONTACT_KEYS.groups}]`, value: 'vip' },
			{ name: WIRE.mediaFile('document'), file: { name: media.uploadName, type: 'application/pdf', size: 3 } },
		]);
	});

	it('the file part streams the bytes it is given', async () => {
		const item = await validateItem(v1.templateSend, parameters({ headerType: 'image', mediaSource: 'binary' }), options(), async () => ({ ...media, mimeType: 'image/png' }));
		const body = toRequestBody(toWireBody(v1.templateSend, item), async function* () {
			yield Buffer.from('ab');
			yield Buffer.from('c');
		}) as StreamingMultipartBody;
		const [, file] = [...body.entries()].find(([name]) => name === WIRE.mediaFile('image'))!;
		const chunks: Buffer[] = [];
		for await (const chunk of file as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
		expect(Buffer.concat(chunks).toString()).toBe('abc');
	});

	it('the fingerprint ignores the random upload name but not the content', async () => {
		const wire = (m: BinaryMedia) => toWireBody(v1.templateSend, { phone: '1', templateName: 't', templateLanguage: 'en', bodyVariables: [], buttons: [], media: { kind: 'document', source: 'binary', file: m } });
		expect(fingerprint(0, wire(media))).toBe(fingerprint(0, wire({ ...media, uploadName: 'report-0-ffffffffffff.pdf' })));
		expect(fingerprint(0, wire(media))).not.toBe(fingerprint(1, wire(media)));
		expect(fingerprint(0, wire(media))).not.toBe(fingerprint(0, wire({ ...media, size: 4 })));
	});
});
