'use strict';
/*
 * Bulk sends through the cluster: a published webhook workflow makes `items` items (one phone
 * each, unique per run and item) and sends plain_notice to all of them. Its webhook answers when
 * the execution is done (responseMode lastNode), so a POST's answer time is the run's time.
 * One workflow per API generation, each with its own credential: API v1 (token + subdomain) and
 * API v2 (a wm_ token, API Version left at Auto), on the same sandbox.
 */
const { NODE_TYPE } = require('../lib/package');
const { CREDENTIAL_ID, CREDENTIAL_NAME } = require('../lib/credential');
const { LEGS: WIRE_LEGS, sends } = require('../e2e/wire');

/** The v2 credential of the cluster (the v1 one has the id the examples reference). */
const V2_CREDENTIAL = { id: 'wa-templates-sandbox-v2', name: 'WhatsApp Templates API v2' };

/** The wire name that carries the phone in a body built by `body` (read off the tests' tables, test/support/wire*.ts). */
const phoneFieldOf = (body) => Object.entries(body({ phone: '\u0000', template: '', language: '' })).find(([, v]) => v === '\u0000')[0];

/** What differs between the API generations' bulk legs: the workflow, its credential, the wire. */
const LEGS = {
	v1: { api: 'v1', id: 'QueueBulkSend001', path: 'queue-bulk', credential: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } },
	v2: { api: 'v2', id: 'QueueBulkSendV2', path: 'queue-bulk-v2', credential: V2_CREDENTIAL },
};
for (const leg of Object.values(LEGS)) {
	leg.wire = WIRE_LEGS[leg.api];
	leg.phoneField = phoneFieldOf(leg.wire.wireBody);
	/** Exactly what one bulk message must carry. */
	leg.body = (phone) => leg.wire.wireBody({ phone, template: 'plain_notice', language: 'en' });
}
const BULK_ID = LEGS.v1.id;

/** The phone of item i of run r: +49 151 RRR IIII (a German mobile; run and item readable in it). */
const bulkPhone = (run, item) => `49151${String(run).padStart(3, '0')}${String(item).padStart(4, '0')}`;

/**
 * Webhook (POST /webhook/<path>, body {run, items}) → Code (the items) → send.
 * rateLimitRetries: the node's Rate-Limit Retries (undefined: its default, 5); see
 * docs/queue-mode.md for why executions sharing one token want more.
 */
function bulkWorkflow({ id = LEGS.v1.id, path = LEGS.v1.path, credential = LEGS.v1.credential, rateLimitRetries } = {}) {
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
				credentials: { whatsAppTemplatesApi: credential },
			},
		],
		connections: { Webhook: { main: conn('Recipients') }, Recipients: { main: conn('Send') } },
	};
}

/** The bulk workflow of an API generation's leg. */
const legWorkflow = (leg, rateLimitRetries) => bulkWorkflow({ id: leg.id, path: leg.path, credential: leg.credential, rateLimitRetries });

/** POST one bulk run; resolves with {status, text, ms}. */
async function postBulk(mainUrl, run, items, { path = LEGS.v1.path, timeoutMs = 600000 } = {}) {
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
 * reads, the span from the first to the last request, and the token's 429s per window (the
 * sandbox logs each with the start of its window), in window order.
 */
function tally(sb, leg = LEGS.v1) {
	const perPhone = new Map();
	for (const m of sb.messages) {
		const phone = String(m.fields[leg.phoneField]);
		perPhone.set(phone, (perPhone.get(phone) || 0) + 1);
	}
	const byStatus = {};
	for (const r of sends(sb, leg.wire)) byStatus[r.status] = (byStatus[r.status] || 0) + 1;
	const lists = sb.requests.filter((r) => r.route === leg.wire.listRoute.name);
	const counted = sb.requests.filter((r) => r.status !== 429);
	const starts = sb.requests.map((r) => r.startedAt);
	const windows = new Map();
	for (const r of sb.rateLimited) if (r.api === leg.api) windows.set(r.windowStart, (windows.get(r.windowStart) || 0) + 1);
	const per429 = new Map();
	for (const r of sends(sb, leg.wire)) if (r.status === 429 && r.fields) per429.set(r.fields[leg.phoneField], (per429.get(r.fields[leg.phoneField]) || 0) + 1);
	return {
		perPhone,
		accepted: sb.messages.length,
		sendsByStatus: byStatus,
		listReads: lists.length,
		listReadsByStatus: lists.reduce((a, r) => ({ ...a, [r.status]: (a[r.status] || 0) + 1 }), {}),
		counted: counted.length,
		spanMs: starts.length ? Math.max(...starts) - Math.min(...starts) : 0,
		status429PerWindow: [...windows.entries()].sort(([a], [b]) => a - b).map(([, n]) => n),
		most429ForOneMessage: Math.max(0, ...per429.values()),
	};
}

/**
 * The shortest time `requests` counted requests can take under a fixed window of max per
 * windowMs (opened by the first request): every full window but the last must pass.
 */
const idealMs = (requests, { max, windowMs }) => (Math.ceil(requests / max) - 1) * windowMs;

module.exports = { BULK_ID, LEGS, V2_CREDENTIAL, bulkPhone, bulkWorkflow, legWorkflow, postBulk, tally, idealMs };
