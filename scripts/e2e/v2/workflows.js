'use strict';
/*
 * The API v2 leg's workflows: the e2e's own (scripts/e2e/workflows.js), the webhook example and
 * the MCP caller, on the v2 credential. That credential is created through n8n's REST API (n8n
 * gives it its id), so these are made at run time for its reference and saved through the REST
 * API too, in one go, by v2/index.js.
 *
 * What v2 does not have is left out as a v2 user leaves it out (scripts/lib/examples.js forApi:
 * Sender Phone Number ID, Contact, New Contact Details), except in `v1Only`: the v1 JSON send as it
 * is, which the node must refuse on v2 before sending anything.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const { REPO } = require('../../lib/package');
const { CREDENTIAL_TYPE } = require('../../lib/credential');
const { forApi, withCredentials } = require('../../lib/examples');
const wf = require('../workflows');
const { mcpWorkflow } = require('../ai/workflows');

const EXAMPLE = path.join(REPO, 'examples', 'webhook-send.json');
/** Where the v2 copies of the example and of the MCP caller listen (the v1 ones keep theirs). */
const HOOK_PATH = 'whatsapp-template-v2';
const MCP_PATH = 'wa-mcp-v2';

/** A copy of `workflow` named for the leg, whose WhatsApp Templates nodes use `credential` ({id, name}). */
function onCredential(workflow, credential) {
	const copy = structuredClone(workflow);
	copy.name = `API v2: ${copy.name}`;
	return withCredentials(copy, { [CREDENTIAL_TYPE]: credential });
}

/** One of the e2e's workflows, by id, for v2 (forApi) or exactly as on v1 (v1Only). */
function e2eWorkflow(id, credential, { asIs = false } = {}) {
	const copy = onCredential(wf.workflows.find((w) => w.id === id), credential);
	if (!asIs) forApi(copy, 'v2');
	return copy;
}

/** examples/webhook-send.json as a v2 user imports it: New Contact Details left out, its own path. */
function webhookExample(credential) {
	const copy = onCredential(JSON.parse(fs.readFileSync(EXAMPLE, 'utf8')), credential);
	forApi(copy, 'v2');
	const hook = copy.nodes.find((n) => n.type === 'n8n-nodes-base.webhook');
	hook.parameters.path = HOOK_PATH;
	hook.webhookId = crypto.randomUUID();
	return copy;
}

// v2 takes neither the sender id nor the contact: the same send without them.
const { from: _from, contact: _contact, ...JSON_SEND_EXPECTED } = wf.JSON_SEND_EXPECTED;

/**
 * Every workflow of the leg, by key: `manual` ones run by `n8n execute` after n8n stopped,
 * `published` ones (the webhook example, the MCP caller) served by the running n8n.
 * @param {{id: string, name: string}} credential  the v2 credential's reference
 * @param {number} mcpTriggerVersion  the MCP Server Trigger's version on this n8n line
 */
function v2Workflows(credential, mcpTriggerVersion) {
	return {
		manual: {
			jsonSend: e2eWorkflow(wf.JSON_SEND_ID, credential),
			v1Only: e2eWorkflow(wf.JSON_SEND_ID, credential, { asIs: true }),
			largeFile: e2eWorkflow(wf.LARGE_FILE_ID, credential),
			unapprovedContinue: e2eWorkflow(wf.UNAPPROVED_CONTINUE_ID, credential),
			unapprovedFail: e2eWorkflow(wf.UNAPPROVED_FAIL_ID, credential),
		},
		published: {
			webhook: webhookExample(credential),
			mcp: mcpWorkflow(MCP_PATH, { typeVersion: mcpTriggerVersion, credential, name: 'API v2: MCP Server Trigger' }),
		},
	};
}

module.exports = { v2Workflows, JSON_SEND_EXPECTED, HOOK_PATH, MCP_PATH };
