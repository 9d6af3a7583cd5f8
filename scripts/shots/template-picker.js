'use strict';
/*
 * The template picker in the real editor (used only by scripts/screenshots.js):
 *   template-list.png    a NEW WhatsApp Templates node (version 1.1, Template: From List) with the
 *                        picker open and searched for "order": the workspace's approved templates
 *   template-picker.png  order_update (en) picked, its Template Values (Header {{1}}, {{1}}, {{2}},
 *                        each labelled with the template's text) filled in, and the step executed
 *                        against the sandbox: the output carries the messageId it issued
 *
 * The node is added the way a user adds it (node creator → action), not imported, so that the
 * shot also proves what a new node starts with. Every step waits for what the editor shows, not
 * for a fixed time: on a busy machine the editor's answers take seconds.
 */
const TEMPLATE = { search: 'order', label: 'order_update (en,', value: 'order_update|en' };
const VALUES = { headerText: 'A-1042', var1: 'Ada', var2: 'A-1042' };
const PHONE = '+49 151 23456789';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Click the first element under `selector` whose text contains `text`. */
async function clickText(page, selector, text) {
	const handle = await page.waitForFunction(
		(sel, t) => [...document.querySelectorAll(sel)].find((e) => e.textContent.includes(t)),
		{ polling: 250 },
		selector,
		text,
	);
	await handle.asElement().click();
}

/** Add a node from the node creator: search, open the node, pick the action (or take the node). */
async function addNode(page, opener, search, action) {
	// The creator of the previous node may still be closing and swallow a click: click until it opens.
	await page.waitForSelector('[data-test-id="node-creator"]', { hidden: true });
	for (let attempt = 1; ; attempt++) {
		await page.click(opener);
		const open = await page.waitForSelector('[data-test-id="node-creator-search-bar"]', { visible: true, timeout: 10000 }).catch(() => null);
		if (open) break;
		if (attempt === 5) throw new Error(`${opener} did not open the node creator`);
	}
	await page.keyboard.type(search);
	await page.waitForSelector('[data-test-id="node-creator-item-name"]', { visible: true });
	await page.keyboard.press('Enter');
	if (action) await clickText(page, '[data-test-id="item-iterator-item"]', action);
}

/** The values the editor asked the node for, with the version it asked as. */
function watchEditorCalls(page) {
	const calls = [];
	page.on('response', async (res) => {
		const m = /\/rest\/dynamic-node-parameters\/(resource-locator-results|resource-mapper-fields)/.exec(res.url());
		if (!m) return;
		const body = JSON.parse(res.request().postData() || '{}');
		calls.push({ kind: m[1], status: res.status(), version: body.nodeTypeAndVersion?.version, text: await res.text().catch(() => '') });
	});
	return calls;
}

/** Drag one edge of the parameters column (n8n truncates the values' labels in a narrow one). */
async function dragEdge(page, side, dx, log) {
	const edge = await page.$(`[data-test-id="ndv"] [class*="_resizer_"][class*="_${side}_"]`);
	if (!edge) return log(`no ${side} edge to drag: the labels may be cut`);
	const box = await edge.boundingBox();
	const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
	await page.mouse.move(x, y);
	await page.mouse.down();
	await page.mouse.move(x + dx, y, { steps: 12 });
	await page.mouse.up();
	await sleep(300);
}

/**
 * n8n 2.x saves a new workflow as soon as it has a node: archive and delete it, through the
 * editor's own session, so that repeated runs leave nothing behind in the dev user folder.
 */
async function deleteOpenWorkflow(page) {
	return page.evaluate(async () => {
		const id = (/\/workflow\/([^/?#]+)/.exec(location.pathname) || [])[1];
		if (!id || id === 'new') return 'no saved workflow';
		const headers = { 'content-type': 'application/json', 'browser-id': localStorage.getItem('n8n-browserId') || '' };
		const archive = await fetch(`/rest/workflows/${id}/archive`, { method: 'POST', headers, body: '{}' });
		const del = await fetch(`/rest/workflows/${id}`, { method: 'DELETE', headers });
		return `workflow ${id}: archive ${archive.status}, delete ${del.status}`;
	});
}

/**
 * @param {import('puppeteer-core').Page} page  signed in
 * @param {string} url                            the editor
 * @param {(page, name, options?) => Promise<void>} shoot
 * @param {(msg: string) => void} log
 */
async function templatePickerShots(page, url, shoot, log) {
	try {
		await pickerShots(page, url, shoot, log);
	} finally {
		log(`cleaned up: ${await deleteOpenWorkflow(page).catch((e) => e.message)}`);
	}
}

async function pickerShots(page, url, shoot, log) {
	const calls = watchEditorCalls(page);
	await page.goto(`${url}/workflow/new`, { waitUntil: 'domcontentloaded' });
	await page.waitForSelector('[data-test-id="canvas-add-button"]', { visible: true });

	await addNode(page, '[data-test-id="canvas-add-button"]', 'manual', null);
	await page.waitForSelector('[data-test-id="canvas-trigger-node"]');
	await page.waitForSelector('[data-test-id="node-creator-plus-button"]', { visible: true });
	// the Message → Send Template action, as the panel names it
	await addNode(page, '[data-test-id="node-creator-plus-button"]', 'WhatsApp Templates', 'Send a template');
	await page.waitForSelector('[data-test-id="ndv"]', { visible: true });

	// A new node starts with Template: From List (the 1.1 default; version 1 defaults to By Name).
	await page.waitForSelector('[data-test-id="resource-locator-template"]', { visible: true });
	const source = await page.$eval('[data-test-id="parameter-input-templateSource"] input', (e) => e.value);
	if (source !== 'From List') throw new Error(`a new node shows Template: ${source}, not From List`);
	await page.type('[data-test-id="parameter-input-phone"] input, [data-test-id="parameter-input-phone"] textarea', PHONE);

	// The picker: open, search, the approved templates of that name in each language.
	await page.click('[data-test-id="resource-locator-template"] [data-test-id="rlc-input"]');
	await page.waitForSelector('[data-test-id="rlc-item"]', { visible: true });
	await page.keyboard.type(TEMPLATE.search);
	await page.waitForFunction(
		(t) => {
			const rows = [...document.querySelectorAll('[data-test-id="rlc-item"]')].map((e) => e.textContent);
			return rows.length > 0 && rows.every((r) => r.includes(t));
		},
		{ polling: 250 },
		TEMPLATE.search,
	);
	const rows = await page.$$eval('[data-test-id="rlc-item"]', (els) => els.map((e) => e.textContent.trim()));
	log(`picker, searched "${TEMPLATE.search}": ${rows.join(' | ')}`);
	await sleep(400);
	await shoot(page, 'template-list.png');

	// Pick it: the mapper asks the node for this template's values.
	await clickText(page, '[data-test-id="rlc-item"]', TEMPLATE.label);
	const input = (id) => `[data-test-id="resource-mapper-container"] input[title='Parameter: "templateValues.value[\\"${id}\\"]"']`;
	for (const id of Object.keys(VALUES)) await page.waitForSelector(input(id), { visible: true });
	const labels = await page.$$eval('[data-test-id="resource-mapper-container"] label.n8n-input-label', (els) =>
		els.map((e) => e.textContent.replace(/\s+/g, ' ').trim()),
	);
	log(`values of ${TEMPLATE.value}: ${labels.join(' | ')}`);
	// exactly the template's three values, each labelled with the template's own text
	const inputs = await page.$$('[data-test-id="resource-mapper-container"] input[title^=\'Parameter: "templateValues.value\']');
	for (const text of ['Header {{1}} in “Order {{1}}”', '{{1}} in “Hi {{1}}, your order {{2}} is on its way.”', '{{2}} in “Hi {{1}}'])
		if (!labels.some((l) => l.startsWith(text))) throw new Error(`no value labelled ${text}: ${labels.join(' | ')}`);
	if (inputs.length !== Object.keys(VALUES).length) throw new Error(`${inputs.length} value inputs, expected ${Object.keys(VALUES).length}`);
	for (const [id, value] of Object.entries(VALUES)) await page.type(input(id), value);

	// Execute the step: the trigger and this node run, the sandbox issues a wamid.
	await page.click('[data-test-id="node-execute-button"]');
	await page.waitForFunction(() => /wamid\./.test(document.querySelector('[data-test-id="output-panel"]')?.textContent || ''), {
		polling: 500,
	});
	for (const btn of await page.$$('.el-notification__closeBtn')) await btn.click().catch(() => {});
	await dragEdge(page, 'left', -170, log);
	await dragEdge(page, 'right', 90, log);
	// Recipient Phone at the top: phone, Template, Approved Template and the values in one view.
	await page.$eval('[data-test-id="parameter-input-phone"]', (e) => e.closest('[data-test-id="parameter-item"]').scrollIntoView({ block: 'start' }));
	await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : null));
	await sleep(800);
	await shoot(page, 'template-picker.png');

	const wrong = calls.filter((c) => c.status !== 200 || c.version !== 1.1);
	if (wrong.length) throw new Error(`editor calls not 200 at version 1.1: ${JSON.stringify(wrong).slice(0, 800)}`);
	log(`editor calls: ${calls.map((c) => `${c.kind} ${c.status}`).join(', ')}`);
}

module.exports = { templatePickerShots, clickText, deleteOpenWorkflow };
