/** API v2's multipart sends: header media sizes and extensions, storage names and their collisions, text parts, dropMidUpload. */
import { FILE_LIMITS } from '.';
import { FilePart, PLAIN, atSecondStart, bigStream, form, send, sha256, sleep, useSandbox } from './helpers';
import { V2_PLAIN, envelopeError, invalid, v2Send } from './v2helpers';

const ref = useSandbox();
const PHOTO = { ...V2_PLAIN, template_name: 'product_photo', field_1: 'Lamp' };
const VIDEO = { ...V2_PLAIN, template_name: 'welcome_video' };
const INVOICE = { ...V2_PLAIN, template_name: 'invoice_ready', field_1: 'INV-1' };
const bytes = Buffer.from('sandbox bytes');
const fileRefused = (kind: string, allowed: string) => envelopeError('VALIDATION_ERROR', `Invalid file extension for ${kind}`, { header_media: [`Allowed: ${allowed}`] });

describe('sizes (1 KB = 1024 B; exactly at the limit passes), as on v1', () => {
	test.each([
		['header_image_file', PHOTO, 'a.png', 5120],
		['header_video_file', VIDEO, 'a.mp4', 16384],
	] as const)('%s: at the limit 200, one byte over 422 in the envelope', async (field, body, name, kb) => {
		const { sb } = ref;
		const limit = FILE_LIMITS[field];
		expect((await v2Send(sb, form(body, { [field]: [Buffer.alloc(limit, 1), name, 'application/octet-stream'] }))).status).toBe(200);
		const over = await v2Send(sb, form(body, { [field]: [Buffer.alloc(limit + 1, 1), name, 'application/octet-stream'] }));
		expect([over.status, over.data]).toEqual([422, invalid({ [field]: [`The ${field.replace(/_/g, ' ')} field must not be greater than ${kb} kilobytes.`] })]);
	});

	test('a 100 MB document streams through; one byte more is refused', async () => {
		const { sb } = ref;
		const limit = FILE_LIMITS.header_document_file;
		const at = await v2Send(sb, form(INVOICE, { header_document_file: [bigStream(limit), 'big.pdf', 'application/pdf', limit] }));
		const over = await v2Send(sb, form(INVOICE, { header_document_file: [bigStream(limit + 1), 'big.pdf', 'application/pdf', limit + 1] }));
		expect([at.status, over.status]).toEqual([200, 422]);
		expect(sb.requests.map((r) => r.files[0].size)).toEqual([limit, limit + 1]);
	});
});

describe('extensions', () => {
	test.each([
		['photo.jpg', PHOTO, 'header_image_file', 200],
		['photo.JPEG', PHOTO, 'header_image_file', 200],
		['photo.gif', PHOTO, 'header_image_file', ['image', 'jpeg, png, jpg']],
		['photo', PHOTO, 'header_image_file', ['image', 'jpeg, png, jpg']],
		['clip.3gp', VIDEO, 'header_video_file', 200],
		['clip.mov', VIDEO, 'header_video_file', ['video', 'mp4, 3gp']],
		['notes.txt', INVOICE, 'header_document_file', 200],
		['data.csv', INVOICE, 'header_document_file', ['document', 'pdf, doc, docx, txt, xls, xlsx, ppt, pptx']],
	] as const)('upload %s', async (name, body, field, outcome) => {
		const r = await v2Send(ref.sb, form(body, { [field]: [bytes, name, 'application/octet-stream'] }));
		if (outcome === 200) expect(r.status).toBe(200);
		else expect([r.status, r.data]).toEqual([422, fileRefused(outcome[0], outcome[1])]);
	});

	test.each([
		['https://x.test/photo.jpg', 200],
		['https://x.test/image?id=17', 200],
		['https://x.test/photo.webp', 422],
	])('header image URL %s', async (url, status) => {
		const r = await v2Send(ref.sb, { ...PHOTO, header_image_url: url });
		expect(r.status).toBe(status);
		if (status === 422) expect(r.data).toEqual(envelopeError('VALIDATION_ERROR', 'Invalid file extension in URL', { header_media: ['Allowed: jpeg, png, jpg'] }));
	});

	test('a file part on a text field, a text value on a file field, a bracketed part and two media are refused', async () => {
		const { sb } = ref;
		const r = await v2Send(sb, form({ ...PHOTO, header_image_file: 'x', header_image_url: 'https://x.test/a.png' }, { field_2: [bytes, 'a.txt', 'text/plain'], 'header_image_file[0]': [bytes, 'a.png', 'image/png'] }));
		expect(r.data.error.details).toEqual({
			header_image_file: ['The header image file field must be a file.', 'Only one header medium may be given.'],
			header_image_url: ['Only one header medium may be given.'],
			field_2: ['The field 2 field must be a string.'],
		});
	});
});

describe('storage names', () => {
	test('stored as template_header_<unix second>_<slug with _>.<ext lower-cased>; the bytes are hashed', async () => {
		const { sb } = ref;
		const r = await v2Send(sb, form(INVOICE, { header_document_file: [bytes, 'Rechnung März-2024.PDF', 'application/pdf'] }));
		expect(r.status).toBe(200);
		const [msg] = sb.messages;
		expect(msg.storedFileName).toMatch(/^template_header_\d{10}_rechnung_marz_2024\.pdf$/);
		expect(msg.files).toEqual([{ field: 'header_document_file', filename: 'Rechnung März-2024.PDF', mimeType: 'application/pdf', size: bytes.length, sha256: sha256(bytes) }]);
		expect(Object.keys(r.data.data)).not.toContain('media_info');
	});

	test('two uploads of one name in one second overwrite each other (counted), also across v1 and v2; unique names do not', async () => {
		const { sb } = ref;
		await atSecondStart();
		const pdf = (name: string) => ({ header_document_file: [bytes, name, 'application/pdf'] as FilePart });
		// The same folder for both APIs; v2 lower-cases the extension, so `Invoice.PDF` lands on `invoice.pdf` too.
		const same = await Promise.all([
			v2Send(sb, form({ ...INVOICE, phone: '4915100000001' }, pdf('invoice.pdf'))),
			v2Send(sb, form({ ...INVOICE, phone: '4915100000002' }, pdf('Invoice.PDF'))),
			send(sb, form({ ...PLAIN, template_name: 'invoice_ready', field_1: 'INV-1' }, pdf('invoice.pdf'))),
		]);
		expect(same.map((r) => r.status)).toEqual([200, 200, 200]);
		expect(new Set(sb.messages.map((m) => m.storedFileName)).size).toBe(1);
		expect(sb.messages.map((m) => m.api).sort()).toEqual(['v1', 'v2', 'v2']);
		expect(sb.stats.overwrittenUploads).toBe(2);
		sb.reset();
		await atSecondStart();
		await Promise.all(['a', 'b', 'c'].map((s) => v2Send(sb, form(INVOICE, { header_document_file: [bytes, `invoice-${s}.pdf`, 'application/pdf'] }))));
		expect(sb.stats.overwrittenUploads).toBe(0);
	});
});

describe('text parts', () => {
	test('every value is a string; booleans go as 1/0; a multipart send is recorded like a JSON one', async () => {
		const { sb } = ref;
		const r = await v2Send(sb, form({ ...V2_PLAIN, template_name: 'login_code', auto_generate_otp: '1' }));
		expect(r.status).toBe(200);
		expect(sb.messages[0]).toMatchObject({ api: 'v2', fields: { ...V2_PLAIN, template_name: 'login_code', auto_generate_otp: '1' }, otp: { generated: true } });
		const word = await v2Send(sb, form({ ...V2_PLAIN, auto_generate_otp: 'true' }));
		expect(word.data.error.details).toEqual({ auto_generate_otp: ['The auto generate otp field must be true or false.'] });
		const contact = await v2Send(sb, form({ ...V2_PLAIN, 'contact[firstname]': 'Ana' }));
		expect(contact.data.error.details).toEqual({ contact: ['The contact field is prohibited.'] });
	});

	test('dropMidUpload: on arrival, or when the `phone` part of a matched phone arrives', async () => {
		const { sb } = ref;
		const big = Buffer.alloc(2 * 1024 * 1024, 3);
		sb.injectFault({ kind: 'dropMidUpload', api: 'v2' });
		await expect(v2Send(sb, form(PHOTO, { header_image_file: [big, 'a.png', 'image/png'] }))).rejects.toThrow(/socket hang up|ECONNRESET|EPIPE/);
		sb.injectFault({ kind: 'dropMidUpload', api: 'v2', match: { phone: '4915100000007' } });
		expect((await v2Send(sb, form(PHOTO, { header_image_file: [big, 'a.png', 'image/png'] }))).status).toBe(200);
		await expect(v2Send(sb, form({ ...PHOTO, phone: '4915100000007' }, { header_image_file: [big, 'a.png', 'image/png'] }))).rejects.toThrow();
		await sleep(20);
		expect(sb.requests.map((r) => r.fault)).toEqual(['dropMidUpload', null, 'dropMidUpload']);
		expect(sb.stats).toMatchObject({ accepted: 1, inFlight: 0 });
	});
});
