'use strict';
/*
 * The API v2 leg's manual workflows (saved by v2/index.js on the REST-created v2 credential), run
 * with `n8n execute` after `n8n start` stopped, and checked at the sandbox in v2's routes, path,
 * token and wire names (wire.js LEGS.v2): the JSON send with header, variables and a button, the
 * v1 JSON send refused before anything goes out, the 3 MiB binary header upload, Check
 * Template Before Sending, and examples/crm-contacts.json (contacts.js).
 */
const assert = require('node:assert/strict');

const { WIRE_V2 } = require('../../lib/wire');
const wf = require('../workflows');
const { executor, oneJsonSend, checkLargeFile, checkUnapproved } = require('../sendChecks');
const { log, check } = require('../report');
const { LEGS } = require('../wire');
const { JSON_SEND_EXPECTED } = require('./workflows');
const { checkCrmContacts } = require('../contacts');

const leg = LEGS.v2;
/** The node's run hint on v2 when button values are sent (platform/v2/send.ts buttonsDropped). */
const BUTTONS_DROPPED = /API v2 on stock platforms \(2\.2\.0\) accepts button values and drops them/;
/** The node's refusal of v1's Sender Phone Number ID on v2 (platform/v2/send.ts unsupported). */
const NO_SENDER_ID = /Sender Phone Number ID cannot be sent: API v2 always sends from the workspace's default number/;

/** @param {object} ctx { prov, sb, envFor(binaryMode), ids: v2/index.js setupV2Leg's ids } */
async function runV2ExecutionChecks({ prov, sb, envFor, ids }) {
	const env = envFor('filesystem');
	const execute = executor({ prov, sb, env });

	await check(leg.named('JSON send: header, body variables (unicode), button; phone, language and field_N by v2\'s names; the run says v2 drops button values'), async () => {
		const { r, message } = await oneJsonSend(execute, sb, ids.jsonSend, JSON_SEND_EXPECTED, leg);
		assert.deepEqual(message.whatsapp, { header: ['A-1042'], body: ['Ada', 'Grüße & "Zitate" 🎉'] }, 'what WhatsApp received');
		assert.deepEqual(message.droppedButtons, { [WIRE_V2.button(0)]: 'help' }, 'the button value reached the platform (which drops it)');
		const hints = (r.run.data.resultData.runData[wf.SEND][0].hints || []).map((h) => h.message);
		assert.ok(hints.some((h) => BUTTONS_DROPPED.test(h)), `hints: ${JSON.stringify(hints)}`);
		log(`  hint: ${hints.find((h) => BUTTONS_DROPPED.test(h)).slice(0, 120)}…`);
	});

	await check(leg.named('the v1 JSON send as it is (sender id, contact, New Contact Details) on the v2 credential: refused before any request, saying what to use instead'), async () => {
		const r = await execute(ids.v1Only, env, leg);
		assert.notEqual(r.code, 0, 'n8n execute must exit non-zero');
		assert.match(r.output, NO_SENDER_ID);
		assert.deepEqual(sb.requests.map((q) => `${q.method} ${q.path}`), [], 'no request at all');
		assert.equal(sb.messages.length, 0);
		log(`  exit ${r.code}; ${r.output.split('\n').find((l) => NO_SENDER_ID.test(l)).trim().slice(0, 200)}`);
	});

	// One binary mode: the upload is the same code on both APIs; v1's leg runs both modes.
	await checkLargeFile(execute, sb, { id: ids.largeFile, env, mode: 'filesystem', leg });
	await checkUnapproved(execute, sb, { continueId: ids.unapprovedContinue, failId: ids.unapprovedFail, leg });
	await checkCrmContacts(execute, sb, ids.crmContacts, leg);
}

module.exports = { runV2ExecutionChecks };
