import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';

import { FILE_RULES, KB, type MessageMediaKind } from '../platform';
import { FieldError } from '../validation/fieldError';
import { uniqueUploadName, uploadExtension } from './uploadName';

const FIELD = 'Input Binary Field';

/**
 * The size of the chunks a stored file is read in. n8n's HTTP client queues up to 16 chunks per
 * upload ahead of the socket (axios wraps the multipart body in Readable.from, 16 objects deep): at
 * the file system's default 64 KiB that is 1 MiB per upload in flight, at 16 KiB a quarter of it
 * (bench/README.md, memory: five uploads at once).
 */
export const STREAM_CHUNK_BYTES = 16 * 1024;

/** A header file from an input item, described without reading its bytes. */
export interface BinaryMedia {
	/** The name the file had in n8n: the recipient's document name by default. */
	fileName: string;
	/** The unique name it goes up under, with an extension the platform accepts for its kind. */
	uploadName: string;
	mimeType: string;
	size: number;
	itemIndex: number;
	propertyName: string;
	/** Set for a stored binary (n8n's filesystem or S3 mode): streamed at send time, never buffered. */
	binaryId?: string;
}

/** Bytes a base64 string decodes to, without decoding it. */
function base64Size(data: string): number {
	const trimmed = data.replace(/\s/g, '');
	const padding = trimmed.endsWith('==') ? 2 : trimmed.endsWith('=') ? 1 : 0;
	return Math.floor((trimmed.length * 3) / 4) - padding;
}

const ARTICLE: Record<MessageMediaKind, string> = { image: 'an', video: 'a', audio: 'an', document: 'a' };

/** What the file is for, in errors: a template's header, or a message of its own (Send Media). */
export type MediaUse = 'header' | 'message';
/** type/subtype and optional parameters, printable ASCII only. */
const MIME_TYPE = /^[\w!#$&^.+-]+\/[\w!#$&^.+-]+(?:\s*;[\x20-\x7e]*)?$/;

/**
 * Finds the item's binary, reads its size from metadata and checks it against the kind's limit
 * and MIME type, so an oversized or mismatched file is refused before upload.
 */
export async function resolveBinaryMedia(
	ctx: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
	kind: MessageMediaKind,
	use: MediaUse = 'header',
): Promise<BinaryMedia> {
	const binaries = ctx.getInputData()[itemIndex]?.binary ?? {};
	const binary: IBinaryData | undefined = binaries[propertyName];
	if (!binary) {
		const present = Object.keys(binaries);
		throw new FieldError(
			FIELD,
			`${FIELD}: the item has no binary field "${propertyName}"`,
			present.length
				? `Set Input Binary Field to one of: ${present.join(', ')}`
				: 'Connect a node that outputs a file (e.g. Read/Write Files from Disk or HTTP Request), or use Media Source "URL"',
		);
	}
	const size = binary.id
		? (await ctx.helpers.getBinaryMetadata(binary.id)).fileSize
		: base64Size(binary.data);
	const mimeType = binary.mimeType || 'application/octet-stream';
	const file = `${FIELD} "${propertyName}": the file ${JSON.stringify(binary.fileName ?? propertyName)}`;
	// The MIME type becomes the file part's Content-Type header as is: a line break in it would
	// add headers of its own to the multipart body.
	if (!MIME_TYPE.test(mimeType)) {
		throw new FieldError(
			FIELD,
			`${file} has an invalid MIME type ${JSON.stringify(mimeType)}`,
			'Set the binary\'s MIME type to a plain type/subtype such as application/pdf, e.g. with the node that produced it',
		);
	}
	const { maxKb, mimePrefix: prefix } = FILE_RULES[kind];
	if (prefix && !mimeType.toLowerCase().startsWith(prefix)) {
		throw new FieldError(
			FIELD,
			`${file} is ${mimeType}, not ${prefix.slice(0, -1)}, for ${ARTICLE[kind]} ${kind} ${use}`,
			`Send ${ARTICLE[kind]} ${kind} file, or choose the ${use === 'header' ? 'header kind' : 'Media Type'} that fits it (a PDF is a Document)`,
		);
	}
	if (size > maxKb * KB) {
		throw new FieldError(
			FIELD,
			`${file} is ${size} bytes; ${ARTICLE[kind]} ${kind} ${use} takes at most ${maxKb} KB (${maxKb * KB} bytes)`,
			`Send a smaller file, or host it and use Media Source "URL"`,
		);
	}
	const fileName = binary.fileName || `${kind}${binary.fileExtension ? `.${binary.fileExtension}` : ''}`;
	return {
		fileName,
		uploadName: uniqueUploadName(fileName, uploadExtension(kind, fileName, mimeType, use), itemIndex),
		mimeType,
		size,
		itemIndex,
		propertyName,
		binaryId: binary.id,
	};
}

/** The file's bytes as a stream of chunks: from storage when stored, else the item's buffer. */
export async function* readBinaryMedia(ctx: IExecuteFunctions, media: BinaryMedia): AsyncGenerator<Uint8Array> {
	if (media.binaryId) {
		yield* await ctx.helpers.getBinaryStream(media.binaryId, STREAM_CHUNK_BYTES);
		return;
	}
	yield await ctx.helpers.getBinaryDataBuffer(media.itemIndex, media.propertyName);
}
