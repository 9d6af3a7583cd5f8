'use strict';
/*
 * The MCP Server Trigger caller: an outside MCP client (mcp-client.js) lists the tools of a
 * published MCP workflow and calls ours, once to send and once with an unknown template. Run for
 * the v1 credential among the AI callers (ai/index.js) and on the API v2 leg (v2/index.js).
 */
const assert = require('node:assert/strict');

const { log, check } = require('../report');
const { LEGS, sends, assertTemplateSend } = require('../wire');
const { connectMcp } = require('./mcp-client');
const { SEND_ARGS, FAIL_ARGS, EXPECTED, PLAIN_ERROR, TOOL_DESCRIPTION } = require('./cases');
const { TOOL_NAME_PATTERN } = require('./workflows');

const textOf = (result) => result.content.map((c) => c.text).join('');

/** @param {object} o { sb, url: the workflow's /mcp/<path>, leg (wire.js LEGS) } */
async function checkMcpCaller({ sb, url, leg = LEGS.v1 }) {
	await check(leg.named('MCP Server Trigger: tools/list offers the tool with its $fromAI fields; tools/call sends once and returns the messageId'), async () => {
		sb.reset();
		const mcp = await connectMcp(url);
		const tools = await mcp.listTools();
		const tool = tools.find((t) => TOOL_NAME_PATTERN.test(t.name));
		assert.ok(tool, `tools/list: ${JSON.stringify(tools).slice(0, 500)}`);
		assert.match(tool.description, TOOL_DESCRIPTION);
		log(`  MCP tool description: ${tool.description}`);
		assert.deepEqual(Object.keys(tool.inputSchema.properties).sort(), ['customer_name', 'order_id', 'phone', 'template_name']);
		const result = await mcp.callTool(tool.name, SEND_ARGS);
		const text = textOf(result);
		assert.ok(!result.isError, `tools/call: ${text.slice(0, 800)}`);
		assert.equal(sends(sb, leg).length, 1, `sandbox got ${sends(sb, leg).length} sends`);
		assertTemplateSend(sb, sends(sb, leg)[0], { leg });
		assert.deepEqual(sends(sb, leg)[0].fields, leg.wireBody(EXPECTED));
		assert.equal(sb.messages.length, 1);
		assert.equal(sb.messages[0].api, leg.api);
		assert.ok(text.includes(sb.messages[0].wamid), `tools/call result carries the wamid: ${text.slice(0, 500)}`);
		sb.reset();
		const failed = await mcp.callTool(tool.name, FAIL_ARGS);
		const failedText = textOf(failed);
		assert.equal(sends(sb, leg).length, 0, `sandbox got ${sends(sb, leg).length} sends`);
		for (const part of PLAIN_ERROR) assert.match(failedText, part);
		log(`  MCP tools/call (unknown template): isError ${failed.isError}; ${failedText.slice(0, 200)}`);
	});
}

module.exports = { checkMcpCaller };
