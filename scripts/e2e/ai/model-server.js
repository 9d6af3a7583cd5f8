'use strict';
/*
 * A loopback stand-in for an OpenAI-compatible model, for the AI e2e cases: n8n's model nodes
 * reach it through the OpenAI credential's Base URL. It speaks
 *   POST /v1/chat/completions  (stream and non-stream: AI Agent 2.x/3.x through OpenAI Chat Model)
 *   POST /v1/responses         (non-stream: the OpenAI node's "Message a model")
 * and decides like a model that always uses its tool once:
 *   - a request whose conversation carries a tool result → a final text quoting that result;
 *   - a request that offers tools → a call of the first tool whose name matches `toolName`
 *     (our node's tool) with the arguments the case chose; when no offered tool matches but a
 *     case names a `delegate` (an AI Agent Tool), a call of that tool with the case's prompt;
 *   - anything else → a short text.
 * The case is the `[case:NAME]` marker in the prompt. Every request is recorded (path, case,
 * stream, offered tool names, the tool result it carried), so a check can assert what the model
 * received back from our node.
 */
const http = require('node:http');

const MARKER = /\[case:([a-z0-9-]+)\]/i;

function textOf(content) {
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) return content.map((part) => (typeof part === 'string' ? part : part.text || part.content || '')).join('');
	return content == null ? '' : JSON.stringify(content);
}

/**
 * @param {object} o
 * @param {RegExp} o.toolName  which offered tool is ours
 * @param {Record<string, {args: object, delegate?: {name: RegExp, args: object}}>} o.cases
 */
async function startModelServer({ toolName, cases }) {
	const requests = [];
	let seq = 0;
	const id = (prefix) => `${prefix}_${++seq}`;

	/** What the "model" does next, from the conversation as plain parts. */
	function decide({ texts, toolNames, toolResult }) {
		const caseName = (texts.join('\n').match(MARKER) || [])[1];
		const theCase = caseName && cases[caseName];
		if (toolResult !== undefined) return { caseName, text: `Done. The tool answered: ${toolResult}` };
		if (theCase && toolNames.length) {
			const ours = toolNames.find((n) => toolName.test(n));
			if (ours) return { caseName, call: { name: ours, args: theCase.args } };
			const delegate = theCase.delegate && toolNames.find((n) => theCase.delegate.name.test(n));
			if (delegate) return { caseName, call: { name: delegate, args: theCase.delegate.args } };
		}
		return { caseName, text: caseName ? `No tool to call for ${caseName}.` : 'Hello from the loopback model.' };
	}

	/** name → description of the tools a request offers, as the model reads them. */
	const descriptions = (offered) => Object.fromEntries(offered.map((t) => [t.name, t.description]));

	function chatCompletion(body, res, record) {
		const messages = body.messages || [];
		const last = messages[messages.length - 1] || {};
		const toolResult = last.role === 'tool' ? textOf(last.content) : undefined;
		const offered = (body.tools || []).map((t) => t.function || t);
		const toolNames = offered.map((t) => t.name);
		const d = decide({ texts: messages.map((m) => textOf(m.content)), toolNames, toolResult });
		Object.assign(record, { caseName: d.caseName, tools: toolNames, toolDescriptions: descriptions(offered), toolResult, answer: d.call ? { call: d.call.name } : { text: d.text } });
		const created = Math.floor(Date.now() / 1000);
		const base = { id: id('chatcmpl'), created, model: body.model || 'loopback' };
		const toolCall = d.call && { id: id('call'), type: 'function', function: { name: d.call.name, arguments: JSON.stringify(d.call.args) } };
		const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };
		if (!body.stream) {
			const message = toolCall ? { role: 'assistant', content: null, tool_calls: [toolCall] } : { role: 'assistant', content: d.text };
			return send(res, 200, { ...base, object: 'chat.completion', choices: [{ index: 0, message, finish_reason: toolCall ? 'tool_calls' : 'stop' }], usage });
		}
		res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
		const chunk = (delta, finish = null, extra = {}) =>
			res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`);
		if (toolCall) {
			chunk({ role: 'assistant', content: null, tool_calls: [{ index: 0, id: toolCall.id, type: 'function', function: { name: toolCall.function.name, arguments: '' } }] });
			// The arguments in two pieces, as real models stream them.
			const a = toolCall.function.arguments;
			const half = Math.floor(a.length / 2);
			chunk({ tool_calls: [{ index: 0, function: { arguments: a.slice(0, half) } }] });
			chunk({ tool_calls: [{ index: 0, function: { arguments: a.slice(half) } }] });
			chunk({}, 'tool_calls');
		} else {
			chunk({ role: 'assistant', content: '' });
			for (const word of d.text.match(/\S+\s*/g) || []) chunk({ content: word });
			chunk({}, 'stop');
		}
		if (body.stream_options && body.stream_options.include_usage) res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [], usage })}\n\n`);
		res.end('data: [DONE]\n\n');
	}

	function responses(body, res, record) {
		const input = typeof body.input === 'string' ? [{ role: 'user', content: body.input }] : body.input || [];
		const last = input[input.length - 1] || {};
		const toolResult = last.type === 'function_call_output' ? textOf(last.output) : undefined;
		const offered = (body.tools || []).filter((t) => t.type === 'function');
		const toolNames = offered.map((t) => t.name);
		const d = decide({ texts: input.map((m) => textOf(m.content)), toolNames, toolResult });
		Object.assign(record, { caseName: d.caseName, tools: toolNames, toolDescriptions: descriptions(offered), toolResult, answer: d.call ? { call: d.call.name } : { text: d.text } });
		const output = d.call
			? [{ type: 'function_call', id: id('fc'), call_id: id('call'), name: d.call.name, arguments: JSON.stringify(d.call.args), status: 'completed' }]
			: [{ type: 'message', id: id('msg'), role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: d.text, annotations: [] }] }];
		send(res, 200, {
			id: id('resp'),
			object: 'response',
			created_at: Math.floor(Date.now() / 1000),
			status: 'completed',
			model: body.model || 'loopback',
			output,
			usage: { input_tokens: 10, output_tokens: 5, total_tokens: 15 },
		});
	}

	function send(res, status, json) {
		res.writeHead(status, { 'content-type': 'application/json' });
		res.end(JSON.stringify(json));
	}

	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const path = (req.url || '').split('?')[0].replace(/^\/v1/, '');
			const record = { seq: requests.length + 1, method: req.method, path };
			requests.push(record);
			try {
				if (req.method === 'GET' && path === '/models') return send(res, 200, { object: 'list', data: [{ id: 'loopback-model', object: 'model', owned_by: 'e2e' }] });
				const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
				record.stream = Boolean(body.stream);
				if (req.method === 'POST' && path === '/chat/completions') return chatCompletion(body, res, record);
				if (req.method === 'POST' && path === '/responses') return responses(body, res, record);
				send(res, 404, { error: { message: `loopback model: no route ${req.method} ${path}` } });
			} catch (err) {
				record.error = err.message;
				send(res, 500, { error: { message: err.message } });
			}
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	return {
		url: `http://127.0.0.1:${port}/v1`,
		requests,
		/** The recorded requests of one case. */
		forCase: (name) => requests.filter((r) => r.caseName === name),
		reset: () => requests.splice(0),
		close: () => new Promise((resolve) => server.close(resolve)),
	};
}

module.exports = { startModelServer };
