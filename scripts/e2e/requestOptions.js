'use strict';
/*
 * n8n's Request Options (Proxy, Timeout) on the node itself, in the real n8n. The node declares
 * them (it has execute(), so n8n does not inject them) and must honour them; the engine tests
 * check that against n8n-core, these against the n8n the e2e installed.
 *
 * The loopback forward proxy (test/support/forwardProxy.js, started by run.js beside the sandbox)
 * listens on a port known only at run time: run.js builds these workflows once it listens and
 * imports them with the others (one import, one n8n boot fewer).
 */
const assert = require('node:assert/strict');

const app = require('../lib/n8n-app');
const wf = require('./workflows');
const { wireBody, sends, assertTemplateSend, assertSentItem } = require('./wire');
const { executeWorkflow, assertRan } = require('./execute');
const { log, check } = require('./report');

const PROXY_ID = 'E2eReqOptProxy01';
const TIMEOUT_ID = 'E2eReqOptTimeout';
/** Request Options → Timeout of the timeout workflow: far below the node's 300 s default. */
const TIMEOUT_MS = 1500;
const PLAIN_NOTICE = { phone: '4915123456789', templateName: 'plain_notice', templateLanguage: 'en' };
const PLAIN_NOTICE_EXPECTED = { phone: '4915123456789', template: 'plain_notice', language: 'en' };
/** The node's words for a send that got no answer within the timeout (shared/apiError.ts). */
const NO_ANSWER_IN_TIME = 'The platform did not answer in time';

/** Start → one plain_notice send with these Request Options. */
function plainNoticeWorkflow(id, name, requestOptions, nodeSettings = {}) {
	const send = { ...wf.sendNode(`${id}-send`, { ...PLAIN_NOTICE, requestOptions }, nodeSettings), position: [220, 0] };
	return wf.workflow(id, name, [wf.manualTrigger(`${id}-start`), send], { Start: { main: [[wf.conn(wf.SEND)]] } });
}

/** The two workflows, the proxy workflow pointing at the proxy that now listens; run.js imports them with the others. */
function requestOptionWorkflows(proxyUrl) {
	return [
		plainNoticeWorkflow(PROXY_ID, 'e2e: Request Options → Proxy (a loopback forward proxy)', { proxy: proxyUrl }),
		plainNoticeWorkflow(TIMEOUT_ID, `e2e: Request Options → Timeout ${TIMEOUT_MS} ms, continue on fail`, { timeout: TIMEOUT_MS }, { onError: 'continueRegularOutput' }),
	];
}

/** `n8n execute` one workflow that must run to its end. */
async function execute(prov, env, sb, id) {
	const r = await executeWorkflow(prov, env, sb, id);
	assertRan(r);
	return r;
}

/**
 * @param {object} ctx  { prov, sb, envFor(binaryMode), proxy: startForwardProxy()'s, at whose url requestOptionWorkflows pointed }
 */
async function runRequestOptionChecks({ prov, sb, envFor, proxy }) {
	const env = envFor('filesystem');
	await check('Request Options → Proxy: the template-list read and the send go through a loopback forward proxy; messageId is the wamid', async () => {
		sb.reset();
		proxy.reset();
		const r = await execute(prov, env, sb, PROXY_ID);
		assert.equal(sends(sb).length, 1, `sandbox got ${sends(sb).length} sends`);
		const [req] = sends(sb);
		assertTemplateSend(sb, req);
		assert.deepEqual(req.fields, wireBody(PLAIN_NOTICE_EXPECTED));
		// Everything the sandbox received came through the proxy, in absolute form, to the sandbox.
		const origin = new URL(sb.baseUrl).origin;
		const viaProxy = proxy.requests.map((p) => ({ ...p, target: new URL(p.url) }));
		assert.ok(viaProxy.every((p) => p.target.origin === origin), `proxied URLs: ${viaProxy.map((p) => p.url).join(', ')}`);
		assert.deepEqual(
			viaProxy.map((p) => `${p.method} ${p.target.pathname} ${p.status}`),
			sb.requests.map((q) => `${q.method} ${q.path} ${q.status}`),
			'the proxy recorded exactly what the sandbox received',
		);
		assert.deepEqual(sb.requests.map((q) => q.route), ['templates.list', 'messages.template'], 'the template check read the list, then one send');
		const out = app.nodeOutput(r.run, wf.SEND);
		assert.equal(out.length, 1);
		assertSentItem(out[0], sb.messages[0], req);
		log(`  via the proxy: ${viaProxy.map((p) => `${p.method} ${p.target.pathname}`).join(', ')}`);
	});

	await check(`Request Options → Timeout ${TIMEOUT_MS} ms, continue-on-fail: a send never answered ends at the timeout, is not resent, delivery 'unknown'`, async () => {
		sb.reset();
		sb.injectFault({ kind: 'hang', times: 1 });
		const r = await execute(prov, env, sb, TIMEOUT_ID);
		assert.equal(sends(sb).length, 1, `sandbox got ${sends(sb).length} sends (a send that may have gone out is never resent)`);
		const [req] = sends(sb);
		assert.equal(req.fault, 'hang');
		assert.equal(req.status, null, 'the sandbox never answered');
		assert.equal(sb.messages.length, 0);
		// The node closed the connection at its timeout, not at the 300 s default nor at n8n's exit.
		assert.ok(req.endedAt !== null, 'the connection of the send was never closed');
		const heldMs = req.endedAt - req.startedAt;
		assert.ok(heldMs >= TIMEOUT_MS - 250 && heldMs < TIMEOUT_MS + 8000, `the send's connection was closed after ${Math.round(heldMs)} ms`);
		const out = app.nodeOutput(r.run, wf.SEND);
		assert.equal(out.length, 1);
		assert.equal(out[0].json.error, NO_ANSWER_IN_TIME, `details: ${JSON.stringify(out[0].json.details)}`);
		assert.equal(out[0].json.details.delivery, 'unknown');
		assert.equal(out[0].json.messageId, undefined);
		log(`  connection closed ${Math.round(heldMs)} ms after the send arrived; run ${app.secs(r.ms)}; item error: ${out[0].json.error}`);
	});
}

module.exports = { requestOptionWorkflows, runRequestOptionChecks };
