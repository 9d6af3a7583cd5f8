'use strict';
/**
 * A plain HTTP forward proxy on loopback, for the tests of n8n's Request Options → Proxy: it
 * takes absolute-form requests (`POST http://host/path`), records them and passes them on to the
 * target unchanged. With `auth`, a request without the right Proxy-Authorization gets a 407.
 */
const http = require('node:http');

async function startForwardProxy({ auth } = {}) {
	const requests = [];
	const expected = auth ? `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` : undefined;
	const server = http.createServer((req, res) => {
		const record = { method: req.method, url: req.url, proxyAuthorization: req.headers['proxy-authorization'], status: 0 };
		requests.push(record);
		if (expected && record.proxyAuthorization !== expected) {
			record.status = 407;
			res.writeHead(407, { 'proxy-authenticate': 'Basic realm="test"' }).end();
			return;
		}
		let target;
		try {
			target = new URL(req.url);
		} catch {
			record.status = 400;
			res.writeHead(400).end('absolute-form request expected');
			return;
		}
		const headers = { ...req.headers };
		delete headers['proxy-authorization'];
		delete headers['proxy-connection'];
		const upstream = http.request(target, { method: req.method, headers }, (answer) => {
			record.status = answer.statusCode;
			res.writeHead(answer.statusCode, answer.headers);
			answer.pipe(res);
		});
		upstream.on('error', () => res.destroy());
		req.pipe(upstream);
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	return {
		port,
		requests,
		/** The Proxy option's value, with the credentials when the proxy asks for them. */
		url: auth ? `http://${encodeURIComponent(auth.username)}:${encodeURIComponent(auth.password)}@127.0.0.1:${port}` : `http://127.0.0.1:${port}`,
		reset: () => requests.splice(0),
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

module.exports = { startForwardProxy };
