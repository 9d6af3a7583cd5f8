'use strict';
/**
 * A validated template send, step by step as the platform does it:
 *   template lookup (404) -> OTP -> required template fields (422 template_fields)
 *   -> header medium (422 header_media; stored) -> contact found or created (422 status/source)
 *   -> [platform faults] -> WhatsApp accepts -> 200.
 */
const R = require('./responses');
const { newWamid } = require('./window');
const { applyOtp, missingFields, whatsappParams } = require('./params');
const { handleMedia } = require('./media');

/** APPROVED templates only, name and language exactly. */
function findTemplate(templates, name, language) {
	return templates.find((t) => t.status === 'APPROVED' && t.template_name === name && t.language === language) || null;
}

/**
 * Everything up to the moment the platform would call WhatsApp.
 * Returns { answer } for a refusal, else { plan }.
 */
function prepareSend(state, fields, files, baseUrl) {
	const template = findTemplate(state.templates, fields.template_name, fields.template_language);
	if (!template) return { answer: R.templateNotFound(fields.template_name) };

	const { values, otp } = applyOtp(fields);
	const fileByField = new Map(files.map((f) => [f.field, f]));
	const missing = missingFields(template, { ...values, ...Object.fromEntries(fileByField) });
	if (missing.length) return { answer: R.templateFields(missing) };

	const media = handleMedia(state, template, values, fileByField, baseUrl);
	if (media.answer) return { answer: media.answer };

	const digits = fields.phone_number.replace(/[^0-9+]/g, '').replace(/^\+/, '');
	const found = state.contacts.findOrCreate(digits, fields.contact);
	if (found.answer) return { answer: found.answer };

	return { plan: { template, values, otp, media: media.media, contact: found.contact, created: found.created, digits } };
}

/** The response `data` of a send; `whatsappResponse` is WhatsApp's answer as passed through. */
function responseData(plan, whatsappResponse) {
	const { contact, template, media, otp } = plan;
	const data = {
		contact: { id: contact.id, phone: contact.phone, first_name: contact.firstname, last_name: contact.lastname, email: contact.email, created: plan.created },
		template: {
			template_name: template.template_name,
			language: template.language,
			category: template.category,
			sent: true,
			header_format: template.header_data_format,
			has_media: media !== null,
		},
		whatsapp_response: whatsappResponse,
		media_info: media ? media.info : null,
	};
	if (otp) data.otp = otp;
	return data;
}

/**
 * The record of an accepted send (sb.messages), either API: what WhatsApp received, where an
 * upload was stored, and the generated code (v1 returns it; v2 never does).
 */
function acceptedMessage(api, wamid, plan, fields, files) {
	const message = {
		api,
		wamid,
		digits: plan.digits,
		fields,
		files,
		template: plan.template,
		contactCreated: plan.created,
		// The contact the message attached to: a contact the node wrote must be the one sends find.
		contactId: plan.contact.id,
		whatsapp: whatsappParams(plan.template, plan.values, plan.contact),
	};
	if (plan.media && plan.media.source === 'file') message.storedFileName = plan.media.storedFileName;
	if (plan.otp) message.otp = plan.otp;
	return message;
}

/**
 * Finish a prepared send. `fault`: a platform fault taken at this moment, or null.
 * Returns { answer, message? } (message: the accepted send to record).
 */
function completeSend(plan, fields, files, fault) {
	if (fault && fault.kind === 'noMessageId200') {
		// WhatsApp's answer was not JSON: the platform still says success, with no message id.
		return { answer: R.sent(responseData(plan, [])) };
	}
	if (fault) return { answer: fault.answer };
	const wamid = newWamid();
	const whatsappResponse = {
		messaging_product: 'whatsapp',
		contacts: [{ input: plan.digits, wa_id: plan.digits }],
		messages: [{ id: wamid }],
	};
	return { answer: R.sent(responseData(plan, whatsappResponse)), message: acceptedMessage('v1', wamid, plan, fields, files) };
}

module.exports = { prepareSend, completeSend, findTemplate, acceptedMessage };
