'use strict';
/*
 * n8n's node panel (the node creator) in the real editor (used only by scripts/screenshots.js):
 *   nodes-panel.png   a new workflow's "+" after its Manual Trigger, searched for "Xobito", the
 *                     package's one entry opened: its description, its actions ("Send a template",
 *                     "Get many templates") and the trigger's events. n8n shows one entry for the
 *                     action node and the trigger, described with the trigger's description.
 * The workflow is never saved; if the editor saved it anyway, it is deleted again.
 */
const { clickText, deleteOpenWorkflow } = require('./template-picker');

const SEARCH = 'Xobito';
const ACTIONS = ['Send a template', 'Get many templates'];

/** The texts the open panel shows: its items' names and the entry's description. */
async function panelTexts(page) {
	return page.$eval('[data-test-id="node-creator"]', (e) => e.innerText);
}

/**
 * @param {import('puppeteer-core').Page} page  signed in
 * @returns the description and actions the panel showed, for the log
 */
async function nodesPanelShot(page, url, shoot, log) {
	try {
		await page.goto(`${url}/workflow/new`, { waitUntil: 'domcontentloaded' });
		await page.waitForSelector('[data-test-id="canvas-add-button"]', { visible: true });
		await page.click('[data-test-id="canvas-add-button"]');
		await page.waitForSelector('[data-test-id="node-creator-search-bar"]', { visible: true });
		await page.keyboard.type('manual');
		await page.waitForSelector('[data-test-id="node-creator-item-name"]', { visible: true });
		await page.keyboard.press('Enter');
		await page.waitForSelector('[data-test-id="canvas-trigger-node"]');
		await page.waitForSelector('[data-test-id="node-creator"]', { hidden: true });
		await page.click('[data-test-id="node-creator-plus-button"]');
		await page.waitForSelector('[data-test-id="node-creator-search-bar"]', { visible: true });
		await page.keyboard.type(SEARCH);
		await clickText(page, '[data-test-id="node-creator-item-name"]', 'WhatsApp Templates');
		await page.waitForFunction((names) => names.every((n) => document.querySelector('[data-test-id="node-creator"]').innerText.includes(n)), { polling: 250 }, ACTIONS);
		await new Promise((r) => setTimeout(r, 800));
		const texts = await panelTexts(page);
		log(`node panel shows:\n${texts.split('\n').filter(Boolean).slice(0, 14).map((l) => `    ${l}`).join('\n')}`);
		await shoot(page, 'nodes-panel.png');
		return texts;
	} finally {
		log(`cleaned up: ${await deleteOpenWorkflow(page).catch((e) => e.message)}`);
	}
}

module.exports = { nodesPanelShot };
