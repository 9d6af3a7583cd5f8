'use strict';
/**
 * What v2 decides from the request line and headers alone, in the platform's order
 * (CONTRACT-v2.md; the middleware AuthenticateApiToken -> RateLimitApi -> CheckApiScope):
 *   route (404) / method (405)                                   - Laravel's router
 *   token present (401 AUTHENTICATION_REQUIRED) -> known (401 INVALID_TOKEN: a v1 token lands
 *   here) -> active (401 TOKEN_REVOKED) -> not expired (401 TOKEN_EXPIRED) -> IP allowed
 *   (403 IP_NOT_WHITELISTED) -> rate limit (429; the request counts) -> scope (403
 *   INSUFFICIENT_SCOPE) -> the endpoint.
 * Every answer from the limiter on carries the X-RateLimit-* headers: returned as `headers`.
 */
const { matchRoute, bearerToken, decode } = require('../gate');
const { API_PREFIX, ROUTES, TEXT } = require('./platform');
const E = require('./envelope');

/** Returns { route, params } or { answer } (Laravel's 404 / 405, outside the envelope). */
function resolveV2Route(prefix, req, path) {
	const parts = path.slice(`${prefix}${API_PREFIX}/`.length).split('/');
	if (parts.some((p) => p === '' || decode(p) === null)) return { answer: E.routeNotFound(req, path) };
	const hit = matchRoute(ROUTES, req.method, parts);
	if (!hit) return { answer: E.routeNotFound(req, path) };
	if (hit.allowed) return { answer: E.methodNotAllowed(req, path, hit.allowed) };
	return { route: hit.route, params: hit.params };
}

/** Laravel's $request->ip() without trusted proxies: the socket's peer (IPv4-mapped shown as IPv4). */
function clientIp(req) {
	const ip = req.socket.remoteAddress || '';
	return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}

const hasScope = (scopes, scope) => scopes.includes('*') || scopes.includes(scope);
const windowSeconds = (config) => Math.max(1, Math.ceil(config.v2WindowMs / 1000));

/**
 * The limiter step for a known, allowed token. Returns { headers } or { answer, headers } (429).
 * An allow-listed token is never counted. `X-RateLimit-Reset` is now + the window, not the
 * window's end, on purpose: the platform's own (wrong) value.
 */
function limit(state, entry, record) {
	if (entry.ipAllowList) {
		return { headers: { 'X-RateLimit-Limit': 'unlimited', 'X-RateLimit-Remaining': 'unlimited', 'X-RateLimit-Whitelisted': 'true' } };
	}
	const now = Date.now();
	const nowSeconds = Math.floor(now / 1000);
	const limited = state.v2.limiter.hit(entry.id, { max: entry.limit, windowMs: state.config.v2WindowMs }, now);
	if (limited) {
		const n = limited.retryAfter;
		state.rateLimited.push({ api: 'v2', at: now, token: entry.token, windowStart: limited.windowStart, retryAfter: n, seq: record.seq });
		const headers = { 'X-RateLimit-Limit': String(entry.limit), 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(nowSeconds + n), 'Retry-After': String(n) };
		return { answer: E.tooManyRequests(n), headers };
	}
	const window = windowSeconds(state.config);
	return {
		headers: {
			'X-RateLimit-Limit': String(entry.limit),
			'X-RateLimit-Remaining': String(Math.max(0, entry.limit - state.v2.limiter.used(entry.id))),
			'X-RateLimit-Reset': String(nowSeconds + window),
			'X-RateLimit-Window': String(window),
		},
	};
}

/** The middleware checks. Returns { answer?, headers, token? }: no answer means go on to the endpoint. */
function checkV2Access(state, req, route, record) {
	const token = bearerToken(req.headers.authorization);
	if (token === null) return { answer: E.error('AUTHENTICATION_REQUIRED', TEXT.authRequired), headers: {} };
	const entry = state.v2.tokens.find(token);
	if (!entry) return { answer: E.error('INVALID_TOKEN', TEXT.invalidToken), headers: {} };
	if (entry.revoked) return { answer: E.error('TOKEN_REVOKED', TEXT.revoked), headers: {} };
	if (entry.expiresAt !== null && entry.expiresAt <= Date.now()) return { answer: E.error('TOKEN_EXPIRED', TEXT.expired), headers: {} };
	const ip = clientIp(req);
	if (entry.ipAllowList && !entry.ipAllowList.includes(ip)) return { answer: E.error('IP_NOT_WHITELISTED', TEXT.ipNotAllowed(ip)), headers: {} };
	entry.lastUsedAt = Date.now();
	entry.lastUsedIp = ip;
	const limited = limit(state, entry, record);
	if (limited.answer) return limited;
	if (!hasScope(entry.scopes, route.scope)) return { answer: E.error('INSUFFICIENT_SCOPE', TEXT.insufficientScope(route.scope)), headers: limited.headers };
	return { headers: limited.headers, token: entry };
}

module.exports = { resolveV2Route, checkV2Access, clientIp };
