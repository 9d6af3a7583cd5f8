'use strict';
/*
 * examples/auto-reply.json's run in the real editor (used only by scripts/screenshots.js):
 *   auto-reply-run.png  the workflow's Executions tab, the run opened on the canvas: Customer wrote
 *                       → Asks for the invoice? → Send the invoice, each green with "1 item" on its
 *                       connections, Reply with text not run; under it the logs panel: the run's three
 *                       steps and Send the invoice's output (the messageId the sandbox issued)
 *
 * `npm run dev` imports and publishes the example and points the sandbox's webhook at it; the
 * shot makes a customer ask for the invoice through the dev control route (scripts/lib/dev-control.js),
 * which the sandbox posts signed, as the platform would. The run is checked through n8n's REST API
 * (success, the reply's messageId) before the editor is shown, so that the picture is of a real reply.
 */
const app = require('../lib/n8n-app');
const { postInbound } = require('../lib/dev-control');
const { provision } = require('../provision');
const { executions, outputOf } = require('../e2e/trigger');
const { showSentOutput, drag } = require('./agent-run');

const WORKFLOW_ID = 'WaTplAutoReply';
const CUSTOMER = { from: '447700900123', name: 'Alan', text: 'Hi, could you send me the invoice again?' };
const RAN = ['Customer wrote', 'Asks for the invoice?', 'Send the invoice'];
const NOT_RAN = 'Reply with text';
// Where the logs panel starts (px from the top): the canvas above keeps all four nodes and their names.
const PANEL_TOP = 560;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The customer writes; resolves with the execution it started, checked through the REST API. */
async function inboundRun(url, log, sandbox) {
	const rest = new app.RestClient(url);
	await rest.login(app.DEV_OWNER.email, app.DEV_OWNER.password);
	const prov = provision({ quiet: true });
	const before = (await executions(rest, prov, WORKFLOW_ID, 0)).length;
	const repliesBefore = sandbox ? sandbox.freeForm.length : 0;

	const posted = await postInbound(CUSTOMER);
	const answer = JSON.parse(posted.response || '{}');
	if (posted.status !== 200 || answer.started !== true) throw new Error(`n8n did not start the auto-reply: ${JSON.stringify(posted)}`);

	const runs = await executions(rest, prov, WORKFLOW_ID, before + 1, 60000);
	const run = runs[runs.length - 1];
	if (runs.length !== before + 1 || run.status !== 'success') throw new Error(`expected one new successful execution, got ${runs.slice(before).map((e) => e.status).join(', ') || 'none'}`);
	const [sent] = outputOf(run, RAN[2]);
	if (!sent || !/^wamid\./.test(sent.messageId) || outputOf(run, NOT_RAN).length) throw new Error(`the run did not send the invoice alone: ${JSON.stringify(run.runData).slice(0, 500)}`);
	if (sandbox) {
		const replies = sandbox.freeForm.slice(repliesBefore);
		if (replies.length !== 1 || replies[0].kind !== 'media' || replies[0].digits !== CUSTOMER.from || replies[0].wamid !== sent.messageId)
			throw new Error(`the sandbox got ${replies.length} replies: ${JSON.stringify(replies.map((m) => [m.kind, m.digits, m.wamid]))}`);
	}
	log(`auto-reply: execution ${run.id} sent the invoice to ${CUSTOMER.from} (${sent.messageId}); sandbox replies: ${sandbox ? 1 : 'not counted (a running npm run dev)'}`);
	return { id: run.id, messageId: sent.messageId };
}

/**
 * @param {import('puppeteer-core').Page} page  signed in
 * @param {string} url                            the editor
 * @param {(page, name, options?) => Promise<void>} shoot
 * @param {(msg: string) => void} log
 * @param {object} [sandbox]  the dev sandbox when this process started it: its replies are counted
 */
async function autoReplyShot(page, url, shoot, log, sandbox) {
	const { id, messageId } = await inboundRun(url, log, sandbox);
	await page.goto(`${url}/workflow/${WORKFLOW_ID}/executions/${id}`, { waitUntil: 'domcontentloaded' });
	await page.waitForSelector(`[data-test-id="execution-preview-details-${id}"]`, { visible: true });
	// The canvas shows the run once every node that ran is marked and both connections carry a count.
	const shown = await page.waitForFunction(
		(ran, notRan) => {
			const node = (name) => document.querySelector(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
			const ok = (name) => node(name)?.querySelector('[data-test-id="canvas-node-status-success"]');
			const counts = [...document.querySelectorAll('[data-test-id="edge-label"]')].map((e) => e.textContent.trim()).filter((t) => /item/.test(t));
			if (!ran.every(ok) || counts.length < 2) return null;
			return { counts, notRan: Boolean(ok(notRan)) };
		},
		{ polling: 250 },
		RAN,
		NOT_RAN,
	);
	const { counts, notRan } = await shown.jsonValue();
	if (notRan || counts.join() !== '1 item,1 item') throw new Error(`the canvas shows ${counts.join(', ')}; ${NOT_RAN} ran: ${notRan}`);
	for (const btn of await page.$$('.el-notification__closeBtn')) await btn.click().catch(() => {});

	// The logs panel under the canvas, in details: the reply's output next to the run's steps. The
	// editor keeps the panel's state (open, height, overview or details) from earlier pages, such
	// as the agent shot's: set it, do not toggle it.
	if (!(await page.$('[data-test-id="logs-overview-body"]'))) await page.click('[data-test-id="logs-overview-header"]');
	await page.waitForSelector('[data-test-id="logs-overview-body"]', { visible: true });
	const [top] = await page.$$('[data-test-id="logs-panel"] [data-test-id="resize-handle"]');
	const box = await top.boundingBox();
	if (Math.abs(PANEL_TOP - box.y) > 4) await drag(page, top, 0, PANEL_TOP - box.y);
	const details = await page.evaluateHandle(() =>
		[...document.querySelectorAll('[data-test-id="logs-panel"] button, [data-test-id="logs-panel"] label')].find((e) => e.textContent.trim() === 'Details' && e.offsetParent !== null),
	);
	if (details.asElement()) await details.asElement().click();
	await showSentOutput(page, RAN[2]);
	// the schema view renders after the switch: wait for this run's messageId in it
	await page
		.waitForFunction((want) => (document.querySelector('[data-test-id="log-details-output"]')?.textContent || '').includes(want), { polling: 250, timeout: 20000 }, messageId)
		.catch(() => {
			throw new Error(`the logs do not show ${messageId} as Send the invoice's output`);
		});
	await page.mouse.move(1200, 450); // off the nodes: no hover toolbar in the shot
	await sleep(800);
	await shoot(page, 'auto-reply-run.png');
}

module.exports = { autoReplyShot };
