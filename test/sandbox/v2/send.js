'use strict';
/**
 * A validated v2 template send, step by step as the platform does it (CONTRACT-v2.md,
 * "Order on the server"):
 *   template APPROVED in that exact language (404) -> auto_generate_otp -> the template's
 *   fields and header medium (422 template_fields) -> the medium's extension (422
 *   header_media; stored; ['media' fault]) -> contact: contact_id with this phone (404), or
 *   exactly `+digits`, or created as a lead (['contact' faults]) -> opted out (403)
 *   -> ['platform' faults] -> WhatsApp accepts -> 200.
 * The parts v1 has too (OTP, positional parameters and their rewriting, media storage and
 * overwrite counting) are v1's code; the words and names are v2's.
 */
const { applyOtp, missingParts } = require('../params');
const { handleMedia } = require('../media');
const { findTemplate, acceptedMessage } = require('../send');
const { TEXT, BUTTON_FIELDS } = require('./platform');
const E = require('./envelope');
const { newWamid } = require('../window');
const { faultAnswer } = require('./faults');
const { quotaFull } = require('./crm');

/** v2's header media: Str::slug with `_`, the extension lower-cased, jpg always accepted, its own refusals. */
const V2_MEDIA = Object.freeze({
	separator: '_',
	lowerExt: true,
	acceptJpg: true,
	refuse: (source, kind, allowed) =>
		E.error('VALIDATION_ERROR', source === 'file' ? `Invalid file extension for ${kind}` : 'Invalid file extension in URL', {
			header_media: [`Allowed: ${allowed.join(', ')}`],
		}),
});

/** validateTemplateRequirements' words: the header first, then the body. */
function templateFieldMessages(missing) {
	const header = missing.filter((p) => p.part !== 'body').map((p) =>
		p.part === 'header'
			? 'header_field_1 is required for TEXT header template with parameters'
			: `${p.medium.url} or ${p.medium.file} is required for ${p.medium.format} header template`,
	);
	return [...header, ...missing.filter((p) => p.part === 'body').map((p) => `field_${p.index} is required (body parameter ${p.index})`)];
}

/** cleanPhoneNumber: keep digits and `+`, drop one leading `+`. */
const cleanPhone = (phone) => String(phone).replace(/[^\d+]/g, '').replace(/^\+/, '');

/** The contact step of a send on `route`. Returns { contact, created } or { answer } or { fault }. */
function findOrCreateContact(state, fields, digits, route) {
	const { contacts } = state;
	if (fields.contact_id !== undefined) {
		const contact = contacts.findById(Number(fields.contact_id));
		if (!contact || contact.phone !== `+${digits}`) return { answer: E.error('NOT_FOUND', TEXT.contactNotFound) };
		return { contact, created: false };
	}
	const existing = contacts.findExact(`+${digits}`);
	if (existing) return { contact: existing, created: false };
	const fault = state.v2.faults.takeAt('contact', fields.phone, route);
	if (fault) return { fault };
	// config.contactQuota: the same quota as the contacts API's creates.
	const full = quotaFull(state);
	if (full) return { answer: full };
	return { contact: contacts.createLead(digits), created: true };
}

/**
 * Everything up to the moment the platform would call WhatsApp.
 * Returns { answer } for a refusal, { fault } for a fault taken on the way, else { plan }.
 */
function prepareV2Send(state, fields, files, baseUrl) {
	const template = findTemplate(state.templates, fields.template_name, fields.language);
	if (!template) return { answer: E.error('NOT_FOUND', TEXT.templateNotFound) };

	const { values, otp } = applyOtp(fields);
	const fileByField = new Map(files.map((f) => [f.field, f]));
	const missing = missingParts(template, { ...values, ...Object.fromEntries(fileByField) });
	if (missing.length) return { answer: E.validation({ template_fields: templateFieldMessages(missing) }) };

	const media = handleMedia(state, template, values, fileByField, baseUrl, V2_MEDIA);
	if (media.answer) return { answer: media.answer };
	if (media.media && media.media.source === 'url') {
		const fault = state.v2.faults.takeAt('media', fields.phone, 'messages.template');
		if (fault) return { fault };
	}

	const digits = cleanPhone(fields.phone);
	const found = findOrCreateContact(state, fields, digits, 'messages.template');
	if (!found.contact) return found;
	if (found.contact.optedOut) return { answer: E.error('CONTACT_OPTED_OUT', TEXT.optedOut) };
	return { plan: { template, values, otp, media: media.media, contact: found.contact, created: found.created, digits } };
}

function chatId(state, contact) {
	if (!state.v2.chats.has(contact.id)) state.v2.chats.set(contact.id, state.v2.chats.size + 1);
	return state.v2.chats.get(contact.id);
}

/** The answer's data: `message_id` is the wamid (null when WhatsApp gave none); chat_message_id is always null. */
function responseData(state, plan, wamid) {
	return {
		message_id: wamid,
		contact_id: plan.contact.id,
		phone: plan.digits,
		template_name: plan.template.template_name,
		language: plan.template.language,
		status: 'sent',
		sent_at: E.iso(),
		chat_id: chatId(state, plan.contact),
		chat_message_id: null,
	};
}

/**
 * Finish a prepared send (its plan, with the fields and files as validated). `fault`: a 'platform' fault taken now, or null. `ignored`: the
 * fields the platform does not know (kept when config.v2UnknownFields is 'ignore').
 * Returns { answer, message? } (message: the accepted send to record).
 */
function completeV2Send(state, req, { plan, fields, files }, fault, ignored) {
	if (fault && fault.kind === 'noMessageId200') return { answer: E.success(responseData(state, plan, null), TEXT.sent) };
	if (fault) return { answer: faultAnswer(fault, req, { contacts: state.contacts.list.length }) };
	const wamid = newWamid();
	const message = {
		...acceptedMessage('v2', wamid, plan, fields, files),
		droppedButtons: Object.fromEntries(BUTTON_FIELDS.filter((b) => fields[b] !== undefined).map((b) => [b, fields[b]])),
		ignoredFields: ignored,
	};
	return { answer: E.success(responseData(state, plan, wamid), TEXT.sent), message };
}

module.exports = { prepareV2Send, completeV2Send, cleanPhone, findOrCreateContact, chatId };
