'use strict';
/*
 * examples/auto-reply.json in the running `n8n start`, on each API leg's credential (v1: the
 * imported one; v2: the REST-created Auto credential with its `wm_` token): published through
 * n8n's REST API with a Signing Secret credential, then the sandbox posts signed inbound messages
 * in each body format that carries one (2: n8n's `whatsapp.message.received`, 3: Xobito's
 * `message.received`), which also open the sender's 24-hour window.
 *
 * Per leg and format: one customer asks about an order, another for the invoice. Each gets exactly
 * one reply (a text, or the PDF by URL), addressed to them, with the words the workflow built,
 * through the leg's API; the replies' own status events and a replayed inbound event start nothing.
 * Wire names come from test/support/wireWindow.ts (scripts/lib/wire.js), never spelled here.
 */
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const app = require('../lib/n8n-app');
const { CREDENTIAL_TYPE } = require('../lib/credential');
const { withCredentials } = require('../lib/examples');
const names = require('../lib/wire');
const { log, check } = require('./report');
const { LEGS } = require('./wire');
const { createWebhookCredential, executions, outputOf, SECRET, TRIGGER_TYPE, WEBHOOK_CREDENTIAL_TYPE } = require('./trigger');

const EXAMPLE = path.join(app.REPO, 'examples', 'auto-reply.json');
/** The sandbox's webhook body formats that carry an inbound message, and its event name in each. */
const FORMATS = { 2: 'whatsapp.message.received', 3: 'message.received' };

/** Two customers per check: one gets the text, the other (who writes "invoice", any case) the PDF. */
const ORDER = { from: '4915123456789', name: 'Ada', text: 'Hello, where is my order A-1042?' };
const INVOICE = { from: '447700900123', name: 'Alan', text: 'Could you send me the INVOICE again?' };
/** What the example's nodes build for them (examples/auto-reply.json). */
const REPLY_TEXT = (name) => `Thanks for your message, ${name}! We will answer within the hour. Write "invoice" to get your latest invoice.`;
const INVOICE_MEDIA = (name) => ({
	kind: 'document',
	url: 'https://example.com/invoices/latest-invoice.pdf',
	caption: `Here is your invoice, ${name}.`,
	fileName: 'invoice.pdf',
});
const NODE = { text: 'Reply with text', media: 'Send the invoice' };

/** The example as a user imports it, on `apiCredential`, with its own webhook (two legs live side by side). */
function autoReplyWorkflow(leg, apiCredential, webhookCredential) {
	const workflow = withCredentials(JSON.parse(fs.readFileSync(EXAMPLE, 'utf8')), { [CREDENTIAL_TYPE]: apiCredential, [WEBHOOK_CREDENTIAL_TYPE]: webhookCredential });
	workflow.name = leg.named(workflow.name);
	const trigger = workflow.nodes.find((n) => n.type === TRIGGER_TYPE);
	trigger.webhookId = crypto.randomUUID();
	return { workflow, hook: `${trigger.webhookId}/webhook` };
}

/** Each request was one of the leg's window sends, to its path with its token, answered 200. */
function assertLegWindowSends(sb, leg) {
	const prefix = new URL(sb.baseUrl).pathname.replace(/\/$/, '');
	const kinds = [];
	for (const r of sb.requests) {
		const kind = Object.keys(names.WINDOW_ROUTE_NAMES[leg.api]).find((k) => names.WINDOW_ROUTE_NAMES[leg.api][k] === r.route);
		assert.ok(kind && r.api === leg.api, `${r.method} ${r.path} (${r.api}) is not one of ${leg.api}'s window sends`);
		assert.equal(r.path, prefix + names.windowPath(leg.api, kind, sb.subdomain));
		assert.equal(r.authorization, `Bearer ${leg.token(sb)}`);
		assert.equal(r.status, 200, `${r.path}: ${JSON.stringify(r.response)}`);
		kinds.push(kind);
	}
	return kinds;
}

/** Exactly one reply to each customer: the text to ORDER, the document to INVOICE, both in the window. */
function assertOneReplyEach(sb, leg) {
	assert.deepEqual(assertLegWindowSends(sb, leg).sort(), ['media', 'text'], 'one text and one media send, nothing else (no retry, no list read)');
	assert.deepEqual(sb.freeForm.map((m) => m.digits).sort(), [INVOICE.from, ORDER.from].sort(), 'one reply per inbound message, to its sender');
	const text = sb.freeForm.find((m) => m.digits === ORDER.from);
	const media = sb.freeForm.find((m) => m.digits === INVOICE.from);
	assert.deepEqual([text.api, text.kind, media.api, media.kind], [leg.api, 'text', leg.api, 'media']);
	assert.deepEqual(text.fields, names.textBody(leg.api, ORDER.from, REPLY_TEXT(ORDER.name)));
	assert.deepEqual(media.fields, names.mediaBody(leg.api, { phone: INVOICE.from, ...INVOICE_MEDIA(INVOICE.name) }));
	assert.deepEqual(media.files, [], 'the PDF goes by URL');
	assert.ok(text.inWindow && media.inWindow, 'the inbound message opened the window');
	return { text, media };
}

/**
 * One check: both customers write in `format`; their executions reply once each, the replies'
 * status events (sent, delivered, read, to the same webhook) and the replayed inbound events start nothing.
 */
async function checkFormat({ sb, rest, prov, n8n, leg, live, format }) {
	await check(leg.named(`examples/auto-reply.json (published): signed ${FORMATS[format]} (format ${format}) from two customers: one text reply and one invoice PDF, each once to its sender; a replay and the replies' status events start nothing`), async () => {
		sb.reset();
		sb.configure({ webhook: { url: `${n8n.url}/webhook/${live.hook}`, format, secret: SECRET } });
		const before = (await executions(rest, prov, live.id, 0)).length;
		const inbound = [];
		for (const customer of [ORDER, INVOICE]) {
			const [attempt] = await sb.emitReceivedMessage(customer);
			assert.equal(attempt.event, FORMATS[format]);
			assert.deepEqual([attempt.status, JSON.parse(attempt.response)], [200, { received: true, started: true, event: 'message.received' }], attempt.response);
			inbound.push(attempt);
		}
		const runs = (await executions(rest, prov, live.id, before + 2)).slice(before);
		assert.deepEqual(runs.map((e) => e.status), ['success', 'success'], 'two executions, both succeeded');
		await sb.webhooksIdle();
		const { text, media } = assertOneReplyEach(sb, leg);
		// Each execution put out its reply's messageId: the wamid the sandbox issued for it.
		const out = (node) => runs.flatMap((e) => outputOf(e, node));
		assert.deepEqual([out(NODE.text).map((j) => j.messageId), out(NODE.media).map((j) => j.messageId)], [[text.wamid], [media.wamid]]);
		const statusEvents = sb.webhookDeliveries.filter((d) => d.event !== FORMATS[format]);
		assert.ok(statusEvents.length > 0, 'the sandbox reported the replies\' statuses to the same webhook');
		for (const d of statusEvents) assert.equal(JSON.parse(d.response).started, false, `${d.event}: ${d.response}`);

		// The platform delivers an event twice: the same signed bytes again.
		for (const attempt of inbound) {
			const [again] = await sb.postWebhook(attempt.body, { event: attempt.event });
			assert.deepEqual([again.status, JSON.parse(again.response)], [200, { received: true, started: false, reason: 'duplicate: this event started the workflow before' }], again.response);
		}
		await new Promise((r) => setTimeout(r, 1000));
		assert.equal((await executions(rest, prov, live.id, 0)).length, before + 2, 'no execution for the replays');
		assert.equal(sb.freeForm.length, 2, 'no reply for the replays');
		log(`  ${leg.api} format ${format}: text ${JSON.stringify(text.fields)}; document ${JSON.stringify(media.fields)}`);
	});
}

/**
 * @param {object} ctx { sb, n8n, prov, rest (owner RestClient), v2Credential: the v2 leg's API
 *   credential reference, or null when that leg could not be set up (its check failed) }
 */
async function runAutoReplyChecks({ sb, n8n, prov, rest, v2Credential }) {
	const t0 = Date.now();
	const legs = [[LEGS.v1, { id: app.CREDENTIAL_ID, name: app.CREDENTIAL_NAME }]];
	if (v2Credential) legs.push([LEGS.v2, v2Credential]);
	else log('auto-reply: no API v2 credential (the v2 leg\'s setup failed), v1 only');
	const webhookCredential = await createWebhookCredential(rest, 'WhatsApp Templates Webhook (auto-reply)');
	const live = [];
	for (const [leg, credential] of legs) {
		const { workflow, hook } = autoReplyWorkflow(leg, credential, webhookCredential);
		live.push({ leg, id: await rest.publishWorkflow(workflow), hook });
	}
	for (const { hook } of live) await app.waitForWebhook(n8n.url, hook);
	log(`auto-reply: ${live.length} published in ${app.secs(Date.now() - t0)}`);
	for (const l of live) for (const format of Object.keys(FORMATS).map(Number)) await checkFormat({ sb, rest, prov, n8n, leg: l.leg, live: l, format });
	sb.configure({ webhook: null });
	log(`auto-reply checks: ${app.secs(Date.now() - t0)}`);
}

module.exports = { runAutoReplyChecks };
