'use strict';
/*
 * The checks that run workflows with `n8n execute` (manual workflows) and assert at the sandbox:
 * what it received (route, path, fields, files) and what it issued (the wamid each output item's
 * messageId must carry).
 */
const assert = require('node:assert/strict');
const { isDeepStrictEqual } = require('node:util');

const app = require('../lib/n8n-app');
const wf = require('./workflows');
const { wireBody, sends, assertTemplateSend, assertSentItem } = require('./wire');
const { assertRan } = require('./execute');
const { uploadName, executor, oneJsonSend: jsonSendOn, assertDocumentSend, checkLargeFile, checkUnapproved } = require('./sendChecks');
const { log, check } = require('./report');
const { checkCrmContacts, EXAMPLE_ID: CRM_CONTACTS_ID } = require('./contacts');

/**
 * @param {object} ctx  { prov, sb, envFor(binaryMode) }
 */
async function runExecutionChecks({ prov, sb, envFor }) {
	const execute = executor({ prov, sb, env: envFor('filesystem') });
	const oneJsonSend = (id, expected) => jsonSendOn(execute, sb, id, expected);

	await check('JSON send: header, body variables (unicode), button, sender id, contact JSON + New Contact Details', async () => {
		const { message } = await oneJsonSend(wf.JSON_SEND_ID, wf.JSON_SEND_EXPECTED);
		assert.deepEqual(message.whatsapp, { header: ['A-1042'], body: ['Ada', 'Grüße & "Zitate" 🎉'] }, 'what WhatsApp received');
		assert.equal(message.contactCreated, true, 'a new phone: the platform created the contact');
		assert.ok(sb.contacts.some((c) => c.firstname === 'Ada' && c.lastname === 'Lovelace'), 'contact Ada Lovelace created');
	});

	await check('authentication template: the one-time password goes out as copy code and as {{1}}', async () => {
		const { message } = await oneJsonSend(wf.OTP_SEND_ID, wf.OTP_SEND_EXPECTED);
		assert.deepEqual(message.whatsapp.body, ['424242']);
		assert.equal(message.contactCreated, false, 'an existing contact of the workspace');
	});

	await check('examples/crm-sync.json: 3 sent, messageId written back per CRM row (only the sent rows), the national number to the error output, paired to its row, details intact', async () => {
		const r = await execute('WaTplExampleCrm1');
		assertRan(r);
		assert.equal(sends(sb).length, 3, `sandbox got ${sends(sb).length} sends (the national number must not be sent)`);
		sends(sb).forEach((req) => assertTemplateSend(sb, req));
		const contact = { firstname: 'Ada', lastname: 'Lovelace', email: 'ada@example.com', country: 'Germany', groups: 'customers,newsletter' };
		const ada = wireBody({ phone: '4915123456789', template: 'order_update', language: 'en', headerText: 'A-1042', body: ['Ada', 'A-1042'], contact });
		assert.ok(
			sends(sb).some((q) => isDeepStrictEqual(q.fields, ada)),
			`no send equal to ${JSON.stringify(ada)}: ${JSON.stringify(sends(sb).map((q) => q.fields))}`,
		);
		const langs = sb.messages.map((m) => `${m.whatsapp.body[0]}:${m.template.language}`).sort();
		assert.deepEqual(langs, ['Ada:en', 'Alan:en', 'Jürgen:de']);

		// The node's two outputs: the sent rows on the first, the refused one on the error output,
		// each paired to its CRM row (n8n lays the error item over its input row).
		const [sentRows, failedRows] = [0, 1].map((output) => app.nodeOutput(r.run, 'Send order update', { output }));
		assert.deepEqual(sentRows.map((i) => i.pairedItem), [{ item: 0 }, { item: 1 }, { item: 3 }], 'sent rows on the success output');
		assert.deepEqual(failedRows.map((i) => i.pairedItem), [{ item: 2 }], 'the national number on the error output');
		const refused = failedRows[0].json;
		assert.equal(refused.email, 'grace@example.com');
		assert.match(String(refused.error), /phone/i);
		assert.equal(refused.details.delivery, 'not sent');
		assert.match(String(refused.details.description), /Nothing was sent/);

		const updated = app.nodeOutput(r.run, 'Update CRM').map((i) => i.json);
		assert.deepEqual(updated.map((row) => row.email), ['ada@example.com', 'juergen@example.com', 'alan@example.com'], 'the CRM stand-in got only the sent rows');
		const byWamid = new Map(sb.messages.map((m) => [m.wamid, m]));
		const firstNameOf = { 'ada@example.com': 'Ada', 'juergen@example.com': 'Jürgen', 'alan@example.com': 'Alan' };
		for (const row of updated) {
			const message = byWamid.get(row.whatsapp_message_id);
			assert.ok(message, `${row.email}: messageId ${row.whatsapp_message_id} is not a wamid the sandbox issued`);
			assert.equal(message.whatsapp.body[0], firstNameOf[row.email], `${row.email} got the message id of its own send`);
			assert.equal(row.contact_created, true);
		}
		const failures = app.nodeOutput(r.run, 'Collect failures');
		assert.ok(failures && failures.length === 1, 'the error branch ran once');
		const [failure] = failures[0].json.failures;
		assert.equal(failures[0].json.failed, 1);
		assert.equal(failure.email, 'grace@example.com');
		assert.match(String(failure.error), /phone/i, 'the failure names the phone');
		assert.equal(failure.delivery, 'not sent');
		log(`  CRM failure text: ${failure.error}`);
	});

	for (const mode of ['filesystem', 'default']) {
		const env = envFor(mode);
		await check(`examples/media-from-file.json: the PDF made in the workflow is invoice_ready's DOCUMENT header, byte-identical (binary mode ${mode})`, async () => {
			const r = await execute('WaTplExampleFile', env);
			assertRan(r);
			const pdf = Buffer.from(app.nodeOutput(r.run, 'Make invoice PDF')[0].json.pdf_base64, 'base64');
			const bin = app.nodeOutput(r.run, 'Convert to File')[0].binary.invoice;
			if (mode === 'filesystem') assert.match(bin.id || '', /^filesystem-v2:/, 'binary stored on disk');
			else assert.ok(!bin.id && bin.data && bin.data.length > 100, 'binary kept in memory');
			const expected = { phone: '4915123456789', template: 'invoice_ready', language: 'en', documentName: 'invoice-A-1042.pdf', body: ['A-1042'] };
			const req = assertDocumentSend(sb, expected, pdf, uploadName('invoice-a-1042', 'pdf'));
			assertSentItem(app.nodeOutput(r.run, 'Send with invoice')[0], sb.messages[0], req);
			assert.deepEqual(sb.messages[0].whatsapp.body, ['A-1042']);
		});
		await checkLargeFile(execute, sb, { id: wf.LARGE_FILE_ID, env, mode });
	}

	await check("execution hint: shipping_update's button, which stock platforms do not pass on, is sent once and the run shows the node's hint", async () => {
		const r = await execute(wf.BUTTON_HINT_ID);
		assertRan(r);
		assert.equal(sends(sb).length, 1);
		assertTemplateSend(sb, sends(sb)[0]);
		const task = r.run.data.resultData.runData[wf.SEND][0];
		const hints = (task.hints || []).map((h) => h.message);
		assert.equal(hints.length, 1, `hints: ${JSON.stringify(task.hints)}`);
		assert.match(hints[0], wf.BUTTON_HINT);
		assert.equal(app.nodeOutput(r.run, wf.SEND)[0].json.messageId, sb.messages[0].wamid);
		log(`  hint: ${hints[0].slice(0, 160)}`);
	});

	await checkUnapproved(execute, sb, { continueId: wf.UNAPPROVED_CONTINUE_ID, failId: wf.UNAPPROVED_FAIL_ID });
	await checkCrmContacts(execute, sb, CRM_CONTACTS_ID);
}

module.exports = { runExecutionChecks };
