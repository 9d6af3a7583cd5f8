import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { fieldLabels, messageJob, sendEach, type EachMessage, type SendRun } from '../../../shared/batch/sendRun';
import { resolveBinaryMedia, type BinaryMedia } from '../../../shared/multipart/binaryMedia';
import { LIMITS, type MessageMediaKind } from '../../../shared/platform';
import { FieldError, asText, checkMaxLength, optionalText, requiredText } from '../../../shared/validation/fieldError';
import { checkMediaUrl } from '../../../shared/validation/mediaUrl';
import { presentFields, type WireBody } from '../../../shared/wireBody';
import { recipientOf } from '../window';

const KINDS: readonly MessageMediaKind[] = ['image', 'video', 'audio', 'document'];

interface MediaMessage {
	phone: string;
	kind: MessageMediaKind;
	media: { source: 'url'; url: string } | { source: 'binary'; file: BinaryMedia };
	caption?: string;
	fileName?: string;
}

function kindOf(value: unknown): MessageMediaKind {
	const kind = KINDS.find((k) => k === asText(value).trim().toLowerCase());
	if (!kind) throw new FieldError('Media Type', `Media Type "${asText(value)}" is not one the platform sends`, `Choose one of ${KINDS.join(', ')}`);
	return kind;
}

/** The URL's last path segment (it ends in the file's extension), as the recipient's document name when none is given. */
function lastSegment(url: string): string {
	const segment = new URL(url).pathname.split('/').pop() ?? '';
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

async function validate(run: SendRun, i: number): Promise<MediaMessage> {
	const get = <T>(name: string, fallback: T) => run.parameters(name, i, fallback);
	const phone = recipientOf(run, i);
	const kind = kindOf(get('mediaType', 'document'));
	const media: MediaMessage['media'] =
		get<string>('mediaSource', 'url') === 'binary'
			? { source: 'binary', file: await resolveBinaryMedia(run.ctx, i, requiredText('Input Binary Field', get('binaryPropertyName', 'data'), 'data'), kind, 'message') }
			: { source: 'url', url: checkMediaUrl(kind, get('mediaUrl', ''), 'message') };
	// Audio takes no caption (the field is hidden for it): one left from another kind is not sent.
	const caption = kind === 'audio' ? undefined : optionalText(get('caption', ''));
	if (caption !== undefined) checkMaxLength('Caption', caption, LIMITS.caption.max);
	let fileName: string | undefined;
	if (kind === 'document') {
		// Always named: platform 2.2.0 fails with a 500 on a document without a file name.
		fileName = optionalText(get('fileName', '')) ?? (media.source === 'binary' ? media.file.fileName : lastSegment(media.url));
		checkMaxLength('File Name', fileName, LIMITS.mediaFileName.max);
	}
	return { phone, kind, media, caption, fileName };
}

const sendMediaMessage: EachMessage<MediaMessage> = {
	validate,
	job: (run, i, message) => {
		const names = run.platform.windowSend.media;
		const fields = presentFields([
			[names.phone, message.phone],
			[names.kind, message.kind],
			[names.url, message.media.source === 'url' ? message.media.url : undefined],
			[names.caption, message.caption],
			[names.fileName, message.fileName],
		]);
		const wire: WireBody = {
			fields,
			objects: [],
			file: message.media.source === 'binary' ? { field: names.file, media: message.media.file } : undefined,
		};
		const label = fieldLabels([
			[names.phone, 'Recipient Phone'],
			[names.kind, 'Media Type'],
			[names.url, 'Media URL'],
			[names.file, 'Input Binary Field'],
			[names.caption, 'Caption'],
			[names.fileName, 'File Name'],
		]);
		return messageJob(run, run.platform.routes.sendMedia, i, wire, { phone: message.phone, mediaType: message.kind }, { label, messageMedia: true });
	},
};

/** Message → Send Media: an image, video, audio or document inside the 24-hour window, by URL or from a binary. */
export async function sendMedia(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await sendEach(this, sendMediaMessage);
}
