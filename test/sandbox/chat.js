'use strict';
/**
 * v1's free-form sends, POST messages/send and messages/media (window.js describes the whole
 * feature), step by step as the platform does them (platform-notes-v1-more §4, §5):
 *   validation (422) -> transport fault -> medium: extension, size, stored / URL downloaded
 *   (an undownloadable URL: 200 with an EMPTY body) -> contact found by suffix or created (422
 *   status/source) -> opted out (403) -> a document without a file name crashes (500) ->
 *   [platform fault] -> WhatsApp accepts -> 200 with data.message_id.
 * The platform's own answers to WhatsApp's refusal differ from the template send's: a 500
 * {status, message, error} whose `error` is Graph's JSON as a STRING (chatFaultAnswer).
 */
const { validate } = require('./validate');
const R = require('./responses');
const { ANSWERS } = require('./faults');
const { replaceMergeTokens } = require('./params');
const { graphErrorJson } = require('./whatsapp-errors');
const { V1_TEXT_RULES, V1_MEDIA_RULES, XOBITO_KEYS, CHAT_TEXT } = require('./chat-platform');
const { handleChatMedia, whatsappMedia } = require('./chat-media');
const { acceptFreeForm, newWamid } = require('./window');
const { chatId, cleanPhone } = require('./v2/send');
const { crash } = require('./v2/envelope');

/** WhatsApp's code of a whatsapp500 fault on these routes when the test names none. */
const DEFAULT_REFUSAL = 131030;

/** `Y-m-d H:i:s` in the app's time (UTC): what v1's free-form sends answer, not ISO. */
const sentAt = () => new Date().toISOString().replace('T', ' ').slice(0, 19);

/** A platform fault as these routes answer it (see faults.js: kinds name what happened). */
function chatFaultAnswer(fault, texts) {
	const failed = (message, error) => R.json(500, { status: 'error', message, error });
	switch (fault.kind) {
		case 'whatsapp500':
			return failed(texts.refused, graphErrorJson(fault.code ?? DEFAULT_REFUSAL));
		case 'noMessageId200': // the same event as on messages/template; these routes answer it with a 500
			return failed(texts.refused, CHAT_TEXT.noMessageId);
		case 'system500':
			return failed(texts.failed, CHAT_TEXT.internal);
		case 'notConnected503':
			return R.json(422, { status: 'error', message: CHAT_TEXT.notConfigured });
		default:
			return fault.answer;
	}
}

const pick = (fields, keys) => Object.fromEntries(keys.filter((k) => fields[k] !== undefined).map((k) => [k, fields[k]]));

/** The answer's `data`, as each route returns it. */
function responseData(state, route, plan) {
	const { contact, wamid, medium, fields } = plan;
	const data = { message_id: wamid, contact_id: contact.id, phone: contact.phone };
	if (route === 'messages.send') data.message = plan.whatsapp.text;
	else Object.assign(data, { media_type: medium.kind, media_url: medium.link, caption: fields.caption ?? null, filename: fields.filename ?? null });
	Object.assign(data, { status: 'sent', sent_at: sentAt(), chat_id: chatId(state, contact) });
	if (route === 'messages.media') data.chat_message_id = state.freeForm.length + 1;
	data.contact_created = plan.created;
	return data;
}

function handleV1Chat(state, ex, body) {
	const { req, record } = ex;
	const route = record.route;
	const isMedia = route === 'messages.media';
	const texts = CHAT_TEXT[route];
	// Laravel's input is the query merged with the body (the body wins).
	const fields = { ...record.query, ...record.fields };
	const errors = validate({ fields, files: record.files, truncated: body.truncated }, isMedia ? V1_MEDIA_RULES : V1_TEXT_RULES);
	if (errors) {
		record.validationErrors = errors;
		return ex.answer(R.validation(errors));
	}
	const goOn = ex.transportFault(state.faults, fields.phone_number, body.isJson);
	if (!goOn) return undefined;
	const { extraMs } = goOn;

	let medium = null;
	if (isMedia) {
		const file = record.files.filter((f) => f.field === 'media_file').pop();
		const m = handleChatMedia(state, fields, file, `http://${req.headers.host}${state.prefix}`, state.config.acceptJpg);
		if (m.answer) return ex.answer(m.answer, extraMs);
		// The controller returns null when the download fails: Laravel sends an empty 200.
		if (m.unfetchable) {
			record.mediaUnfetchable = true;
			return ex.answer(R.html(200, ''), extraMs);
		}
		medium = m.medium;
	}
	const digits = cleanPhone(fields.phone_number);
	const found = state.contacts.findOrCreate(digits, fields.contact);
	if (found.answer) return ex.answer(found.answer, extraMs);
	if (found.contact.optedOut) return ex.answer(ANSWERS.optedOut403, extraMs);
	// 2.2.0 passes a missing file name into a non-nullable parameter: a TypeError no catch takes [inferred].
	if (isMedia && medium.kind === 'document' && fields.filename === undefined) return ex.answer(crash(req), extraMs);
	const fault = state.faults.takeAt('platform', fields.phone_number, route);
	if (fault) {
		record.fault = fault.kind;
		return ex.answer(chatFaultAnswer(fault, texts), extraMs);
	}

	const ignored = isMedia ? {} : pick(fields, XOBITO_KEYS);
	const whatsapp = isMedia ? whatsappMedia(medium, fields, ignored) : { type: 'text', text: replaceMergeTokens(fields.message_body, found.contact) };
	const plan = { contact: found.contact, created: found.created, wamid: newWamid(), medium, fields, whatsapp };
	const answer = R.json(200, { status: 'success', message: texts.sent, data: responseData(state, route, plan) });
	const message = { api: 'v1', route, kind: isMedia ? 'media' : 'text', wamid: plan.wamid, digits, contactId: found.contact.id, contactCreated: found.created, fields, files: record.files, whatsapp, ignored };
	if (medium) Object.assign(message, { storedFileName: medium.source === 'file' ? medium.storedFileName : null, overwroteUpload: medium.overwroteUpload });
	acceptFreeForm(state, ex, message, (state.config.latencyMs || 0) + extraMs);
	return ex.answer(answer, extraMs);
}

module.exports = { handleV1Chat, chatFaultAnswer, sentAt };
