'use strict';
/**
 * The platform's answers, bodies exactly as CONTRACT.md shows them. An answer is
 * { status, contentType, body (string), headers }.
 */
const { TEXT } = require('./platform');

const json = (status, body, headers = {}) => ({ status, contentType: 'application/json', body: JSON.stringify(body), headers });
const error = (status, message, extra = {}) => json(status, { status: 'error', message, ...extra });
const html = (status, body) => ({ status, contentType: 'text/html; charset=UTF-8', body, headers: {} });

const nginxPage = (code, title) =>
	`<html>\r\n<head><title>${code} ${title}</title></head>\r\n<body>\r\n` +
	`<center><h1>${code} ${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;

/** Laravel's own error page (its default views), as served when the client does not ask for JSON. */
const laravelErrorPage = (status, title) =>
	html(
		status,
		'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
			`<title>${title}</title>\n</head>\n<body class="antialiased">\n` +
			`<div class="flex items-center"><div class="px-4 text-lg border-r">${status}</div>` +
			`<div class="ml-4 text-lg uppercase">${title}</div></div>\n</body>\n</html>\n`,
	);

const R = {
	// Framework answers (Laravel's JSON rendering of its HTTP exceptions).
	routeNotFound: (path) => json(404, { message: `The route ${path.replace(/^\//, '')} could not be found.` }),
	methodNotAllowed: (method, path, allowed) =>
		json(
			405,
			{ message: `The ${method} method is not supported for route ${path.replace(/^\//, '')}. Supported methods: ${allowed.join(', ')}.` },
			{ Allow: allowed.join(', ') },
		),

	// The tenant and token middleware, in the order they run.
	invalidTenant: (status) => error(status, TEXT.validationFailed, { errors: TEXT.invalidTenant }),
	apiNotSetUp: () => error(404, TEXT.apiNotSetUp),
	apiDisabled: () => error(403, TEXT.apiDisabled),
	tokenRequired: () => error(401, TEXT.tokenRequired),
	tokenInvalid: () => error(401, TEXT.tokenInvalid),
	missingAbility: (ability) => error(403, TEXT.missingAbility + ability),
	// v1 sends neither a `status` key nor Retry-After / X-RateLimit-* headers.
	tooManyRequests: (retryAfter) => json(429, { message: TEXT.tooManyRequests, retry_after: retryAfter }),

	// Strict-witness answers the real platform would not give (it would read such a body as an empty form).
	unsupportedType: () => error(415, 'Unsupported content type'),
	malformedJson: () => error(400, 'Malformed JSON body'),
	malformedMultipart: () => error(400, 'Malformed multipart body'),
	payloadTooLarge: () => html(413, nginxPage(413, 'Request Entity Too Large')),

	validation: (errors) => error(422, TEXT.validationFailed, { errors }),
	headerMedia: (message) => error(422, message, { errors: { header_media: [message] } }),
	templateNotFound: (name) =>
		error(404, TEXT.templateNotFound, { errors: { template: [`The specified template '${name}' was not found for this tenant`] } }),
	templateFields: (missing) => error(422, TEXT.templateValidationFailed, { errors: { template_fields: missing } }),
	templateShowNotFound: () => error(404, TEXT.templateNotFound),

	/** WhatsApp refused a template send: its text, which carries the code (`(#132000) ...`). */
	whatsappRefused: (text) => error(500, text, { errors: { whatsapp: [text] } }),
	success: (data) => json(200, { status: 'success', data }),
	sent: (data) => json(200, { status: 'success', message: TEXT.sent, data }),

	json,
	html,
	nginxPage,
	laravelErrorPage,
};

module.exports = R;
