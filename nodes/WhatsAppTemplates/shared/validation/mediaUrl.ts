import { extensionOf } from '../multipart/uploadName';
import { FILE_RULES, acceptedExtensions, type MessageMediaKind } from '../platform';
import { FieldError, requiredText } from './fieldError';

const FIELD = 'Media URL';

/**
 * A link the platform downloads: http(s), and ending in an extension some platform version takes
 * for the kind (it checks the link's extension). A header link without an extension goes as given;
 * a message's link needs one (messages/media refuses a link without it).
 */
export function checkMediaUrl(kind: MessageMediaKind, value: unknown, use: 'header' | 'message'): string {
	const url = requiredText(FIELD, value, 'https://example.com/file.pdf');
	const parsed = URL.canParse(url) ? new URL(url) : undefined;
	if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || /\s/.test(url)) {
		throw new FieldError(FIELD, `${FIELD} "${url}" is not an http(s) URL`, 'Give a public link that starts with https://');
	}
	const rule = FILE_RULES[kind];
	const extension = extensionOf(parsed.pathname);
	if ((extension || use === 'message') && !acceptedExtensions(rule).includes(extension ?? '')) {
		const what = `${kind === 'image' || kind === 'audio' ? 'an' : 'a'} ${kind} ${use}`;
		throw new FieldError(
			FIELD,
			extension
				? `${FIELD} ends in .${extension}, which the platform refuses for ${what} (it checks the extension of the link)`
				: `${FIELD} has no file extension, which the platform refuses for ${what} (it checks the extension of the link)`,
			`Link a file ending in ${rule.extensions.map((e) => `.${e}`).join(', ')}, or download it first (HTTP Request node) and use Media Source "Binary File": the node then uploads it under an accepted name`,
		);
	}
	return url;
}
