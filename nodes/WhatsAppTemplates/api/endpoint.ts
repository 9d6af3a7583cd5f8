/**
 * Where the bearer token may go. Every request's base URL is built here from the credential, and
 * anything that could point it at another host is refused before a request is made.
 */

export interface EndpointCredentials {
	subdomain?: unknown;
	domain?: unknown;
	baseUrl?: unknown;
	allowPlainHttp?: unknown;
}

/** A credential value that cannot name a safe host. `field` is the credential field's label. */
export class HostError extends Error {
	constructor(
		readonly field: string,
		message: string,
	) {
		super(message);
		this.name = 'HostError';
	}
}

const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

/** Rejects anything but printable ASCII: look-alike unicode never becomes a host. */
function assertAscii(field: string, value: string): void {
	if (!/^[\x21-\x7e]*$/.test(value)) {
		throw new HostError(field, `${field} may contain only ASCII letters, digits and punctuation, without spaces`);
	}
}

export function normaliseSubdomain(value: unknown): string {
	const label = text(value).toLowerCase();
	assertAscii('Workspace Subdomain', label);
	if (!DNS_LABEL.test(label)) {
		throw new HostError(
			'Workspace Subdomain',
			`Workspace Subdomain "${label}" is not a single DNS label: use only letters, digits and inner hyphens, e.g. "acme" for acme.example.com`,
		);
	}
	return label;
}

export function normaliseDomain(value: unknown): string {
	const host = text(value).toLowerCase();
	assertAscii('Platform Domain', host);
	const labels = host.split('.');
	if (host.length > 253 || labels.length < 2 || !labels.every((label) => DNS_LABEL.test(label)) || /^\d+$/.test(labels[labels.length - 1])) {
		throw new HostError(
			'Platform Domain',
			`Platform Domain "${host}" is not a host name: give only the domain, e.g. "example.com", without scheme, path, port or dots at either end`,
		);
	}
	return host;
}

function isLoopback(hostname: string): boolean {
	return LOOPBACK_HOSTS.has(hostname) || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

export function normaliseBaseUrlOverride(value: unknown, allowPlainHttp = false): string {
	const field = 'Base URL Override';
	const raw = text(value);
	assertAscii(field, raw);
	if (!URL.canParse(raw)) {
		throw new HostError(field, `${field} "${raw}" is not a URL: give it like https://api.example.com`);
	}
	const url = new URL(raw);
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new HostError(field, `${field} must start with https:// (got "${url.protocol}")`);
	}
	if (url.username || url.password) {
		throw new HostError(field, `${field} must not contain a user name or password: the API token is the only credential sent`);
	}
	if (url.search || url.hash || raw.includes('#') || raw.includes('?')) {
		throw new HostError(field, `${field} must not contain a query (?) or fragment (#)`);
	}
	if (url.protocol === 'http:' && !isLoopback(url.hostname) && !allowPlainHttp) {
		throw new HostError(
			field,
			`${field} uses plain http:// to a host that is not this machine; the token would travel unencrypted. Use https://, or turn on "Allow Plain HTTP" if this network is trusted`,
		);
	}
	return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The API's base URL for a credential: the override when given, else https://{subdomain}.{domain}. */
export function resolveBaseUrl(credentials: EndpointCredentials): string {
	if (text(credentials.baseUrl) !== '') {
		return normaliseBaseUrlOverride(credentials.baseUrl, credentials.allowPlainHttp === true);
	}
	return `https://${normaliseSubdomain(credentials.subdomain)}.${normaliseDomain(credentials.domain)}`;
}

/** True when `target` lies under `base` (same origin, path inside the base path). */
export function isUnderBase(target: string, base: string): boolean {
	if (!URL.canParse(target)) return false;
	const parsed = new URL(target);
	const baseUrl = new URL(base);
	const basePath = baseUrl.pathname.replace(/\/+$/, '');
	return (
		parsed.origin === baseUrl.origin &&
		!parsed.username &&
		!parsed.password &&
		(parsed.pathname === basePath || parsed.pathname.startsWith(`${basePath}/`))
	);
}
