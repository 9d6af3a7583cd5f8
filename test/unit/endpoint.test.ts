/**
 * Where the token may go (shared/endpoint.ts, CONTRACT.md "Where requests go"): only under the
 * workspace's API, the Platform URL followed by the API root and the subdomain. The Platform URL
 * is https (loopback or Allow Plain HTTP aside), without user info, query or fragment, may carry a
 * sub-folder, and never the API root itself; the subdomain is one label.
 */
import {
	DEFAULT_PLATFORM_URL,
	HostError,
	isUnderBase,
	normalisePlatformUrl,
	normaliseSubdomain,
} from '../../nodes/WhatsAppTemplates/shared/endpoint';
import { resolveApiBase } from '../../nodes/WhatsAppTemplates/shared/platform';
import { LIST, PATHS } from '../support/wire';
import { PATHS_V2 } from '../support/wireV2';

const WITHOUT_API_ROOT = new RegExp(`without ${PATHS.apiRoot}`);

function hostError(run: () => unknown): HostError {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(HostError);
		return error as HostError;
	}
	throw new Error('expected a HostError, nothing was thrown');
}

describe('normalisePlatformUrl', () => {
	it.each([
		['https://dash.xobito.com', 'https://dash.xobito.com'],
		['https://dash.xobito.com/', 'https://dash.xobito.com'],
		['  HTTPS://Dash.Xobito.COM  ', 'https://dash.xobito.com'],
		['https://example.com/waba', 'https://example.com/waba'],
		['https://example.com/waba/', 'https://example.com/waba'],
		['https://example.com/waba///', 'https://example.com/waba'],
		['https://example.com/a/b', 'https://example.com/a/b'],
		['https://example.com:8443/waba', 'https://example.com:8443/waba'],
		['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
		['http://localhost:8080/prefix', 'http://localhost:8080/prefix'],
		['http://127.8.9.10', 'http://127.8.9.10'],
		['http://[::1]:4010', 'http://[::1]:4010'],
	])('%j → %s', (typed, expected) => {
		expect(normalisePlatformUrl(typed)).toBe(expected);
	});

	it('an empty value means the default, Xobito', () => {
		expect(normalisePlatformUrl('')).toBe(DEFAULT_PLATFORM_URL);
		expect(normalisePlatformUrl(undefined)).toBe(DEFAULT_PLATFORM_URL);
		expect(DEFAULT_PLATFORM_URL).toBe('https://dash.xobito.com');
	});

	it('plain http to another host only with Allow Plain HTTP', () => {
		expect(hostError(() => normalisePlatformUrl('http://intranet.example:8080')).message).toMatch(/plain http:\/\/.*Allow Plain HTTP/);
		expect(normalisePlatformUrl('http://intranet.example:8080/wa', true)).toBe('http://intranet.example:8080/wa');
	});

	it.each([
		['javascript:alert(1)', /must start with https/],
		['file:///etc/passwd', /must start with https/],
		['ftp://example.com', /must start with https/],
		['dash.xobito.com', /is not a URL|must start with https/],
		['https://user:pass@example.com', /user name or password/],
		['https://user@example.com', /user name or password/],
		['https://example.com?x=1', /query \(\?\) or fragment/],
		['https://example.com/?', /query \(\?\) or fragment/],
		['https://example.com#@evil.com', /query \(\?\) or fragment/],
		['https://example.com/#', /query \(\?\) or fragment/],
		['http://127.0.0.1.evil.com', /plain http/],
		['http://localhost.evil.com', /plain http/],
		['https://exаmple.com', /ASCII/],
		['https://exa mple.com', /ASCII/],
		[`https://example.com${PATHS.apiRoot}`, WITHOUT_API_ROOT],
		[`https://example.com${PATHS.apiRoot}/`, WITHOUT_API_ROOT],
		[PATHS.apiBase('https://example.com/waba', 'acme'), WITHOUT_API_ROOT],
	])('refuses %j', (typed, reason) => {
		// Allow Plain HTTP lifts only the plain-http rule: every other refusal stands with it on.
		const allowPlainHttp = !String(reason).includes('plain http');
		const error = hostError(() => normalisePlatformUrl(typed, allowPlainHttp));
		expect(error.field).toBe('Platform URL');
		expect(error.message).toMatch(reason);
	});

	it('a path that merely resembles the API root is a sub-folder', () => {
		expect(normalisePlatformUrl(`https://example.com${PATHS.apiRoot}0`)).toBe(`https://example.com${PATHS.apiRoot}0`);
		expect(normalisePlatformUrl('https://example.com/apiv1')).toBe('https://example.com/apiv1');
	});
});

describe('normaliseSubdomain: one label', () => {
	it.each([
		['acme', 'acme'],
		[' ACME ', 'acme'],
		['acme-2', 'acme-2'],
		['a', 'a'],
		['0', '0'],
		['a'.repeat(63), 'a'.repeat(63)],
	])('%j → %s', (typed, expected) => {
		expect(normaliseSubdomain(typed)).toBe(expected);
	});

	it.each([
		['', 'empty'],
		['acme.evil.com', 'a dot'],
		['acme/..', 'a slash'],
		['..', 'dots only'],
		['acme%2F..', 'an encoded slash'],
		['acme?x=1', 'a query'],
		['acme#x', 'a fragment'],
		['user@acme', 'user info'],
		['acme:80', 'a port'],
		['ac me', 'a space'],
		['acme\r\nHost: evil.com', 'CR/LF'],
		['-acme', 'a leading hyphen'],
		['acme-', 'a trailing hyphen'],
		['acme_1', 'an underscore'],
		['acme\\evil', 'a backslash'],
		['\u0430cme', 'a Cyrillic look-alike'],
		['a'.repeat(64), '64 characters'],
	])('refuses %j (%s)', (typed) => {
		expect(hostError(() => normaliseSubdomain(typed)).field).toBe('Workspace Subdomain');
	});

	it('says what a slug is, without echoing the value (a token pasted there stays out of the error)', () => {
		const error = hostError(() => normaliseSubdomain('acme.evil.com'));
		expect(error.name).toBe('HostError');
		expect(error.message).toBe('Workspace Subdomain is not a workspace slug: use only letters, digits and inner hyphens, up to 63 characters (one word such as "acme", without dots or slashes)');
	});
});

describe('resolveApiBase', () => {
	it('is the Platform URL, the API root and the subdomain, sub-folder kept', () => {
		const base = (baseUrl: string, subdomain: string) => resolveApiBase({ baseUrl, subdomain });
		// PATHS are the test's own statement of the contract.
		expect(base('https://dash.xobito.com', 'acme')).toBe(PATHS.apiBase('https://dash.xobito.com', 'acme'));
		expect(base('https://example.com/waba/', ' Acme ')).toBe(PATHS.apiBase('https://example.com/waba', 'acme'));
		expect(base('', 'acme')).toBe(PATHS.apiBase('https://dash.xobito.com', 'acme'));
		expect(resolveApiBase({ baseUrl: 'http://intranet.example', subdomain: 'acme', allowPlainHttp: true })).toBe(PATHS.apiBase('http://intranet.example', 'acme'));
	});

	it('only a boolean true allows plain http', () => {
		expect(() => resolveApiBase({ baseUrl: 'http://intranet.example', subdomain: 'acme', allowPlainHttp: 'true' })).toThrow(HostError);
	});

	it('each call answers for its own values (the last answer is kept only for the same values)', () => {
		const calls: Array<[Parameters<typeof resolveApiBase>[0], string | typeof HostError]> = [
			[{ baseUrl: 'https://a.example', subdomain: 'acme' }, PATHS.apiBase('https://a.example', 'acme')],
			[{ baseUrl: 'https://a.example', subdomain: 'acme' }, PATHS.apiBase('https://a.example', 'acme')],
			[{ baseUrl: 'https://b.example', subdomain: 'acme' }, PATHS.apiBase('https://b.example', 'acme')],
			[{ baseUrl: 'https://b.example', subdomain: 'other' }, PATHS.apiBase('https://b.example', 'other')],
			[{ baseUrl: 'http://intranet.example', subdomain: 'other', allowPlainHttp: true }, PATHS.apiBase('http://intranet.example', 'other')],
			[{ baseUrl: 'http://intranet.example', subdomain: 'other', allowPlainHttp: false }, HostError],
			[{ baseUrl: 'http://intranet.example', subdomain: 'other', allowPlainHttp: true }, PATHS.apiBase('http://intranet.example', 'other')],
		];
		for (const [credentials, expected] of calls) {
			if (typeof expected === 'string') expect(resolveApiBase(credentials)).toBe(expected);
			else expect(() => resolveApiBase(credentials)).toThrow(expected);
		}
	});

	it('the API generation is part of what the last answer is kept for: v1, v2 and v1 again on the same values', () => {
		const same = { baseUrl: 'https://a.example', subdomain: 'acme', apiToken: `wm_${'a'.repeat(60)}` };
		expect(resolveApiBase({ ...same, apiVersion: 'v1' })).toBe(PATHS.apiBase('https://a.example', 'acme'));
		// v2 has no workspace in the path: the subdomain is not used.
		expect(resolveApiBase({ ...same, apiVersion: 'v2' })).toBe(PATHS_V2.apiBase('https://a.example'));
		expect(resolveApiBase({ ...same, apiVersion: 'v1' })).toBe(PATHS.apiBase('https://a.example', 'acme'));
	});

	it('an empty subdomain on v1 says that v1 needs it and what a v2 token looks like', () => {
		const error = hostError(() => resolveApiBase({ baseUrl: 'https://example.com', subdomain: ' ', apiToken: 'a'.repeat(64) }));
		expect(error.field).toBe('Workspace Subdomain');
		expect(error.message).toMatch(/^Workspace Subdomain is empty, and API v1 needs it: a token that does not start with wm_ is an API v1 token\. Fill in/);
	});

	it('names the credential field at fault', () => {
		expect(hostError(() => resolveApiBase({ baseUrl: 'https://example.com', subdomain: 'a.b' })).field).toBe('Workspace Subdomain');
		expect(hostError(() => resolveApiBase({ baseUrl: 'https://u@example.com', subdomain: 'acme' })).field).toBe('Platform URL');
	});
});

describe('isUnderBase', () => {
	const base = PATHS.apiBase('https://example.com/waba', 'acme');
	const { sendTemplate, templates } = PATHS.route;

	it.each([
		[`${base}/${sendTemplate}`, true],
		[`${base}/${templates}?${new URLSearchParams(LIST.query(undefined, 1))}`, true],
		[`${base}`, false],
		[`${base}-evil/${sendTemplate}`, false],
		[`https://example.com/waba${PATHS.sendTemplate('other')}`, false],
		[`https://example.com${PATHS.sendTemplate('acme')}`, false],
		[`http://example.com/waba${PATHS.templates('acme')}`, false],
		[`https://example.com:444/waba${PATHS.templates('acme')}`, false],
		[`https://evil.com/waba${PATHS.templates('acme')}`, false],
		[`https://example.com@evil.com/waba${PATHS.templates('acme')}`, false],
		[`https://user:pw@example.com/waba${PATHS.templates('acme')}`, false],
		[`${base}/../other/${templates}`, false],
		[`${base}/%2e%2e/other/${templates}`, false],
		['not a url', false],
	])('%s → %s', (target, expected) => {
		expect(isUnderBase(target, base)).toBe(expected);
	});

	it('a base given with trailing slashes is the same base', () => {
		expect(isUnderBase(`${base}/${templates}`, `${base}//`)).toBe(true);
		expect(isUnderBase(`${base}-evil/${templates}`, `${base}//`)).toBe(false);
	});

	it('each call answers for its own target and base (the last answer is kept only for the same pair)', () => {
		const other = PATHS.apiBase('https://example.com/waba', 'other');
		const target = `${base}/${templates}`;
		expect([isUnderBase(target, base), isUnderBase(target, base), isUnderBase(target, other), isUnderBase(`${other}/${templates}`, other), isUnderBase(target, base)]).toEqual([true, true, false, true, true]);
	});
});
