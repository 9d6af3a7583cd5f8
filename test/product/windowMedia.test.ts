/**
 * Message → Send Media through n8n's real engine against the sandbox, on API v1 and v2 (both
 * messages/media): every kind by URL and from a stored binary (streamed, unique ASCII upload names
 * with an accepted extension), 30 concurrent uploads of the same file name stored under 30 names,
 * each kind's extension and size refused with zero requests, the download the platform cannot make
 * (v1: an empty 200, v2: a 500) as unknown and never sent again.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { storeBinary } from '../engine/harness';
import { MEDIA_FILE_FIELD, mediaBody, windowPath, WINDOW_ROUTE_NAMES } from '../support/wireWindow';
import { APIS, jsonOut, startProduct, type Product } from './setup';

const MB = 1024 * 1024;
const MEDIA = { operation: 'sendMedia', phone: '+49 151 2345678', mediaType: 'image', mediaUrl: 'https://cdn.example.com/p/lamp.png' };

describe.each(APIS)('Send Media on API %s', (api) => {
	let product: Product;
	beforeAll(async () => {
		product = await startProduct('filesystem', { api });
	});
	afterAll(async () => await product.close());
	beforeEach(() => product.sb.reset());
	const route = WINDOW_ROUTE_NAMES[api].media;

	it.each([
		['image', 'https://cdn.example.com/p/lamp.png', { caption: 'Your lamp' }],
		['video', 'https://cdn.example.com/v/clip.mp4', { caption: 'How to' }],
		['audio', 'https://cdn.example.com/a/note.ogg', {}],
		['document', 'https://cdn.example.com/d/Invoice%2017.pdf', { caption: 'Invoice', fileName: 'Invoice 17.pdf' }],
	] as const)('%s by URL under the contract’s names; the message id on top', async (kind, url, extra) => {
		const result = await product.send({ ...MEDIA, mediaType: kind, mediaUrl: url, ...(extra as object) });
		expect(result.error).toBeUndefined();
		const [request] = product.sb.requests;
		expect([request.route, request.path]).toEqual([route, windowPath(api, 'media', product.sb.subdomain)]);
		expect(request.fields).toEqual(mediaBody(api, { phone: '491512345678', kind, url, ...(extra as object) }));
		const [message] = product.sb.freeForm;
		expect(message.whatsapp).toMatchObject({ type: kind, link: url });
		expect(jsonOut(result)[0]).toMatchObject({ messageId: message.wamid, phone: '491512345678', mediaType: kind });
	});

	it('a document by URL without a File Name is named by the URL’s last segment (platform 2.2.0 fails on none); audio sends no caption', async () => {
		await product.send({ ...MEDIA, mediaType: 'document', mediaUrl: 'https://cdn.example.com/d/Invoice%2017.pdf' });
		await product.send({ ...MEDIA, mediaType: 'audio', mediaUrl: 'https://cdn.example.com/a/n.mp3', caption: 'left over from image' });
		expect(product.sb.requests.map((r) => r.fields)).toEqual([
			mediaBody(api, { phone: '491512345678', kind: 'document', url: 'https://cdn.example.com/d/Invoice%2017.pdf', fileName: 'Invoice 17.pdf' }),
			mediaBody(api, { phone: '491512345678', kind: 'audio', url: 'https://cdn.example.com/a/n.mp3' }),
		]);
	});

	it('a binary goes up as multipart media_file under a unique ASCII name with the kind’s extension; the document keeps its name for the recipient', async () => {
		const pdf = await storeBinary(Buffer.from('%PDF-1.4 media'), { fileName: 'Rechnung März.pdf', mimeType: 'application/pdf' });
		const voice = await storeBinary(Buffer.from('OggS voice'), { fileName: 'voice', mimeType: 'audio/ogg' });
		const photo = await storeBinary(Buffer.from([0xff, 0xd8, 0xff]), { fileName: 'photo.jpg', mimeType: 'image/jpeg' });
		const params = { ...MEDIA, mediaSource: 'binary', mediaType: '={{ $json.kind }}', binaryPropertyName: 'file' };
		const result = await product.send(params, {
			items: [
				{ json: { kind: 'document' }, binary: { file: pdf } },
				{ json: { kind: 'audio' }, binary: { file: voice } },
				{ json: { kind: 'image' }, binary: { file: photo } },
			],
			onError: 'stopWorkflow',
		});
		expect(result.error).toBeUndefined();
		const [doc, audio, image] = product.sb.requests;
		expect(doc.contentType).toMatch(/^multipart\/form-data/);
		expect(doc.fields).toEqual(mediaBody(api, { phone: '491512345678', kind: 'document', fileName: 'Rechnung März.pdf' }));
		expect(doc.files).toEqual([expect.objectContaining({ field: MEDIA_FILE_FIELD, filename: expect.stringMatching(/^rechnung-marz-0-[0-9a-f]{12}\.pdf$/), size: 14 })]);
		expect(audio.files[0].filename).toMatch(/^voice-1-[0-9a-f]{12}\.ogg$/);
		expect(audio.fields).toEqual(mediaBody(api, { phone: '491512345678', kind: 'audio' }));
		// .jpg goes up as .jpeg: every platform version takes it.
		expect(image.files[0].filename).toMatch(/^photo-2-[0-9a-f]{12}\.jpeg$/);
		expect(product.sb.freeForm).toHaveLength(3);
	});

	it('30 items, the same invoice.pdf, 10 in flight: 30 upload names, 30 stored files, nothing overwritten', async () => {
		const invoice = await storeBinary({ size: 20_000 }, { fileName: 'invoice.pdf', mimeType: 'application/pdf' });
		product.sb.configure({ latencyMs: 30 });
		const items = Array.from({ length: 30 }, (_, i) => ({ json: { phone: `4915100000${String(i).padStart(3, '0')}` }, binary: { file: invoice } }));
		const result = await product.send({ ...MEDIA, phone: '={{ $json.phone }}', mediaType: 'document', mediaSource: 'binary', binaryPropertyName: 'file', options: { concurrency: 10 } }, { items });
		product.sb.configure({ latencyMs: 0 });
		expect(result.error).toBeUndefined();
		expect(product.sb.stats.maxInFlight).toBeGreaterThan(1);
		expect(new Set(product.sb.requests.map((r) => r.files[0].filename)).size).toBe(30);
		expect(new Set(product.sb.freeForm.map((m) => m.storedFileName)).size).toBe(30);
		expect(product.sb.freeForm.every((m) => m.overwroteUpload === false)).toBe(true);
		expect(product.sb.stats.overwrittenUploads).toBe(0);
		expect(jsonOut(result).map((o) => o.messageId)).toEqual(items.map((item) => product.sb.freeForm.find((m) => m.digits === item.json.phone)!.wamid));
	});

	describe('refused before any request', () => {
		it.each([
			['a .webp image link', { mediaUrl: 'https://cdn.example.com/a.webp' }, /Media URL ends in \.webp, which the platform refuses for an image message/],
			['a link without an extension', { mediaType: 'document', mediaUrl: 'https://cdn.example.com/invoice' }, /Media URL has no file extension/],
			['a .wav audio link', { mediaType: 'audio', mediaUrl: 'https://cdn.example.com/a.wav' }, /ends in \.wav/],
			['a caption of 1025 characters', { caption: 'c'.repeat(1025) }, /^Caption is 1025 characters long; the limit is 1024/],
			['a file name of 256 characters', { mediaType: 'document', mediaUrl: 'https://cdn.example.com/a.pdf', fileName: `${'n'.repeat(252)}.pdf` }, /^File Name is 256 characters long; the limit is 255/],
			['a phone of 9 digits', { phone: '491512345' }, /has 9 digits; a number with country code has 10 to 15/],
			['an ftp link', { mediaUrl: 'ftp://cdn.example.com/a.png' }, /is not an http\(s\) URL/],
		])('%s', async (_name, params, message) => {
			const result = await product.send({ ...MEDIA, ...params });
			expect(result.error).toBeInstanceOf(NodeOperationError);
			expect(result.error!.message).toMatch(message);
			expect(product.sb.requests).toHaveLength(0);
		});

		it.each([
			['image', 5 * MB + 1, 'image/png', 'a.png', /an image message takes at most 5120 KB/],
			['video', 16 * MB + 1, 'video/mp4', 'a.mp4', /a video message takes at most 16384 KB/],
			['audio', 16 * MB + 1, 'audio/mpeg', 'a.mp3', /an audio message takes at most 16384 KB/],
			['document', 100 * MB + 1, 'application/pdf', 'a.pdf', /a document message takes at most 102400 KB/],
			['audio', 100, 'image/png', 'a.png', /is image\/png, not audio, for an audio message/],
			['audio', 100, 'audio/wav', 'a.wav', /of a type the platform does not take for an audio message/],
		] as const)('a %s binary of %i bytes (%s %s)', async (kind, size, mimeType, fileName, message) => {
			const file = await storeBinary({ size }, { fileName, mimeType });
			const result = await product.send({ ...MEDIA, mediaType: kind, mediaSource: 'binary', binaryPropertyName: 'file' }, { items: [{ json: {}, binary: { file } }] });
			expect(result.error).toBeInstanceOf(NodeOperationError);
			expect(result.error!.message).toMatch(message);
			expect(product.sb.requests).toHaveLength(0);
		});

		it('exactly at the limit goes out', async () => {
			const file = await storeBinary({ size: 5 * MB }, { fileName: 'a.png', mimeType: 'image/png' });
			const result = await product.send({ ...MEDIA, mediaSource: 'binary', binaryPropertyName: 'file' }, { items: [{ json: {}, binary: { file } }] });
			expect(result.error).toBeUndefined();
			expect(product.sb.freeForm).toHaveLength(1);
		});
	});

	it(`a link the platform cannot download (${api === 'v1' ? 'an empty 200' : 'a 500 outside the envelope'}): delivery unknown, never sent again, also not by Retry On Fail`, async () => {
		const result = await product.send({ ...MEDIA, mediaUrl: 'https://files.invalid/lamp.png' }, { retryOnFail: true, maxTries: 3 });
		const error = result.error as unknown as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe(api === 'v1' ? '200' : '500');
		expect(error.message).toMatch(api === 'v1' ? /^The platform answered HTTP 200 with an empty body \(a media send whose URL the platform could not download answers so\)/ : /^The platform failed while handling the message \(HTTP 500, outside API v2's envelope/);
		expect(error.description).toMatch(/may or may not have gone out\. It was not sent again automatically/);
		expect(error.description).toMatch(/Maybe sent \(check before resending\): items 0\./);
		expect(product.sb.requests).toHaveLength(1);
		expect(product.sb.requests[0].mediaUnfetchable).toBe(true);
	});
});
