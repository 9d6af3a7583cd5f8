/**
 * A redirect is never followed with the token. A web server or proxy in front of the platform may
 * answer any request with a 3xx (http → https, a moved host); n8n's HTTP client follows redirects
 * and, unless told otherwise, sends the Authorization header along, to any host. Every request the
 * node and its credential make is answered 301, 302, 307 and 308, pointing to the same host (under
 * the API base: the token's own address, so the request would be repeated there) and to another
 * host (127.0.0.2, which records whatever reaches it). Neither target may see a request, and the
 * user reads what happened and what to do.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { INodeListSearchResult, ResourceMapperFields } from 'n8n-workflow';

import { WhatsAppTemplatesApi } from '../../credentials/WhatsAppTemplatesApi.credentials';
import { WhatsAppTemplates } from '../../nodes/WhatsAppTemplates/WhatsAppTemplates.node';
import { callNodeMethod, credentialTest, type RunNodeResult } from '../engine/harness';
import type { RedirectStatus, RouteName } from '../sandbox';
import { PATHS } from '../support/wire';
import { TYPE_NAME, startProduct, type Product } from '../product/setup';

interface Reached {
	method?: string;
	url?: string;
	authorization?: string;
}

let product: Product;
let elsewhere: http.Server;
const reachedElsewhere: Reached[] = [];
beforeAll(async () => {
	product = await startProduct();
	elsewhere = http.createServer((req, res) => {
		reachedElsewhere.push({ method: req.method, url: req.url, authorization: req.headers.authorization });
		req.resume();
		res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"success","data":[]}');
	});
	await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.2', resolve));
});
afterAll(async () => {
	await new Promise<void>((resolve) => elsewhere.close(() => resolve()));
	await product.close();
});
beforeEach(() => {
	product.sb.reset();
	reachedElsewhere.length = 0;
});

const MOVED_PATH = () => `${PATHS.templates(product.sb.subdomain).replace(/templates$/, '')}moved`;
const TARGETS: Array<[string, () => string]> = [
	['the same host, under the API base', () => `${product.sb.baseUrl}${MOVED_PATH()}`],
	['another host', () => `http://127.0.0.2:${(elsewhere.address() as AddressInfo).port}${MOVED_PATH()}`],
];

/** What the user is shown, as text. */
const errorText = (result: RunNodeResult) => `${result.error?.message} ${String(result.error?.description)}`;
const hintText = (result: RunNodeResult) => (result.runData[result.nodeName]?.[0]?.hints ?? []).map((hint) => hint.message).join(' ');
const picker = async <T>(method: 'searchTemplates' | 'getTemplateFields') =>
	await callNodeMethod<T>({
		nodeType: new WhatsAppTemplates(),
		typeName: TYPE_NAME,
		credentialTypes: [new WhatsAppTemplatesApi()],
		credentials: { whatsAppTemplatesApi: product.credentials as never },
		parameters: { resource: 'message', operation: 'sendTemplate', templateSource: 'fromList', template: { __rl: true, mode: 'list', value: 'order_update|en' } },
		kind: method === 'searchTemplates' ? 'listSearch' : 'resourceMapping',
		method,
		args: method === 'searchTemplates' ? [undefined] : [],
	}).then(
		() => 'no error',
		(error: Error) => error.message,
	);

interface Request {
	name: string;
	route: RouteName;
	/** Runs it; returns what the user reads. */
	run: () => Promise<string>;
	/** The words that must be there (beyond "redirect", the status and the target). */
	says: RegExp;
	/** Requests that reach the platform in all: the redirected one, and a send the failed check does not stop. */
	requests: RouteName[];
	/** The credential test's messages are fixed texts (n8n's rules by status): they cannot name the Location. */
	namesLocation?: false;
}

const REQUESTS: Request[] = [
	{
		name: 'the send',
		route: 'messages.template',
		run: async () => errorText(await product.send({ options: { checkTemplate: false } })),
		says: /Platform URL.*Nothing was sent\..*Not sent: items 0\./,
		requests: ['messages.template'],
	},
	{
		name: "the check's template list (the send goes on without the check)",
		route: 'templates.list',
		run: async () => {
			const result = await product.send({});
			expect(result.error).toBeUndefined();
			return hintText(result);
		},
		says: /^Templates were not checked before sending: the template list could not be read \(a redirect/,
		requests: ['templates.list', 'messages.template'],
	},
	{
		name: 'Template → Get Many',
		route: 'templates.list',
		run: async () => errorText(await product.send({ resource: 'template', operation: 'getMany', returnAll: true })),
		says: /Platform URL/,
		requests: ['templates.list'],
	},
	{ name: 'the template picker', route: 'templates.list', run: () => picker<INodeListSearchResult>('searchTemplates'), says: /^Could not list the templates: .*Platform URL/, requests: ['templates.list'] },
	{ name: "the picked template's fields", route: 'templates.list', run: () => picker<ResourceMapperFields>('getTemplateFields'), says: /^Could not list the templates: .*Platform URL/, requests: ['templates.list'] },
	{
		name: "the credential's Test button",
		route: 'templates.list',
		run: async () => {
			const result = await credentialTest({ credentialType: new WhatsAppTemplatesApi(), credentials: product.credentials as never });
			return `${result.status}: ${result.message}`;
		},
		says: /^Error: The platform answered with a redirect .*not followed: the API token is sent only to the Platform URL\. If the platform moved .*Platform URL/,
		requests: ['templates.list'],
		namesLocation: false,
	},
];

const STATUSES: RedirectStatus[] = [301, 302, 307, 308];
const CASES = REQUESTS.flatMap((request) => STATUSES.flatMap((status) => TARGETS.map(([where, target]) => ({ ...request, status, where, target }))));

describe.each(REQUESTS.map((r) => r.name))('%s', (name) => {
	it.each(CASES.filter((c) => c.name === name).map((c) => [c.status, c.where, c] as const))('HTTP %i to %s: not followed, explained', async (status, _where, c) => {
		const location = c.target();
		product.sb.injectFault({ kind: 'redirect', status, location, match: { route: c.route } });
		const said = await c.run();

		// The redirected request reached the platform's address once, with the token; nothing else did.
		expect(product.sb.requests.map((r) => [r.route, r.fault])).toEqual(c.requests.map((route) => [route, route === c.route ? 'redirect' : null]));
		for (const request of product.sb.requests) expect(request.authorization).toBe(`Bearer ${product.sb.tokens.send}`);
		expect(product.sb.requests.filter((r) => r.path === MOVED_PATH())).toEqual([]);
		expect(reachedElsewhere).toEqual([]);
		if (c.route === 'messages.template') expect(product.sb.messages).toHaveLength(0);

		expect(said).toMatch(new RegExp(`redirect \\(HTTP ${status}\\b`));
		if (c.namesLocation !== false) expect(said).toContain(`to ${location}`);
		expect(said).toMatch(/not follow/);
		expect(said).toMatch(c.says);
		expect(said).not.toContain(product.sb.tokens.send);
	});
});

it('the other host does record what reaches it (so its silence above means something)', async () => {
	const target = TARGETS[1][1]();
	await fetch(target, { headers: { Authorization: 'Bearer probe' } });
	expect(reachedElsewhere).toEqual([{ method: 'GET', url: MOVED_PATH(), authorization: 'Bearer probe' }]);
});
