'use strict';
/**
 * The sandbox's OWN table of v2's free-form sends (CONTRACT-v2.md, "Messages in the 24-hour
 * window"; platform-notes-v2 §6, §7.1): wire names and rules of POST messages/text,
 * messages/media and messages/interactive, and their texts. The media kinds (extensions,
 * sizes) and the reply button are v1's table: the platform has one list for both.
 */
const { BUTTON_ITEM, ONE_MEDIUM, MEDIA_SEND_FIELDS: V1_MEDIA_SEND_FIELDS } = require('../chat-platform');

/** messages/text: 10-20 characters (the sandbox keeps the [decided] digits-only rule). Any failure: a 500. */
const TEXT_FIELDS = Object.freeze({
	phone: { type: 'string', required: true, between: [10, 20], phone: true },
	message: { type: 'string', required: true, max: 4096 },
	contact_id: { type: 'integer' },
});

/**
 * messages/media: v1's rules (phone 10-15 characters as sent; extension and size are the
 * controller's own 422) under v2's names: `phone`, and `contact_id` instead of the contact object.
 */
const { phone_number: PHONE_RULE, contact: _v1Only, ...V1_MEDIA_RULES } = V1_MEDIA_SEND_FIELDS;
const MEDIA_SEND_FIELDS = Object.freeze({ phone: PHONE_RULE, ...V1_MEDIA_RULES, contact_id: { type: 'integer' } });

const ROW_ITEM = Object.freeze({
	id: { type: 'string', required: true },
	title: { type: 'string', required: true, max: 24 },
	description: { type: 'string', max: 72 },
});
const SECTION_ITEM = Object.freeze({ title: { type: 'string' }, rows: { type: 'list', required: true, min: 1, item: ROW_ITEM } });

/**
 * messages/interactive. The platform states no phone length here: the sandbox keeps the template
 * send's [decided] rule (digits only, 8-15). Buttons belong to `button`, a list's keys to `list`.
 */
const INTERACTIVE_FIELDS = Object.freeze({
	phone: { type: 'string', required: true, between: [8, 15], phone: true },
	type: { type: 'string', required: true, in: ['button', 'list'] },
	body_text: { type: 'string', required: true, max: 1024 },
	header_text: { type: 'string', max: 60 },
	footer_text: { type: 'string', max: 60 },
	buttons: { type: 'list', min: 1, max: 3, item: BUTTON_ITEM, requiredIf: ['type', 'button'], onlyWith: ['type', 'button'] },
	list_button_text: { type: 'string', max: 20, onlyWith: ['type', 'list'] },
	sections: { type: 'list', min: 1, max: 10, item: SECTION_ITEM, requiredIf: ['type', 'list'], onlyWith: ['type', 'list'] },
	contact_id: { type: 'integer' },
});

const rules = (send, media = []) => Object.freeze({ send, contact: null, media, mediaMessage: ONE_MEDIUM });
/** Per route: the rules, and the `message` of a 200 and of a failed send. */
const CHAT_ROUTES = Object.freeze({
	'messages.text': { rules: rules(TEXT_FIELDS), sent: 'Message sent successfully', failed: 'Failed to send message' },
	'messages.media': { rules: rules(MEDIA_SEND_FIELDS, ['media_url', 'media_file']), sent: 'Media message sent successfully', failed: 'Failed to send media message' },
	'messages.interactive': { rules: rules(INTERACTIVE_FIELDS), sent: 'Interactive message sent successfully', failed: 'Failed to send interactive message' },
});

/** A list sent without header_text gets this header from the platform. */
const LIST_HEADER = 'Options';

module.exports = { TEXT_FIELDS, MEDIA_SEND_FIELDS, INTERACTIVE_FIELDS, CHAT_ROUTES, LIST_HEADER };
