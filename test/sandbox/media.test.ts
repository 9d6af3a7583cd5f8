/** Header media: size limits, accepted extensions (files and URLs), storage names and their collisions. */
import { FILE_LIMITS } from '.';
import { PLAIN, atSecondStart, bigStream, form, send, sha256, useSandbox } from './helpers';

const ref = useSandbox();
const PHOTO = { ...PLAIN, template_name: 'product_photo', field_1: 'Lamp' };
const VIDEO = { ...PLAIN, template_name: 'welcome_video' };
const INVOICE = { ...PLAIN, template_name: 'invoice_ready', field_1: 'INV-1' };
const mediaError = (message: string) => ({ status: 'error', message, errors: { header_media: [message] } });

describe('size limits (1 KB = 1024 B; exactly at the limit passes)', () => {
	test.each([
		['header_image_file', PHOTO, 'a.png', 'image/png', 5120],
		['header_video_file', VIDEO, 'a.mp4', 'video/mp4', 16384],
	] as const)('%s: at the limit 200, one byte over 422', async (field, body, name, type, kb) => {
		const { sb } = ref;
		const limit = FILE_LIMITS[field];
		expect(limit).toBe(kb * 1024);
		const at = await send(sb, form(body, { [field]: [Buffer.alloc(limit, 1), name, type] }));
		expect(at.status).toBe(200);
		const over = await send(sb, form(body, { [field]: [Buffer.alloc(limit + 1, 1), name, type] }));
		expect([over.status, over.data.errors]).toEqual([422, { [field]: [`The ${field.replace(/_/g, ' ')} field must not be greater than ${kb} kilobytes.`] }]);
		expect(sb.requests.map((r) => r.files[0].size)).toEqual([limit, limit + 1]);
	});

	test('document: 100 MB exactly passes, 100 MB + 1 byte is refused; streamed, memory stays flat', async () => {
		const { sb } = ref;
		const limit = FILE_LIMITS.header_document_file;
		expect(limit).toBe(102400 * 1024);
		const base = process.memoryUsage();
		let peak = 0;
		const sampler = setInterval(() => {
			const m = process.memoryUsage();
			peak = Math.max(peak, m.heapUsed + m.arrayBuffers - base.heapUsed - base.arrayBuffers);
		}, 20);
		const at = await send(sb, form(INVOICE, { header_document_file: [bigStream(limit), 'big.pdf', 'application/pdf', limit] }));
		const over = await send(sb, form(INVOICE, { header_document_file: [bigStream(limit + 1), 'big.pdf', 'application/pdf', limit + 1] }));
		clearInterval(sampler);
		expect(at.status).toBe(200);
		expect(over.data.errors).toEqual({ header_document_file: ['The header document file field must not be greater than 102400 kilobytes.'] });
		expect(sb.requests.map((r) => r.files[0].size)).toEqual([limit, limit + 1]);
		expect(peak).toBeLessThan(60 * 1024 * 1024);
	});

	test('an empty file is refused', async () => {
		const r = await send(ref.sb, form(PHOTO, { header_image_file: [Buffer.alloc(0), 'a.png', 'image/png'] }));
		expect(r.data.errors).toEqual({ header_image_file: ['The header image file field must not be empty.'] });
	});
});

describe('extensions', () => {
	const png = Buffer.from('not really a png');

	test.each([
		['photo.jpeg', PHOTO, 'header_image_file', 200],
		['photo.PNG', PHOTO, 'header_image_file', 200],
		['photo.gif', PHOTO, 'header_image_file', 'Invalid file extension for header image'],
		['photo.webp', PHOTO, 'header_image_file', 'Invalid file extension for header image'],
		['photo', PHOTO, 'header_image_file', 'Invalid file extension for header image'],
		['clip.3gp', VIDEO, 'header_video_file', 200],
		['clip.mov', VIDEO, 'header_video_file', 'Invalid file extension for header video'],
		['sheet.xlsx', INVOICE, 'header_document_file', 200],
		['data.csv', INVOICE, 'header_document_file', 'Invalid file extension for header document'],
	])('upload %s', async (name, body, field, outcome) => {
		const r = await send(ref.sb, form(body, { [field]: [png, name, 'application/octet-stream'] }));
		if (outcome === 200) expect(r.status).toBe(200);
		else expect([r.status, r.data]).toEqual([422, mediaError(outcome as string)]);
	});

	test.each([
		['https://x.test/photo.png', 200],
		['https://x.test/photo.JPEG?size=large', 200],
		['https://x.test/image?id=17', 200],
		['https://x.test/photo.webp', 'Invalid file extension in URL for header image'],
		['https://x.test/photo.gif?x=.png', 'Invalid file extension in URL for header image'],
	])('header image URL %s', async (url, outcome) => {
		const r = await send(ref.sb, { ...PHOTO, header_image_url: url });
		if (outcome === 200) expect([r.status, r.data.data.media_info]).toEqual([200, expect.objectContaining({ media_url: url, media_type: 'image' })]);
		else expect([r.status, r.data]).toEqual([422, mediaError(outcome as string)]);
	});

	test('.jpg: accepted by platform 2.2.0 (acceptJpg, the default), refused by older ones', async () => {
		const { sb } = ref;
		expect(sb.config.acceptJpg).toBe(true);
		expect((await send(sb, form(PHOTO, { header_image_file: [png, 'photo.jpg', 'image/jpeg'] }))).status).toBe(200);
		expect((await send(sb, { ...PHOTO, header_image_url: 'https://x.test/photo.jpg' })).status).toBe(200);
		sb.configure({ acceptJpg: false });
		const file = await send(sb, form(PHOTO, { header_image_file: [png, 'photo.jpg', 'image/jpeg'] }));
		expect(file.data).toEqual(mediaError('Invalid file extension for header image'));
		const url = await send(sb, { ...PHOTO, header_image_url: 'https://x.test/photo.jpg' });
		expect(url.data).toEqual(mediaError('Invalid file extension in URL for header image'));
		expect((await send(sb, form(PHOTO, { header_image_file: [png, 'photo.jpeg', 'image/jpeg'] }))).status).toBe(200);
	});
});

describe('storage names', () => {
	const pdf = Buffer.from('%PDF-1.4 sandbox');

	test('an upload is stored as template_header_<unix second>_<slug>.<ext>; media_info names it; the bytes are hashed', async () => {
		const { sb } = ref;
		const r = await send(sb, form({ ...INVOICE, header_document_name: 'Invoice 1.pdf' }, { header_document_file: [pdf, 'Rechnung März 2024.pdf', 'application/pdf'] }));
		expect(r.status).toBe(200);
		const [msg] = sb.messages;
		expect(msg.storedFileName).toMatch(/^template_header_\d{10}_rechnung-marz-2024\.pdf$/);
		expect(r.data.data.media_info).toEqual({ filename: msg.storedFileName, media_url: `${sb.baseUrl}/storage/whatsapp-templates/${msg.storedFileName}`, media_type: 'document' });
		expect(r.data.data.template).toMatchObject({ header_format: 'DOCUMENT', has_media: true });
		expect(msg.files).toEqual([{ field: 'header_document_file', filename: 'Rechnung März 2024.pdf', mimeType: 'application/pdf', size: pdf.length, sha256: sha256(pdf) }]);
		const nonLatin = await send(sb, form(INVOICE, { header_document_file: [pdf, '請求書.pdf', 'application/pdf'] }));
		expect(nonLatin.data.data.media_info.filename).toMatch(/^template_header_\d{10}_\.pdf$/);
	});

	test('two uploads of the same name in one second collide (counted); unique names do not', async () => {
		const { sb } = ref;
		await atSecondStart();
		const same = await Promise.all(['4915100000001', '4915100000002'].map((phone_number) =>
			send(sb, form({ ...INVOICE, phone_number }, { header_document_file: [pdf, 'invoice.pdf', 'application/pdf'] }))));
		expect(same.map((r) => r.status)).toEqual([200, 200]);
		expect(sb.messages[0].storedFileName).toBe(sb.messages[1].storedFileName);
		expect(sb.stats.overwrittenUploads).toBe(1);
		sb.reset();
		await atSecondStart();
		await Promise.all(['a', 'b', 'c'].map((s) => send(sb, form(INVOICE, { header_document_file: [pdf, `invoice-${s}.pdf`, 'application/pdf'] }))));
		expect(sb.stats.overwrittenUploads).toBe(0);
	});

	test('URL media is not counted: the node does not name it', async () => {
		const { sb } = ref;
		await atSecondStart();
		await send(sb, { ...INVOICE, header_document_url: 'https://x.test/invoice.pdf?id=1' });
		await send(sb, { ...INVOICE, header_document_url: 'https://x.test/invoice.pdf?id=2' });
		expect(sb.messages.map((m) => m.storedFileName)).toEqual([undefined, undefined]);
		expect(sb.stats.overwrittenUploads).toBe(0);
	});
});
