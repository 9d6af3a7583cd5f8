'use strict';
/**
 * v2's injected faults: the same queue as v1 (faults.js: FIFO, `times`, `match.phone` against
 * the `phone` as sent), with v2's own kinds. The network and proxy kinds of v1 (its
 * 'transport' and 'upload' stages, and 'respond') act the same on v2; they answer without the
 * platform's X-RateLimit-* headers, since no platform wrote them. v2's kinds act where the
 * platform would refuse, in its order (CONTRACT-v2.md, "Order on the server"):
 *   'media'    - a header URL the server could not download (only sends with a header URL);
 *   'contact'  - creating the contact (only sends to a phone without one);
 *   'platform' - after the contact, at the moment the platform would call WhatsApp.
 * Their answers carry a fresh request_id, so they are built when they are taken.
 */
const { FaultQueue, STAGE: V1_STAGE, ANSWERS: V1_ANSWERS } = require('../faults');
const R = require('../responses');
const { TEXT } = require('./platform');
const E = require('./envelope');
const { refusalText } = require('../whatsapp-errors');

const WHATSAPP_131026 = '(#131026) Message undeliverable';
// What the send helper's catch passes on when the call to WhatsApp itself failed.
const TRANSPORT_FAILURE = 'cURL error 28: Operation timed out after 30001 milliseconds with 0 bytes received (see https://curl.haxx.se/libcurl/c/libcurl-errors.html)';
// The chat row could not be read after WhatsApp accepted the message.
const AFTER_SEND_FAILURE = 'Attempt to read property "id" on null';

/** The failed send's `message`: the route's own (ctx.sendFailed, free-form routes) or the template send's. */
const failedText = (ctx) => (ctx && ctx.sendFailed) || TEXT.sendFailed;

/**
 * v2's own kinds: stage, and the answer built when taken (`req`: the request, `fault`: the taken
 * fault with its `detail` / `code`, `ctx`: { contacts, sendFailed? }).
 */
const V2_KINDS = Object.freeze({
	mediaDownload500: { stage: 'media', answer: (req) => E.crash(req) },
	missingConfig422: {
		stage: 'contact',
		answer: () =>
			E.error('VALIDATION_ERROR', TEXT.missingConfig, { missing_config: { lead_status: 'Lead status not configured', lead_source: 'Lead source not configured' } }),
	},
	contactLimit403: {
		stage: 'contact',
		answer: (req, fault, ctx) => E.error('FEATURE_LIMIT_EXCEEDED', TEXT.contactLimit, { feature: 'contacts', current: ctx.contacts, maximum: ctx.contacts }),
	},
	optedOut403: { stage: 'platform', answer: () => E.error('CONTACT_OPTED_OUT', TEXT.optedOut) },
	notConfigured422: { stage: 'platform', answer: () => E.error('WHATSAPP_NOT_CONFIGURED', TEXT.notConfigured) },
	// FEATURE_NOT_AVAILABLE has no HTTP status in 2.2.0: the error escapes every catch.
	planNoTemplates500: { stage: 'platform', answer: (req) => E.crash(req) },
	// As operators document it: a 403 in the envelope.
	featureNotAvailable403: { stage: 'platform', answer: () => E.featureNotAvailable('WhatsApp templates feature is not available in your plan') },
	conversationLimit403: { stage: 'platform', answer: () => E.error('FEATURE_LIMIT_EXCEEDED', TEXT.conversationLimit) },
	sendFailedWhatsApp500: {
		stage: 'platform',
		answer: (req, f, ctx) => E.error('MESSAGE_SEND_FAILED', failedText(ctx), { error: f.detail ?? (f.code ? refusalText(f.code) : WHATSAPP_131026) }),
	},
	sendFailedUnknown500: { stage: 'platform', answer: (req, f, ctx) => E.error('MESSAGE_SEND_FAILED', failedText(ctx), { error: f.detail ?? TRANSPORT_FAILURE }) },
	internalError500: { stage: 'platform', answer: (req, f, ctx) => E.error('INTERNAL_ERROR', failedText(ctx), { error: f.detail ?? AFTER_SEND_FAILURE }) },
	serverError500: { stage: 'platform', answer: () => R.json(500, { message: TEXT.serverError }) },
	html500: { stage: 'platform', answer: () => R.laravelErrorPage(500, TEXT.serverError) },
	// WhatsApp's answer had no message id: success, with message_id null (built by the send).
	noMessageId200: { stage: 'platform', answer: null },
});

const SHARED = Object.keys(V1_STAGE).filter((k) => k === 'respond' || V1_STAGE[k] === 'transport' || V1_STAGE[k] === 'upload');
const TABLE = Object.freeze({
	stages: Object.freeze({ ...Object.fromEntries(SHARED.map((k) => [k, V1_STAGE[k]])), ...Object.fromEntries(Object.entries(V2_KINDS).map(([k, v]) => [k, v.stage])) }),
	answers: Object.freeze(Object.fromEntries(SHARED.filter((k) => V1_ANSWERS[k]).map((k) => [k, V1_ANSWERS[k]]))),
});
const V2_FAULT_KINDS = Object.freeze(Object.keys(TABLE.stages).filter((k) => k !== 'respond'));

const newV2FaultQueue = () => new FaultQueue(TABLE);

/** The answer of a taken fault: v1's canned one, or v2's built now. */
function faultAnswer(fault, req, ctx) {
	if (fault.answer) return fault.answer;
	const kind = V2_KINDS[fault.kind];
	return kind && kind.answer ? kind.answer(req, fault, ctx) : null;
}

/** Whether the answer of a taken fault comes from the platform (and so carries its headers). */
const fromPlatform = (fault) => Boolean(V2_KINDS[fault.kind]);

module.exports = { newV2FaultQueue, faultAnswer, fromPlatform, V2_FAULT_KINDS, WHATSAPP_131026 };
