'use strict';
/*
 * The e2e workflows (scripts/e2e/workflows.js and the examples, unchanged) run by the workers of
 * the queue-mode cluster: manual runs through the main's REST API (offloaded to the workers) and
 * the published webhook example through the main's webhook, each asserted at the sandbox as the
 * e2e does, plus: a worker's log says it started the execution.
 */
const assert = require('node:assert/strict');

const app = require('../lib/n8n-app');
const wf = require('../e2e/workflows');
const { wireBody, sends, assertOnlySendsAndOneListRead, mediaFileField, sha256, assertTemplateSend, assertSentItem } = require('../e2e/wire');
const { check } = require('../e2e/report');
const { runManual, waitExecution } = require('./cluster');
const { log } = require('./services');

/** Output items of a node in a stored execution's data. */
function output(ex, node) {
	const task = ex.data.resultData.runData[node];
	return (task && task[0] && task[0].data && task[0].data.main[0]) || [];
}

/**
 * @param {object} ctx { prov, cluster, sb, spread (Map worker name → executions, filled here) }
 */
async function runQueueE2e({ prov, cluster, sb, spread }) {
	/** Which worker started the execution; fails when none did. */
	function ranOnWorker(executionId, label) {
		const w = cluster.workerOf(executionId);
		assert.ok(w, `no worker log says it started execution ${executionId} (${label})`);
		spread.set(w.name, [...(spread.get(w.name) || []), executionId]);
		log(`  execution ${executionId} ran on ${w.name}`);
		return w;
	}
	async function runOnWorker(workflowId) {
		sb.reset();
		const id = await runManual(cluster.rest, workflowId);
		const ex = await waitExecution(prov, cluster.rest, id);
		assertOnlySendsAndOneListRead(sb);
		ranOnWorker(id, workflowId);
		return ex;
	}
	const ok = (ex) => assert.equal(ex.status, 'success', `execution ${ex.id}: ${ex.status} ${JSON.stringify(ex.data.resultData.error || {}).slice(0, 500)}`);

	await check('queue: JSON send (header, unicode variables, button, sender id, contact) run by a worker', async () => {
		const ex = await runOnWorker(wf.JSON_SEND_ID);
		ok(ex);
		assert.equal(sends(sb).length, 1);
		const [req] = sends(sb);
		assertTemplateSend(sb, req);
		assert.deepEqual(req.fields, wireBody(wf.JSON_SEND_EXPECTED));
		const out = output(ex, wf.SEND);
		assert.equal(out.length, 1);
		assertSentItem(out[0], sb.messages[0], req);
	});

	await check("queue: examples/media-from-file.json, the PDF made in the workflow (binary data in PostgreSQL, mode 'database') byte-identical, run by a worker", async () => {
		const ex = await runOnWorker('WaTplExampleFile');
		ok(ex);
		const pdf = Buffer.from(output(ex, 'Make invoice PDF')[0].json.pdf_base64, 'base64');
		const bin = output(ex, 'Convert to File')[0].binary.invoice;
		assert.match(bin.id || '', /^database:/, `binary stored in the database (id ${bin.id})`);
		assert.equal(sends(sb).length, 1);
		const [req] = sends(sb);
		assertTemplateSend(sb, req);
		const expected = { phone: '4915123456789', template: 'invoice_ready', language: 'en', documentName: 'invoice-A-1042.pdf', body: ['A-1042'] };
		assert.deepEqual(req.fields, wireBody(expected));
		assert.equal(req.files.length, 1);
		assert.equal(req.files[0].field, mediaFileField('document'));
		assert.match(req.files[0].filename, /^invoice-a-1042-0-[0-9a-f]{12}\.pdf$/);
		assert.equal(req.files[0].sha256, sha256(pdf), 'bytes identical');
		assertSentItem(output(ex, 'Send with invoice')[0], sb.messages[0], req);
		log(`  binary ${bin.id} (${bin.fileSize})`);
	});

	await check('queue: 3 MiB binary made in the workflow (database mode) arrives byte-identical, run by a worker', async () => {
		const ex = await runOnWorker(wf.LARGE_FILE_ID);
		ok(ex);
		const bytes = Buffer.from(output(ex, 'Make bytes')[0].json.file_base64, 'base64');
		assert.equal(bytes.length, wf.LARGE_FILE_BYTES);
		const [req] = sends(sb);
		assert.deepEqual(req.fields, wireBody(wf.LARGE_FILE_EXPECTED));
		assert.equal(req.files[0].size, bytes.length);
		assert.equal(req.files[0].sha256, sha256(bytes), 'bytes identical');
		assertSentItem(output(ex, wf.SEND)[0], sb.messages[0], req);
	});

	await check('queue: unapproved template, continue-on-fail: refused by the template check, nothing sent, run by a worker', async () => {
		const ex = await runOnWorker(wf.UNAPPROVED_CONTINUE_ID);
		ok(ex);
		assert.equal(sb.messages.length, 0, 'nothing sent');
		const out = output(ex, wf.SEND);
		assert.match(String(out[0].json.error), wf.NOT_APPROVED_CHECK);
		assert.equal(out[0].json.details.delivery, 'not sent');
	});

	await check("queue: unapproved template, check off, stop on error: the platform's 404 explained, execution failed, run by a worker", async () => {
		const ex = await runOnWorker(wf.UNAPPROVED_FAIL_ID);
		assert.equal(ex.status, 'error');
		assert.match(JSON.stringify(ex.data.resultData.error), wf.NOT_APPROVED_404);
		assert.equal(sends(sb).length, 1);
		assertTemplateSend(sb, sends(sb)[0], { status: 404 });
		assert.equal(sb.messages.length, 0, 'nothing sent');
	});

	await check('queue: examples/webhook-send.json (published; the main takes the call, a worker runs it) answers with the messageId', async () => {
		sb.reset();
		const res = await fetch(`${cluster.main.url}/webhook/whatsapp-template`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ phone: '+49 151 23456789', name: 'Ada', order_id: 'A-1042' }),
			signal: AbortSignal.timeout(120000),
		});
		const text = await res.text();
		assert.equal(res.status, 200, `webhook answered ${res.status}: ${text}`);
		assertOnlySendsAndOneListRead(sb);
		assert.equal(sends(sb).length, 1);
		const expected = { phone: '4915123456789', template: 'order_update', language: 'en', headerText: 'A-1042', body: ['Ada', 'A-1042'], contact: { firstname: 'Ada' } };
		assert.deepEqual(sends(sb)[0].fields, wireBody(expected));
		assert.equal(JSON.parse(text).messageId, sb.messages[0].wamid);
		const [[id, mode]] = cluster.pg.query(`select id, mode from execution_entity where "workflowId"='WaTplExampleHook' order by id desc limit 1`);
		assert.equal(mode, 'webhook');
		ranOnWorker(id, 'webhook');
	});

	await check('queue: the main ran none of them (its log has no "Worker started execution")', async () => {
		assert.doesNotMatch(require('node:fs').readFileSync(cluster.mainLog, 'utf8'), /Worker started execution/);
		assert.match(require('node:fs').readFileSync(cluster.mainLog, 'utf8'), new RegExp(`Loaded all credentials and nodes from ${app.PACKAGE_NAME}`));
	});
}

module.exports = { runQueueE2e };
