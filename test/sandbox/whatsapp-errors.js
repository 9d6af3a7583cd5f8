'use strict';
/**
 * WhatsApp's own refusals, by code, as the platform passes them on: v1's free-form sends put
 * Graph's error JSON in a 500 as a STRING (`error`), v1's template send puts its message in
 * `errors.whatsapp[]`, v2 in `details.error`, and the lifecycle webhooks carry them in
 * `message.failed` events. One table, so that every place says the same for a code.
 * Titles and details as Meta's Cloud API documents them.
 */
const crypto = require('node:crypto');

const CODES = Object.freeze({
	100: { title: 'Invalid parameter', details: 'Invalid parameter.' },
	131000: { title: 'Something went wrong', details: 'Message failed to send due to an unknown error.' },
	131009: { title: 'Parameter value is not valid', details: 'One or more parameter values are invalid.' },
	131026: { title: 'Message undeliverable', details: 'Message Undeliverable.' },
	131030: { title: 'Recipient phone number not in allowed list', details: 'Recipient phone number not in allowed list: Add recipient phone number to recipient list and try again.' },
	131047: {
		title: 'Re-engagement message',
		details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
	},
	131051: { title: 'Unsupported message type', details: 'Unsupported message type.' },
	131052: { title: 'Media download error', details: 'Unable to download the media sent by the user.' },
	131053: { title: 'Media upload error', details: 'Unable to upload the media used in the message.' },
	132000: { title: 'Number of parameters does not match the expected number of params', details: 'The number of variable parameter values does not match the template.' },
});

function entry(code) {
	if (!Number.isInteger(code) || code <= 0) throw new TypeError(`a WhatsApp error code must be a positive integer; got ${code}`);
	return CODES[code] || { title: `WhatsApp error ${code}`, details: `WhatsApp refused the message (code ${code}).` };
}

/** The text WhatsApp's message field carries: `(#131030) Recipient phone number not in allowed list`. */
const refusalText = (code) => `(#${code}) ${entry(code).title}`;

/** Graph's error JSON of a refused call, exactly as its body: what v1 passes on as a string. */
function graphErrorJson(code) {
	const error = {
		message: refusalText(code),
		type: 'OAuthException',
		code,
		error_data: { messaging_product: 'whatsapp', details: entry(code).details },
		fbtrace_id: crypto.randomBytes(12).toString('base64url'),
	};
	return JSON.stringify({ error });
}

/** One `errors[]` item of a failed status in Meta's webhook. */
function statusError(code) {
	const { title, details } = entry(code);
	return { code, title, message: title, error_data: { details } };
}

module.exports = { CODES, refusalText, graphErrorJson, statusError };
