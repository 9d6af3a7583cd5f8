/** A plain webhook receiver for the sandbox tests: records what the sandbox posted, answers 200. */
import { createHmac } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
	event: string;
	signature: string | undefined;
	headers: http.IncomingHttpHeaders;
	body: string;
}

/** One receiver per test file; `received` is emptied before each test. */
export function useReceiver() {
	const ref = { url: '', received: [] as Received[] };
	let server: http.Server;
	beforeAll(async () => {
		server = http.createServer((req, res) => {
			let body = '';
			req.on('data', (c) => (body += c));
			req.on('end', () => {
				const signature = req.headers['x-webhook-signature'];
				ref.received.push({ event: String(req.headers['x-webhook-event']), signature: typeof signature === 'string' ? signature : undefined, headers: req.headers, body });
				res.end('ok');
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		ref.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
	});
	afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
	beforeEach(() => {
		ref.received.length = 0;
	});
	return ref;
}

/** The platform's signature, computed here from the body received: lowercase hex HMAC-SHA256. */
export const hmac = (body: string, secret = '123') => createHmac('sha256', secret).update(body).digest('hex');
