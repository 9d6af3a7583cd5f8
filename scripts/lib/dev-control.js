'use strict';
/*
 * `npm run dev`'s control route: what a customer does on the platform's side, on demand. The
 * sandbox's platform routes stay the platform's; this is a separate server of the dev process, on
 * loopback only (DEV_CONTROL_PORT, default 4011):
 *
 *   POST /inbound  {"from": "447700900123", "name": "Alan", "text": "Please send the invoice"}
 *     the customer writes: the sandbox opens their 24-hour window and posts the signed inbound
 *     message to its configured webhook (sb.emitReceivedMessage); the answer is n8n's reply to
 *     that post: {"event", "status", "response"}.
 *
 * The screenshots post through it too, so that a running `npm run dev` and one they start
 * themselves are driven the same way.
 */
const http = require('node:http');

const CONTROL_PORT = Number(process.env.DEV_CONTROL_PORT || 4011);
const MAX_BODY = 64 * 1024;

function answer(res, status, body) {
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify(body) + '\n');
}

async function readJson(req) {
	let text = '';
	for await (const chunk of req) {
		text += chunk;
		if (text.length > MAX_BODY) throw new TypeError('body over 64 KiB');
	}
	const body = JSON.parse(text || '{}');
	if (!body || typeof body !== 'object' || Array.isArray(body)) throw new TypeError('the body must be a JSON object');
	return body;
}

/** The inbound message the route takes: `from` as digits (the sandbox checks them), a text. */
function inboundOf(body) {
	const { from, name = 'Customer', text } = body;
	if (typeof text !== 'string' || text === '') throw new TypeError('text: the message the customer writes');
	if (typeof name !== 'string') throw new TypeError('name: a string');
	return { from: typeof from === 'string' ? from.replace(/^\+/, '') : from, name, text };
}

/** Start the control server for `sandbox` (its webhook configured); returns { url, close }. */
async function startControl(sandbox, { port = CONTROL_PORT, log = () => {} } = {}) {
	const server = http.createServer(async (req, res) => {
		if (req.method !== 'POST' || req.url !== '/inbound') return answer(res, 404, { error: 'POST /inbound {from, name, text}' });
		try {
			const inbound = inboundOf(await readJson(req));
			const [attempt] = await sandbox.emitReceivedMessage(inbound);
			if (!attempt) return answer(res, 502, { error: 'the sandbox posted nothing (webhook not configured?)' });
			log(`inbound from ${inbound.from} (${JSON.stringify(inbound.text)}) → n8n ${attempt.status ?? attempt.error} ${attempt.response ?? ''}`.trim());
			answer(res, 200, { event: attempt.event, status: attempt.status, response: attempt.response, error: attempt.error });
		} catch (err) {
			answer(res, err instanceof TypeError || err instanceof SyntaxError ? 400 : 500, { error: err.message });
		}
	});
	// loopback only: the route posts signed events as the platform would, nobody else may ask it to
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', resolve);
	});
	return {
		url: `http://127.0.0.1:${port}`,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

/** A customer writes, through a running dev's control route; returns its answer (throws unless 200). */
async function postInbound(inbound, { port = CONTROL_PORT } = {}) {
	const url = `http://127.0.0.1:${port}/inbound`;
	const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(inbound), signal: AbortSignal.timeout(60000) }).catch((err) => {
		throw new Error(`${url}: ${err.message} (a \`npm run dev\` from before the control route? restart it)`);
	});
	const body = await res.json();
	if (res.status !== 200) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
	return body;
}

module.exports = { CONTROL_PORT, startControl, postInbound };
