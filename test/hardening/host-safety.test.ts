/**
 * The bearer token goes only under the workspace's API, `{Platform URL}{API root}/{subdomain}/` (CONTRACT.md). Every
 * injection vector in the credential's Platform URL or Workspace Subdomain is refused before any
 * connection is opened: in the node (a NodeOperationError naming the credential field) and in the
 * credential test. "No request" is proven three ways: the sandbox saw nothing, a recording server
 * on loopback (the target of the vectors that point anywhere) saw nothing, and no socket was
 * connected and no host name looked up in this process while the run lasted.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { WhatsAppTemplatesApi } from '../../credentials/WhatsAppTemplatesApi.credentials';
import { credentialTest } from '../engine/harness';
import { jsonOut, startProduct, type Product } from '../product/setup';
import { TEMPLATES } from '../sandbox';
import { PATHS, answers } from '../support/wire';
import { countNetwork } from './network';

let product: Product;
let recorder: http.Server;
let recorderHits: string[] = [];
let R = ''; // host:port of the recorder
beforeAll(async () => {
	product = await startProduct();
	// Answers like the platform: its template list (should the node read it first) and a sent message.
	recorder = http.createServer((req, res) => {
		recorderHits.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
		req.resume();
		const body = req.method === 'GET' ? answers.templatePage(TEMPLATES) : answers.success('wamid.REC');
		res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
	});
	await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
	R = `127.0.0.1:${(recorder.address() as AddressInfo).port}`;
});
afterAll(async () => {
	await product.close();
	await new Promise((resolve) => recorder.close(resolve));
});
beforeEach(() => {
	product.sb.reset();
	recorderHits = [];
});

const TOKEN = 'apitk_host_safety_token_3e7a';
const SUB = 'Workspace Subdomain';
const URL_FIELD = 'Platform URL';
const viaSubdomain = (subdomain: string) => (r: string): IDataObject => ({ baseUrl: `http://${r}`, subdomain, apiToken: TOKEN });
const viaUrl = (baseUrl: (r: string) => string, extra: IDataObject = {}) => (r: string): IDataObject => ({ baseUrl: baseUrl(r), subdomain: 'acme', apiToken: TOKEN, ...extra });

/** [name, credentials (given the recorder's host:port), the credential field the error names] */
const vectors: Array<[string, (r: string) => IDataObject, string]> = [
	['subdomain acme.evil.com', viaSubdomain('acme.evil.com'), SUB],
	['subdomain acme/..', viaSubdomain('acme/..'), SUB],
	['subdomain ../..', viaSubdomain('../..'), SUB],
	['subdomain %2e%2e', viaSubdomain('%2e%2e'), SUB],
	['subdomain acme?x=1', viaSubdomain('acme?x=1'), SUB],
	['subdomain evil.com#', viaSubdomain('evil.com#'), SUB],
	['subdomain user@evil.com', viaSubdomain('user@evil.com'), SUB],
	['subdomain acme:80', viaSubdomain('acme:80'), SUB],
	['subdomain with a Cyrillic а (look-alike)', viaSubdomain('\u0430cme'), SUB],
	['subdomain empty', viaSubdomain(''), SUB],
	['subdomain with a leading dot', viaSubdomain('.acme'), SUB],
	['subdomain with an inner space', viaSubdomain('ac me'), SUB],
	['subdomain with CR/LF', viaSubdomain('acme\r\nHost: evil.com'), SUB],
	['subdomain of 64 characters', viaSubdomain('a'.repeat(64)), SUB],
	['subdomain with a backslash', viaSubdomain('acme\\evil'), SUB],
	['subdomain with a leading hyphen', viaSubdomain('-acme'), SUB],
	['Platform URL javascript:', viaUrl(() => 'javascript:alert(1)'), URL_FIELD],
	['Platform URL file:', viaUrl(() => 'file:///etc/passwd'), URL_FIELD],
	['Platform URL ftp:', viaUrl((r) => `ftp://${r}`), URL_FIELD],
	['Platform URL without a scheme', viaUrl((r) => r), URL_FIELD],
	['Platform URL with user info', viaUrl((r) => `http://user:pass@${r}`), URL_FIELD],
	['Platform URL http://127.0.0.1:PORT@evil.com', viaUrl((r) => `http://${r}@evil.com`), URL_FIELD],
	['Platform URL with a fragment before @', viaUrl((r) => `http://${r}#@evil.com`), URL_FIELD],
	['Platform URL with a query', viaUrl((r) => `http://${r}/?next=https://evil.com`), URL_FIELD],
	['Platform URL with spaces', viaUrl((r) => `http://${r} /x`), URL_FIELD],
	['Platform URL with a look-alike unicode host', viaUrl(() => 'https://ex\u0430mple.com'), URL_FIELD],
	['Platform URL plain http to another host', viaUrl(() => 'http://api.example.com'), URL_FIELD],
	['Platform URL plain http to 127.0.0.1.evil.com', viaUrl(() => 'http://127.0.0.1.evil.com'), URL_FIELD],
	['Platform URL plain http to localhost.evil.com', viaUrl(() => 'http://localhost.evil.com:80'), URL_FIELD],
	['Platform URL with the API root', viaUrl((r) => `http://${r}${PATHS.apiRoot}`), URL_FIELD],
	["Platform URL with the workspace's API path", viaUrl((r) => `${PATHS.apiBase(`http://${r}`, 'acme')}/`), URL_FIELD],
];

describe(`${vectors.length} host injection vectors: refused before any connection`, () => {
	it.each(vectors)('node: %s', async (_name, credentials, field) => {
		const { value: result, connects, lookups } = await countNetwork(() => product.send({}, { credentials: credentials(R) }));
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error!.message).toMatch(new RegExp(`^${field}\\b.* \\[item 0\\]$`, 's'));
		expect(result.error!.description).toMatch(/credential and correct it\. Nothing was sent for this item\.$/);
		expect(product.sb.requests).toHaveLength(0);
		expect(recorderHits).toEqual([]);
		expect(connects).toEqual([]);
		expect(lookups).toEqual([]);
	});

	it.each(vectors)('credential test: %s', async (_name, credentials, field) => {
		const { value: result, connects, lookups } = await countNetwork(() => credentialTest({ credentialType: new WhatsAppTemplatesApi(), credentials: credentials(R) as never }));
		expect(result.status).toBe('Error');
		expect(result.message).toContain(field);
		expect(product.sb.requests).toHaveLength(0);
		expect(recorderHits).toEqual([]);
		expect(connects).toEqual([]);
		expect(lookups).toEqual([]);
	});

	it('with continue-on-fail every item is output as not sent', async () => {
		const result = await product.send({}, { credentials: viaSubdomain('acme.evil.com')(R), onError: 'continueRegularOutput', items: [{ json: {} }, { json: {} }] });
		expect(jsonOut(result)).toEqual(
			[0, 1].map((i) => ({
				error: expect.stringMatching(new RegExp(`^Workspace Subdomain .*\\[item ${i}\\]$`)),
				details: { delivery: 'not sent', itemIndex: i, description: expect.stringMatching(/Nothing was sent/) },
			})),
		);
		expect(recorderHits).toEqual([]);
	});
});

describe("the credential's authenticate() keeps the token under the workspace API", () => {
	const credentials = { baseUrl: 'https://example.com/waba', subdomain: 'acme', apiToken: TOKEN };
	it.each([
		`https://evil.com${PATHS.templates('acme')}`,
		`https://example.com${PATHS.templates('acme')}`,
		`https://example.com/waba${PATHS.templates('other')}`,
		`http://example.com/waba${PATHS.templates('acme')}`,
		`${PATHS.apiBase('https://example.com/waba', 'acme')}/../other/${PATHS.route.templates}`,
	])('refuses a request to %s', async (url) => {
		await expect(new WhatsAppTemplatesApi().authenticate(credentials, { url, method: 'GET' })).rejects.toThrow(/Refused to send the API token/);
	});

	it('a relative request goes under the workspace base, with the token', async () => {
		const options = await new WhatsAppTemplatesApi().authenticate(credentials, { url: PATHS.route.templates, method: 'GET' });
		expect(options.url).toBe(`${PATHS.apiBase('https://example.com/waba', 'acme')}/${PATHS.route.templates}`);
		expect(options.baseURL).toBeUndefined();
		expect(options.headers).toEqual({ Authorization: `Bearer ${TOKEN}` });
	});
});

describe('normalised values are accepted, and the counters do see a real request', () => {
	// (An empty Platform URL means https://dash.xobito.com: test/unit/endpoint.test.ts, no network here.)
	it('a subdomain in upper case with spaces becomes the path segment acme (dry run)', async () => {
		const result = await product.send({ options: { dryRun: true } }, { credentials: { subdomain: '  ACME ' } });
		expect(result.error).toBeUndefined();
		expect((jsonOut(result)[0].request as IDataObject).url).toBe(`${product.sb.baseUrl}${PATHS.sendTemplate('acme')}`);
		expect(product.sb.requests.filter((r) => r.route === 'messages.template')).toEqual([]);
	});

	it('plain http to another host is taken with Allow Plain HTTP on (dry run, template check off: no connection)', async () => {
		const { value: result, connects, lookups } = await countNetwork(() =>
			product.send({ options: { dryRun: true, checkTemplate: false } }, { credentials: { baseUrl: 'http://api.example.com/wa/', allowPlainHttp: true } }),
		);
		expect((jsonOut(result)[0].request as IDataObject).url).toBe(`http://api.example.com/wa${PATHS.sendTemplate(product.sb.subdomain)}`);
		expect([connects, lookups]).toEqual([[], []]);
	});

	it('an upper-case scheme with a trailing slash reaches the recorder, once, with the token', async () => {
		const { value: result, connects } = await countNetwork(() => product.send({}, { credentials: viaUrl((r) => `HTTP://${r}/`)(R) }));
		expect(result.error).toBeUndefined();
		expect(recorderHits.filter((hit) => hit.startsWith('POST'))).toEqual([`POST ${PATHS.sendTemplate('acme')} Bearer ${TOKEN}`]);
		// Anything else it asked (the template list) went under the workspace API with the token too.
		for (const hit of recorderHits) expect(hit).toMatch(new RegExp(`^(POST|GET) ${PATHS.api('acme')}/\\S* Bearer ${TOKEN}$`));
		expect(connects).toHaveLength(recorderHits.length);
	});

	it('the credential test of a valid loopback Platform URL reaches the sandbox', async () => {
		const { value: result, connects } = await countNetwork(() =>
			credentialTest({ credentialType: new WhatsAppTemplatesApi(), credentials: { ...product.credentials, baseUrl: product.sb.baseUrl.toUpperCase() } as never }),
		);
		expect(result.status).toBe('OK');
		expect(product.sb.requests).toHaveLength(1);
		expect(product.sb.requests[0].path).toBe(PATHS.templates(product.sb.subdomain));
		expect(connects).toHaveLength(1);
	});
});
