#!/usr/bin/env node
'use strict';
/*
 * Screenshots of the node in the real n8n editor, into docs/screenshots/:
 *   canvas-crm-sync.png   the CRM sync example after a run (success and error outputs)
 *   node-panel.png        the node's panel in the media example after a run: the PDF as input
 *                         binary, the document header parameters, the API's answer as output
 *   credential.png        the credential dialog (Platform URL, Workspace Subdomain, API Token)
 *   template-list.png     a new node (version 1.1): the template picker open, searched for "order"
 *   template-picker.png   order_update (en) picked, its Template Values filled, the step executed
 *                         (scripts/shots/template-picker.js)
 *   agent-run.png         Chat Trigger → AI Agent 3.1 with the WhatsApp Templates Tool, after a chat
 *                         message: the model (a loopback server) called the tool once, one message
 *                         sent (scripts/shots/agent-run.js)
 *   nodes-panel.png       n8n's node panel searched for "Xobito", the package's entry opened: its
 *                         description and its actions (scripts/shots/nodes-panel.js)
 *   auto-reply-run.png    examples/auto-reply.json's execution after a customer asked for the invoice:
 *                         trigger → IF → Send the invoice, each with 1 item (scripts/shots/auto-reply.js)
 *
 *   node scripts/screenshots.js                    all of them
 *   node scripts/screenshots.js template-picker    only the shots whose group is named
 *                                                  (crm, node-panel, template-picker, agent, nodes-panel,
 *                                                  auto-reply)
 *
 * Uses a running `npm run dev` (http://127.0.0.1:5678, N8N_DEV_PORT) when there is one, else
 * starts the same dev environment itself and stops it afterwards. Drives Debian's
 * /usr/bin/chromium (apt-get install -y chromium) with puppeteer-core.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const app = require('./lib/n8n-app');
const { templatePickerShots } = require('./shots/template-picker');
const { agentRunShot } = require('./shots/agent-run');
const { nodesPanelShot } = require('./shots/nodes-panel');
const { autoReplyShot } = require('./shots/auto-reply');

const OUT = path.join(app.REPO, 'docs', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const PORT = Number(process.env.N8N_DEV_PORT || 5678);
const MAX_BYTES = 150 * 1024;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// On a busy machine the editor takes seconds per answer: wait for what it shows, up to 2 minutes.
const TIMEOUT_MS = 120000;
const GROUPS = ['crm', 'node-panel', 'template-picker', 'agent', 'nodes-panel', 'auto-reply'];
const wanted = process.argv.slice(2);
const want = (group) => wanted.length === 0 || wanted.includes(group);

function log(msg) {
	process.stdout.write(`[screenshots] ${msg}\n`);
}

async function devIsRunning(url) {
	if (!(await app.portInUse(PORT))) return false;
	try {
		const rest = new app.RestClient(url);
		await rest.login(app.DEV_OWNER.email, app.DEV_OWNER.password);
		return true;
	} catch {
		return false;
	}
}

async function shoot(page, name, options = {}) {
	const file = path.join(OUT, name);
	await page.screenshot({ path: file, ...options });
	const size = fs.statSync(file).size;
	log(`${path.relative(app.REPO, file)}: ${(size / 1024).toFixed(0)} KB${size > MAX_BYTES ? ' (over 150 KB!)' : ''}`);
	if (size > MAX_BYTES) throw new Error(`${name} is ${size} bytes, over ${MAX_BYTES}`);
}

/** Click "Execute workflow" and wait until every connection shows its item count. */
async function runWorkflow(page, connections) {
	await page.click('[data-test-id="execute-workflow-button"]');
	await page.waitForFunction(
		(n) => [...document.querySelectorAll('[data-test-id="edge-label"]')].filter((e) => /item/.test(e.textContent)).length >= n,
		{ timeout: TIMEOUT_MS, polling: 250 },
		connections,
	);
	await sleep(800);
	// close the "Workflow executed successfully" toast
	for (const btn of await page.$$('.el-notification__closeBtn')) await btn.click().catch(() => {});
	await sleep(600);
}

async function main() {
	for (const w of wanted) if (!GROUPS.includes(w)) throw new Error(`unknown shot group ${w}: one of ${GROUPS.join(', ')}`);
	if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium`);
	const puppeteer = require('puppeteer-core');
	const url = `http://127.0.0.1:${PORT}`;

	let dev = null;
	if (await devIsRunning(url)) log(`using the running n8n at ${url}`);
	else {
		log('no running `npm run dev`: starting the dev environment');
		dev = await require('./dev').startDev({ port: PORT });
	}

	fs.mkdirSync(OUT, { recursive: true });
	const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-shots-'));
	const browser = await puppeteer.launch({
		executablePath: CHROMIUM,
		headless: true,
		userDataDir,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	let page = null;
	try {
		page = await browser.newPage();
		await page.setViewport({ width: 1280, height: 800, deviceScaleFactor: 1 });
		page.setDefaultTimeout(TIMEOUT_MS);
		page.setDefaultNavigationTimeout(TIMEOUT_MS);

		log('signing in');
		await page.goto(`${url}/signin`, { waitUntil: 'networkidle2' });
		await page.type('#emailOrLdapLoginId', app.DEV_OWNER.email);
		await page.type('#password', app.DEV_OWNER.password);
		await page.click('[data-test-id="form-submit-button"]');
		await page
			.waitForFunction(() => !location.pathname.startsWith('/signin'), { timeout: TIMEOUT_MS })
			.catch(() => {
				throw new Error(`login failed (still at ${page.url()})`);
			});

		// 1. The CRM sync canvas after a run: 4 in, 3 sent, 1 to the error output.
		if (want('crm')) {
			await page.goto(`${url}/workflow/WaTplExampleCrm1`, { waitUntil: 'networkidle2' });
			await page.waitForSelector('[data-test-id="canvas-node"]');
			await runWorkflow(page, 4);
			await shoot(page, 'canvas-crm-sync.png');
		}

		// 2. The node panel in the media example after a run, 3. the credential dialog opened from it.
		if (want('node-panel')) {
			await page.goto(`${url}/workflow/WaTplExampleFile`, { waitUntil: 'networkidle2' });
			await page.waitForSelector('[data-test-id="canvas-node"]');
			await runWorkflow(page, 3);
			const node = await page.$('[data-test-id="canvas-node"][data-node-name="Send with invoice"]');
			await node.click({ count: 2 });
			await page.waitForSelector('[data-test-id="ndv"]', { visible: true });
			await sleep(1200);
			await shoot(page, 'node-panel.png');

			await page.click('[data-test-id="credential-edit-button"]');
			await page.waitForSelector('[data-test-id="credential-edit-dialog"], .el-dialog', { visible: true });
			await sleep(1200);
			await shoot(page, 'credential.png');
		}

		// 4. A new node's template picker and the picked template's values (in a new workflow, which
		//    the shot deletes again).
		if (want('template-picker')) await templatePickerShots(page, url, shoot, log);

		// 5. An AI Agent run that sent through the node (a workflow and credential it deletes again);
		//    the sandbox's sends are counted when this process started it.
		if (want('agent')) await agentRunShot(page, url, shoot, log, dev && dev.sandbox);

		// 6. n8n's node panel: the package's one entry and its actions.
		if (want('nodes-panel')) await nodesPanelShot(page, url, shoot, log);

		// 7. The auto-reply example's run after a customer asked for the invoice (posted through the
		//    dev control route); the sandbox's replies are counted when this process started it.
		if (want('auto-reply')) await autoReplyShot(page, url, shoot, log, dev && dev.sandbox);
	} catch (err) {
		// What the editor showed when it went wrong (an error toast, a node in red) says more than a timeout.
		const failure = path.join(os.tmpdir(), 'screenshots-failure.png');
		if (page) await page.screenshot({ path: failure }).then(() => log(`the page at the failure: ${failure}`), () => {});
		throw err;
	} finally {
		await browser.close();
		fs.rmSync(userDataDir, { recursive: true, force: true });
		if (dev) await dev.stop();
	}
}

main().then(
	() => process.exit(0),
	(err) => {
		log(`FAILED: ${err.stack || err.message}`);
		process.exit(1);
	},
);
