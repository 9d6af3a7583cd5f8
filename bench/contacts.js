'use strict';
/**
 * Contact → Create or Update of 1000 CRM rows through n8n's real engine, half of them already in
 * the workspace (500 seeded by sb.seedContacts, stored as `+digits`), the rows' phones written four
 * ways (`+49 17…` spaced, `0049…`, `49…`, `+49…`), existing and new rows interleaved; names and a
 * company, no e-mail (a new contact with an e-mail is created alone: only a single create checks
 * that the address is free). Against the platform's default limit, 60 requests per window,
 * time-scaled as bench/rate-limit.js does (a 4 s window instead of 60 s: 15 ×; 1000 rows on v2 take about 25 windows). BENCH_API picks
 * the API generation (v1: one read of the contact list per run, then a POST or a whole-record PUT
 * per row; v2: a search per phone, batch creates, a PATCH per existing row).
 *
 * Measured: requests per contact (every request the platform counted / rows) and the wall time
 * against the ideal for those requests under the limit (lib.idealUnderLimit). Goal: 0 duplicates
 * (one contact per phone), 0 lost (every row's contact holds the row's fields, 0 failed items),
 * every row written once (one update per existing contact, one creation per new one), and a wall
 * time ≤ 1.15 × the ideal. Routes come from the node's table (platform().contacts.routes).
 */
const os = require('node:os');
const lib = require('./lib');

const COUNT = 1000;
const EXISTING = 500;
const LIMIT = { max: 60, windowMs: Number(process.env.BENCH_CONTACTS_WINDOW_MS || 4000) };
const GOAL_RATIO = 1.15;

/** Row i's phone digits; rows below EXISTING are in the workspace before the run. */
const digitsOf = (i) => `4917${String(i).padStart(8, '0')}`;
/** The ways a CRM holds a phone, by row. */
const FORMATS = [(d) => `+${d.slice(0, 2)} ${d.slice(2, 5)} ${d.slice(5, 9)} ${d.slice(9)}`, (d) => `00${d}`, (d) => d, (d) => `+${d}`];
/** A stored phone as digits, whatever its format (two contacts with the same are duplicates). */
const storedDigits = (phone) => String(phone).replace(/\D/g, '').replace(/^00/, '');

/** Rows in CRM order: i * 7 mod COUNT interleaves existing and new contacts (7 and 1000 are coprime). */
function crmRows() {
	return Array.from({ length: COUNT }, (_, k) => {
		const i = (k * 7) % COUNT;
		return { json: { row: i, phone: FORMATS[i % FORMATS.length](digitsOf(i)), first_name: `Row${i}`, last_name: 'Customer', company: `Company ${i}` } };
	});
}

const PARAMETERS = {
	resource: 'contact',
	operation: 'upsert',
	phone: '={{ $json.phone }}',
	firstName: '={{ $json.first_name }}',
	lastName: '={{ $json.last_name }}',
	// API v2 creates a contact only with a status and a source (v1 takes the auto-lead defaults).
	additionalFields: { company: '={{ $json.company }}', ...(lib.API === 'v2' && { status: { __rl: true, mode: 'id', value: '1' }, source: { __rl: true, mode: 'id', value: '1' } }) },
	options: {},
};

/** Requests to one of the node's routes, by method and path (`{id}`: any id). */
function requestsTo(sb, route) {
	// The URL encodes the placeholder's braces.
	const path = new URL(lib.routeUrl(sb, route)).pathname.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/%7Bid%7D|\{id\}/, '\\d+');
	const re = new RegExp(`^${path}$`);
	// A refused (429) request is sent again: only the answered ones count as writes.
	return sb.requests.filter((r) => r.method === route.method && r.status < 300 && re.test(r.path));
}

/** Duplicates, lost rows and rows not holding their fields, from the store. */
function storeFigures(sb, rows) {
	const byDigits = new Map();
	for (const c of sb.contacts) byDigits.set(storedDigits(c.phone), [...(byDigits.get(storedDigits(c.phone)) || []), c]);
	let duplicates = 0;
	let lost = 0;
	let notPlusDigits = 0;
	for (const { json: row } of rows) {
		const found = byDigits.get(digitsOf(row.row)) || [];
		duplicates += Math.max(0, found.length - 1);
		const c = found[0];
		if (!c || c.firstname !== row.first_name || c.company !== row.company) lost++;
		else if (c.phone !== `+${digitsOf(row.row)}`) notPlusDigits++;
	}
	return { duplicates, lost, notPlusDigits };
}

async function main() {
	const loadBefore = os.loadavg()[0];
	await lib.harness().setupEngine({ binaryMode: 'filesystem' });
	const sb = await lib.startBenchSandbox({ rateLimit: LIMIT, v2Scopes: ['*'] });
	const routes = lib.product.platform().contacts.routes;
	const rows = crmRows();

	// Warm-up without the limit (module loading), then the workspace as the run finds it.
	await lib.liftLimit(sb);
	await lib.runProduct(sb, { parameters: PARAMETERS, items: crmRows().slice(0, 5).map((r) => ({ json: { ...r.json, phone: `+4930${r.json.row}0000` } })) });
	await lib.restoreLimit(sb, LIMIT);
	await sb.seedContacts(EXISTING, { phone: (i) => `+${digitsOf(i)}` });
	await sb.refresh();
	const contactsBefore = sb.contacts.length;

	const t0 = performance.now();
	const result = await lib.runProduct(sb, { parameters: PARAMETERS, items: rows });
	const wallMs = performance.now() - t0;
	await sb.refresh();

	const out = result.outputs?.[0] ?? [];
	const failed = result.error ? COUNT : out.filter((o) => o.json.error).length;
	const createdOut = out.filter((o) => o.json.created === true).length;
	const refusals = sb.requests.filter((r) => r.status === 429).length;
	const counted = sb.stats.total - refusals;
	const updates = requestsTo(sb, routes.update);
	const creates = requestsTo(sb, routes.create).length;
	const batches = routes.batch ? requestsTo(sb, routes.batch).length : 0;
	const otherStatuses = Object.keys(sb.stats.byStatus).filter((s) => !/^2\d\d$/.test(s) && s !== '429');
	const created = sb.contacts.length - contactsBefore;
	const store = storeFigures(sb, rows);
	const lists = requestsTo(sb, routes.list).length;
	await sb.close();

	const { windows, idealMs } = lib.idealUnderLimit(counted, LIMIT);
	const ratio = wallMs / idealMs;
	const writtenOnce = updates.length === EXISTING && new Set(updates.map((r) => r.path)).size === EXISTING && created === COUNT - EXISTING;
	return {
		bench: 'contacts',
		api: lib.API,
		node: process.version,
		rows: COUNT,
		existing: EXISTING,
		limit: LIMIT,
		wallMs: Math.round(wallMs),
		countedRequests: counted,
		requestsPerContact: lib.round(counted / COUNT, 3),
		windows,
		idealMs,
		goalRatio: GOAL_RATIO,
		ratio: lib.round(ratio, 3),
		byRoute: { list: lists, create: creates, batch: batches, update: updates.length },
		status429: refusals,
		failed,
		createdOut,
		created,
		...store,
		writtenOnce,
		otherStatuses,
		loadAverage: [lib.round(loadBefore, 2), lib.round(os.loadavg()[0], 2)],
		error: result.error ? `${result.error.message} ${result.error.description ?? ''}` : undefined,
		pass:
			failed === 0 &&
			store.duplicates === 0 &&
			store.lost === 0 &&
			store.notPlusDigits === 0 &&
			createdOut === COUNT - EXISTING &&
			writtenOnce &&
			otherStatuses.length === 0 &&
			ratio <= GOAL_RATIO,
	};
}

lib.runBench(`contacts-${lib.API}`, main);
