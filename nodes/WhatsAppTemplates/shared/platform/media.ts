/**
 * Files the platform takes, by kind: the same extensions and sizes in API v1 and v2 (CONTRACT.md
 * and CONTRACT-v2.md). A template header takes image, video or document under its own field
 * names; a message in the 24-hour window (Send Media) takes audio as well.
 */

export type MediaKind = 'image' | 'video' | 'document';
/** What Send Media sends: a header's kinds and audio. */
export type MessageMediaKind = MediaKind | 'audio';

export interface FileRule {
	maxKb: number;
	/** Extensions every platform version accepts for an upload, the first being the preferred one. */
	extensions: readonly string[];
	/** Extensions some versions accept (`.jpg` from 1.5.0 / 2.2.0 on): a URL with one goes as given. */
	laterExtensions: readonly string[];
	/** MIME type → the accepted extension to upload it under. */
	extensionByMime: Readonly<Record<string, string>>;
	/** The MIME types the kind takes start so (none: any type that maps to an accepted extension). */
	mimePrefix?: string;
}

export interface MediaRule extends FileRule {
	urlField: string;
	fileField: string;
}

export const FILE_RULES: Record<MessageMediaKind, FileRule> = {
	image: {
		maxKb: 5120,
		extensions: ['jpeg', 'png'],
		laterExtensions: ['jpg'],
		extensionByMime: { 'image/jpeg': 'jpeg', 'image/jpg': 'jpeg', 'image/pjpeg': 'jpeg', 'image/png': 'png' },
		mimePrefix: 'image/',
	},
	video: {
		maxKb: 16384,
		extensions: ['mp4', '3gp'],
		laterExtensions: [],
		extensionByMime: { 'video/mp4': 'mp4', 'video/3gpp': '3gp' },
		mimePrefix: 'video/',
	},
	audio: {
		maxKb: 16384,
		extensions: ['mp3', 'ogg', 'aac', 'amr', 'm4a'],
		laterExtensions: [],
		extensionByMime: {
			'audio/mpeg': 'mp3',
			'audio/mp3': 'mp3',
			'audio/ogg': 'ogg',
			'audio/opus': 'ogg',
			'audio/aac': 'aac',
			'audio/amr': 'amr',
			'audio/mp4': 'm4a',
			'audio/x-m4a': 'm4a',
			'audio/m4a': 'm4a',
		},
		mimePrefix: 'audio/',
	},
	document: {
		maxKb: 102400,
		extensions: ['pdf', 'doc', 'docx', 'txt', 'xls', 'xlsx', 'ppt', 'pptx'],
		laterExtensions: [],
		extensionByMime: {
			'application/pdf': 'pdf',
			'application/msword': 'doc',
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
			'text/plain': 'txt',
			'application/vnd.ms-excel': 'xls',
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
			'application/vnd.ms-powerpoint': 'ppt',
			'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
		},
	},
};

/** Header media of the template send: the kind's file rule under the header's field names. */
export const MEDIA: Record<MediaKind, MediaRule> = {
	image: { ...FILE_RULES.image, urlField: 'header_image_url', fileField: 'header_image_file' },
	video: { ...FILE_RULES.video, urlField: 'header_video_url', fileField: 'header_video_file' },
	document: { ...FILE_RULES.document, urlField: 'header_document_url', fileField: 'header_document_file' },
};

/** Every extension some platform version takes for the kind (a URL must end in one). */
export const acceptedExtensions = (rule: FileRule): string[] => [...rule.extensions, ...rule.laterExtensions];

export const KB = 1024;
