/**
 * Header media of the template send: the same field names, sizes and extensions in API v1 and v2
 * (CONTRACT.md and CONTRACT-v2.md: "the same upload"). Both generations' tables use this one.
 */

export type MediaKind = 'image' | 'video' | 'document';

export interface MediaRule {
	urlField: string;
	fileField: string;
	maxKb: number;
	/** Extensions every platform version accepts for an upload, the first being the preferred one. */
	extensions: readonly string[];
	/** Extensions some versions accept (`.jpg` from 2.2.0 on): a URL with one goes as given. */
	laterExtensions: readonly string[];
	/** MIME type → the accepted extension to upload it under. */
	extensionByMime: Readonly<Record<string, string>>;
}

export const MEDIA: Record<MediaKind, MediaRule> = {
	image: {
		urlField: 'header_image_url',
		fileField: 'header_image_file',
		maxKb: 5120,
		extensions: ['jpeg', 'png'],
		laterExtensions: ['jpg'],
		extensionByMime: { 'image/jpeg': 'jpeg', 'image/jpg': 'jpeg', 'image/pjpeg': 'jpeg', 'image/png': 'png' },
	},
	video: {
		urlField: 'header_video_url',
		fileField: 'header_video_file',
		maxKb: 16384,
		extensions: ['mp4', '3gp'],
		laterExtensions: [],
		extensionByMime: { 'video/mp4': 'mp4', 'video/3gpp': '3gp' },
	},
	document: {
		urlField: 'header_document_url',
		fileField: 'header_document_file',
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

export const KB = 1024;
