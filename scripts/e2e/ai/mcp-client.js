'use strict';
/*
 * The smallest MCP client over Streamable HTTP that an outside AI client would be: initialize,
 * notifications/initialized, then JSON-RPC requests on the session n8n's MCP Server Trigger
 * issued (mcp-session-id). Answers may come as JSON or as an SSE stream; both are read.
 */

async function rpc(url, sessionId, message) {
	const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
	if (sessionId) headers['mcp-session-id'] = sessionId;
	const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(message), signal: AbortSignal.timeout(60000) });
	const text = await res.text();
	const session = res.headers.get('mcp-session-id') || sessionId;
	if (message.id === undefined) return { status: res.status, session };
	if (res.status !== 200) throw new Error(`MCP ${message.method}: HTTP ${res.status} ${text.slice(0, 500)}`);
	const candidates = (res.headers.get('content-type') || '').includes('text/event-stream')
		? text
				.split('\n')
				.filter((l) => l.startsWith('data:'))
				.map((l) => JSON.parse(l.slice(5)))
		: [JSON.parse(text)];
	const reply = candidates.find((m) => m.id === message.id);
	if (!reply) throw new Error(`MCP ${message.method}: no answer with id ${message.id} in ${text.slice(0, 500)}`);
	if (reply.error) throw new Error(`MCP ${message.method}: ${JSON.stringify(reply.error)}`);
	return { result: reply.result, session };
}

/** Connects to an MCP server at `url`; returns { listTools(), callTool(name, args) }. */
async function connectMcp(url) {
	let nextId = 1;
	const init = await rpc(url, undefined, {
		jsonrpc: '2.0',
		id: nextId++,
		method: 'initialize',
		params: { protocolVersion: '2025-03-26', capabilities: {}, clientInfo: { name: 'whatsapp-templates-e2e', version: '1.0.0' } },
	});
	const session = init.session;
	if (!session) throw new Error('MCP initialize: no mcp-session-id in the answer');
	await rpc(url, session, { jsonrpc: '2.0', method: 'notifications/initialized' });
	return {
		serverInfo: init.result.serverInfo,
		listTools: async () => (await rpc(url, session, { jsonrpc: '2.0', id: nextId++, method: 'tools/list', params: {} })).result.tools,
		callTool: async (name, args) => (await rpc(url, session, { jsonrpc: '2.0', id: nextId++, method: 'tools/call', params: { name, arguments: args } })).result,
	};
}

/** Wait until n8n serves the MCP endpoint of a published workflow (404 until it is registered). */
async function waitForMcp(url, timeoutMs = 60000) {
	const t0 = Date.now();
	let last;
	while (Date.now() - t0 < timeoutMs) {
		try {
			await connectMcp(url);
			return Date.now() - t0;
		} catch (err) {
			last = err.message;
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`MCP endpoint ${url} not ready after ${timeoutMs} ms (last: ${last})`);
}

module.exports = { connectMcp, waitForMcp };
