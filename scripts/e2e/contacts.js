'use strict';
/*
 * examples/crm-contacts.json by `n8n execute` on each API leg (v1: the imported example on the
 * imported credential; v2: saved through n8n's REST API on a v2 credential whose `wm_` token has
 * the contacts scopes, as a CRM-sync user's token needs): CRM rows with phones in mixed formats →
 * Contact → Create or Update → Send Template to the contact's phone → Update CRM.
 *
 * Checks: each row ends as exactly one contact of the workspace, stored as `+digits`, with the
 * row's names; every send attached to the contact the node wrote (the sandbox's record of the
 * message names the contact); the CRM stand-in got both ids; a second run of the same rows
 * updates the same contacts and creates none. Only the leg's API was asked; the template list and
 * v1's contact list at most once per run, v2's search once per phone.
 */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const app = require('../lib/n8n-app');
const { createCredential, CREDENTIAL_TYPE } = require('../lib/credential');
const { forApi, withCredentials } = require('../lib/examples');
const { LEGS, sends } = require('./wire');
const { assertRan } = require('./execute');
const { log, check } = require('./report');

const EXAMPLE = path.join(app.REPO, 'examples', 'crm-contacts.json');
const EXAMPLE_ID = 'WaTplCrmContacts';
const NODE = { rows: 'CRM rows', upsert: 'Create or update contact', send: 'Send order update', crm: 'Update CRM' };
/** A phone as the contract says the node stores it: + and the digits, without a leading 00. */
const plusDigits = (phone) => `+${String(phone).replace(/\D/g, '').replace(/^00/, '')}`;
/** The digits of a stored phone, whatever its format: two contacts with the same are duplicates. */
const digitsOf = (phone) => plusDigits(phone).slice(1);

/** The workspace's first status and source (the sandbox's seeds), picked By ID. */
const V2_NEW_CONTACT = { status: { __rl: true, mode: 'id', value: '1' }, source: { __rl: true, mode: 'id', value: '1' } };

/** The tokens whose scopes cover contacts and sends: v1's send token has both abilities; v2's needs contacts:*. */
const CONTACTS_TOKEN = { v1: (sb) => sb.tokens.send, v2: (sb) => sb.v2Tokens.full };

/** Every request went to the leg's API with the contacts token, was answered 2xx, and no list was read twice. */
function assertContactRun(sb, leg) {
	const bad = sb.requests.filter((r) => r.api !== leg.api || r.status >= 300 || r.authorization !== `Bearer ${CONTACTS_TOKEN[leg.api](sb)}`);
	assert.deepEqual(bad.map((r) => `${r.method} ${r.path} (${r.api}) ${r.status}`), [], `requests outside ${leg.api}, or refused`);
	// v1 cannot search: it reads its contact list once per run (every page: the seeded store fits
	// one); v2 searches each phone (assertRows counts those).
	for (const route of leg.api === 'v1' ? ['templates.list', 'contacts.list'] : ['templates.list']) {
		const reads = sb.requests.filter((r) => r.route === route).length;
		assert.ok(reads <= 1, `${route} read ${reads} times in one run`);
	}
}

/** One run's outputs, checked against the rows and the sandbox; returns the contacts by row. */
function assertRows(r, sb, leg, { created }) {
	const rows = app.nodeOutput(r.run, NODE.rows).map((i) => i.json);
	const upserted = app.nodeOutput(r.run, NODE.upsert);
	assert.equal(upserted.length, rows.length, 'one contact output per CRM row');
	if (leg.api === 'v2') assert.equal(sb.requests.filter((q) => q.route === 'contacts.list').length, rows.length, 'one search per phone');
	const contacts = rows.map((row, i) => {
		const out = upserted[i];
		assert.deepEqual(out.pairedItem, { item: i }, `${row.email}: paired to its row`);
		const phone = plusDigits(row.phone);
		assert.deepEqual([out.json.phone, out.json.created], [phone, created], `${row.email}: ${row.phone} written as ${phone}, created ${created}`);
		const same = sb.contacts.filter((c) => digitsOf(c.phone) === digitsOf(phone));
		assert.equal(same.length, 1, `${phone}: ${same.length} contacts in the workspace (${same.map((c) => `${c.id} ${c.phone}`)})`);
		const [stored] = same;
		assert.deepEqual(
			[stored.id, stored.phone, stored.firstname, stored.lastname, stored.email],
			[out.json.id, phone, row.first_name, row.last_name, row.email],
			`${row.email}: the stored contact is the node's, as + and digits, with the row's fields`,
		);
		return stored;
	});

	// Each send went to its row's contact's phone and attached to that contact.
	assert.equal(sends(sb, leg).length, rows.length, `${sends(sb, leg).length} template sends for ${rows.length} rows`);
	// API, token and 2xx of every request: assertContactRun (the contacts token, not the leg's send token).
	assert.deepEqual(
		sb.messages.map((m) => [m.digits, m.contactId, m.contactCreated]).sort(),
		contacts.map((c) => [digitsOf(c.phone), c.id, false]).sort(),
		'every send attached to the contact the node wrote (none made by the send)',
	);
	const crm = app.nodeOutput(r.run, NODE.crm).map((i) => i.json);
	const byWamid = new Map(sb.messages.map((m) => [m.wamid, m]));
	crm.forEach((row, i) => {
		assert.deepEqual([row.email, row.whatsapp_contact_id, row.message_contact_id], [rows[i].email, contacts[i].id, contacts[i].id], `CRM row ${i}: both ids`);
		assert.equal(byWamid.get(row.whatsapp_message_id)?.contactId, contacts[i].id, `CRM row ${i}: the messageId of its own send`);
	});
	return contacts;
}

/**
 * The example twice on `id` (imported for v1, saved by saveV2CrmContacts for v2): the first run
 * creates one contact per row, the second updates the same ones.
 */
async function checkCrmContacts(execute, sb, id, leg = LEGS.v1) {
	// The sandbox is reset here, not by execute: the first run counts from the seeds, the second from the first.
	const run = () => execute(id, undefined, leg, { reset: false, assertRequests: assertContactRun });
	let first = null;
	await check(leg.named('examples/crm-contacts.json: each CRM row (phones in mixed formats) ends as one contact stored as +digits, and its template send attaches to that contact'), async () => {
		sb.reset();
		const seeded = sb.contacts.length;
		const r = await run();
		assertRan(r);
		first = assertRows(r, sb, leg, { created: true });
		assert.equal(sb.contacts.length, seeded + first.length, 'one new contact per row, nothing else');
		log(`  contacts ${first.map((c) => `${c.id} ${c.phone}`).join(', ')}; requests ${sb.requests.map((q) => q.route).join(' ')}`);
	});
	await check(leg.named('examples/crm-contacts.json run again: the same contacts updated, none created, the sends attach to them'), async () => {
		assert.ok(first, 'the first run failed');
		const count = sb.contacts.length;
		// Forget the first run's requests and messages (live arrays), keep its contacts.
		sb.requests.length = 0;
		sb.messages.length = 0;
		const r = await run();
		assertRan(r);
		const again = assertRows(r, sb, leg, { created: false });
		assert.deepEqual(again.map((c) => c.id), first.map((c) => c.id), 'the same contacts');
		assert.equal(sb.contacts.length, count, 'no contact created');
	});
}

/** The example saved through n8n's REST API for the v2 leg, on a v2 credential with the contacts scopes. Returns its id. */
async function saveV2CrmContacts(rest, sb, fieldsOf) {
	const credential = await createCredential(rest, { name: 'WhatsApp Templates API v2 (contacts)', ...fieldsOf(sb, CONTACTS_TOKEN.v2(sb)) });
	const workflow = withCredentials(JSON.parse(fs.readFileSync(EXAMPLE, 'utf8')), { [CREDENTIAL_TYPE]: credential });
	workflow.name = LEGS.v2.named(workflow.name);
	forApi(workflow, 'v2');
	// API v2 creates a contact only with a status and a source (no auto-lead defaults): a v2 user picks them.
	const upsert = workflow.nodes.find((n) => n.name === NODE.upsert);
	Object.assign(upsert.parameters.additionalFields, V2_NEW_CONTACT);
	return (await rest.createWorkflow(workflow)).id;
}

module.exports = { checkCrmContacts, saveV2CrmContacts, EXAMPLE_ID, CONTACTS_TOKEN };
