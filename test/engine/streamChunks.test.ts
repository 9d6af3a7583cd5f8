/**
 * A stored file is read in small chunks: n8n's HTTP client queues up to 16 of them per upload
 * ahead of the socket, so the chunk size is the memory each upload in flight holds (bench/README.md,
 * memory). Read through n8n's real engine and binary-data service (filesystem mode).
 */
import { createHash } from 'crypto';
import type { IExecuteFunctions, INodeType } from 'n8n-workflow';

import { readBinaryMedia } from '../../nodes/WhatsAppTemplates/shared/multipart/binaryMedia';
import { runNode, setupEngine, storeBinary } from './harness';

/** A node that reads its item's stored binary as the upload does and reports the chunks. */
const chunkReader: INodeType = {
	description: {
		displayName: 'Chunk Reader',
		name: 'chunkReader',
		group: ['transform'],
		version: 1,
		description: 'reads a stored binary with readBinaryMedia',
		defaults: { name: 'Chunk Reader' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	},
	async execute(this: IExecuteFunctions) {
		const binary = this.getInputData()[0].binary!.data;
		const media = { fileName: 'f.bin', uploadName: 'f.bin', mimeType: 'application/pdf', size: 0, itemIndex: 0, propertyName: 'data', binaryId: binary.id };
		const hash = createHash('sha256');
		const sizes: number[] = [];
		for await (const chunk of readBinaryMedia(this, media)) {
			sizes.push(chunk.length);
			hash.update(chunk);
		}
		return [[{ json: { largest: Math.max(...sizes), chunks: sizes.length, total: sizes.reduce((a, b) => a + b, 0), sha256: hash.digest('hex') } }]];
	},
};

test('a stored 1 MiB file is read in chunks of at most 16 KiB, every byte in order', async () => {
	await setupEngine({ binaryMode: 'filesystem' });
	const content = Buffer.from(Array.from({ length: 1024 * 1024 + 5 }, (_, i) => (i * 7) % 256));
	const binary = await storeBinary(content, { fileName: 'f.bin', mimeType: 'application/pdf' });
	expect(binary.id).toBeDefined();

	const result = await runNode({ nodeType: chunkReader, items: [{ json: {}, binary: { data: binary } }] });

	expect(result.error).toBeUndefined();
	expect(result.outputs![0][0].json).toEqual({
		largest: 16 * 1024,
		chunks: 65,
		total: content.length,
		sha256: createHash('sha256').update(content).digest('hex'),
	});
});
