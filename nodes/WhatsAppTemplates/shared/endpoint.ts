/**
 * Where the bearer token may go: only under the API base, `{platform URL}/{API root}/` and, where
 * the API has the workspace in its path, `{subdomain}/`. It is built here from the credential, and
 * anything that could point it elsewhere is refused before a request is made.
 */
import { V2_TOKEN_PREFIX } from './platform/choice';
import type { ApiRoot } from './platform/types';
import { API as V1_API } from './platform/v1/routes';
import { API as V2_API } from './platform/v2/routes';

/** Every API root: a Platform URL must not contain one. */
const API_ROOTS = [V1_API.root, V2_API.root];

export interface EndpointCredentials {
	baseUrl?: unknown;
	subdomain?: unknown;
	allowPlainHttp?: unknown;
}

export const DEFAULT_PLATFORM_URL = 'https://dash.xobito.com';

/** A credential value that cannot name a safe address. `field` is the credential field's label. */
export class HostError extends Error {
	constructor(
		readonly field: string,
		message: string,
	) {
		super(message);
		this.name = 'HostError';
	}
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const PLATFORM_URL = 'Platform URL';
const SUBDOMAIN = 'Workspace Subdomain';

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

/** Rejects anything but printable ASCII: look-alike unicode never becomes a host or a path. */
function assertAscii(field: string, value: string): void {
	if (!/^[\x21-\x7e]*$/.test(value)) {
		throw new HostError(field, `${field} may contain only ASCII letters, digits and punctuation, without spaces`);
	}
}

/** The workspace's slug: one label of lowercase letters, digits and inner hyphens. */
export function normaliseSubdomain(value: unknown): string {
	const label = text(value).toLowerCase();
	if (label === '') {
		throw new HostError(
			SUBDOMAIN,
			`${SUBDOMAIN} is empty, and API v1 needs it: a token that does not start with ${V2_TOKEN_PREFIX} is an API v1 token. Fill in your workspace's short name (e.g. "acme"), or use an API v2 token (${V2_TOKEN_PREFIX}…) with API Version Auto or v2`,
		);
	}
	assertAscii(SUBDOMAIN, label);
	if (!LABEL.test(label)) {
		throw new HostError(
			SUBDOMAIN,
			// The value is not echoed: a token pasted into the wrong field must not end up in an error.
			`${SUBDOMAIN} is not a workspace slug: use only letters, digits and inner hyphens, up to 63 characters (one word such as "acme", without dots or slashes)`,
		);
	}
	return label;
}

function isLoopback(hostname: string): boolean {
	return LOOPBACK_HOSTS.has(hostname) || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

/** The operator's app URL: https (or loopback / allowed plain http), no user info, query or fragment; a path prefix is kept. */
export function normalisePlatformUrl(value: unknown, allowPlainHttp = false): string {
	const raw = text(value) || DEFAULT_PLATFORM_URL;
	assertAscii(PLATFORM_URL, raw);
	if (!URL.canParse(raw)) {
		throw new HostError(PLATFORM_URL, `${PLATFORM_URL} is not a URL: give it like ${DEFAULT_PLATFORM_URL}`);
	}
	const url = new URL(raw);
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new HostError(PLATFORM_URL, `${PLATFORM_URL} must start with https:// (got "${url.protocol}")`);
	}
	if (url.username || url.password) {
		throw new HostError(PLATFORM_URL, `${PLATFORM_URL} must not contain a user name or password: the API token is the only credential sent`);
	}
	if (url.search || url.hash || raw.includes('#') || raw.includes('?')) {
		throw new HostError(PLATFORM_URL, `${PLATFORM_URL} must not contain a query (?) or fragment (#)`);
	}
	if (url.protocol === 'http:' && !isLoopback(url.hostname) && !allowPlainHttp) {
		throw new HostError(
			PLATFORM_URL,
			`${PLATFORM_URL} uses plain http:// to a host that is not this machine; the token would travel unencrypted. Use https://, or turn on "Allow Plain HTTP" if this network is trusted`,
		);
	}
	const path = url.pathname.replace(/\/+$/, '');
	const root = API_ROOTS.find((r) => `${path}/`.includes(`/${r}/`));
	if (root) {
		throw new HostError(PLATFORM_URL, `${PLATFORM_URL} must be the platform's address without /${root}/…, e.g. ${DEFAULT_PLATFORM_URL}`);
	}
	return `${url.origin}${path}`;
}

// The credential's authenticate() runs for every request of a run with the same values: the last
// answer of each function below is kept (both are pure; a throw is not kept and comes again).
let lastBase: { baseUrl: unknown; subdomain: unknown; allowPlainHttp: boolean; api: ApiRoot; base: string } | undefined;
let lastCheck: { target: string; base: string; under: boolean } | undefined;

/** The API base, `{platform URL}/{root}` (`/{subdomain}` where the API has it), without a trailing slash. */
export function apiBase(credentials: EndpointCredentials, api: ApiRoot): string {
	const { baseUrl, subdomain } = credentials;
	const allowPlainHttp = credentials.allowPlainHttp === true;
	if (lastBase && lastBase.baseUrl === baseUrl && lastBase.subdomain === subdomain && lastBase.allowPlainHttp === allowPlainHttp && lastBase.api === api) {
		return lastBase.base;
	}
	const platform = normalisePlatformUrl(baseUrl, allowPlainHttp);
	const workspace = api.workspaceInPath ? `/${encodeURIComponent(normaliseSubdomain(subdomain))}` : '';
	const base = `${platform}/${api.root}${workspace}`;
	lastBase = { baseUrl, subdomain, allowPlainHttp, api, base };
	return base;
}


/** True when `target` lies strictly under `base` (same origin, path below the base path, no user info). */
export function isUnderBase(target: string, base: string): boolean {
	if (lastCheck && lastCheck.target === target && lastCheck.base === base) return lastCheck.under;
	const under = checkUnderBase(target, base);
	lastCheck = { target, base, under };
	return under;
}

function checkUnderBase(target: string, base: string): boolean {
	if (!URL.canParse(target)) return false;
	const parsed = new URL(target);
	const baseUrl = new URL(base);
	const basePath = baseUrl.pathname.replace(/\/+$/, '');
	return (
		parsed.origin === baseUrl.origin &&
		!parsed.username &&
		!parsed.password &&
		parsed.pathname.startsWith(`${basePath}/`)
	);
}
