/**
 * An item's file, as the upload finds, checks and reads it (shared/multipart/binaryMedia.ts),
 * through n8n's real engine and binary-data service: the refusals in their words, the size of a
 * binary held in the item, the defaults for a file without a type or name, and the chunks a stored
 * file is read in (n8n's HTTP client queues up to 16 of them per upload ahead of the socket, so the
 * chunk size is what each upload in flight holds: bench/README.md, memory).
 */
import { createHash } from 'crypto';
import type { IBinaryData, IDataObject, IExecuteFunctions, INodeType } from 'n8n-workflow';

import { readBinaryMedia, resolveBinaryMedia, type MediaUse } from '../../nodes/WhatsAppTemplates/shared/multipart/binaryMedia';
import type { MessageMediaKind } from '../../nodes/WhatsAppTemplates/shared/platform';
import { FieldError } from '../../nodes/WhatsAppTemplates/shared/validation/fieldError';
import { runNode, setupEngine, storeBinary } from '../engine/harness';

/** Resolves (and with `read`, reads) the item's file as a send does; outputs what it found or the refusal. */
const mediaProbe: INodeType = {
	description: {
		displayName: 'Media Probe',
		name: 'mediaProbe',
		group: ['transform'],
		version: 1,
		description: 'resolveBinaryMedia and readBinaryMedia on the item',
		defaults: { name: 'Media Probe' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	},
	async execute(this: IExecuteFunctions) {
		const { property, kind, use, read } = this.getInputData()[0].json as { property: string; kind: MessageMediaKind; use: MediaUse; read?: boolean };
		try {
			const media = await resolveBinaryMedia(this, 0, property, kind, use);
			if (!read) return [[{ json: { ...media } as IDataObject }]];
			const hash = createHash('sha256');
			const sizes: number[] = [];
			for await (const chunk of readBinaryMedia(this, media)) {
				sizes.push(chunk.length);
				hash.update(chunk);
			}
			return [[{ json: { largest: Math.max(...sizes), chunks: sizes.length, total: sizes.reduce((a, b) => a + b, 0), sha256: hash.digest('hex') } }]];
		} catch (error) {
			if (!(error instanceof FieldError)) throw error;
			return [[{ json: { message: error.message, fix: error.fix } }]];
		}
	},
};

const probe = async (json: IDataObject, binary: Record<string, IBinaryData>) => {
	const result = await runNode({ nodeType: mediaProbe, items: [{ json, binary }] });
	expect(result.error).toBeUndefined();
	return result.outputs![0][0].json;
};
const inItem = (data: string, fields: Partial<IBinaryData> = {}): IBinaryData => ({ data, mimeType: 'application/pdf', fileName: 'invoice.pdf', ...fields });
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
	await setupEngine({ binaryMode: 'filesystem' });
});

test('a stored file is read in chunks of at most 16 KiB, every byte in order', async () => {
	const content = Buffer.from(Array.from({ length: 1024 * 1024 + 5 }, (_, i) => (i * 7) % 256));
	const data = await storeBinary(content, { fileName: 'f.pdf', mimeType: 'application/pdf' });
	expect(data.id).toBeDefined();
	expect(await probe({ property: 'data', kind: 'document', use: 'message', read: true }, { data })).toEqual({
		largest: 16 * 1024,
		chunks: 65,
		total: content.length,
		sha256: sha256(content),
	});
});

test('a file held in the item (no storage id) is read as it is', async () => {
	const content = Buffer.from('%PDF-1.4 held in the item');
	expect(await probe({ property: 'data', kind: 'document', use: 'message', read: true }, { data: inItem(content.toString('base64')) })).toEqual({
		largest: content.length,
		chunks: 1,
		total: content.length,
		sha256: sha256(content),
	});
});

test.each([
	['YQ==', 1],
	['YWI=', 2],
	['YWJj', 3],
	['YW\nJj ', 3],
])('a file held in the item as %j is %i bytes, without decoding it', async (data, size) => {
	expect(await probe({ property: 'data', kind: 'document', use: 'header' }, { data: inItem(data) })).toMatchObject({ size });
});

test('a file without type or name: application/octet-stream, named after its kind and extension', async () => {
	const media = await probe({ property: 'data', kind: 'document', use: 'header' }, { data: { data: 'YQ==', mimeType: '', fileExtension: 'pdf' } as IBinaryData });
	expect(media).toMatchObject({ mimeType: 'application/octet-stream', fileName: 'document.pdf' });
	expect(media.uploadName).toMatch(/^document-0-[0-9a-f]{12}\.pdf$/);
	const bare = await probe({ property: 'data', kind: 'document', use: 'header' }, { data: { data: 'YQ==', mimeType: 'application/pdf' } as IBinaryData });
	expect(bare).toMatchObject({ fileName: 'document' });
});

test('no such binary field: the fields the item has, in the fix', async () => {
	expect(await probe({ property: 'file', kind: 'document', use: 'header' }, { data: inItem('YQ=='), scan: inItem('YQ==') })).toEqual({
		message: 'Input Binary Field: the item has no binary field "file"',
		fix: 'Set Input Binary Field to one of: data, scan',
	});
});

test('MIME types with parameters pass; one with a line break is refused, naming the file', async () => {
	for (const mimeType of ['application/pdf;charset=utf-8', 'application/pdf ; name="a b.pdf"']) {
		expect(await probe({ property: 'data', kind: 'document', use: 'header' }, { data: inItem('YQ==', { mimeType }) })).toMatchObject({ mimeType });
	}
	expect(await probe({ property: 'data', kind: 'document', use: 'header' }, { data: inItem('YQ==', { mimeType: 'application/pdf\r\nX-Evil: 1' }) })).toEqual({
		message: 'Input Binary Field "data": the file "invoice.pdf" has an invalid MIME type "application/pdf\\r\\nX-Evil: 1"',
		fix: "Set the binary's MIME type to a plain type/subtype such as application/pdf, e.g. with the node that produced it",
	});
});

test.each([
	['header', 'Send an image file, or choose the header kind that fits it (a PDF is a Document)'],
	['message', 'Send an image file, or choose the Media Type that fits it (a PDF is a Document)'],
] as const)('a PDF as an image %s: the fix names what to change', async (use, fix) => {
	expect(await probe({ property: 'data', kind: 'image', use }, { data: inItem('YQ==') })).toEqual({
		message: `Input Binary Field "data": the file "invoice.pdf" is application/pdf, not image, for an image ${use}`,
		fix,
	});
});

test('over the kind\'s limit: the limit in KB and in bytes', async () => {
	const data = await storeBinary({ size: 5120 * 1024 + 1 }, { fileName: 'big.png', mimeType: 'image/png' });
	expect(await probe({ property: 'data', kind: 'image', use: 'header' }, { data })).toEqual({
		message: 'Input Binary Field "data": the file "big.png" is 5242881 bytes; an image header takes at most 5120 KB (5242880 bytes)',
		fix: 'Send a smaller file, or host it and use Media Source "URL"',
	});
});
