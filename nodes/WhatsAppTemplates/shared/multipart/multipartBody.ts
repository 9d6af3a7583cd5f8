import type { BinaryMedia } from './binaryMedia';

/** A file part: what a spec Blob offers to a multipart encoder, with bytes read on demand. */
export interface StreamedFile {
	readonly name: string;
	readonly type: string;
	readonly size: number;
	[Symbol.asyncIterator](): AsyncIterator<Uint8Array>;
}

type Entry = [string, string | StreamedFile];

/**
 * A part name or file name as a part header can carry it. The encoder escapes only " CR LF (as
 * %22 %0D %0A, per the HTML spec); any other control character (from a contact key or a binary's
 * file name) makes the whole body malformed to multipart parsers, so it is escaped the same way.
 * The class names what stays (tab, CR, LF and printable text): n8n's lint refuses control
 * characters written into a regular expression.
 */
function headerSafe(text: string): string {
	return text.replace(/[^\t\n\r\x20-\x7e\x80-\uffff]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * A multipart body shaped like a spec FormData. n8n's HTTP client (axios) encodes such a form
 * as a stream with an exact Content-Length and reads each file part only while uploading, so a
 * 100 MB document never sits in memory. The node may import no form-data package (n8n Cloud
 * rule), and the global FormData would buffer the file.
 */
export class StreamingMultipartBody {
	private readonly parts: Entry[] = [];

	readonly [Symbol.toStringTag] = 'FormData';

	append(name: string, value: string | StreamedFile): void {
		this.parts.push([headerSafe(name), value]);
	}

	/** A file part under its upload name, its bytes read from `open` only while it uploads. */
	appendFile(name: string, media: BinaryMedia, open: () => AsyncIterable<Uint8Array>): void {
		this.append(name, {
			name: headerSafe(media.uploadName),
			type: media.mimeType,
			size: media.size,
			[Symbol.asyncIterator]: () => open()[Symbol.asyncIterator](),
		});
	}

	entries(): IterableIterator<Entry> {
		return this.parts[Symbol.iterator]();
	}

	[Symbol.iterator](): IterableIterator<Entry> {
		return this.entries();
	}

	/** What the body holds, for dry runs and logs: text fields and the file's name, type and size. */
	describe(): Array<{ name: string; value?: string; file?: { name: string; type: string; size: number } }> {
		return this.parts.map(([name, value]) =>
			typeof value === 'string' ? { name, value } : { name, file: { name: value.name, type: value.type, size: value.size } },
		);
	}
}
