'use strict';
/**
 * v2's contacts, groups, statuses and sources as the sandbox knows them (CONTRACT-v2.md,
 * "Contacts (CRM sync)"; platform-notes-v2.md §9): the sandbox's OWN table of routes, scopes,
 * rules, list queries and texts. Never taken from the node.
 */

const route = (name, method, path, scope) => Object.freeze({ name, method, path, scope });

/** Route table, relative to `{prefix}/api/v2/`. `contacts/batch` comes before `contacts/{id}`, as Laravel registers it. */
const CRM_ROUTES = Object.freeze([
	route('contacts.list', 'GET', 'contacts', 'contacts:read'),
	route('contacts.create', 'POST', 'contacts', 'contacts:write'),
	route('contacts.batch', 'POST', 'contacts/batch', 'contacts:write'),
	route('contacts.batchDelete', 'DELETE', 'contacts/batch', 'contacts:delete'),
	route('contacts.show', 'GET', 'contacts/{id}', 'contacts:read'),
	route('contacts.update', 'PATCH', 'contacts/{id}', 'contacts:write'),
	route('contacts.delete', 'DELETE', 'contacts/{id}', 'contacts:delete'),
	...['groups', 'statuses', 'sources'].flatMap((res) => [
		route(`${res}.list`, 'GET', res, `${res}:read`),
		route(`${res}.create`, 'POST', res, `${res}:write`),
		route(`${res}.show`, 'GET', `${res}/{id}`, `${res}:read`),
		route(`${res}.update`, 'PATCH', `${res}/{id}`, `${res}:write`),
		// Only groups have a delete scope; sources and statuses are deleted with :write.
		route(`${res}.delete`, 'DELETE', `${res}/{id}`, res === 'groups' ? 'groups:delete' : `${res}:write`),
	]),
	route('groups.addContacts', 'POST', 'groups/{id}/contacts', 'groups:write'),
	route('groups.removeContacts', 'DELETE', 'groups/{id}/contacts', 'groups:write'),
]);

const TYPES = Object.freeze(['lead', 'customer', 'guest']);

/** StoreContactRequest; UpdateContactRequest is the same with every field `sometimes`. */
const CONTACT_RULES = Object.freeze({
	firstname: { type: 'string', required: true, max: 255 },
	lastname: { type: 'string', required: true, max: 255 },
	type: { type: 'string', required: true, in: true },
	phone: { type: 'string', required: true, max: 20 },
	source_id: { type: 'integer', required: true },
	status_id: { type: 'integer', required: true },
	email: { type: 'string', max: 191, email: true },
	company: { type: 'string', max: 255 },
	description: { type: 'string' },
	city: { type: 'string', max: 255 },
	state: { type: 'string', max: 255 },
	zip: { type: 'string', max: 20 },
	address: { type: 'string', max: 500 },
	country_id: { type: 'integer' },
	assigned_id: { type: 'integer' },
	groups: { type: 'ids' },
});

/** GET contacts: filters, sorts, search fields, includes, paging. */
const CONTACT_QUERY = Object.freeze({
	filters: Object.freeze(['type', 'status_id', 'source_id', 'assigned_id', 'created_at', 'group_id']),
	sorts: Object.freeze(['firstname', 'lastname', 'email', 'created_at', 'updated_at']),
	search: Object.freeze(['firstname', 'lastname', 'email', 'phone', 'company']),
	// group_id is a JSON array: an equality filter means "contains".
	arrays: Object.freeze(['group_id']),
	includes: Object.freeze(['groups', 'source', 'status']),
	defaultPerPage: 15,
	maxPerPage: 100,
});
/** GET groups | statuses | sources. */
const LIST_QUERY = Object.freeze({
	filters: Object.freeze(['name']),
	sorts: Object.freeze(['name', 'created_at']),
	search: Object.freeze(['name']),
	arrays: Object.freeze([]),
	includes: Object.freeze([]),
	defaultPerPage: 15,
	maxPerPage: 100,
});

const LIST_RULES = Object.freeze({
	groups: { name: { type: 'string', required: true, max: 255 } },
	sources: { name: { type: 'string', required: true, max: 255 } },
	statuses: { name: { type: 'string', required: true, max: 255 }, color: { type: 'string', color: true } },
});

const TEXT = Object.freeze({
	validationFailed: 'Validation failed',
	created: 'Contact created successfully',
	updated: 'Contact updated successfully',
	deleted: 'Contact deleted successfully',
	batchDone: 'Batch operation completed',
	notFound: { contacts: 'Contact not found.', groups: 'Group not found.', statuses: 'Status not found.', sources: 'Source not found.' },
	listCreated: (one) => `${one} created successfully`,
	listUpdated: (one) => `${one} updated successfully`,
	listDeleted: (one) => `${one} deleted successfully`,
	inUse: (one) => `Cannot delete ${one.toLowerCase()} that is in use by contacts.`,
	added: 'Contacts added to group successfully',
	removed: 'Contacts removed from group successfully',
	duplicate: 'Contact with this phone number already exists',
});
const ONE = Object.freeze({ groups: 'Group', statuses: 'Status', sources: 'Source' });

module.exports = { CRM_ROUTES, TYPES, CONTACT_RULES, CONTACT_QUERY, LIST_QUERY, LIST_RULES, TEXT, ONE };
