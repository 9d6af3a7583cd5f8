'use strict';
/*
 * Bulk sends through the cluster: a published webhook workflow makes `items` items (one phone
 * each, unique per run and item) and sends plain_notice to all of them. Its webhook answers when
 * the execution is done (responseMode lastNode), so a POST's answer time is the run's time.
 */
const { NODE_TYPE } = require('../lib/package');
const { CREDENTIAL_ID, CREDENTIAL_NAME } = require('../lib/credential');
const { sends, platform, wireBody } = require('../e2e/wire');

const BULK_ID = 'QueueBulkSend001';
const BULK_PATH = 'queue-bulk';
const LIST_ROUTE = platform.ROUTES.find((r) => r.name === 'templates.list').name;
/** The wire name of the phone, read off the tests' one table (test/support/wire.ts). */
const PHONE_FIELD = Object.entries(wireBody({ phone: '\u0000', template: '', language: '' })).find(([, v]) => v === '\u0000')[0];
/** Exactly what one bulk message must carry. */
const bulkBody = (phone) => wireBody({ phone, template: 'plain_notice', language: 'en' });

/** The phone of item i of run r: +49 151 RRR IIII (a German mobile; run and item readable in it). */
const bulkPhone = (run, item) => `49151${String(run).padStart(3, '0')}${String(item).padStart(4, '0')}`;

/**
 * Webhook (POST /webhook/queue-bulk, body {run, items}) → Code (the items) → send.
 * rateLimitRetries: the node's Rate-Limit Retries (undefined: its default, 5); see README
 * "Running in queue mode" for why executions sharing one token want more.
 */
function bulkWorkflow({ id = BULK_ID, path = BULK_PATH, rateLimitRetries } = {}) {
	const conn = (node) => [[{ node, type: 'main', index: 0 }]];
	const options = rateLimitRetries === undefined ? {} : { rateLimitRetries };
	return {
		id,
		name: `queue: bulk send of plain_notice (${path})`,
		active: false,
		settings: { executionOrder: 'v1' },
		pinData: {},
		tags: [],
		nodes: [
			{
				parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
				id: `${id}-hook`,
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2.1,
				position: [0, 0],
				webhookId: `${id}-${path}`,
			},
			{
				parameters: {
					jsCode: `const { run, items } = $json.body;
return Array.from({ length: items }, (_, i) => ({ json: { run, item: i, phone: '49151' + String(run).padStart(3, '0') + String(i).padStart(4, '0') } }));`,
				},
				id: `${id}-code`,
				name: 'Recipients',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
			},
			{
				parameters: {
					resource: 'message',
					operation: 'sendTemplate',
					phone: '={{ $json.phone }}',
					templateName: 'plain_notice',
					templateLanguage: 'en',
					bodyVariables: {},
					buttonParameters: {},
					additionalFields: {},
					newContact: {},
					options,
				},
				id: `${id}-send`,
				name: 'Send',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [440, 0],
				credentials: { whatsAppTemplatesApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } },
			},
		],
		connections: { Webhook: { main: conn('Recipients') }, Recipients: { main: conn('Send') } },
	};
}

/** POST one bulk run; resolves with {status, text, ms}. */
async function postBulk(mainUrl, run, items, { path = BULK_PATH, timeoutMs = 600000 } = {}) {
	const t0 = Date.now();
	try {
		const res = await fetch(`${mainUrl}/webhook/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ run, items }),
			signal: AbortSignal.timeout(timeoutMs),
		});
		return { status: res.status, text: await res.text(), ms: Date.now() - t0 };
	} catch (err) {
		return { status: null, text: String(err && err.message), ms: Date.now() - t0 };
	}
}

/**
 * What the sandbox saw for a set of runs: accepted messages per phone, sends by status, list
 * reads, and the span from the first to the last request.
 */
function tally(sb) {
	const perPhone = new Map();
	for (const m of sb.messages) {
		const phone = String(m.fields[PHONE_FIELD]);
		perPhone.set(phone, (perPhone.get(phone) || 0) + 1);
	}
	const byStatus = {};
	for (const r of sends(sb)) byStatus[r.status] = (byStatus[r.status] || 0) + 1;
	const lists = sb.requests.filter((r) => r.route === LIST_ROUTE);
	const counted = sb.requests.filter((r) => r.status !== 429);
	const starts = sb.requests.map((r) => r.startedAt);
	return {
		perPhone,
		accepted: sb.messages.length,
		sendsByStatus: byStatus,
		listReads: lists.length,
		listReadsByStatus: lists.reduce((a, r) => ({ ...a, [r.status]: (a[r.status] || 0) + 1 }), {}),
		counted: counted.length,
		spanMs: starts.length ? Math.max(...starts) - Math.min(...starts) : 0,
	};
}

/**
 * The shortest time `requests` counted requests can take under a fixed window of max per
 * windowMs (opened by the first request): every full window but the last must pass.
 */
const idealMs = (requests, { max, windowMs }) => (Math.ceil(requests / max) - 1) * windowMs;

module.exports = { BULK_ID, BULK_PATH, PHONE_FIELD, bulkBody, bulkPhone, bulkWorkflow, postBulk, tally, idealMs };
