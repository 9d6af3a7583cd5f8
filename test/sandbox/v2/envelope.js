'use strict';
/**
 * v2's answers (CONTRACT-v2.md, "The envelope"): `{success, data?, message?, meta}` and
 * `{success: false, error: {code, message, details?}, meta}`, a new request_id and the
 * timestamp in every meta, the status from the code. And the answers outside the envelope:
 * Laravel's own renderings of a crash or an unknown route, JSON only when the client asked
 * for it (expectsJson), else HTML.
 */
const crypto = require('node:crypto');
const R = require('../responses');
const { expectsJson } = require('../gate');
const { ERROR_STATUS, TEXT } = require('./platform');

/** ISO-8601 as Laravel's toIso8601String() writes it: seconds, `+00:00`. */
const iso = (ms = Date.now()) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');

const meta = (extra = {}) => ({ request_id: crypto.randomUUID(), timestamp: iso(), ...extra });

function success(data, message, status = 200) {
	const body = { success: true };
	if (data !== undefined && data !== null) body.data = data;
	if (message !== undefined && message !== null) body.message = message;
	body.meta = meta();
	return R.json(status, body);
}

function error(code, message, details, extraMeta) {
	if (!ERROR_STATUS[code]) throw new Error(`v2 envelope: unknown error code ${code}`);
	const err = { code, message };
	if (details !== undefined && details !== null) err.details = details;
	return R.json(ERROR_STATUS[code], { success: false, error: err, meta: meta(extraMeta) });
}

/** A one-line account of an answer body for a log: an error's code and details, or null when it is no error envelope. */
function describeError(body) {
	if (!body || typeof body !== 'object' || body.success !== false || !body.error) return null;
	const { code, details } = body.error;
	return details === undefined ? String(code) : `${code} ${JSON.stringify(details)}`;
}

const E = {
	iso,
	describeError,
	meta,
	success,
	error,
	/** FEATURE_NOT_AVAILABLE as operators document it (a 403); 2.2.0 crashes on it instead (crash). */
	featureNotAvailable: (message) => R.json(403, { success: false, error: { code: 'FEATURE_NOT_AVAILABLE', message }, meta: meta() }),
	paginated: (items, pagination, links) => R.json(200, { success: true, data: items, meta: { pagination, ...meta() }, links }),
	validation: (details) => error('VALIDATION_ERROR', TEXT.invalidData, details),
	tooManyRequests: (retryAfter) => error('RATE_LIMIT_EXCEEDED', TEXT.tooManyRequests(retryAfter), undefined, { retry_after: retryAfter }),
	/** Strict-witness answers: bodies the node must never send (the platform would read them as an empty form). */
	unreadable: (what) => error('INVALID_REQUEST', `Malformed ${what} body`),
	unsupportedType: () => R.json(415, { success: false, error: { code: 'INVALID_REQUEST', message: 'Unsupported content type' }, meta: meta() }),
	/** An uncaught error: Laravel's `{"message":"Server Error"}` for a JSON client, its HTML page otherwise. */
	crash: (req) => (expectsJson(req) ? R.json(500, { message: TEXT.serverError }) : R.laravelErrorPage(500, TEXT.serverError)),
	/** Laravel's 404 / 405 for a route v2 does not have, rendered the same way. */
	routeNotFound: (req, path) => (expectsJson(req) ? R.routeNotFound(path) : R.laravelErrorPage(404, 'Not Found')),
	methodNotAllowed: (req, path, allowed) => {
		const a = expectsJson(req) ? R.methodNotAllowed(req.method, path, allowed) : R.laravelErrorPage(405, 'Method Not Allowed');
		return { ...a, headers: { ...a.headers, Allow: allowed.join(', ') } };
	},
};

module.exports = E;
