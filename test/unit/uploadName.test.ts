/**
 * Upload names (shared/multipart/uploadName.ts). The platform stores each upload publicly as
 * `template_header_<unix second>_<slug>.<ext>` and checks the extension of the name (CONTRACT.md):
 * every upload must go out under a unique ASCII name with an extension every version accepts.
 */
import { extensionOf, uniqueUploadName, uploadExtension } from '../../nodes/WhatsAppTemplates/shared/multipart/uploadName';
import { FieldError } from '../../nodes/WhatsAppTemplates/shared/validation/fieldError';

// CONTRACT.md's lists of extensions every platform version accepts (.jpg only from 2.2.0 on).
const ACCEPTED = {
	image: ['jpeg', 'png'],
	video: ['mp4', '3gp'],
	document: ['pdf', 'doc', 'docx', 'txt', 'xls', 'xlsx', 'ppt', 'pptx'],
} as const;

describe('extensionOf', () => {
	it.each([
		['invoice.pdf', 'pdf'],
		['Photo.JPG', 'jpg'],
		['archive.tar.gz', 'gz'],
		['/path/to/clip.mp4', 'mp4'],
		['invoice', undefined],
		['invoice.', undefined],
		['.hidden', 'hidden'],
	])('%j → %j', (name, extension) => {
		expect(extensionOf(name)).toBe(extension);
	});
});

describe('uploadExtension: the name the platform accepts for the kind', () => {
	it.each([
		['image', 'photo.jpg', 'image/jpeg', 'jpeg'],
		['image', 'photo.JPG', 'image/jpeg', 'jpeg'],
		['image', 'photo.jpeg', 'image/jpeg', 'jpeg'],
		['image', 'photo.png', 'image/png', 'png'],
		['image', 'photo', 'image/png', 'png'],
		['image', 'photo.bin', 'image/jpeg', 'jpeg'],
		['video', 'clip.mp4', 'video/mp4', 'mp4'],
		['video', 'clip', 'video/3gpp', '3gp'],
		['video', 'clip.mov', 'video/mp4', 'mp4'],
		['document', 'invoice', 'application/pdf', 'pdf'],
		['document', 'invoice.PDF', 'application/pdf', 'pdf'],
		['document', 'invoice.bin', 'application/pdf; charset=binary', 'pdf'],
		['document', 'notes', 'TEXT/PLAIN', 'txt'],
		['document', 'sheet.xlsx', 'application/octet-stream', 'xlsx'],
		['document', 'deck', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx'],
	] as const)('%s %j (%s) → .%s', (kind, name, mime, extension) => {
		const got = uploadExtension(kind, name, mime);
		expect(got).toBe(extension);
		expect(ACCEPTED[kind]).toContain(got);
	});

	it.each([
		['image', 'photo.webp', 'image/webp'],
		['image', 'anim.gif', 'image/gif'],
		['image', 'photo', 'image/heic'],
		['video', 'clip.mov', 'video/quicktime'],
		['video', 'clip.webm', 'video/webm'],
		['document', 'data.csv', 'text/csv'],
		['document', 'invoice', 'application/octet-stream'],
		['document', 'archive.zip', 'application/zip'],
	] as const)('refuses %s %j (%s), naming the field and the accepted types', (kind, name, mime) => {
		let thrown: unknown;
		try {
			uploadExtension(kind, name, mime);
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(FieldError);
		const error = thrown as FieldError;
		expect(error.field).toBe('Input Binary Field');
		expect(error.message).toContain(JSON.stringify(name));
		expect(error.message).toContain(`${kind} header`);
		for (const extension of ACCEPTED[kind]) expect(error.fix).toContain(`.${extension}`);
	});
});

describe('uniqueUploadName', () => {
	const SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*-\d+-[0-9a-f]{12}\.[a-z0-9]+$/;

	it('slug of the base name, item index, random suffix, the given extension', () => {
		const name = uniqueUploadName('Invoice 42 (final).PDF', 'pdf', 3);
		expect(name).toMatch(/^invoice-42-final-3-[0-9a-f]{12}\.pdf$/);
		expect(uniqueUploadName('photo.jpg', 'jpeg', 0)).toMatch(/^photo-0-[0-9a-f]{12}\.jpeg$/);
		expect(uniqueUploadName('invoice', 'pdf', 7)).toMatch(/^invoice-7-[0-9a-f]{12}\.pdf$/);
	});

	it('ASCII only, whatever the file was called', () => {
		for (const [typed, slug] of [
			['Rechnung Zoë – Größe.pdf', 'rechnung-zoe-groe'],
			['李小龙.pdf', 'file'],
			['📄.pdf', 'file'],
			['a"\r\nX-Evil: 1.pdf', 'a-x-evil-1'],
			['../../etc/passwd', 'etc-passwd'],
			['', 'file'],
		]) {
			const name = uniqueUploadName(typed, 'pdf', 1);
			expect(name).toMatch(/^[\x21-\x7e]+$/);
			expect(name).toMatch(SHAPE);
			expect(name.startsWith(`${slug}-1-`)).toBe(true);
		}
	});

	it('keeps the slug short: a very long name still gives a short upload name', () => {
		const name = uniqueUploadName(`${'a'.repeat(500)}.pdf`, 'pdf', 12345);
		expect(name.length).toBeLessThanOrEqual(40 + '-12345-'.length + 12 + '.pdf'.length);
		expect(name).toMatch(SHAPE);
	});

	it('5000 calls for the same file and item give 5000 different names', () => {
		const names = new Set(Array.from({ length: 5000 }, () => uniqueUploadName('invoice.pdf', 'pdf', 0)));
		expect(names.size).toBe(5000);
	});

	it('the same file for many items: every name differs and carries its index', () => {
		const names = Array.from({ length: 1000 }, (_, i) => uniqueUploadName('invoice.pdf', 'pdf', i));
		expect(new Set(names).size).toBe(1000);
		names.forEach((name, i) => expect(name).toMatch(new RegExp(`^invoice-${i}-[0-9a-f]{12}\\.pdf$`)));
	});
});
