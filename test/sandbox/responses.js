'use strict';
/** The answers of the contract (bodies exactly as CONTRACT.md) and a few transport ones. */

const json = (status, body, headers = {}) => ({ status, contentType: 'application/json', body: JSON.stringify(body), headers });
const error = (status, message) => json(status, { status: 'error', message });

const R = {
	notFound: () => error(404, 'Not found'),
	methodNotAllowed: () => ({ ...error(405, 'Method not allowed'), headers: { Allow: 'POST' } }),
	invalidToken: () => error(401, 'Invalid API token'),
	missingAbility: (ability) => error(403, `Token does not have the required ability: ${ability}`),
	tooManyRequests: ({ retryAfter, limit }) =>
		json(
			429,
			{ message: 'Too many requests', retry_after: retryAfter },
			{ 'Retry-After': String(retryAfter), 'X-RateLimit-Limit': String(limit), 'X-RateLimit-Remaining': '0' },
		),
	unsupportedType: () => error(415, 'Unsupported content type'),
	malformedJson: () => error(400, 'Malformed JSON body'),
	malformedMultipart: () => error(400, 'Malformed multipart body'),
	payloadTooLarge: () => error(413, 'Payload too large'),
	validation: (errors) => json(422, { status: 'error', message: 'Validation failed', errors }),
	templateNotFound: () => error(404, 'Template not found'),
	notApproved: () => json(422, { status: 'error', message: 'Validation failed', errors: { template_name: ['Template is not APPROVED.'] } }),
	queued: (data) => json(200, { status: 'success', message: 'Template message queued', data }),
};

module.exports = R;
