'use strict';
/**
 * v2's free-form sends, POST messages/text, messages/media and messages/interactive (../window.js
 * describes the whole feature), after the gate (scope messages:send, the limiter's headers):
 *   validation: messages/text answers ANY failure with a 500 outside the envelope (the platform
 *   crashes building its 422); the others VALIDATION_ERROR -> transport fault -> medium
 *   (../chat-media.js: extension/size 422 outside the envelope, an undownloadable URL a 500
 *   outside it; ['media' fault]) -> contact (contact_id with this phone, or exactly `+digits`, or
 *   a new lead; ['contact' faults]) -> opted out (not for text: the platform does not check it)
 *   -> ['platform' fault] -> WhatsApp accepts -> 200 in the envelope.
 */
const { validate } = require('../validate');
const { replaceMergeTokens } = require('../params');
const { handleChatMedia, whatsappMedia } = require('../chat-media');
const { acceptFreeForm, newWamid } = require('../window');
const { CHAT_ROUTES, LIST_HEADER } = require('./chat-platform');
const { TEXT } = require('./platform');
const { findOrCreateContact, chatId, cleanPhone } = require('./send');
const { faultAnswer } = require('./faults');
const E = require('./envelope');

/** The Validator's errors under `rules`, with contact_id's `exists` rule; null when none. */
function validateV2(state, { fields, files, truncated }, rules) {
	const errors = validate({ fields, files, truncated }, rules) || {};
	if (!errors.contact_id && fields.contact_id !== undefined && !state.contacts.findById(Number(fields.contact_id))) {
		errors.contact_id = [TEXT.invalidContactId];
	}
	return Object.keys(errors).length ? errors : null;
}

/** What WhatsApp receives for an interactive message (a list without a header gets 'Options'). */
function whatsappInteractive(fields) {
	const list = fields.type === 'list';
	const interactive = { type: fields.type, body: fields.body_text };
	const header = fields.header_text ?? (list ? LIST_HEADER : undefined);
	if (header !== undefined) interactive.header = header;
	if (fields.footer_text !== undefined) interactive.footer = fields.footer_text;
	if (list) Object.assign(interactive, { button: fields.list_button_text ?? null, sections: fields.sections });
	else interactive.buttons = fields.buttons;
	return { type: 'interactive', interactive };
}

/** The answer's `data` for each route (platform-notes-v2 §7.1). */
function responseData(state, route, plan) {
	const { contact, fields, medium } = plan;
	const data = { message_id: plan.wamid, contact_id: contact.id, phone: plan.digits };
	if (route === 'messages.text') data.message = plan.whatsapp.text;
	if (route === 'messages.interactive') data.type = fields.type;
	if (route === 'messages.media') {
		Object.assign(data, { media_type: medium.kind, media_url: medium.link, caption: fields.caption ?? null, filename: fields.filename ?? null });
	}
	return { ...data, status: 'sent', sent_at: E.iso(), chat_id: chatId(state, contact), chat_message_id: plan.wamid ? state.freeForm.length + 1 : null };
}

/** Until WhatsApp is called: { answer } for a refusal or a taken fault, else { plan }. */
function prepareV2Chat(state, ex, fields, ctx) {
	const { req, record } = ex;
	const route = record.route;
	let medium = null;
	if (route === 'messages.media') {
		const file = record.files.filter((f) => f.field === 'media_file').pop();
		const m = handleChatMedia(state, fields, file, `http://${req.headers.host}${state.prefix}`, true);
		if (m.answer) return m;
		if (m.unfetchable) {
			record.mediaUnfetchable = true;
			return { answer: E.crash(req) }; // INVALID_MEDIA_TYPE has no HTTP status: an uncaught error
		}
		const fault = m.medium.source === 'url' ? state.v2.faults.takeAt('media', fields.phone, route) : null;
		if (fault) return { answer: faultAnswer(fault, req, ctx), fault };
		medium = m.medium;
	}
	const digits = cleanPhone(fields.phone);
	const found = findOrCreateContact(state, fields, digits, route);
	if (found.fault) return { answer: faultAnswer(found.fault, req, ctx), fault: found.fault };
	if (found.answer) return found;
	if (route !== 'messages.text' && found.contact.optedOut) return { answer: E.error('CONTACT_OPTED_OUT', TEXT.optedOut) };
	return { plan: { contact: found.contact, created: found.created, digits, medium, fields } };
}

function handleV2Chat(state, ex, body, reply) {
	const { req, record } = ex;
	const route = record.route;
	const spec = CHAT_ROUTES[route];
	// Laravel's input is the query merged with the body (the body wins).
	const fields = { ...record.query, ...record.fields };
	const errors = validateV2(state, { fields, files: record.files, truncated: body.truncated }, spec.rules);
	if (errors) {
		record.validationErrors = errors;
		return reply(route === 'messages.text' ? E.crash(req) : E.validation(errors));
	}
	const goOn = ex.transportFault(state.v2.faults, fields.phone, body.isJson);
	if (!goOn) return undefined;
	const { extraMs } = goOn;
	const ctx = { contacts: state.contacts.list.length, sendFailed: spec.failed };

	const prepared = prepareV2Chat(state, ex, fields, ctx);
	if (prepared.fault) record.fault = prepared.fault.kind;
	if (prepared.answer) return reply(prepared.answer, extraMs);
	const { plan } = prepared;
	const late = state.v2.faults.takeAt('platform', fields.phone, route);
	if (late) record.fault = late.kind;
	const ignored = {};
	if (route === 'messages.text') plan.whatsapp = { type: 'text', text: replaceMergeTokens(fields.message, plan.contact) };
	else if (route === 'messages.media') plan.whatsapp = whatsappMedia(plan.medium, fields, ignored);
	else plan.whatsapp = whatsappInteractive(fields);
	if (late && late.kind !== 'noMessageId200') return reply(faultAnswer(late, req, ctx), extraMs);
	plan.wamid = late ? null : newWamid();
	const answer = E.success(responseData(state, route, plan), spec.sent);
	if (late) return reply(answer, extraMs); // WhatsApp gave no id: success with message_id null
	const kind = route.slice('messages.'.length);
	const message = { api: 'v2', route, kind, wamid: plan.wamid, digits: plan.digits, contactId: plan.contact.id, contactCreated: plan.created, fields, files: record.files, whatsapp: plan.whatsapp, ignored };
	if (plan.medium) Object.assign(message, { storedFileName: plan.medium.source === 'file' ? plan.medium.storedFileName : null, overwroteUpload: plan.medium.overwroteUpload });
	acceptFreeForm(state, ex, message, (state.config.latencyMs || 0) + extraMs);
	return reply(answer, extraMs);
}

module.exports = { handleV2Chat, validateV2 };
