'use strict';
/*
 * What differs between the n8n lines the e2e runs on, in one place. Each entry was measured
 * on the version named beside it; the e2e asks here instead of testing a version number inline.
 */

const major = (version) => Number(String(version).split('.')[0]);

/**
 * CLI arguments that make a workflow's triggers and webhooks live at the next `n8n start`.
 * 2.x: `publish:workflow` (2.40.7). 1.x has no publish command: `update:workflow --active=true`
 * (1.123.81), which 2.x no longer offers for activation.
 */
function publishArgs(version, workflowId) {
	return major(version) >= 2
		? ['publish:workflow', `--id=${workflowId}`]
		: ['update:workflow', `--id=${workflowId}`, '--active=true'];
}

/**
 * Environment entries that differ per line, laid over n8nEnv's. 2.40.7 needs its 'mcp-registry'
 * module disabled (its refresh calls api.n8n.io at start); 1.123.81 has no such module and
 * refuses to start on the name ('Unknown module "mcp-registry"').
 */
function envOverrides(version) {
	if (major(version) >= 2) return {};
	return {
		N8N_DISABLED_MODULES: '',
		// 1.123.81's default 'vm' expression engine resolves $('Node').item / .first() to null (n8n's
		// own Set node too, measured on this machine); 'legacy' resolves them as 2.x does.
		N8N_EXPRESSION_ENGINE: 'legacy',
	};
}

/**
 * The AI callers' workflows (scripts/e2e/ai) are built from 2.40.7's node versions: AI Agent 3.1,
 * AI Agent Tool 3, OpenAI 2.3, MCP Server Trigger 2.1. 1.123.81 has Agent up to 3, Agent Tool 2.2,
 * OpenAI 2.1, MCP Server Trigger 2: those workflows do not import there.
 */
function aiCallers(version) {
	return major(version) >= 2;
}

/**
 * The MCP Server Trigger's version a user gets on the line, for the one AI caller that runs on both
 * (the API v2 leg's): 2.1 on 2.40.7, 2 on 1.123.81 (its newest; same authentication and path).
 */
function mcpTriggerVersion(version) {
	return major(version) >= 2 ? 2.1 : 2;
}

module.exports = { publishArgs, envOverrides, aiCallers, mcpTriggerVersion, major };
