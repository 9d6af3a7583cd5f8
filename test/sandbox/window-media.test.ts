/** v1 POST messages/media: kinds, extensions and sizes, captions and file names, the empty 200, storage names and overwrites. */
import { CHAT_MEDIA } from '.';
import { FilePart, MB, atSecondStart, bigStream, form, post, useSandbox } from './helpers';

const ref = useSandbox();
const PHONE = '4915123456789';
const media = (body: unknown) => post(ref.sb, 'messages/media', body);
const upload = (fields: Record<string, string>, file: FilePart) => media(form({ phone_number: PHONE, ...fields }, { media_file: file }));
const refused = (message: string) => ({ status: 'error', message });
const bytes = Buffer.from('sandbox media bytes');

test('200 by URL: data as the platform returns it; WhatsApp gets the original URL and the caption', async () => {
	const { sb } = ref;
	const r = await media({ phone_number: PHONE, media_type: 'image', media_url: 'https://cdn.test/p/lamp.png', caption: 'Your lamp' });
	expect(r.data).toEqual({
		status: 'success',
		message: 'media_message_sent_successfully',
		data: {
			message_id: expect.stringMatching(/^wamid\./),
			contact_id: expect.any(Number),
			phone: `+${PHONE}`,
			media_type: 'image',
			media_url: 'https://cdn.test/p/lamp.png',
			caption: 'Your lamp',
			filename: null,
			status: 'sent',
			sent_at: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
			chat_id: expect.any(Number),
			chat_message_id: expect.any(Number),
			contact_created: true,
		},
	});
	expect(sb.freeForm[0]).toMatchObject({ route: 'messages.media', kind: 'media', storedFileName: null, overwroteUpload: false });
	expect(sb.freeForm[0].whatsapp).toEqual({ type: 'image', link: 'https://cdn.test/p/lamp.png', caption: 'Your lamp' });
});

test('an upload is streamed, hashed, stored as whatsapp-attachments/<second>_<slug>.<ext>; WhatsApp gets its public URL', async () => {
	const { sb } = ref;
	const r = await upload({ media_type: 'document', filename: 'Invoice 17.pdf', caption: 'Invoice' }, [bytes, 'Rechnung März 17.PDF', 'application/pdf']);
	expect(r.status).toBe(200);
	const [m] = sb.freeForm;
	expect(m.storedFileName).toMatch(/^whatsapp-attachments\/\d{10}_rechnung_marz_17\.pdf$/);
	expect(r.data.data.media_url).toBe(`${sb.baseUrl}/storage/${m.storedFileName}`);
	expect(m.whatsapp).toEqual({ type: 'document', link: r.data.data.media_url, caption: 'Invoice', filename: 'Invoice 17.pdf' });
	expect(m.files).toEqual([expect.objectContaining({ field: 'media_file', filename: 'Rechnung März 17.PDF', size: bytes.length })]);
});

describe('extensions per kind (from the file name or the URL path)', () => {
	test.each([
		['image', 'a.jpeg', 200], ['image', 'a.png', 200], ['image', 'a.jpg', 200], ['image', 'a.webp', 'jpeg, png, jpg'], ['image', 'a.gif', 'jpeg, png, jpg'],
		['video', 'a.mp4', 200], ['video', 'a.3gp', 200], ['video', 'a.mov', 'mp4, 3gp'],
		['audio', 'a.aac', 200], ['audio', 'a.amr', 200], ['audio', 'a.mp3', 200], ['audio', 'a.m4a', 200], ['audio', 'a.ogg', 200], ['audio', 'a.wav', 'aac, amr, mp3, m4a, ogg'],
		['document', 'a.docx', 200], ['document', 'a.csv', 'pdf, doc, docx, txt, xls, xlsx, ppt, pptx'], ['document', 'invoice', 'pdf, doc, docx, txt, xls, xlsx, ppt, pptx'],
	])('%s %s', async (kind, name, outcome) => {
		const extra: Record<string, string> = kind === 'document' ? { filename: 'x.pdf' } : {};
		const file = await upload({ media_type: kind, ...extra }, [bytes, name, 'application/octet-stream']);
		const url = await media({ phone_number: PHONE, media_type: kind, media_url: `https://cdn.test/${name}`, ...extra });
		for (const r of [file, url]) {
			if (outcome === 200) expect(r.status).toBe(200);
			else expect([r.status, r.data]).toEqual([422, refused(`Invalid file extension for ${kind}. Allowed: ${outcome}`)]);
		}
	});

	test('.jpg is refused by platforms before 1.5.0 (acceptJpg false)', async () => {
		ref.sb.configure({ acceptJpg: false });
		const r = await upload({ media_type: 'image' }, [bytes, 'a.jpg', 'image/jpeg']);
		expect(r.data).toEqual(refused('Invalid file extension for image. Allowed: jpeg, png'));
	});
});

describe('sizes: 5 / 16 / 16 / 100 MB (exactly at the limit passes)', () => {
	test.each([
		['image', 'a.png', 5],
		['video', 'a.mp4', 16],
		['audio', 'a.mp3', 16],
	] as const)('%s upload', async (kind, name, mb) => {
		expect(CHAT_MEDIA[kind].maxBytes).toBe(mb * MB);
		expect((await upload({ media_type: kind }, [Buffer.alloc(mb * MB, 1), name, 'application/octet-stream'])).status).toBe(200);
		const over = await upload({ media_type: kind }, [Buffer.alloc(mb * MB + 1, 1), name, 'application/octet-stream']);
		expect([over.status, over.data]).toEqual([422, refused(`File size exceeds limit for ${kind}. Max allowed is ${mb} MB`)]);
	});

	test('document upload: 100 MB streams through, one byte more is refused', async () => {
		const doc = (size: number) => upload({ media_type: 'document', filename: 'big.pdf' }, [bigStream(size), 'big.pdf', 'application/pdf', size]);
		expect((await doc(100 * MB)).status).toBe(200);
		expect((await doc(100 * MB + 1)).data).toEqual(refused('File size exceeds limit for document. Max allowed is 100 MB'));
	});

	test("a URL's Content-Length is checked; without one the check passes", async () => {
		const { sb } = ref;
		sb.setRemoteMedia('https://cdn.test/big.mp4', { size: 16 * MB + 1 });
		const r = await media({ phone_number: PHONE, media_type: 'video', media_url: 'https://cdn.test/big.mp4' });
		expect(r.data).toEqual(refused('File size exceeds limit for video. Max allowed is 16 MB'));
		expect((await media({ phone_number: PHONE, media_type: 'video', media_url: 'https://cdn.test/other.mp4' })).status).toBe(200);
	});
});

describe('a URL the server cannot download: 200 with an EMPTY body, nothing sent', () => {
	test.each([
		['a host under .invalid', 'https://files.invalid/a.pdf', null],
		['a URL marked unfetchable', 'https://cdn.test/gone.pdf', { fetchable: false }],
	])('%s', async (_name, url, spec) => {
		const { sb } = ref;
		if (spec) sb.setRemoteMedia(url, spec);
		const r = await post(sb, 'messages/media', { phone_number: PHONE, media_type: 'document', media_url: url, filename: 'a.pdf' }, { config: { responseType: 'text' } });
		expect([r.status, r.data, r.headers['content-length']]).toEqual([200, '', '0']);
		expect(sb.requests[0]).toMatchObject({ mediaUnfetchable: true, status: 200 });
		expect(sb.freeForm).toEqual([]);
	});

	test('downloaded before the extension is looked at', async () => {
		const r = await post(ref.sb, 'messages/media', { phone_number: PHONE, media_type: 'image', media_url: 'https://x.invalid/a.gif' }, { config: { responseType: 'text' } });
		expect([r.status, r.data]).toEqual([200, '']);
	});
});

describe('fields', () => {
	test.each([
		['a phone of 9 characters', { media_type: 'image', phone_number: '491512345', media_url: 'https://x.test/a.png' }, { phone_number: ['The phone number field must be between 10 and 15 characters.'] }],
		['no media', { media_type: 'image' }, { media_url: ['The media url field is required when media file is not present.'] }],
		['an unknown media type', { media_type: 'sticker', media_url: 'https://x.test/a.png' }, { media_type: ['The selected media type is invalid.'] }],
		['a caption of 1025', { media_type: 'image', media_url: 'https://x.test/a.png', caption: 'x'.repeat(1025) }, { caption: ['The caption field must not be greater than 1024 characters.'] }],
		['a file name of 256', { media_type: 'document', media_url: 'https://x.test/a.pdf', filename: `${'x'.repeat(252)}.pdf` }, { filename: ['The filename field must not be greater than 255 characters.'] }],
		['a URL that is not one', { media_type: 'image', media_url: 'lamp.png' }, { media_url: ['The media url field must be a valid URL.'] }],
	])('%s: 422', async (_name, body, errors) => {
		const r = await media({ phone_number: PHONE, ...body });
		expect([r.status, r.data]).toEqual([422, { status: 'error', message: 'Validation failed', errors }]);
	});

	test('a URL and a file at once are refused (the sandbox is strict)', async () => {
		const r = await media(form({ phone_number: PHONE, media_type: 'image', media_url: 'https://x.test/a.png' }, { media_file: [bytes, 'a.png', 'image/png'] }));
		expect(r.data.errors).toEqual({ media_url: ['Only one of media url and media file may be given.'], media_file: ['Only one of media url and media file may be given.'] });
	});

	test('audio: the caption is accepted and dropped; a file name only reaches documents', async () => {
		const { sb } = ref;
		await media({ phone_number: PHONE, media_type: 'audio', media_url: 'https://x.test/a.ogg', caption: 'Listen', filename: 'a.ogg' });
		expect(sb.freeForm[0].whatsapp).toEqual({ type: 'audio', link: 'https://x.test/a.ogg' });
		expect(sb.freeForm[0].ignored).toEqual({ caption: 'Listen', filename: 'a.ogg' });
	});

	test('a document without a file name crashes 2.2.0 (500 Server Error), nothing sent', async () => {
		const r = await media({ phone_number: PHONE, media_type: 'document', media_url: 'https://x.test/a.pdf' });
		expect([r.status, r.data]).toEqual([500, { message: 'Server Error' }]);
		expect(ref.sb.freeForm).toEqual([]);
	});
});

describe('storage names: same-name uploads in one second overwrite each other, and the sandbox sees it', () => {
	test('two uploads of invoice.pdf in one second: the second overwrote the first', async () => {
		const { sb } = ref;
		await atSecondStart();
		const rs = await Promise.all(['4915100000001', '4915100000002'].map((phone_number) =>
			media(form({ phone_number, media_type: 'document', filename: 'invoice.pdf' }, { media_file: [bytes, 'invoice.pdf', 'application/pdf'] }))));
		expect(rs.map((r) => r.status)).toEqual([200, 200]);
		expect(sb.freeForm[0].storedFileName).toBe(sb.freeForm[1].storedFileName);
		expect(sb.freeForm.map((m) => m.overwroteUpload)).toEqual([false, true]);
		expect(sb.stats.overwrittenUploads).toBe(1);
	});

	test('unique names: no overwrite; URL media never counts', async () => {
		const { sb } = ref;
		await atSecondStart();
		await Promise.all(['a', 'b', 'c'].map((s) => upload({ media_type: 'document', filename: 'invoice.pdf' }, [bytes, `invoice-${s}.pdf`, 'application/pdf'])));
		await media({ phone_number: PHONE, media_type: 'document', media_url: 'https://x.test/invoice.pdf', filename: 'a.pdf' });
		await media({ phone_number: PHONE, media_type: 'document', media_url: 'https://x.test/invoice.pdf', filename: 'a.pdf' });
		expect(sb.freeForm.map((m) => m.overwroteUpload)).toEqual([false, false, false, false, false]);
		expect(sb.stats.overwrittenUploads).toBe(0);
	});
});
