'use strict';
/*
 * The WhatsApp Templates Trigger in the running `n8n start` (one start for all), fed by the
 * sandbox's signed webhooks after real sends through the action node (the published
 * examples/webhook-send.json). The credential (Signing Secret) and two trigger workflows are
 * created and published through n8n's REST API, so this phase needs nothing before `n8n start`:
 *   - "e2e: trigger, every event": the trigger alone, every event;
 *   - examples/delivery-status.json: trigger → Filter (failed) → Update CRM (Code stand-in).
 * Checks: the lifecycle of a real send starts one execution per event with the send's messageId;
 * forged events answer 401 and start nothing; a replayed event starts nothing; the n8n format's
 * failed event reaches the CRM update; a legacy contact event comes out normalised. Every answer's
 * body is the trigger's JSON ({received, started, event | reason}).
 */
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const app = require('../lib/n8n-app');
const { withCredentials } = require('../lib/examples');
const { log, check } = require('./report');

const SECRET = `e2e-signing-${crypto.randomBytes(6).toString('hex')}`;
const TRIGGER_TYPE = `${app.PACKAGE_NAME}.whatsAppTemplatesTrigger`;
const { WEBHOOK_CREDENTIAL_TYPE } = app;
const ALL_HOOK = '3d7f1b2a-6c4e-4f8a-9b0d-1e2f3a4b5c6d';
const ORDER = { phone: '+49 151 23456789', name: 'Ada', order_id: 'A-1042' };
const EXAMPLE = path.join(app.REPO, 'examples', 'delivery-status.json');

/** The trigger's credential (Signing Secret = SECRET), created through n8n's REST API. */
const createWebhookCredential = (rest, name = 'WhatsApp Templates Webhook (e2e)') => rest.createCredential({ name, type: WEBHOOK_CREDENTIAL_TYPE, data: { signingSecret: SECRET } });

async function post(url, body, headers = {}) {
	const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, signal: AbortSignal.timeout(30000) });
	return { status: res.status, text: await res.text() };
}

/** A real send through the action node: the published examples/webhook-send.json. Returns its messageId. */
async function sendThroughN8n(n8n) {
	const r = await post(`${n8n.url}/webhook/whatsapp-template`, JSON.stringify(ORDER));
	assert.equal(r.status, 200, `webhook-send answered ${r.status}: ${r.text.slice(0, 500)}`);
	const { messageId } = JSON.parse(r.text);
	assert.match(messageId, /^wamid\./);
	return messageId;
}

function allEventsWorkflow(credential) {
	return {
		name: 'e2e: trigger, every event',
		nodes: [
			{
				parameters: { authentication: 'signingSecret', events: ['*'] },
				id: crypto.randomUUID(),
				name: 'WhatsApp Templates Trigger',
				type: TRIGGER_TYPE,
				typeVersion: 1,
				position: [0, 0],
				webhookId: ALL_HOOK,
				credentials: { [WEBHOOK_CREDENTIAL_TYPE]: credential },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

/** The example as a user imports it, its credential reference pointed at the one created here. */
function exampleWorkflow(credential) {
	return withCredentials(JSON.parse(fs.readFileSync(EXAMPLE, 'utf8')), { [WEBHOOK_CREDENTIAL_TYPE]: credential });
}

/** A workflow's finished executions, oldest first, each with its run data; waits until `count` finished. */
async function executions(rest, prov, workflowId, count, timeoutMs = 20000) {
	const { parse } = require(require.resolve('flatted', { paths: [prov.n8nPackageDir] }));
	const t0 = Date.now();
	let results = [];
	for (;;) {
		const list = await rest.request('GET', `/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}&limit=100`);
		results = ((list.json && list.json.data && list.json.data.results) || []).filter((e) => e.status !== 'running' && e.status !== 'new');
		if (results.length >= count || Date.now() - t0 > timeoutMs) break;
		await new Promise((r) => setTimeout(r, 200));
	}
	results.sort((a, b) => Number(a.id) - Number(b.id));
	const full = [];
	for (const e of results) {
		const r = await rest.request('GET', `/rest/executions/${e.id}`);
		full.push({ id: e.id, status: e.status, runData: parse(r.json.data.data).resultData.runData });
	}
	return full;
}

/** The JSON a node put out in an execution. */
function outputOf(execution, nodeName) {
	const runs = execution.runData[nodeName] || [];
	return ((runs[0] && runs[0].data && runs[0].data.main && runs[0].data.main[0]) || []).map((i) => i.json);
}

/** @param {object} ctx { sb, n8n (startN8n's result), prov (provision()'s result) } */
async function runTriggerChecks({ sb, n8n, prov }) {
	const t0 = Date.now();
	const rest = await app.RestClient.asOwner(n8n.url);
	const credential = await createWebhookCredential(rest);
	const allId = await rest.publishWorkflow(allEventsWorkflow(credential));
	const example = exampleWorkflow(credential);
	const exampleHook = example.nodes.find((n) => n.type === TRIGGER_TYPE).webhookId;
	const exampleId = await rest.publishWorkflow(example);
	await app.waitForWebhook(n8n.url, `${ALL_HOOK}/webhook`);
	await app.waitForWebhook(n8n.url, `${exampleHook}/webhook`);
	const allUrl = `${n8n.url}/webhook/${ALL_HOOK}/webhook`;
	log(`trigger: 2 workflows published in ${app.secs(Date.now() - t0)}; production URL ${allUrl}`);

	let deliveredAttempt = null;
	await check('Trigger (published): a real send through the action node, then the sandbox\'s signed message.sent/delivered/read (Xobito format) start one execution each, messageId = the send\'s', async () => {
		sb.reset();
		sb.configure({ webhook: { url: allUrl, format: 3, secret: SECRET } });
		const messageId = await sendThroughN8n(n8n);
		assert.equal(messageId, sb.messages[0].wamid);
		await sb.webhooksIdle();
		assert.deepEqual(sb.webhookDeliveries.map((d) => [d.event, d.attempt, d.status]), [
			['message.sent', 1, 200],
			['message.delivered', 1, 200],
			['message.read', 1, 200],
		]);
		// n8n's answer to each call: the trigger's JSON, not n8n's default text.
		assert.deepEqual(sb.webhookDeliveries.map((d) => JSON.parse(d.response)), ['message.sent', 'message.delivered', 'message.read'].map((event) => ({ received: true, started: true, event })));
		log(`  accepted: ${sb.webhookDeliveries[1].status} ${sb.webhookDeliveries[1].response}`);
		deliveredAttempt = sb.webhookDeliveries[1];
		const runs = await executions(rest, prov, allId, 3);
		const events = runs.map((e) => outputOf(e, 'WhatsApp Templates Trigger')[0]);
		assert.deepEqual(events.map((e) => [e.event, e.messageId, e.status, e.format]), [
			['message.sent', messageId, 'sent', 'xobito'],
			['message.delivered', messageId, 'delivered', 'xobito'],
			['message.read', messageId, 'read', 'xobito'],
		]);
		assert.ok(runs.every((e) => e.status === 'success'), runs.map((e) => e.status).join(', '));
		log(`  delivery event: ${JSON.stringify({ ...events[1], raw: '…' })}`);
	});

	await check('Trigger: a forged event (wrong secret, no signature, body changed after signing) is refused 401 and starts nothing', async () => {
		assert.ok(deliveredAttempt, 'needs the previous check');
		const before = (await executions(rest, prov, allId, 0)).length;
		const forged = deliveredAttempt.body.replace('message.delivered', 'message.failed');
		const wrong = await sb.postWebhook(forged, { url: allUrl, secret: 'guessed-secret', event: 'message.failed' });
		const unsigned = await sb.postWebhook(forged, { url: allUrl, signature: null, event: 'message.failed' });
		const changed = await post(allUrl, forged, { 'x-webhook-signature': deliveredAttempt.headers['X-Webhook-Signature'] });
		assert.deepEqual([wrong[0].status, unsigned[0].status, changed.status], [401, 401, 401], `${wrong[0].response} / ${unsigned[0].response} / ${changed.text}`);
		assert.deepEqual(JSON.parse(wrong[0].response), { received: false, started: false, reason: 'Invalid X-Webhook-Signature' });
		assert.deepEqual(JSON.parse(unsigned[0].response), { received: false, started: false, reason: 'Missing X-Webhook-Signature' });
		assert.deepEqual(JSON.parse(changed.text), { received: false, started: false, reason: 'Invalid X-Webhook-Signature' });
		log(`  refused: ${wrong[0].status} ${wrong[0].response}`);
		await new Promise((r) => setTimeout(r, 1000));
		assert.equal((await executions(rest, prov, allId, 0)).length, before, 'no execution started');
	});

	await check('Trigger: the same signed event delivered again (a platform retry) is answered 200 and starts nothing', async () => {
		const before = (await executions(rest, prov, allId, 0)).length;
		const r = await post(allUrl, deliveredAttempt.body, { 'x-webhook-signature': deliveredAttempt.headers['X-Webhook-Signature'], 'x-webhook-event': 'message.delivered' });
		assert.equal(r.status, 200, r.text);
		assert.deepEqual(JSON.parse(r.text), { received: true, started: false, reason: 'duplicate: this event started the workflow before' });
		log(`  duplicate: ${r.status} ${r.text}`);
		await new Promise((r2) => setTimeout(r2, 1000));
		assert.equal((await executions(rest, prov, allId, 0)).length, before);
	});

	await check('examples/delivery-status.json (published): a failed send in the n8n format reaches Update CRM with the send\'s messageId and WhatsApp\'s reason', async () => {
		sb.reset();
		sb.configure({ webhook: { url: `${n8n.url}/webhook/${exampleHook}/webhook`, format: 2, secret: SECRET, lifecycle: ['sent', 'failed'] } });
		const messageId = await sendThroughN8n(n8n);
		await sb.webhooksIdle();
		assert.deepEqual(sb.webhookDeliveries.map((d) => [d.event, d.status, d.headers['X-Webhook-Format']]), [
			['whatsapp.message.sent', 200, 'n8n'],
			['whatsapp.message.failed', 200, 'n8n'],
		]);
		// message.sent is not among the example's events: answered 200, no execution.
		assert.deepEqual(JSON.parse(sb.webhookDeliveries[0].response), { received: true, started: false, reason: 'event message.sent is not selected' });
		log(`  not selected: ${sb.webhookDeliveries[0].status} ${sb.webhookDeliveries[0].response}`);
		const runs = await executions(rest, prov, exampleId, 1);
		assert.equal(runs.length, 1);
		const [update] = outputOf(runs[0], 'Update CRM');
		assert.deepEqual(update.match, { whatsapp_message_id: messageId });
		assert.equal(update.update.whatsapp_status, 'failed');
		assert.equal(update.update.whatsapp_error, 'Message undeliverable');
		assert.equal(update.update.whatsapp_error_code, '131026');
		log(`  Update CRM: ${JSON.stringify(update)}`);
	});

	await check('Trigger: a contact event in the legacy CRUD envelope comes out as contact.updated with what changed', async () => {
		sb.reset();
		const before = (await executions(rest, prov, allId, 0)).length;
		const record = { id: 77, firstname: 'Ada', lastname: 'King', email: 'ada@example.com', phone: '+4915123456789' };
		const attempts = await sb.emitContactEvent({ action: 'updated', record, previous: { ...record, lastname: 'Lovelace' } }, { url: allUrl, format: 1, secret: SECRET });
		assert.equal(attempts[0].status, 200, attempts[0].response);
		const runs = await executions(rest, prov, allId, before + 1);
		const event = outputOf(runs[runs.length - 1], 'WhatsApp Templates Trigger')[0];
		assert.equal(event.event, 'contact.updated');
		assert.equal(event.format, 'legacy');
		assert.equal(event.phone, '+4915123456789');
		assert.deepEqual(event.changes.modifiedFields, ['lastname']);
	});

	sb.configure({ webhook: null });
	log(`trigger checks: ${app.secs(Date.now() - t0)}`);
}

module.exports = { runTriggerChecks, createWebhookCredential, executions, outputOf, post, SECRET, TRIGGER_TYPE, WEBHOOK_CREDENTIAL_TYPE };
