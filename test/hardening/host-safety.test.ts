/**
 * The bearer token goes only to the host the credential names. Every injection vector in the
 * credential's subdomain, domain or base URL is refused before any connection is opened: in
 * the node (a NodeOperationError naming the credential field) and in the credential test.
 * "No request" is proven three ways: the sandbox saw nothing, a recording server on loopback
 * (the target of the user-info and fragment vectors) saw nothing, and no socket was connected
 * and no host name looked up in this process while the run lasted.
 */
import dns from 'node:dns';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { WhatsAppTemplatesApi } from '../../credentials/WhatsAppTemplatesApi.credentials';
import { credentialTest } from '../engine/harness';
import { jsonOut, startProduct, type Product } from '../product/setup';

let product: Product;
let recorder: http.Server;
let recorderHits: string[] = [];
let R = ''; // host:port of the recorder
beforeAll(async () => {
	product = await startProduct();
	recorder = http.createServer((req, res) => {
		recorderHits.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
		res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"success"}');
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

/** Counts outgoing connections and DNS look-ups made while `run` runs. */
async function countNetwork<T>(run: () => Promise<T>): Promise<{ value: T; connects: string[]; lookups: string[] }> {
	const connects: string[] = [];
	const lookups: string[] = [];
	const connect = jest.spyOn(net.Socket.prototype, 'connect').mockImplementation(function (this: net.Socket, ...args: unknown[]) {
		connects.push(JSON.stringify(args[0]));
		return originalConnect.apply(this, args as never);
	});
	const lookup = jest.spyOn(dns, 'lookup').mockImplementation(((...args: unknown[]) => {
		lookups.push(String(args[0]));
		return (originalLookup as (...a: unknown[]) => unknown)(...args);
	}) as never);
	try {
		return { value: await run(), connects, lookups };
	} finally {
		connect.mockRestore();
		lookup.mockRestore();
	}
}
const originalConnect = net.Socket.prototype.connect;
const originalLookup = dns.lookup;

const TOKEN = 'apitk_host_safety_token_3e7a';
const viaParts = (subdomain: string, domain = 'example.com'): IDataObject => ({ baseUrl: '', subdomain, domain, apiToken: TOKEN });
const viaBase = (baseUrl: string, extra: IDataObject = {}): IDataObject => ({ baseUrl, subdomain: '', domain: '', apiToken: TOKEN, ...extra });

/** [name, credentials (given the recorder's host:port), the credential field the error names] */
const vectors: Array<[string, (r: string) => IDataObject, string]> = [
	['subdomain acme.evil.com', () => viaParts('acme.evil.com'), 'Workspace Subdomain'],
	['subdomain acme/..', () => viaParts('acme/..'), 'Workspace Subdomain'],
	['subdomain evil.com#', () => viaParts('evil.com#'), 'Workspace Subdomain'],
	['subdomain user@evil.com', () => viaParts('user@evil.com'), 'Workspace Subdomain'],
	['subdomain acme:80', () => viaParts('acme:80'), 'Workspace Subdomain'],
	['subdomain with a Cyrillic а (look-alike)', () => viaParts('\u0430cme'), 'Workspace Subdomain'],
	['subdomain empty', () => viaParts(''), 'Workspace Subdomain'],
	['subdomain with a leading dot', () => viaParts('.acme'), 'Workspace Subdomain'],
	['subdomain with a trailing dot', () => viaParts('acme.'), 'Workspace Subdomain'],
	['subdomain with an inner space', () => viaParts('ac me'), 'Workspace Subdomain'],
	['subdomain with CR/LF', () => viaParts('acme\r\nHost: evil.com'), 'Workspace Subdomain'],
	['subdomain of 64 characters', () => viaParts('a'.repeat(64)), 'Workspace Subdomain'],
	['subdomain with a backslash', () => viaParts('evil.com\\'), 'Workspace Subdomain'],
	['subdomain with a leading hyphen', () => viaParts('-acme'), 'Workspace Subdomain'],
	['domain evil.com/x', () => viaParts('acme', 'evil.com/x'), 'Platform Domain'],
	['domain with a port', () => viaParts('acme', 'example.com:443'), 'Platform Domain'],
	['domain with a leading dot', () => viaParts('acme', '.example.com'), 'Platform Domain'],
	['domain with a trailing dot', () => viaParts('acme', 'example.com.'), 'Platform Domain'],
	['domain with a Cyrillic а (look-alike)', () => viaParts('acme', 'ex\u0430mple.com'), 'Platform Domain'],
	['domain evil.com#.example.com', () => viaParts('acme', 'evil.com#.example.com'), 'Platform Domain'],
	['domain with user info', (r) => viaParts('acme', `user@${r}`), 'Platform Domain'],
	['domain with a scheme', () => viaParts('acme', 'https://example.com'), 'Platform Domain'],
	['domain of one label', () => viaParts('acme', 'localhost'), 'Platform Domain'],
	['domain an IP address', () => viaParts('acme', '127.0.0.1'), 'Platform Domain'],
	['domain empty', () => viaParts('acme', ''), 'Platform Domain'],
	['base URL javascript:', () => viaBase('javascript:alert(1)'), 'Base URL Override'],
	['base URL file:', () => viaBase('file:///etc/passwd'), 'Base URL Override'],
	['base URL ftp:', (r) => viaBase(`ftp://${r}`), 'Base URL Override'],
	['base URL without a scheme', (r) => viaBase(r), 'Base URL Override'],
	['base URL with user info', (r) => viaBase(`http://user:pass@${r}`), 'Base URL Override'],
	['base URL http://127.0.0.1:PORT@evil.com', (r) => viaBase(`http://${r}@evil.com`), 'Base URL Override'],
	['base URL with a fragment before @', (r) => viaBase(`http://${r}#@evil.com`), 'Base URL Override'],
	['base URL with a query', (r) => viaBase(`http://${r}/?next=https://evil.com`), 'Base URL Override'],
	['base URL with spaces', (r) => viaBase(`http://${r} /x`), 'Base URL Override'],
	['base URL with a look-alike unicode host', () => viaBase('https://ex\u0430mple.com'), 'Base URL Override'],
	['base URL plain http to another host', () => viaBase('http://api.example.com'), 'Base URL Override'],
	['base URL plain http to 127.0.0.1.evil.com', () => viaBase('http://127.0.0.1.evil.com'), 'Base URL Override'],
	['base URL plain http to localhost.evil.com', () => viaBase('http://localhost.evil.com:80'), 'Base URL Override'],
	['base URL only spaces (then subdomain and domain are empty)', () => viaBase('   '), 'Workspace Subdomain'],
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
		const { value: result, connects, lookups } = await countNetwork(() =>
			credentialTest({ credentialType: new WhatsAppTemplatesApi(), credentials: credentials(R) as never }),
		);
		expect(result.status).toBe('Error');
		expect(result.message).toContain(field);
		expect(product.sb.requests).toHaveLength(0);
		expect(recorderHits).toEqual([]);
		expect(connects).toEqual([]);
		expect(lookups).toEqual([]);
	});

	it('with continue-on-fail every item is output as not sent', async () => {
		const result = await product.send({}, { credentials: viaParts('acme.evil.com'), onError: 'continueRegularOutput', items: [{ json: {} }, { json: {} }] });
		expect(jsonOut(result)).toEqual([0, 1].map((i) => ({
			error: expect.stringMatching(new RegExp(`^Workspace Subdomain .*\\[item ${i}\\]$`)),
			details: { delivery: 'not sent', itemIndex: i, description: expect.stringMatching(/Nothing was sent/) },
		})));
		expect(product.sb.requests).toHaveLength(0);
	});
});

describe('normalised values are accepted, and the counters do see a real request', () => {
	it('subdomain and domain in upper case with spaces become https://acme.example.com (dry run)', async () => {
		const { value: result, connects } = await countNetwork(() =>
			product.send({ options: { dryRun: true } }, { credentials: viaParts('  ACME ', 'Example.COM') }),
		);
		expect(result.error).toBeUndefined();
		expect((jsonOut(result)[0].request as IDataObject).url).toBe('https://acme.example.com/api/v1/messages/send');
		expect(connects).toEqual([]);
	});

	it('plain http to another host with Allow Plain HTTP on (dry run)', async () => {
		const result = await product.send({ options: { dryRun: true } }, { credentials: viaBase('http://api.example.com/wa/', { allowPlainHttp: true }) });
		expect((jsonOut(result)[0].request as IDataObject).url).toBe('http://api.example.com/wa/api/v1/messages/send');
	});

	it('an upper-case scheme with a trailing slash reaches the recorder, once, with the token', async () => {
		const { value: result, connects } = await countNetwork(() => product.send({}, { credentials: viaBase(`HTTP://${R}/`) }));
		expect(result.error).toBeUndefined();
		expect(recorderHits).toEqual([`POST /api/v1/messages/send Bearer ${TOKEN}`]);
		expect(connects).toHaveLength(1);
	});

	it('the credential test of a valid loopback base URL reaches the sandbox', async () => {
		const { value: result, connects } = await countNetwork(() =>
			credentialTest({ credentialType: new WhatsAppTemplatesApi(), credentials: { ...viaBase(product.sb.baseUrl.toUpperCase()), apiToken: product.sb.tokens.send } }),
		);
		expect(result.status).toBe('OK');
		expect(product.sb.requests).toHaveLength(1);
		expect(connects).toHaveLength(1);
	});
});
