'use strict';
/**
 * The sandbox's OWN table of v1's free-form sends (CONTRACT.md, "Messages in the 24-hour window
 * (v1)"; platform-notes-v1-more §4, §5): wire names and rules of POST messages/send and
 * messages/media, the media kinds both API generations share, and v1's texts. Written from the
 * contract, never imported from the node.
 */
const { MEDIA, CONTACT_FIELDS } = require('./platform');

const MB = 1024 * 1024;
/**
 * Media kinds of a free-form media send, both APIs: extensions (case-insensitive, from the file's
 * name or the URL's path; `jpg` only when the platform accepts it: v1 from 1.5.0 on, config
 * acceptJpg; v2 always) and the size limit (exactly at the limit passes).
 */
const CHAT_MEDIA = Object.freeze({
	image: Object.freeze({ extensions: Object.freeze(['jpeg', 'png']), jpg: true, maxMb: 5 }),
	video: Object.freeze({ extensions: Object.freeze(['mp4', '3gp']), maxMb: 16 }),
	audio: Object.freeze({ extensions: Object.freeze(['aac', 'amr', 'mp3', 'm4a', 'ogg']), maxMb: 16 }),
	document: Object.freeze({ extensions: MEDIA.document.extensions, maxMb: 100 }),
});
const MEDIA_TYPES = Object.freeze(Object.keys(CHAT_MEDIA));
const maxBytes = (kind) => CHAT_MEDIA[kind].maxMb * MB;

/** A reply button as Xobito documents it (v1) and as v2's interactive send takes it. */
const BUTTON_ITEM = Object.freeze({ id: { type: 'string', required: true }, title: { type: 'string', required: true, max: 20 } });

/**
 * POST messages/send. The stock server checks no phone format; the sandbox keeps the template
 * send's [decided] rule (digits only, 8-15, no leading 0). `message_type` and the keys after it are
 * Xobito's documented extension: checked as documented, then ignored as stock platforms ignore
 * them (the text alone is sent; the accepted message records what came).
 */
const TEXT_FIELDS = Object.freeze({
	phone_number: { type: 'string', required: true, between: [8, 15], phone: true },
	message_body: { type: 'string', required: true, max: 4096 },
	contact: { type: 'object' },
	message_type: { type: 'string', in: ['text', 'interactive', 'cta_url'] },
	header: { type: 'string' },
	footer: { type: 'string' },
	buttons: { type: 'list', min: 1, max: 3, item: BUTTON_ITEM, onlyWith: ['message_type', 'interactive'] },
	button_text: { type: 'string', onlyWith: ['message_type', 'cta_url'] },
	button_url: { type: 'url', onlyWith: ['message_type', 'cta_url'] },
});
/** Xobito's keys that stock platforms ignore. */
const XOBITO_KEYS = Object.freeze(['message_type', 'header', 'footer', 'buttons', 'button_text', 'button_url']);

/** POST messages/media: phone_number 10-15 characters as sent (and the [decided] digits rule). */
const MEDIA_SEND_FIELDS = Object.freeze({
	phone_number: { type: 'string', required: true, between: [10, 15], phone: true },
	media_type: { type: 'string', required: true, in: MEDIA_TYPES },
	media_url: { type: 'url', requiredWithout: 'media_file' },
	// The size is the controller's check (its own 422), not the validator's.
	media_file: { type: 'file' },
	caption: { type: 'string', max: 1024 },
	filename: { type: 'string', max: 255 },
	contact: { type: 'object' },
});

const ONE_MEDIUM = 'Only one of media url and media file may be given.';
const V1_TEXT_RULES = Object.freeze({ send: TEXT_FIELDS, contact: CONTACT_FIELDS, media: [] });
const V1_MEDIA_RULES = Object.freeze({ send: MEDIA_SEND_FIELDS, contact: CONTACT_FIELDS, media: ['media_url', 'media_file'], mediaMessage: ONE_MEDIUM });

/** v1's texts (untranslated keys, as the stock server answers), per route. */
const CHAT_TEXT = Object.freeze({
	'messages.send': { sent: 'message_sent_successfully', refused: 'failed_to_send_whatsapp_message', failed: 'failed_to_send_message' },
	'messages.media': { sent: 'media_message_sent_successfully', refused: 'failed_to_send_whatsapp_media_message', failed: 'failed_to_send_media_message' },
	noMessageId: 'No message ID in response',
	internal: 'Internal server error',
	notConfigured: 'whatsapp_connection_not_configured',
	badExtension: (kind, allowed) => `Invalid file extension for ${kind}. Allowed: ${allowed.join(', ')}`,
	tooBig: (kind) => `File size exceeds limit for ${kind}. Max allowed is ${CHAT_MEDIA[kind].maxMb} MB`,
});

module.exports = { CHAT_MEDIA, MEDIA_TYPES, maxBytes, BUTTON_ITEM, TEXT_FIELDS, XOBITO_KEYS, MEDIA_SEND_FIELDS, V1_TEXT_RULES, V1_MEDIA_RULES, ONE_MEDIUM, CHAT_TEXT };
