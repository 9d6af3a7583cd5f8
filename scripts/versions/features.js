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
	return major(version) >= 2 ? {} : { N8N_DISABLED_MODULES: '' };
}

module.exports = { publishArgs, envOverrides, major };
