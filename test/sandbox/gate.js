'use strict';
/**
 * What is decided from the request line and headers alone, in the platform's
 * order (CONTRACT.md, "The checks run in this order"):
 *   route (404) / method (405)                          - the framework's router
 *   workspace exists (500 stock / 400 Xobito)           - tenant middleware
 *   API set up (404) -> API enabled (403)
 *   token present (401) -> token right (401) -> ability (403) -> rate limit (429)
 *   content type of a write (415, the sandbox's own strictness)
 */
const { API_PREFIX, ROUTES, WORKSPACES, SUBDOMAIN } = require('./platform');
const R = require('./responses');

/** Laravel's bearerToken(): the text after `Bearer `; absent or empty = no token. */
function bearerToken(header) {
	const m = /^Bearer +(\S*)$/i.exec(header || '');
	return m && m[1] !== '' ? m[1] : null;
}

function mediaType(contentType) {
	const type = String(contentType || '').split(';')[0].trim().toLowerCase();
	if (type === 'application/json') return 'json';
	if (type === 'multipart/form-data') return 'multipart';
	return null;
}

function isEmptyBody(req) {
	const length = req.headers['content-length'];
	return req.headers['transfer-encoding'] === undefined && (length === undefined || length === '0');
}

const segmentsOf = (pattern) => pattern.split('/');
const decode = (s) => {
	try {
		return decodeURIComponent(s);
	} catch {
		return null;
	}
};

/**
 * Match path segments against a route table (Laravel's router). Returns { route, params },
 * { allowed: [methods] } when only another method matches (405), or null (404).
 */
function matchRoute(routes, method, segments) {
	const found = [];
	for (const route of routes) {
		const pattern = segmentsOf(route.path);
		if (pattern.length !== segments.length) continue;
		const params = {};
		const ok = pattern.every((seg, i) => {
			if (seg.startsWith('{')) {
				params[seg.slice(1, -1)] = decode(segments[i]);
				return true;
			}
			return seg === segments[i];
		});
		if (ok) found.push({ route, params });
	}
	if (found.length === 0) return null;
	// Laravel answers HEAD on every GET route.
	const verb = method === 'HEAD' ? 'GET' : method;
	return found.find((f) => f.route.method === verb) || { allowed: found.map((f) => f.route.method) };
}

/**
 * Match `path` against the route table under `{prefix}/api/v1/{subdomain}/`.
 * Returns { route, subdomain, params } or { answer } (404 / 405).
 * A trailing slash or an empty segment is a 404 (strict: the node never builds one).
 */
function resolveRoute(prefix, method, path) {
	const base = `${prefix}${API_PREFIX}/`;
	if (!path.startsWith(base)) return { answer: R.routeNotFound(path) };
	const parts = path.slice(base.length).split('/');
	if (parts.some((p) => p === '')) return { answer: R.routeNotFound(path) };
	const [rawSubdomain, ...rest] = parts;
	const subdomain = decode(rawSubdomain);
	if (subdomain === null) return { answer: R.routeNotFound(path) };
	const hit = matchRoute(ROUTES, method, rest);
	if (!hit) return { answer: R.routeNotFound(path) };
	if (hit.allowed) return { answer: R.methodNotAllowed(method, path, hit.allowed) };
	return { route: hit.route, params: hit.params, subdomain };
}

/**
 * Laravel's expectsJson(): the most acceptable type of Accept names JSON, or an XHR that
 * accepts anything. Framework failures (404, 405, crashes) render as HTML otherwise.
 */
function expectsJson(req) {
	const types = String(req.headers.accept || '')
		.split(',')
		.map((part, i) => {
			const [type, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
			const q = params.find((p) => p.startsWith('q='));
			return { type, q: q ? Number(q.slice(2)) : 1, i };
		})
		.filter((t) => t.type !== '')
		.sort((a, b) => b.q - a.q || a.i - b.i);
	if (types.length && /\/json|\+json/.test(types[0].type)) return true;
	const anyType = types.length === 0 || types[0].type === '*/*' || types[0].type === '*';
	return req.headers['x-requested-with'] === 'XMLHttpRequest' && anyType;
}

/** The middleware checks. Returns an answer, or null to go on. */
function checkAccess(state, req, route, subdomain) {
	const workspace = Object.prototype.hasOwnProperty.call(WORKSPACES, subdomain) ? WORKSPACES[subdomain] : null;
	if (!workspace) return R.invalidTenant(state.config.invalidTenantStatus);
	if (workspace.api === null) return R.apiNotSetUp();
	if (workspace.api === 'disabled') return R.apiDisabled();
	const token = bearerToken(req.headers.authorization);
	if (token === null) return R.tokenRequired();
	// Every sandbox token belongs to the one enabled workspace.
	const abilities = subdomain === SUBDOMAIN ? state.tokenAbilities.get(token) : undefined;
	if (!abilities) return R.tokenInvalid();
	if (!abilities.includes(route.ability)) return R.missingAbility(route.ability);
	const limited = state.limiter.hit(token, state.config.rateLimit);
	if (limited) {
		state.rateLimited.push({ api: 'v1', at: Date.now(), token, windowStart: limited.windowStart, retryAfter: limited.retryAfter });
		return R.tooManyRequests(limited.retryAfter);
	}
	// An empty POST without a content type is an empty form to Laravel (422 for the
	// missing fields). Any other type would be read as an empty form too; the sandbox
	// refuses it instead, because the node must only send JSON or multipart.
	if (route.method !== 'GET' && !mediaType(req.headers['content-type']) && !isEmptyBody(req)) {
		return R.unsupportedType();
	}
	return null;
}

module.exports = { resolveRoute, matchRoute, checkAccess, bearerToken, mediaType, isEmptyBody, expectsJson, decode };
