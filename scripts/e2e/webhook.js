'use strict';
/*
 * The checks against a running `n8n start`: the published webhook example sends and answers
 * with the messageId (or 502 with the explanation), on each API leg's credential (v1: the example
 * as imported; v2: v2/workflows.js publishes it for the v2 credential under its own path), and n8n
 * lists the package's node types.
 */
const assert = require('node:assert/strict');
const fs = require('node:fs');

const app = require('../lib/n8n-app');
const wf = require('./workflows');
const { LEGS, sends, assertOnlySendsAndOneListRead, assertTemplateSend } = require('./wire');
const { log, check } = require('./report');

const ORDER = { phone: '+49 151 23456789', name: 'Ada', order_id: 'A-1042' };

async function post(url, body) {
	const res = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
		signal: AbortSignal.timeout(30000),
	});
	return { status: res.status, text: await res.text() };
}

/** The example's webhook path (examples/webhook-send.json). */
const EXAMPLE_PATH = 'whatsapp-template';

/**
 * @param {object} ctx { sb, n8n (startN8n's result), leg (wire.js LEGS), path: the published example's webhook path }
 */
async function runWebhookChecks({ sb, n8n, leg = LEGS.v1, path = EXAMPLE_PATH }) {
	const hookUrl = `${n8n.url}/webhook/${path}`;

	await check(leg.named('examples/webhook-send.json (published, n8n start): sends and responds with the messageId'), async () => {
		sb.reset();
		const { status, text } = await post(hookUrl, ORDER);
		assert.equal(status, 200, `webhook answered ${status}: ${text}`);
		const body = JSON.parse(text);
		assertOnlySendsAndOneListRead(sb, leg);
		assert.equal(sends(sb, leg).length, 1);
		assertTemplateSend(sb, sends(sb, leg)[0], { leg });
		// v2 takes no contact details: the example goes there without its New Contact Details (lib/examples.js).
		const contact = leg === LEGS.v1 ? { contact: { firstname: 'Ada' } } : {};
		const expected = { phone: '4915123456789', template: 'order_update', language: 'en', headerText: 'A-1042', body: ['Ada', 'A-1042'], ...contact };
		assert.deepEqual(sends(sb, leg)[0].fields, leg.wireBody(expected));
		assert.equal(sb.messages.length, 1);
		assert.equal(sb.messages[0].api, leg.api);
		assert.deepEqual(body, { ok: true, messageId: sb.messages[0].wamid, phone: '4915123456789', template: 'order_update', language: 'en' });
		log(`  webhook response: ${text}`);
	});

	await check(leg.named('examples/webhook-send.json answers 502 with the explanation for a template not APPROVED in that language'), async () => {
		sb.reset();
		const { status, text } = await post(hookUrl, { ...ORDER, language: 'en_US' });
		assert.equal(status, 502, `webhook answered ${status}: ${text}`);
		const body = JSON.parse(text);
		assert.equal(body.ok, false);
		assert.match(body.error, wf.NOT_APPROVED_CHECK);
		assert.equal(body.details.delivery, 'not sent');
		assert.match(String(body.details.description), /Nothing was sent/);
		assertOnlySendsAndOneListRead(sb, leg);
		assert.equal(sb.requests.length, 1, 'the template list was read');
		assert.equal(sends(sb, leg).length, 0, 'refused before any send');
		assert.equal(sb.messages.length, 0, 'nothing sent');
		log(`  webhook response: ${text}`);
	});
}

/** @param {object} ctx { n8n (startN8n's result), logFile (n8n start's log) } */
async function runNodeTypeChecks({ n8n, logFile }) {
	await check('n8n lists whatsAppTemplates, its Tool variant and the credential type with the platform fields', async () => {
		const rest = await app.RestClient.asOwner(n8n.url);
		const nodes = await rest.request('GET', '/types/nodes.json');
		assert.equal(nodes.status, 200, `/types/nodes.json: ${nodes.status}`);
		const names = new Set(nodes.json.map((n) => n.name));
		assert.ok(names.has(app.NODE_TYPE), `${app.NODE_TYPE} missing`);
		assert.ok(names.has(app.TOOL_NODE_TYPE), `${app.TOOL_NODE_TYPE} missing`);
		const creds = await rest.request('GET', '/types/credentials.json');
		const cred = creds.json.find((c) => c.name === app.CREDENTIAL_TYPE);
		assert.ok(cred, 'credential type missing');
		const fields = cred.properties.map((p) => `${p.name}:${p.displayName}`);
		for (const f of ['baseUrl:Platform URL', 'apiVersion:API Version', 'subdomain:Workspace Subdomain', 'apiToken:API Token']) assert.ok(fields.includes(f), `${f} in ${fields}`);
		assert.ok(!cred.properties.some((p) => p.name === 'domain'), 'the old domain field is gone');
		assert.match(fs.readFileSync(logFile, 'utf8'), new RegExp(`Loaded all credentials and nodes from ${app.PACKAGE_NAME}`));
		log(`  ${nodes.json.length} node types; ours: ${[...names].filter((n) => n.startsWith(app.PACKAGE_NAME)).join(', ')}`);
	});
}

module.exports = { runWebhookChecks, runNodeTypeChecks, EXAMPLE_PATH };
