/**
 * The workspace messaging API as CONTRACT.md decides it: the one place that names the
 * endpoint, the wire fields and the limits. Adapting to the live API is a change here only.
 */

export const SEND_METHOD = 'POST';
export const SEND_PATH = '/api/v1/messages/send';
export const REQUIRED_ABILITY = 'messages.send';

/** Wire name of each body field. */
export const WIRE = {
	phone: 'phone',
	templateName: 'template_name',
	templateLanguage: 'template_language',
	phoneNumberId: 'phone_number_id',
	headerText: 'header_text',
	headerDocumentFilename: 'header_document_filename',
	otp: 'otp',
	contact: 'contact',
	body: (n: number) => `body_${n}`,
	button: (n: number) => `button_${n}`,
} as const;

export type MediaKind = 'image' | 'video' | 'document';

/** Header media: wire names of the URL and file variants, and the file size limit. */
export const MEDIA: Record<MediaKind, { urlField: string; fileField: string; maxKb: number }> = {
	image: { urlField: 'header_image_url', fileField: 'header_image', maxKb: 5120 },
	video: { urlField: 'header_video_url', fileField: 'header_video', maxKb: 16384 },
	document: { urlField: 'header_document_url', fileField: 'header_document', maxKb: 102400 },
};

export const KB = 1024;

export const LIMITS = {
	phoneDigits: { min: 8, max: 15 },
	templateLanguage: { min: 2, max: 10 },
	templateName: { max: 255 },
	documentFilename: { max: 255 },
	otp: { max: 100 },
	bodyVariables: 10,
	buttons: 3,
} as const;
