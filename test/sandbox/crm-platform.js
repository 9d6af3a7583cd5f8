'use strict';
/**
 * v1's contacts, groups, statuses and sources as the sandbox knows them (CONTRACT.md, "Contacts,
 * groups, statuses, sources (v1)"; platform-notes-v1-more.md §2-3): the sandbox's OWN table of
 * routes, abilities, fillable columns, rules and the platform's raw message keys. Never taken
 * from the node. The seeds of the workspace's lists live here too (both APIs share them).
 */

/** The three lists and their wire words: route segment, ability prefix, message keys. */
const LISTS = Object.freeze({
	groups: {
		one: 'group',
		model: 'Group',
		nameMax: 255,
		notFound: 'groups_not_found',
		created: 'group_saved_successfully',
		updated: 'group_update_successfully',
		deleted: 'group_delete_successfully',
		inUse: 'group_in_use_notify',
		fail: { create: 'failed_to_create_groups', update: 'failed_to_update_group', delete: 'failed_to_delete_group', list: 'failed_to_fetch_groups' },
	},
	statuses: {
		one: 'status',
		model: 'Status',
		// varchar(50) behind a max:255 rule: 51-255 characters pass validation and fail in the database.
		nameMax: 50,
		nameMin: 3,
		notFound: 'status_not_found',
		created: 'status_save_successfully',
		updated: 'status_update_successfully',
		deleted: 'status_delete_successfully',
		inUse: 'status_delete_in_use_notify',
		fail: { create: 'failed_to_create_statuses', update: 'failed_to_update_status', delete: 'failed_to_delete_status', list: 'failed_to_fetch_statuses' },
	},
	sources: {
		one: 'source',
		model: 'Source',
		nameMax: 150,
		notFound: 'source_not_found',
		created: 'source_saved_successfully',
		updated: 'source_update_successfully',
		deleted: 'source_delete_successfully',
		inUse: 'source_in_use_notify',
		fail: { create: 'failed_to_create_sources', update: 'failed_to_update_source', delete: 'failed_to_delete_source', list: 'failed_to_fetch_sources' },
	},
});

const route = (name, method, path, ability) => Object.freeze({ name, method, path, ability });

/** Route table, relative to `{prefix}/api/v1/{subdomain}/`; names `<resource>.<operation>`. */
const CRM_ROUTES = Object.freeze(
	['contacts', ...Object.keys(LISTS)].flatMap((res) => [
		route(`${res}.list`, 'GET', res, `${res}.read`),
		route(`${res}.show`, 'GET', `${res}/{id}`, `${res}.read`),
		route(`${res}.create`, 'POST', res, `${res}.create`),
		route(`${res}.update`, 'PUT', `${res}/{id}`, `${res}.update`),
		route(`${res}.delete`, 'DELETE', `${res}/{id}`, `${res}.delete`),
	]),
);
const CRM_ABILITIES = Object.freeze([...new Set(CRM_ROUTES.map((r) => r.ability))]);

/** The contact model's fillable columns (2.2.0); any other key of a write is a 500 (strict mode). */
const CONTACT_FILLABLE = Object.freeze([
	'firstname', 'lastname', 'company', 'type', 'description', 'country_id', 'zip', 'city', 'state', 'address', 'assigned_id',
	'status_id', 'source_id', 'group_id', 'email', 'website', 'phone', 'facebook_psid', 'is_enabled', 'is_opted_out',
	'opted_out_date', 'addedfrom', 'dateassigned', 'last_status_change', 'tenant_id', 'custom_fields_data', 'created_at', 'updated_at',
]);
/** Keys the controller takes out of the request before the model is filled. */
const CONTACT_CONTROLLER_KEYS = Object.freeze(['groups']);
const LIST_FILLABLE = Object.freeze({ groups: ['tenant_id', 'name'], statuses: ['tenant_id', 'name', 'color', 'isdefault'], sources: ['tenant_id', 'name'] });

/**
 * Rules of POST /contacts (2.2.0). `db`: the column's length, past which MySQL's strict mode fails
 * the insert (a 500), although the rule allowed it.
 */
const CONTACT_RULES = Object.freeze({
	firstname: { type: 'string', required: true, max: 255, db: 191 },
	lastname: { type: 'string', max: 255, db: 191 },
	company: { type: 'string', max: 255 },
	email: { type: 'string', max: 191, email: true, unique: true },
	phone: { type: 'string', required: true, max: 20, unique: true },
	type: { type: 'string', required: true, in: true },
	// Then each must be the workspace's (checked on its own, with the raw key).
	status_id: { type: 'integer', required: true },
	source_id: { type: 'integer', required: true },
	assigned_id: { type: 'integer' },
	description: { type: 'string' },
	country_id: { type: 'integer' },
	groups: { type: 'string' },
	// Fillable without a rule on the platform (a raw id array is mass-assigned); the sandbox wants an array of ids.
	group_id: { type: 'ids' },
});
/** PUT /contacts/{id} (a full replace): what changes from the create rules. */
const CONTACT_UPDATE_RULES = Object.freeze({
	...CONTACT_RULES,
	lastname: { type: 'string', required: true, max: 255, db: 191 },
	status_id: { type: 'integer', max: 50 },
	source_id: { type: 'integer' },
});

/** Contact types by platform version: 1.3.4 takes only `lead`; `guest` from 2.2.0. */
function contactTypes(version) {
	if (versionBelow(version, '1.3.7')) return ['lead'];
	return versionBelow(version, '2.2.0') ? ['lead', 'customer'] : ['lead', 'customer', 'guest'];
}

const parts = (v) => v.split('.').map(Number);
function versionBelow(version, than) {
	const [a, b] = [parts(version), parts(than)];
	for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i];
	return false;
}
/** 1.3.x-1.5.x read contacts from a table that does not exist: the list always fails. */
const listBroken = (version) => versionBelow(version, '1.6.0');

/** Raw message keys (the API has no current tenant, so most texts stay untranslated). */
const KEYS = Object.freeze({
	validationFailed: 'validation_failed',
	created: 'contact_created_successfully',
	updated: 'contact_update_successfully',
	deleted: 'contact_delete_success',
	notFound: 'contact_not_found',
	failCreate: 'failed_to_create_contact',
	failUpdate: 'failed_to_update_contact',
	failDelete: 'failed_to_delete_contact',
	failList: 'failed_to_fetch_contact',
	statusRequired: 'status_id_is_required_configure_auto_lead_settings',
	sourceRequired: 'source_id_is_required_configure_auto_lead_settings',
	statusNotInTenant: 'selected_status_does_not_belong_to_tenant',
	sourceNotInTenant: 'selected_source_does_not_belong_to_tenant',
	defaultStatus: 'default_status_not_delete',
});

/** The workspace's lists at the start. Status ids are numbered across workspaces, so most are above 50. */
const SEED_STATUSES = Object.freeze([
	{ id: 1, name: 'New', color: '#2563eb', isdefault: true },
	{ id: 2, name: 'Customer', color: '#16a34a', isdefault: false },
	{ id: 57, name: 'Qualified', color: '#f59e0b', isdefault: false },
	{ id: 58, name: 'Lost', color: '#6b7280', isdefault: false },
]);
const SEED_SOURCES = Object.freeze([
	{ id: 1, name: 'Website' },
	{ id: 2, name: 'API' },
	{ id: 3, name: 'Referral' },
]);
const SEED_GROUPS = Object.freeze([
	{ id: 1, name: 'VIP' },
	{ id: 2, name: 'Newsletter' },
]);
/** The auto-lead defaults of the workspace (its settings): used when a write leaves them out. */
const AUTO_LEAD = Object.freeze({ enabled: true, statusId: 1, sourceId: 2, assignedTo: null });

module.exports = {
	LISTS,
	CRM_ROUTES,
	CRM_ABILITIES,
	CONTACT_FILLABLE,
	CONTACT_CONTROLLER_KEYS,
	LIST_FILLABLE,
	CONTACT_RULES,
	CONTACT_UPDATE_RULES,
	contactTypes,
	versionBelow,
	listBroken,
	KEYS,
	SEED_STATUSES,
	SEED_SOURCES,
	SEED_GROUPS,
	AUTO_LEAD,
};
