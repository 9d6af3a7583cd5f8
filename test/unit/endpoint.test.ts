import { isUnderBase, resolveBaseUrl } from '../../nodes/WhatsAppTemplates/api/endpoint';

describe('resolveBaseUrl: where the token may go', () => {
	it('builds https://{subdomain}.{domain}, normalising case and surrounding spaces', () => {
		expect(resolveBaseUrl({ subdomain: 'acme', domain: 'example.com' })).toBe('https://acme.example.com');
		expect(resolveBaseUrl({ subdomain: ' ACME ', domain: 'Example.COM' })).toBe('https://acme.example.com');
		expect(resolveBaseUrl({ subdomain: 'acme-2', domain: 'chat.example.co.uk' })).toBe('https://acme-2.chat.example.co.uk');
	});

	it('prefers the override, keeps a path prefix, drops a trailing slash', () => {
		expect(resolveBaseUrl({ subdomain: 'x', domain: 'y.com', baseUrl: 'http://127.0.0.1:4010/' })).toBe('http://127.0.0.1:4010');
		expect(resolveBaseUrl({ baseUrl: 'https://proxy.example.com/whatsapp/' })).toBe('https://proxy.example.com/whatsapp');
		expect(resolveBaseUrl({ baseUrl: 'http://localhost:8080' })).toBe('http://localhost:8080');
		expect(resolveBaseUrl({ baseUrl: 'http://intranet.local:8080', allowPlainHttp: true })).toBe('http://intranet.local:8080');
	});

	const hostVectors: Array<[string, Record<string, unknown>, RegExp]> = [
		['subdomain with a dot', { subdomain: 'acme.evil.com', domain: 'example.com' }, /Workspace Subdomain/],
		['subdomain with a path', { subdomain: 'acme/..', domain: 'example.com' }, /Workspace Subdomain/],
		['subdomain with a fragment', { subdomain: 'evil.com#', domain: 'example.com' }, /Workspace Subdomain/],
		['subdomain with user info', { subdomain: 'user@evil.com', domain: 'example.com' }, /Workspace Subdomain/],
		['subdomain with a port', { subdomain: 'acme:80', domain: 'example.com' }, /Workspace Subdomain/],
		['look-alike unicode subdomain', { subdomain: 'аcme', domain: 'example.com' }, /ASCII/],
		['empty subdomain', { subdomain: '', domain: 'example.com' }, /Workspace Subdomain/],
		['subdomain with inner space', { subdomain: 'ac me', domain: 'example.com' }, /Workspace Subdomain/],
		['subdomain with a leading hyphen', { subdomain: '-acme', domain: 'example.com' }, /Workspace Subdomain/],
		['subdomain with a backslash', { subdomain: 'acme\\evil', domain: 'example.com' }, /Workspace Subdomain/],
		['domain with a leading dot', { subdomain: 'acme', domain: '.example.com' }, /Platform Domain/],
		['domain with a trailing dot', { subdomain: 'acme', domain: 'example.com.' }, /Platform Domain/],
		['domain with a scheme', { subdomain: 'acme', domain: 'https://example.com' }, /Platform Domain/],
		['domain with a path', { subdomain: 'acme', domain: 'example.com/evil' }, /Platform Domain/],
		['domain with a fragment', { subdomain: 'acme', domain: 'evil.com#.example.com' }, /Platform Domain/],
		['domain with user info', { subdomain: 'acme', domain: 'user@evil.com' }, /Platform Domain/],
		['domain with a port', { subdomain: 'acme', domain: 'example.com:8080' }, /Platform Domain/],
		['single-label domain', { subdomain: 'acme', domain: 'localhost' }, /Platform Domain/],
		['look-alike unicode domain', { subdomain: 'acme', domain: 'exаmple.com' }, /ASCII/],
		['empty domain', { subdomain: 'acme', domain: '' }, /Platform Domain/],
		['domain with a space', { subdomain: 'acme', domain: 'exa mple.com' }, /ASCII/],
		['javascript: base URL', { baseUrl: 'javascript:alert(1)' }, /must start with https/],
		['file: base URL', { baseUrl: 'file:///etc/passwd' }, /must start with https/],
		['base URL with user info', { baseUrl: 'https://user:pass@evil.com' }, /user name or password/],
		['base URL with a fragment', { baseUrl: 'https://api.example.com#@evil.com' }, /fragment/],
		['base URL with a query', { baseUrl: 'https://api.example.com?x=1' }, /query/],
		['base URL that is not a URL', { baseUrl: 'api.example.com' }, /is not a URL/],
		['plain http to a remote host', { baseUrl: 'http://api.example.com' }, /plain http/],
		['unicode base URL host', { baseUrl: 'https://аpi.example.com' }, /ASCII/],
		['base URL with a space', { baseUrl: 'https://api.exa mple.com' }, /ASCII/],
	];

	it.each(hostVectors)('refuses %s', (_name, credentials, reason) => {
		expect(() => resolveBaseUrl(credentials)).toThrow(reason);
	});
});

describe('isUnderBase', () => {
	it('accepts only URLs on the same origin under the base path', () => {
		expect(isUnderBase('https://acme.example.com/api/v1/messages/send', 'https://acme.example.com')).toBe(true);
		expect(isUnderBase('https://proxy.example.com/wa/api/v1/x', 'https://proxy.example.com/wa')).toBe(true);
		expect(isUnderBase('https://proxy.example.com/other', 'https://proxy.example.com/wa')).toBe(false);
		expect(isUnderBase('https://proxy.example.com/wafer', 'https://proxy.example.com/wa')).toBe(false);
		expect(isUnderBase('https://evil.com/api', 'https://acme.example.com')).toBe(false);
		expect(isUnderBase('http://acme.example.com/api', 'https://acme.example.com')).toBe(false);
		expect(isUnderBase('https://acme.example.com@evil.com/api', 'https://acme.example.com')).toBe(false);
		expect(isUnderBase('not a url', 'https://acme.example.com')).toBe(false);
	});
});
