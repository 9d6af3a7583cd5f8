import { randomBytes } from 'crypto';

import { FILE_RULES, type MessageMediaKind } from '../platform';
import { FieldError } from '../validation/fieldError';

const FIELD = 'Input Binary Field';

/** The lower-case extension of a file name or URL path, without the dot. */
export function extensionOf(name: string): string | undefined {
	return /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase();
}

/**
 * The extension a file goes up under: one every platform version accepts for its header kind
 * or message (`photo.jpg` goes as .jpeg, `invoice` of type application/pdf as .pdf). The platform checks
 * only the name, so a file whose type it cannot take is refused here, before upload.
 */
export function uploadExtension(kind: MessageMediaKind, fileName: string, mimeType: string, use: 'header' | 'message' = 'header'): string {
	const rule = FILE_RULES[kind];
	const fromName = extensionOf(fileName);
	if (fromName && rule.extensions.includes(fromName)) return fromName;
	if (fromName === 'jpg' && kind === 'image') return 'jpeg';
	const fromMime = rule.extensionByMime[mimeType.split(';')[0].trim().toLowerCase()];
	if (fromMime) return fromMime;
	const accepted = rule.extensions.map((e) => `.${e}`).join(', ');
	throw new FieldError(
		FIELD,
		`${FIELD}: the file ${JSON.stringify(fileName)} (${mimeType}) is of a type the platform does not take for ${kind === 'image' || kind === 'audio' ? 'an' : 'a'} ${kind} ${use}`,
		`Send a file of an accepted type (${accepted}), converted if need be, or set the binary's MIME type or file name to one of them`,
	);
}

/**
 * A unique ASCII name for an upload. The platform stores uploads publicly as
 * `template_header_<unix second>_<slug>.<ext>`, so two sends of `invoice.pdf` in the same second
 * would overwrite each other and a recipient could get someone else's document. The recipient
 * never sees this name.
 */
export function uniqueUploadName(fileName: string, extension: string, itemIndex: number): string {
	const base = fileName.replace(/\.[A-Za-z0-9]{1,8}$/, '');
	const slug = base
		.normalize('NFKD')
		.replace(/[^\x20-\x7e]/g, '')
		.replace(/[^A-Za-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 40)
		.toLowerCase();
	return `${slug || 'file'}-${itemIndex}-${randomBytes(6).toString('hex')}.${extension}`;
}
