/** n8n's Request Options → Proxy: the node declares the option itself (it has execute()), so it must honour it. */
import { startForwardProxy, type ForwardProxy } from '../support/forwardProxy';
import { APIS, jsonOut, sends, startProduct, type Product } from './setup';

describe.each(APIS)('Request Options → Proxy, API %s', (api) => {
	let product: Product;
	let proxy: ForwardProxy;
	beforeAll(async () => {
		product = await startProduct('filesystem', { api });
	});
	afterAll(async () => await product.close());
	beforeEach(() => product.sb.reset());
	afterEach(async () => await proxy?.close());

	it('every request of the run goes through the proxy: the template-list read and the send', async () => {
		proxy = await startForwardProxy();
		const result = await product.send({ requestOptions: { proxy: proxy.url } });
		expect(result.error).toBeUndefined();
		expect(sends(product)).toHaveLength(1);
		expect(proxy.requests.map((r) => [r.method, new URL(r.url).pathname])).toEqual([
			['GET', product.paths.templates],
			['POST', product.paths.sendTemplate],
		]);
		expect(new URL(proxy.requests[1].url).origin).toBe(new URL(product.sb.baseUrl).origin);
		expect(jsonOut(result)[0].messageId).toBe(product.sb.messages[0].wamid);
	});

	it('a proxy with a user and password gets them as Proxy-Authorization', async () => {
		proxy = await startForwardProxy({ auth: { username: 'ops', password: 'p@ss word' } });
		const result = await product.send({ requestOptions: { proxy: proxy.url } });
		expect(result.error).toBeUndefined();
		expect(proxy.requests.map((r) => r.status)).toEqual([200, 200]);
		expect(sends(product)).toHaveLength(1);
	});

	it('without the proxy option nothing goes through it', async () => {
		proxy = await startForwardProxy();
		const result = await product.send({});
		expect(result.error).toBeUndefined();
		expect(sends(product)).toHaveLength(1);
		expect(proxy.requests).toHaveLength(0);
	});

	it('a proxy that asks for a login says so, and nothing was sent', async () => {
		proxy = await startForwardProxy({ auth: { username: 'ops', password: 'secret' } });
		const result = await product.send({ requestOptions: { proxy: `http://127.0.0.1:${proxy.port}` } }, { onError: 'continueRegularOutput' });
		const [out] = jsonOut(result);
		expect(out.error).toBe('The proxy asked for a login (HTTP 407)');
		expect(out.details).toMatchObject({ delivery: 'not sent', description: expect.stringMatching(/http:\/\/user:password@host:port/) });
		expect(product.sb.requests).toHaveLength(0);
	});

	it('host:port without a scheme is an http proxy, not a bypass', async () => {
		proxy = await startForwardProxy();
		const result = await product.send({ requestOptions: { proxy: `127.0.0.1:${proxy.port}` } });
		expect(result.error).toBeUndefined();
		expect(proxy.requests.map((r) => r.method)).toEqual(['GET', 'POST']);
	});

	describe('a value that is no proxy address is refused before any request, without echoing it', () => {
		it.each(['my proxy server', 'socks5://127.0.0.1:1080', 'http://proxy.test:3128/some/path', 'http://:3128'])('%s', async (value) => {
			const input = [{ json: { n: 1 } }, { json: { n: 2 } }];
			const result = await product.send({ requestOptions: { proxy: value } }, { items: input, onError: 'continueRegularOutput' });
			const out = jsonOut(result);
			expect(out).toHaveLength(2);
			expect(result.outputs![0].map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			for (const [i, item] of out.entries()) {
				expect(item.error).toBe(`Request Options → Proxy is not a proxy address [item ${i}]`);
				expect(item.details).toMatchObject({ delivery: 'not sent', description: expect.stringMatching(/^Write it as http:\/\/host:port/) });
				expect(JSON.stringify(item)).not.toContain(value);
			}
			expect(product.sb.requests).toHaveLength(0);
		});

		// Every sending operation, not only Send Template: a proxy it cannot use must not become no proxy.
		it.each([
			['Send Text', { operation: 'sendText', phone: '+49 151 2345678', text: 'Shipped.' }],
			['Send Media', { operation: 'sendMedia', phone: '+49 151 2345678', mediaType: 'image', mediaUrl: 'https://cdn.example.com/p/lamp.png' }],
			['Send Buttons', { operation: 'sendButtons', phone: '+49 151 2345678', bodyText: 'Tomorrow?', buttons: { button: [{ title: 'Yes' }] } }],
		])('%s: each item refused, not sent without the proxy', async (_name, params) => {
			const result = await product.send({ ...params, requestOptions: { proxy: 'my proxy server' } }, { items: [{ json: {} }, { json: {} }], onError: 'continueRegularOutput' });
			const out = jsonOut(result);
			expect(out.map((item) => item.error)).toEqual(['Request Options → Proxy is not a proxy address [item 0]', 'Request Options → Proxy is not a proxy address [item 1]']);
			expect(out.map((item) => (item.details as { delivery?: string }).delivery)).toEqual(['not sent', 'not sent']);
			expect(product.sb.requests).toHaveLength(0);
		});

		it('stops the run when continue-on-fail is off', async () => {
			const result = await product.send({ requestOptions: { proxy: 'http://user:hunter2@' } });
			expect(result.error!.message).toBe('Request Options → Proxy is not a proxy address [item 0]');
			expect(JSON.stringify(result.error)).not.toContain('hunter2');
			expect(product.sb.requests).toHaveLength(0);
		});
	});
});
