import type { IDataObject } from 'n8n-workflow';

import type { BinaryMedia } from './multipart/binaryMedia';
import { StreamingMultipartBody } from './multipart/multipartBody';
import { bracketParts } from './multipart/bracketParts';
import type { RequestBody } from './transport';

/** A request body by wire name: text fields, nested objects and at most one file. */
export interface WireBody {
	fields: Array<[string, string]>;
	objects: Array<[string, IDataObject | IDataObject[]]>;
	file?: { field: string; media: BinaryMedia };
	/** A field whose value the node made up for this try (a one-time password): not part of the fingerprint. */
	madeUp?: string;
}

/** Text fields without the empty ones: empty optional fields are not sent. */
export function presentFields(fields: Array<[string, string | undefined]>): Array<[string, string]> {
	return fields.filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '');
}

/**
 * JSON without a file; with one, a multipart body streamed from `openFile`, nested objects as
 * bracketed parts (`contact[firstname]`) as Laravel parses them.
 */
export function toRequestBody(wire: WireBody, openFile: (media: BinaryMedia) => AsyncIterable<Uint8Array>): RequestBody {
	if (!wire.file) {
		// Built in one pass: it runs once per message.
		const json: IDataObject = {};
		for (const [name, value] of wire.fields) json[name] = value;
		for (const [name, object] of wire.objects) json[name] = object;
		return json;
	}
	const body = new StreamingMultipartBody();
	for (const [name, value] of wire.fields) body.append(name, value);
	for (const [name, object] of wire.objects) for (const [part, value] of bracketParts(name, object)) body.append(part, value);
	const { field, media } = wire.file;
	body.appendFile(field, media, () => openFile(media));
	return body;
}

/**
 * What a retry recognises an item by: its index and wire content, without what each try makes
 * anew (the random upload name, a code the node made), so that a message that went out is never
 * sent again with another code.
 */
export function fingerprint(index: number, wire: WireBody): string {
	const file = wire.file && { field: wire.file.field, id: wire.file.media.binaryId, size: wire.file.media.size, name: wire.file.media.fileName };
	const fields = wire.madeUp === undefined ? wire.fields : wire.fields.map(([name, value]) => [name, name === wire.madeUp ? '' : value]);
	return JSON.stringify([index, fields, wire.objects, file ?? null]);
}
