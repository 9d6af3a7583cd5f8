'use strict';
/*
 * examples/contacts-to-crm.json in the running `n8n start`: published through n8n's REST API with a
 * Signing Secret credential; on each API leg a contact is created and then updated through the
 * sandbox's contacts API (paths and wire names from test/support/wireContacts.ts), as another app
 * or a person in the workspace would. Each write posts one signed webhook (n8n's body format) that
 * starts the workflow once and reaches the CRM stand-in with the contact's id, phone and names.
 */
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const app = require('../lib/n8n-app');
const names = require('../lib/wire');
const { withCredentials } = require('../lib/examples');
const { LEGS } = require('./wire');
const { CONTACTS_TOKEN } = require('./contacts');
const { log, check } = require('./report');
const { createWebhookCredential, executions, outputOf, SECRET, TRIGGER_TYPE, WEBHOOK_CREDENTIAL_TYPE } = require('./trigger');

const EXAMPLE = path.join(app.REPO, 'examples', 'contacts-to-crm.json');
/** n8n's body format (`contact.created` / `contact.updated`), the one platform 2.2.0 sends for both APIs. */
const FORMAT = 2;
/** One contact per leg (distinct phones: both legs share the workspace); status and source: v2 requires them on create. */
const PERSON = {
	v1: { firstName: 'Grace', lastName: 'Hopper', phone: '+14155550101', email: 'grace@example.com', type: 'lead', statusId: 1, sourceId: 1 },
	v2: { firstName: 'Katherine', lastName: 'Johnson', phone: '+14155550102', email: 'katherine@example.com', type: 'lead', statusId: 1, sourceId: 1 },
};

/** A contact write through the leg's API with a token that may write contacts: the answer's JSON. */
async function write(sb, api, method, url, given) {
	const res = await fetch(`${sb.baseUrl.replace(/\/$/, '')}${url}`, {
		method,
		headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${CONTACTS_TOKEN[api](sb)}` },
		body: JSON.stringify(names.contactBody(api, given)),
	});
	const text = await res.text();
	assert.ok(res.status < 300, `${method} ${url}: ${res.status} ${text.slice(0, 300)}`);
	return JSON.parse(text).data;
}

/** Create, then update (a new last name), on `leg`; both events must start the workflow once and reach the CRM. */
async function checkLeg({ sb, rest, prov, id, leg }) {
	await check(leg.named('examples/contacts-to-crm.json (published): a contact created, then updated through the API, each posts one signed webhook that starts the workflow once and reaches the CRM stand-in'), async () => {
		sb.reset();
		const before = (await executions(rest, prov, id, 0)).length;
		const paths = names.CONTACT_PATHS[leg.api](sb.subdomain);
		const person = PERSON[leg.api];
		const created = await write(sb, leg.api, 'POST', paths.contacts, person);
		await sb.webhooksIdle();
		const renamed = { ...person, lastName: `${person.lastName}-Smith` };
		await write(sb, leg.api, names.UPDATE_METHOD[leg.api], paths.contact(created.id), renamed);
		await sb.webhooksIdle();

		const deliveries = sb.webhookDeliveries;
		assert.deepEqual(deliveries.map((d) => [d.event, d.status, JSON.parse(d.response).started]), [
			['contact.created', 200, true],
			['contact.updated', 200, true],
		], 'one signed delivery per write, each accepted and started');
		const runs = (await executions(rest, prov, id, before + 2)).slice(before);
		assert.deepEqual(runs.map((e) => e.status), ['success', 'success'], 'two executions, both succeeded');
		const crm = runs.map((e) => outputOf(e, 'Update CRM')[0]);
		const expected = (action, p) => ({ crm_action: action, whatsapp_contact_id: created.id, phone: p.phone, first_name: p.firstName, last_name: p.lastName, email: p.email });
		const seen = crm.map(({ changed: _changed, ...row }) => row);
		assert.deepEqual(seen, [expected('create', person), expected('update', renamed)], 'the CRM stand-in got each event, in order');
		await new Promise((r) => setTimeout(r, 500));
		assert.equal((await executions(rest, prov, id, 0)).length, before + 2, 'no further execution');
		log(`  ${leg.api}: ${JSON.stringify(crm[1])}`);
	});
}

/** @param {object} ctx { sb, n8n, prov, rest, v2: whether the v2 leg was set up } */
async function runContactTriggerChecks({ sb, n8n, prov, rest, v2 }) {
	const t0 = Date.now();
	const credential = await createWebhookCredential(rest, 'WhatsApp Templates Webhook (contacts)');
	const workflow = withCredentials(JSON.parse(fs.readFileSync(EXAMPLE, 'utf8')), { [WEBHOOK_CREDENTIAL_TYPE]: credential });
	const trigger = workflow.nodes.find((n) => n.type === TRIGGER_TYPE);
	trigger.webhookId = crypto.randomUUID();
	const id = await rest.publishWorkflow(workflow);
	const hook = `${trigger.webhookId}/webhook`;
	await app.waitForWebhook(n8n.url, hook);
	sb.configure({ webhook: { url: `${n8n.url}/webhook/${hook}`, format: FORMAT, secret: SECRET } });
	for (const leg of v2 ? [LEGS.v1, LEGS.v2] : [LEGS.v1]) await checkLeg({ sb, rest, prov, id, leg });
	sb.configure({ webhook: null });
	log(`contacts trigger checks: ${app.secs(Date.now() - t0)}`);
}

module.exports = { runContactTriggerChecks };
