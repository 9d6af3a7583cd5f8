/** v2 POST messages/media: the validator in the envelope, extension and size 422 outside it, the undownloadable URL, storage and overwrites. */
import { MB, atSecondStart, form, useSandbox } from './helpers';
import { chatSent, envelopeError, invalid, rateHeaders, v2Post } from './v2helpers';

const ref = useSandbox();
const PHONE = '4915123456789';
const media = (body: unknown, opts = {}) => v2Post(ref.sb, 'messages/media', body, opts);
const bytes = Buffer.from('sandbox media bytes');

test('200 by URL in the envelope; WhatsApp gets the original URL', async () => {
	const { sb } = ref;
	const r = await media({ phone: PHONE, media_type: 'video', media_url: 'https://cdn.test/clip.mp4', caption: 'Unboxing' });
	const own = { media_type: 'video', media_url: 'https://cdn.test/clip.mp4', caption: 'Unboxing', filename: null };
	expect(r.data).toEqual(chatSent(PHONE, own, 'Media message sent successfully'));
	expect(sb.freeForm[0]).toMatchObject({ api: 'v2', route: 'messages.media', whatsapp: { type: 'video', link: 'https://cdn.test/clip.mp4', caption: 'Unboxing' } });
});

test('an upload: stored as whatsapp-attachments/<second>_<slug>.<ext>, its public URL goes to WhatsApp', async () => {
	const { sb } = ref;
	const r = await media(form({ phone: PHONE, media_type: 'document', filename: 'Invoice.pdf' }, { media_file: [bytes, 'Invoice 17.pdf', 'application/pdf'] }));
	expect(r.status).toBe(200);
	expect(sb.freeForm[0].storedFileName).toMatch(/^whatsapp-attachments\/\d{10}_invoice_17\.pdf$/);
	expect(r.data.data.media_url).toBe(`${sb.baseUrl}/storage/${sb.freeForm[0].storedFileName}`);
});

describe('extension and size: 422 OUTSIDE the envelope, with the rate-limit headers', () => {
	test.each([
		['image', 'a.jpg', null],
		['image', 'a.gif', 'Invalid file extension for image. Allowed: jpeg, png, jpg'],
		['audio', 'a.wav', 'Invalid file extension for audio. Allowed: aac, amr, mp3, m4a, ogg'],
		['document', 'a.csv', 'Invalid file extension for document. Allowed: pdf, doc, docx, txt, xls, xlsx, ppt, pptx'],
	])('%s %s', async (kind, name, message) => {
		const file = await media(form({ phone: PHONE, media_type: kind }, { media_file: [bytes, name, 'application/octet-stream'] }));
		const url = await media({ phone: PHONE, media_type: kind, media_url: `https://cdn.test/${name}` });
		for (const r of [file, url]) {
			if (message === null) expect(r.status).toBe(200);
			else expect([r.status, r.data, rateHeaders(r)['x-ratelimit-limit']]).toEqual([422, { status: 'error', message }, '60']);
		}
	});

	test('a URL without an extension is refused', async () => {
		const r = await media({ phone: PHONE, media_type: 'image', media_url: 'https://cdn.test/image?id=17' });
		expect([r.status, r.data]).toEqual([422, { status: 'error', message: 'Invalid file extension for image. Allowed: jpeg, png, jpg' }]);
	});

	test('an image of 5 MB passes, one byte more is refused', async () => {
		const at = await media(form({ phone: PHONE, media_type: 'image' }, { media_file: [Buffer.alloc(5 * MB, 1), 'a.png', 'image/png'] }));
		const over = await media(form({ phone: PHONE, media_type: 'image' }, { media_file: [Buffer.alloc(5 * MB + 1, 1), 'a.png', 'image/png'] }));
		expect([at.status, over.status, over.data]).toEqual([200, 422, { status: 'error', message: 'File size exceeds limit for image. Max allowed is 5 MB' }]);
	});
});

test("a URL the server cannot download: 500 outside the envelope (JSON or HTML by Accept), nothing sent", async () => {
	const { sb } = ref;
	const json = await media({ phone: PHONE, media_type: 'image', media_url: 'https://cdn.invalid/a.png' });
	sb.setRemoteMedia('https://cdn.test/gone.png', { fetchable: false });
	const html = await media({ phone: PHONE, media_type: 'image', media_url: 'https://cdn.test/gone.png' }, { accept: null });
	expect([json.status, json.data]).toEqual([500, { message: 'Server Error' }]);
	expect([html.status, html.headers['content-type']]).toEqual([500, expect.stringMatching(/^text\/html/)]);
	expect(sb.requests.map((r) => r.mediaUnfetchable)).toEqual([true, true]);
	expect(sb.freeForm).toEqual([]);
});

test('the validator answers in the envelope', async () => {
	const r = await media({ phone: '491512345', media_type: 'gif', caption: 'x'.repeat(1025) });
	expect([r.status, r.data]).toEqual([
		422,
		invalid({
			phone: ['The phone field must be between 10 and 15 characters.'],
			media_type: ['The selected media type is invalid.'],
			caption: ['The caption field must not be greater than 1024 characters.'],
			media_url: ['The media url field is required when media file is not present.'],
		}),
	]);
});

test('opted out: CONTACT_OPTED_OUT; contact_id must be the contact with this phone', async () => {
	const { sb } = ref;
	sb.addContact({ phone: '+4917000000055', optedOut: true });
	const out = await media({ phone: '4917000000055', media_type: 'image', media_url: 'https://cdn.test/a.png' });
	expect([out.status, out.data]).toEqual([403, envelopeError('CONTACT_OPTED_OUT', 'Contact has opted out of receiving messages')]);
	const other = await media({ phone: PHONE, media_type: 'image', media_url: 'https://cdn.test/a.png', contact_id: 1 });
	expect([other.status, other.data.error.code]).toEqual([404, 'NOT_FOUND']);
});

test('faults: a code in details.error, mediaDownload500 for a URL', async () => {
	const { sb } = ref;
	sb.injectFault({ kind: 'sendFailedWhatsApp500', code: 131053 });
	const r = await media({ phone: PHONE, media_type: 'image', media_url: 'https://cdn.test/a.png' });
	expect(r.data).toEqual(envelopeError('MESSAGE_SEND_FAILED', 'Failed to send media message', { error: '(#131053) Media upload error' }));
	sb.injectFault({ kind: 'mediaDownload500' });
	expect((await media({ phone: PHONE, media_type: 'image', media_url: 'https://cdn.test/a.png' })).data).toEqual({ message: 'Server Error' });
	expect(sb.requests.map((q) => q.fault)).toEqual(['sendFailedWhatsApp500', 'mediaDownload500']);
});

test('same-name uploads in one second overwrite each other (detected); unique names do not', async () => {
	const { sb } = ref;
	await atSecondStart();
	const send = (name: string) => media(form({ phone: PHONE, media_type: 'image' }, { media_file: [bytes, name, 'image/png'] }));
	await Promise.all([send('photo.png'), send('photo.png'), send('photo-2.png')]);
	expect(sb.freeForm.map((m) => m.overwroteUpload).sort()).toEqual([false, false, true]);
	expect(sb.stats.overwrittenUploads).toBe(1);
});
