'use strict';
/**
 * How a stored contact or list entry is shown: v1 gives the raw row (the model's attributes, also
 * what the contact webhooks carry), v2 its resource (CONTRACT-v2.md, "A contact: ..."). One store
 * (contacts.js, crm.js), two views, so that a write on one API is what the other reads.
 */
const { TENANT_ID } = require('./platform');

/** Carbon's JSON date: microseconds and Z (v1 rows, webhooks). */
const laravelDate = (ms) => `${new Date(ms).toISOString().slice(0, 23)}000Z`;
/** toIso8601String: seconds and +00:00 (v2 resources). */
const isoDate = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');

/** The raw row of v1 (every column of the table, in its order). */
function v1Row(c) {
	return {
		id: c.id,
		tenant_id: TENANT_ID,
		firstname: c.firstname,
		lastname: c.lastname,
		company: c.company,
		type: c.type,
		description: c.description,
		country_id: c.country_id,
		zip: c.zip,
		city: c.city,
		state: c.state,
		address: c.address,
		assigned_id: c.assigned_id,
		status_id: c.status_id,
		source_id: c.source_id,
		email: c.email || null,
		website: c.website ?? null,
		phone: c.phone,
		is_enabled: 1,
		addedfrom: 1,
		group_id: [...c.group_id],
		custom_fields_data: null,
		is_opted_out: c.optedOut ? 1 : 0,
		created_at: laravelDate(c.created_at),
		updated_at: laravelDate(c.updated_at),
	};
}

/** v2's ContactResource; `include`: the related lists asked for (groups, source, status). */
function v2Contact(c, lists, include = []) {
	const out = {
		id: c.id,
		firstname: c.firstname,
		lastname: c.lastname,
		company: c.company,
		type: c.type,
		email: c.email || null,
		phone: c.phone,
		status_id: c.status_id,
		source_id: c.source_id,
		description: c.description,
		city: c.city,
		state: c.state,
		zip: c.zip,
		address: c.address,
		country_id: c.country_id,
		assigned_id: c.assigned_id,
		group_id: [...c.group_id],
		is_opted_out: Boolean(c.optedOut),
		created_at: isoDate(c.created_at),
		updated_at: isoDate(c.updated_at),
	};
	if (include.includes('groups')) out.groups = c.group_id.map((id) => lists.find('groups', id)).filter(Boolean).map((g) => v2ListItem('groups', g));
	if (include.includes('source')) out.source = optional(lists.find('sources', c.source_id), 'sources');
	if (include.includes('status')) out.status = optional(lists.find('statuses', c.status_id), 'statuses');
	return out;
}
const optional = (entry, kind) => (entry ? v2ListItem(kind, entry) : null);

/** A group, status or source: v1's row (statuses carry color and isdefault as 0/1). */
function v1ListRow(kind, e) {
	const row = { id: e.id, tenant_id: TENANT_ID, name: e.name };
	if (kind === 'statuses') Object.assign(row, { color: e.color, isdefault: e.isdefault ? 1 : 0 });
	return { ...row, created_at: laravelDate(e.created_at), updated_at: laravelDate(e.updated_at) };
}

/** The same on v2 (isdefault a boolean). */
function v2ListItem(kind, e) {
	const item = { id: e.id, name: e.name };
	if (kind === 'statuses') Object.assign(item, { color: e.color, isdefault: Boolean(e.isdefault) });
	return { ...item, created_at: isoDate(e.created_at), updated_at: isoDate(e.updated_at) };
}

module.exports = { v1Row, v2Contact, v1ListRow, v2ListItem, laravelDate, isoDate };
