'use strict';
/*
 * The API v2 leg in the running `n8n start` (the same start as v1's phases): a v2 user's
 * credential is created through n8n's REST API (API Version Auto, a `wm_` token, no Workspace
 * Subdomain) and tested there; the leg's workflows are saved (v2/workflows.js), the webhook
 * example and the MCP caller published and called; the picker is asked as the editor asks.
 * v2/executions.js runs the manual workflows once n8n stopped.
 *
 * The sandbox serves both API generations on one Platform URL, as a 2.2.0 workspace does; every
 * check of the leg asserts that each request went to API v2 (`api: 'v2'`, /api/v2/..., the v2
 * token) and each message came out of it.
 */
const assert = require('node:assert/strict');

const app = require('../../lib/n8n-app');
const { createCredential, credentialData } = require('../../lib/credential');
const { LIST_V2 } = require('../../lib/wire');
const { mcpTriggerVersion } = require('../../versions/features');
const { log, check } = require('../report');
const { LEGS, assertLegRequest } = require('../wire');
const { waitForMcp } = require('../ai/mcp-client');
const { checkMcpCaller } = require('../ai/mcp');
const { runPickerChecks } = require('../picker');
const { runWebhookChecks } = require('../webhook');
const { v2Workflows, HOOK_PATH, MCP_PATH } = require('./workflows');
const { saveV2CrmContacts } = require('../contacts');

const leg = LEGS.v2;
/** What a v2 user puts into the credential: Platform URL, API Version Auto, a wm_ token, no subdomain. */
const v2Fields = (sb, apiToken) => ({ baseUrl: sb.baseUrl, apiVersion: 'auto', apiToken });
const mcpUrl = (n8n) => `${n8n.url}/mcp/${MCP_PATH}`;

/**
 * Create the v2 credential, save the leg's workflows, publish and wait for the live ones.
 * @returns {Promise<{credential: {id, name, type}, ids: Record<string, string>}>} ids of the manual workflows by key
 */
async function setupV2Leg({ sb, n8n, prov, rest }) {
	const credential = await createCredential(rest, { name: 'WhatsApp Templates API v2', ...v2Fields(sb, leg.token(sb)) });
	const { manual, published } = v2Workflows(credential, mcpTriggerVersion(prov.n8nVersion));
	const ids = {};
	for (const [key, workflow] of Object.entries(manual)) ids[key] = (await rest.createWorkflow(workflow)).id;
	ids.crmContacts = await saveV2CrmContacts(rest, sb, v2Fields);
	for (const workflow of Object.values(published)) await rest.publishWorkflow(workflow);
	await app.waitForWebhook(n8n.url, HOOK_PATH);
	await waitForMcp(mcpUrl(n8n));
	return { credential, ids };
}

/** The credential's Test in n8n, with the leg's token and with a revoked one. */
async function runCredentialChecks({ sb, rest, credential }) {
	await check(leg.named("credential's Test (n8n REST): one template read from API v2 with the wm_ token, passes"), async () => {
		sb.reset();
		const result = await rest.testCredential({ ...credential, data: credentialData(v2Fields(sb, leg.token(sb))) });
		assert.equal(result.status, 'OK', `credential test: ${JSON.stringify(result)}`);
		assert.equal(sb.requests.length, 1, `requests: ${sb.requests.map((r) => `${r.method} ${r.path}`)}`);
		assertLegRequest(sb, sb.requests[0], { leg, r: leg.listRoute });
		assert.deepEqual(sb.requests[0].query, LIST_V2.query(undefined, 1));
		log(`  credential test: ${result.status} ${result.message || ''}`);
	});
	await check(leg.named("credential's Test with a revoked wm_ token: n8n shows the plain sentence, not the token"), async () => {
		sb.reset();
		const fields = v2Fields(sb, sb.v2Tokens.revoked);
		const revoked = await createCredential(rest, { name: 'WhatsApp Templates API v2 (revoked)', ...fields });
		const result = await rest.testCredential({ ...revoked, data: credentialData(fields) });
		assert.equal(result.status, 'Error', `credential test: ${JSON.stringify(result)}`);
		assert.match(result.message, /revoked/i);
		assert.ok(!result.message.includes(sb.v2Tokens.revoked), 'the token is not shown');
		assert.ok(sb.requests.length > 0 && sb.requests.every((r) => r.api === leg.api), 'only API v2 was asked');
		log(`  credential test: ${result.status}: ${result.message}`);
	});
}

/**
 * Everything of the leg the running n8n serves: set up, then the credential's Test, the picker,
 * the webhook example and the MCP caller. Returns the leg's credential (for the auto-reply
 * example) and the manual workflows' ids for v2/executions.js, or null when the leg could not be
 * set up (that check failed).
 */
async function runV2RestChecks({ sb, n8n, prov, rest }) {
	let leg2 = null;
	await check(leg.named("credential (API Version Auto, a wm_ token, no Workspace Subdomain) and the leg's workflows saved through n8n's REST API, the webhook example and the MCP caller published"), async () => {
		const t0 = Date.now();
		leg2 = await setupV2Leg({ sb, n8n, prov, rest });
		log(`  credential ${leg2.credential.id}; ${Object.keys(leg2.ids).length} workflows saved, 2 published in ${app.secs(Date.now() - t0)}`);
	});
	if (!leg2) return null;
	await runCredentialChecks({ sb, rest, credential: leg2.credential });
	await runPickerChecks({ sb, rest, leg, credential: leg2.credential });
	await runWebhookChecks({ sb, n8n, leg, path: HOOK_PATH });
	await checkMcpCaller({ sb, url: mcpUrl(n8n), leg });
	return leg2;
}

module.exports = { runV2RestChecks };
