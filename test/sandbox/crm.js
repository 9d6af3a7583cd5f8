'use strict';
/**
 * Contacts, groups, statuses and sources (issue 19): the sandbox's side. One workspace, so ONE
 * store behind both APIs: the contacts (contacts.js, also found and created by sends) and the
 * lists below. Endpoints: crm-v1.js + crm-v1-lists.js (tables crm-platform.js), v2/crm.js +
 * v2/crm-lists.js (tables v2/crm-platform.js); views crm-rows.js. Nothing comes from the node.
 *
 * v1 under /api/v1/{subdomain}/ (abilities `<resource>.read|create|update|delete`):
 *   GET contacts?page&per_page (newest first, filters ignored; config.platformVersion 1.3.x-1.5.x:
 *   500 failed_to_fetch_contact), GET contacts/{id}, POST contacts, PUT contacts/{id} (full
 *   replace and its traps: lastname required, status_id <= 50, omitted status/source reset to the
 *   auto-lead defaults, every PUT a 500 `assignee` while autoLead.assignedTo is set), DELETE
 *   contacts/{id}; any key outside the model's fillable columns: 500 "Add fillable property";
 *   phone and e-mail unique (phone as an exact string). The same five for groups, statuses,
 *   sources (400 when in use; isdefault: true clears every workspace's default, counted in
 *   sb.crm.defaultsCleared).
 * v2 under /api/v2/ (scopes contacts:read|write|delete, groups:*, statuses:*, sources:*):
 *   GET contacts (search|q, filter[type|status_id|source_id|assigned_id|created_at|group_id],
 *   include, sort, paging), GET|PATCH|DELETE contacts/{id}, POST contacts, POST contacts/batch
 *   (per item: created[], skipped[], errors[] with `index`), DELETE contacts/batch, groups /
 *   statuses / sources lists and CRUD (409 RESOURCE_CONFLICT in use), POST|DELETE
 *   groups/{id}/contacts; config.contactQuota full: 403 FEATURE_LIMIT_EXCEEDED (also for a v2 send
 *   that would create a contact). Sources and statuses are deleted with their :write scope.
 *
 * Seeds (reset() restores them): statuses 1 New (default), 2 Customer, 57 Qualified, 58 Lost;
 * sources 1 Website, 2 API, 3 Referral; groups 1 VIP, 2 Newsletter; contacts 1-4 stored `+digits`,
 * 5 '4917655500005' (group 1), 6 '004917655500006', 7 '+49 176 5550 0007' (groups 1, 2).
 *
 * Sandbox API (index.d.ts, crm-types.d.ts):
 *   sb.contacts                    the live store (seeded: ids 1-7, three with phones not `+digits`)
 *   sb.crm                         { groups, statuses, sources, defaultsCleared } (live)
 *   sb.seedContacts(n, options?)   n contacts at once (phone(i) default `+4916<8 digits>`); returns them
 *   sb.configure({ platformVersion, autoLead, contactQuota })
 *   sb.injectFault({ kind, api?, match: { route: 'contacts.create', phone? } })  only faults AIMED at
 *                                  a contact route act there, instead of the work (kinds: the module's
 *                                  CRM_FAULT_KINDS; api: 'v2' for a network kind on v2); crm-faults.js
 *   sb.tokens.contactsReadOnly     a v1 token with only the `.read` abilities (v2: addV2Token({ scopes }))
 *   sb.requests                    route names `contacts.list|show|create|update|delete|batch|
 *                                  batchDelete`, `groups.*`, `groups.addContacts|removeContacts`, ...
 *   Writes through either API post contact.created|updated|deleted (and status.* / source.*) to a
 *   configured webhook, in its format, signed as every event (webhooks.js).
 */
const { SEED_STATUSES, SEED_SOURCES, SEED_GROUPS, AUTO_LEAD } = require('./crm-platform');
const { v1Row, v1ListRow } = require('./crm-rows');

const SEEDED_AT = Date.UTC(2026, 10, 1, 8, 0, 0);
/** Where new ids start: statuses are numbered across the installation's workspaces. */
const NEXT_ID = Object.freeze({ groups: 3, statuses: 90, sources: 4 });
const SEEDS = Object.freeze({ groups: SEED_GROUPS, statuses: SEED_STATUSES, sources: SEED_SOURCES });
const EVENT_RESOURCE = Object.freeze({ statuses: 'status', sources: 'source' });

/** An id as a route or a body gives it: a positive integer, or a string of one. */
const toId = (v) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : typeof v === 'string' && /^[1-9]\d*$/.test(v) ? Number(v) : null);

/** The workspace's groups, statuses and sources. */
class CrmLists {
	constructor() {
		this.kinds = { groups: [], statuses: [], sources: [] };
		this.reset();
	}

	reset() {
		for (const [kind, seeds] of Object.entries(SEEDS)) {
			this.kinds[kind].length = 0;
			for (const s of seeds) this.kinds[kind].push({ ...s, created_at: SEEDED_AT, updated_at: SEEDED_AT });
		}
		this.next = { ...NEXT_ID };
		this.defaultsCleared = 0;
	}

	all(kind) {
		return this.kinds[kind];
	}

	find(kind, id) {
		const n = toId(id);
		return n === null ? null : this.kinds[kind].find((e) => e.id === n) || null;
	}

	/** Unique names compare as MySQL does: case-insensitively. */
	byName(kind, name, exceptId) {
		const n = String(name).toLowerCase();
		return this.kinds[kind].find((e) => e.name.toLowerCase() === n && e.id !== exceptId) || null;
	}

	create(kind, fields, at = Date.now()) {
		const entry = { id: this.next[kind]++, ...fields, created_at: at, updated_at: at };
		if (kind === 'statuses') entry.color ??= '#000000';
		if (kind === 'statuses') entry.isdefault ??= false;
		this.kinds[kind].push(entry);
		return entry;
	}

	remove(kind, entry) {
		this.kinds[kind].splice(this.kinds[kind].indexOf(entry), 1);
	}

	/** v1's `groups` string: comma-separated names, each trimmed and found or created. */
	groupIds(names) {
		const wanted = String(names).split(',').map((g) => g.trim()).filter(Boolean);
		return [...new Set(wanted.map((name) => (this.byName('groups', name) || this.create('groups', { name })).id))];
	}

	/** Whether a contact uses this entry (a group in its group_id, or its status / source). */
	inUse(kind, entry, contacts) {
		if (kind === 'groups') return contacts.some((c) => c.group_id.includes(entry.id));
		const column = kind === 'statuses' ? 'status_id' : 'source_id';
		return contacts.some((c) => c[column] === entry.id);
	}
}

const isVersion = (v) => typeof v === 'string' && /^\d+\.\d+\.\d+$/.test(v);

/** Check the CRM keys of a config change into `into`. */
function checkCrmConfig(change, into) {
	if ('platformVersion' in change) {
		if (!isVersion(change.platformVersion)) throw new TypeError("platformVersion must be 'x.y.z' (e.g. '2.2.0', '1.4.0')");
		into.platformVersion = change.platformVersion;
	}
	if ('autoLead' in change) {
		const a = { ...AUTO_LEAD, ...change.autoLead };
		const idOrNull = (v) => v === null || (Number.isInteger(v) && v > 0);
		if (typeof a.enabled !== 'boolean' || ![a.statusId, a.sourceId, a.assignedTo].every(idOrNull)) {
			throw new TypeError('autoLead: { enabled: boolean, statusId, sourceId, assignedTo: a positive integer or null }');
		}
		into.autoLead = a;
	}
	if ('contactQuota' in change) {
		const q = change.contactQuota;
		if (!(q === null || (Number.isInteger(q) && q >= 0))) throw new TypeError('contactQuota must be null (no limit) or an integer >= 0');
		into.contactQuota = q;
	}
	return into;
}
const CRM_DEFAULTS = Object.freeze({ platformVersion: '2.2.0', autoLead: AUTO_LEAD, contactQuota: null });

/** Post the webhook of a write (both APIs), when one is configured: the model's attributes. */
function emitWrite(state, kind, action, entry, previous) {
	if (!state.webhooks.config) return;
	const row = kind === 'contacts' ? v1Row : (e) => v1ListRow(kind, e);
	const resource = kind === 'contacts' ? 'contact' : EVENT_RESOURCE[kind];
	if (!resource) return; // the platform has no group events
	state.webhooks.emitRecordEvent({ resource, action, record: row(entry), previous: previous ? row(previous) : null }).catch(() => {});
}

const defaultPhone = (i) => `+4916${String(10000000 + i).slice(-8)}`;

/** n contacts at once, straight into the store (for benches: no HTTP, no webhooks). */
function seedContacts(state, n, options = {}) {
	if (!(Number.isInteger(n) && n >= 0)) throw new TypeError('seedContacts: n must be an integer >= 0');
	const { phone = defaultPhone, ...fields } = options;
	if (typeof phone !== 'function') throw new TypeError('seedContacts: phone must be a function (i) => string');
	const start = state.contacts.list.length;
	const out = [];
	for (let i = 0; i < n; i++) {
		const p = phone(i);
		if (typeof p !== 'string' || p === '' || p.length > 20) throw new TypeError(`seedContacts: phone(${i}) must be a string of 1-20 characters`);
		if (state.contacts.phoneTaken(p)) throw new Error(`seedContacts: the phone ${p} is taken`);
		out.push(state.contacts.insert({ firstname: `Seed${start + i}`, lastname: 'Contact', ...fields, phone: p }));
	}
	return out;
}

/** The handle's part (property descriptors: getters stay live). */
function crmHandle(state) {
	return {
		get crm() {
			const { lists } = state;
			return { groups: lists.all('groups'), statuses: lists.all('statuses'), sources: lists.all('sources'), defaultsCleared: lists.defaultsCleared };
		},
		seedContacts(n, options) {
			return seedContacts(state, n, options);
		},
	};
}

module.exports = { CrmLists, checkCrmConfig, CRM_DEFAULTS, emitWrite, crmHandle, toId };
