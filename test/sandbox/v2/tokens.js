'use strict';
/**
 * The workspace's v2 tokens: `wm_` + 60 letters and digits, each with its own scopes,
 * expiry, revoked flag, IP allow-list and per-minute limit (CONTRACT-v2.md, "Where requests
 * go, and who you are"). The named tokens of TOKEN_SPECS (plus those given to startSandbox)
 * are the start set; reset() restores it, so a test may revoke or add tokens freely.
 */
const crypto = require('node:crypto');
const { SCOPES, TOKEN_SPECS, DEFAULT_LIMIT } = require('./platform');

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const TOKEN_SHAPE = /^wm_[A-Za-z0-9]{60}$/;

function randomToken() {
	const bytes = crypto.randomBytes(60);
	return `wm_${Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('')}`;
}

function toTime(value, what) {
	if (value === null || value === undefined) return null;
	const ms = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : value;
	if (!Number.isFinite(ms)) throw new TypeError(`${what}: expiresAt must be a Date, an ISO string, ms since the epoch, or null`);
	return ms;
}

/** Check a spec (or a change of one) and return its attributes; `what` names the caller. */
function checkSpec(spec, what) {
	if (!spec || typeof spec !== 'object') throw new TypeError(`${what}: a token spec must be an object`);
	const out = {};
	if ('token' in spec && spec.token !== undefined) {
		if (typeof spec.token !== 'string' || !TOKEN_SHAPE.test(spec.token)) throw new TypeError(`${what}: token must be wm_ + 60 letters and digits`);
		out.token = spec.token;
	}
	if ('scopes' in spec) {
		if (!Array.isArray(spec.scopes) || spec.scopes.some((s) => !SCOPES.includes(s))) {
			throw new TypeError(`${what}: scopes must be a list of ${SCOPES.join(', ')}`);
		}
		out.scopes = [...spec.scopes];
	}
	if ('limit' in spec) {
		// The platform allows 1-10000; the sandbox allows more for benches.
		if (!(Number.isInteger(spec.limit) && spec.limit > 0)) throw new TypeError(`${what}: limit must be a positive integer (requests per window)`);
		out.limit = spec.limit;
	}
	if ('expiresAt' in spec) out.expiresAt = toTime(spec.expiresAt, what);
	if ('revoked' in spec) {
		if (typeof spec.revoked !== 'boolean') throw new TypeError(`${what}: revoked must be a boolean`);
		out.revoked = spec.revoked;
	}
	if ('ipAllowList' in spec) {
		const list = spec.ipAllowList;
		if (!(list === null || (Array.isArray(list) && list.every((ip) => typeof ip === 'string')))) {
			throw new TypeError(`${what}: ipAllowList must be null or a list of IP addresses`);
		}
		out.ipAllowList = list && list.length ? [...list] : null;
	}
	return out;
}

class TokenBook {
	/** `given`: startSandbox's v2Tokens: { name: token string | spec }; a name of TOKEN_SPECS is merged over it. */
	constructor(given = {}) {
		const specs = Object.fromEntries(Object.entries(TOKEN_SPECS).map(([name, spec]) => [name, { ...spec }]));
		for (const [name, value] of Object.entries(given)) {
			if (value === undefined || value === '') continue;
			const spec = typeof value === 'string' ? { token: value } : value;
			specs[name] = { ...(specs[name] || { scopes: TOKEN_SPECS.send.scopes }), ...checkSpec(spec, `v2Tokens.${name}`) };
		}
		this.start = Object.entries(specs).map(([name, spec]) => ({ name, ...checkSpec(spec, `v2Tokens.${name}`), token: spec.token || randomToken() }));
		this.names = Object.freeze(Object.fromEntries(this.start.map((s) => [s.name, s.token])));
		this.reset();
	}

	reset() {
		this.entries = [];
		this.byToken = new Map();
		this.nextId = 1;
		for (const spec of this.start) this.create(spec);
	}

	create(spec) {
		if (this.byToken.has(spec.token)) throw new Error('addV2Token: that token exists already');
		const entry = {
			id: this.nextId++,
			name: spec.name ?? null,
			token: spec.token,
			scopes: spec.scopes ?? [...TOKEN_SPECS.send.scopes],
			expiresAt: spec.expiresAt ?? null,
			revoked: spec.revoked ?? false,
			ipAllowList: spec.ipAllowList ?? null,
			limit: spec.limit ?? DEFAULT_LIMIT,
			lastUsedAt: null,
			lastUsedIp: null,
		};
		this.entries.push(entry);
		this.byToken.set(entry.token, entry);
		return entry;
	}

	/** A new token (until reset()); returns its string. */
	add(spec = {}) {
		const checked = checkSpec(spec, 'addV2Token');
		return this.create({ name: typeof spec.name === 'string' ? spec.name : null, ...checked, token: checked.token || randomToken() }).token;
	}

	/** Change a token (by its string or start name) until reset(), as the token page would. */
	update(key, change) {
		const entry = this.byToken.get(key) || this.entries.find((e) => e.name === key && this.names[key] === e.token);
		if (!entry) throw new Error(`updateV2Token: no token ${String(key).slice(0, 8)}...`);
		const checked = checkSpec(change, 'updateV2Token');
		if (checked.token) throw new TypeError('updateV2Token: the token string cannot change');
		Object.assign(entry, checked);
	}

	find(token) {
		return this.byToken.get(token) || null;
	}
}

module.exports = { TokenBook, TOKEN_SHAPE, randomToken };
