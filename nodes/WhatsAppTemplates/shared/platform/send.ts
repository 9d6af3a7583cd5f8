/** WhatsMark SaaS API v1 (CONTRACT.md): routes, the template send's wire fields, media rules, limits. */

/** Every route lives under `{platform URL}/api/v1/{subdomain}/`; the workspace is a path segment. */
export const API_ROOT = 'api/v1';

export interface Route {
	method: 'GET' | 'POST';
	/** Relative to the workspace's API base. */
	path: string;
	ability: string;
}

export const ROUTES = {
	sendTemplate: { method: 'POST', path: 'messages/template', ability: 'messages.send' },
	listTemplates: { method: 'GET', path: 'templates', ability: 'templates.read' },
} as const satisfies Record<string, Route>;

/** Wire names of the template send's body fields. */
export const SEND = {
	phone: 'phone_number',
	templateName: 'template_name',
	templateLanguage: 'template_language',
	fromPhoneNumberId: 'from_phone_number_id',
	headerText: 'header_field_1',
	documentName: 'header_document_name',
	copyCode: 'copy_code',
	autoGenerateOtp: 'auto_generate_otp',
	otpLength: 'otp_length',
	otpFieldNumber: 'otp_field_number',
	contact: 'contact',
	body: (n: number) => `field_${n}`,
	button: (n: number) => `button_${n}`,
} as const;

/** Keys of the `contact` object: used only when the platform creates a new contact. */
export const CONTACT = {
	firstName: 'firstname',
	lastName: 'lastname',
	email: 'email',
	country: 'country',
	groups: 'groups',
	assignedId: 'assigned_id',
	statusId: 'status_id',
	sourceId: 'source_id',
} as const;

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

export const LIMITS = {
	phoneDigits: { min: 8, max: 15 },
	templateLanguage: { min: 2, max: 10 },
	templateName: { max: 255 },
	documentName: { max: 255 },
	copyCode: { max: 100 },
	otpLength: { min: 4, max: 10 },
	bodyVariables: 10,
	buttons: 3,
	contactName: { max: 255 },
	contactEmail: { max: 191 },
	contactCountry: { max: 100 },
} as const;
