import { toJsonBody } from '../../nodes/WhatsAppTemplates/body/jsonBody';
import { toMultipartBody } from '../../nodes/WhatsAppTemplates/body/multipartBody';
import type { ItemFields } from '../../nodes/WhatsAppTemplates/fields/itemFields';
import type { BinaryMedia } from '../../nodes/WhatsAppTemplates/media/binaryMedia';
import { validateItem } from '../../nodes/WhatsAppTemplates/validate/validateItem';
import { toWireBody } from '../../nodes/WhatsAppTemplates/wire/wireBody';

const fields = (overrides: Partial<ItemFields> = {}): ItemFields => ({
	phone: '+49 151 2345678',
	templateName: 'order_update',
	templateLanguage: 'en_US',
	headerType: 'none',
	headerText: '',
	mediaSource: 'url',
	mediaUrl: '',
	binaryPropertyName: 'data',
	documentFilename: '',
	bodyVariables: {},
	buttonParameters: {},
	additionalFields: {},
	...overrides,
});
const noBinary = async (): Promise<BinaryMedia> => {
	throw new Error('no binary expected');
};

describe('validated item → wire body', () => {
	it('names every field by its wire name and leaves empty optional fields out', async () => {
		const item = await validateItem(
			fields({
				headerType: 'text',
				headerText: 'Ada',
				bodyVariables: { var1: 'Ada', var2: '', var10: 42 },
				buttonParameters: { button0: 'track/42', button2: 'x' },
				additionalFields: { otp: '123456', phoneNumberId: '1098765', contact: '{"first_name":"Ada","groups":["vip"]}' },
			}),
			{ cleanVariables: true },
			noBinary,
		);
		expect(toJsonBody(toWireBody(item))).toEqual({
			phone: '491512345678',
			template_name: 'order_update',
			template_language: 'en_US',
			phone_number_id: '1098765',
			header_text: 'Ada',
			body_1: 'Ada',
			body_10: '42',
			button_0: 'track/42',
			button_2: 'x',
			otp: '123456',
			contact: { first_name: 'Ada', groups: ['vip'] },
		});
	});

	it('puts a URL header under its kind and the document filename beside it', async () => {
		const item = await validateItem(
			fields({ headerType: 'document', mediaUrl: 'https://example.com/a.pdf', documentFilename: 'Invoice.pdf' }),
			{ cleanVariables: true },
			noBinary,
		);
		expect(toJsonBody(toWireBody(item))).toMatchObject({ header_document_url: 'https://example.com/a.pdf', header_document_filename: 'Invoice.pdf' });
	});

	it('makes a binary header a file part with the binary name as document filename', async () => {
		const media: BinaryMedia = { fileName: 'report.pdf', mimeType: 'application/pdf', size: 3, itemIndex: 0, propertyName: 'data' };
		const item = await validateItem(fields({ headerType: 'document', mediaSource: 'binary' }), { cleanVariables: true }, async () => media);
		const wire = toWireBody(item);
		expect(wire.file).toEqual({ field: 'header_document', media });
		const parts = toMultipartBody({ ...wire, contact: { first_name: 'Ada', vip: true } }, async function* () {
			yield Buffer.from('abc');
		}).describe();
		expect(parts).toEqual([
			{ name: 'phone', value: '491512345678' },
			{ name: 'template_name', value: 'order_update' },
			{ name: 'template_language', value: 'en_US' },
			{ name: 'header_document_filename', value: 'report.pdf' },
			{ name: 'contact[first_name]', value: 'Ada' },
			{ name: 'contact[vip]', value: '1' },
			{ name: 'header_document', file: { name: 'report.pdf', type: 'application/pdf', size: 3 } },
		]);
	});
});
