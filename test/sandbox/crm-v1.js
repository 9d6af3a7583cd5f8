'use strict';
/**
 * v1's contacts endpoints (CONTRACT.md, "Contacts, groups, statuses, sources (v1)"; platform-notes-
 * v1-more.md §2), on the shared store, in the platform's order and words:
 *   create: auto-lead defaults fill an omitted status / source / assignee -> still none: 422 with
 *   the raw key -> the rules (status and source must be the workspace's) -> 422 -> the model is
 *   filled (strict mode: any key outside the fillable columns, 500) -> the insert (a lastname
 *   left out or empty, or a name past its column: 500) -> 201 with the attributes that were set.
 *   update (PUT, a full replace): 404 -> the auto-lead defaults replace an omitted status / source
 *   and, with a default assignee, add `assignee` (so every PUT fails with a 500) -> the rules
 *   (lastname required, status_id <= 50) -> 422 -> fill (500) -> 200 with the row.
 * Laravel's input is the query merged with the body, so a query key is mass-assigned too.
 */
const { CONTACT_FILLABLE, CONTACT_CONTROLLER_KEYS, CONTACT_RULES, CONTACT_UPDATE_RULES, KEYS, contactTypes, listBroken } = require('./crm-platform');
const { fieldErrors, addOnce, taken } = require('./crm-validate');
const { isEmpty } = require('./validate');
const { paginate } = require('./catalog');
const { v1Row } = require('./crm-rows');
const R = require('./responses');

const fail = (status, message, extra) => R.json(status, { status: 'error', message, ...extra });
const invalid = (errors) => fail(422, KEYS.validationFailed, { errors });
const notFound = () => fail(404, KEYS.notFound);
const findContact = (state, id) => (/^[1-9]\d*$/.test(id || '') ? state.contacts.findById(Number(id)) : null);

/** Model::fill in strict mode: the first key outside `fillable`, as Laravel words it, or null. */
function strictModeError(input, fillable, model) {
	const key = Object.keys(input).find((k) => !fillable.includes(k));
	return key === undefined ? null : `Add fillable property [${key}] to allow mass assignment on [App\\Models\\Tenant\\${model}].`;
}

/** What MySQL's strict mode refuses in the row: a NOT NULL lastname and the 191-character names. */
function columnError(input, rules) {
	if (!Object.prototype.hasOwnProperty.call(input, 'lastname')) return "SQLSTATE[HY000]: General error: 1364 Field 'lastname' doesn't have a default value";
	if (isEmpty(input.lastname)) return "SQLSTATE[23000]: Integrity constraint violation: 1048 Column 'lastname' cannot be null";
	const long = Object.keys(rules).find((k) => rules[k].db && typeof input[k] === 'string' && [...input[k]].length > rules[k].db);
	return long ? `SQLSTATE[22001]: String data, right truncated: 1406 Data too long for column '${long}' at row 1` : null;
}

/** The columns a write sets: fillable keys as given (ids as numbers, '' as null), groups as ids. */
function columns(state, input) {
	const out = {};
	for (const [k, v] of Object.entries(input)) {
		if (!CONTACT_FILLABLE.includes(k)) continue;
		out[k] = isEmpty(v) ? null : ['status_id', 'source_id', 'assigned_id', 'country_id'].includes(k) ? Number(v) : v;
	}
	if (typeof input.groups === 'string' && input.groups.trim() !== '') out.group_id = state.lists.groupIds(input.groups);
	return out;
}

function uniqueErrors(state, input, errors, exceptId) {
	if (!errors.phone && typeof input.phone === 'string' && state.contacts.phoneTaken(input.phone, exceptId)) addOnce(errors, 'phone', taken('phone'));
	if (!errors.email && typeof input.email === 'string' && !isEmpty(input.email) && state.contacts.emailTaken(input.email, exceptId)) addOnce(errors, 'email', taken('email'));
}

function listContacts(state, query, pageUrl) {
	if (listBroken(state.config.platformVersion)) {
		return fail(500, KEYS.failList, { error: "SQLSTATE[42S02]: Base table or view not found: 1146 Table 'whatsmark.contacts' doesn't exist" });
	}
	// Newest first; `type`, `status_id`, `source_id` are read and dropped (2.2.0).
	const rows = [...state.contacts.list].sort((a, b) => b.created_at - a.created_at || b.id - a.id).map(v1Row);
	return paginate(rows, query, pageUrl);
}

function createContact(state, input) {
	const { autoLead, platformVersion } = state.config;
	const given = { ...input };
	if (autoLead.enabled) {
		if (isEmpty(given.status_id ?? null) && autoLead.statusId !== null) given.status_id = autoLead.statusId;
		if (isEmpty(given.source_id ?? null) && autoLead.sourceId !== null) given.source_id = autoLead.sourceId;
		if (given.assigned_id === undefined && autoLead.assignedTo !== null) given.assigned_id = autoLead.assignedTo;
	}
	const early = {};
	if (isEmpty(given.status_id ?? null)) early.status_id = [KEYS.statusRequired];
	if (isEmpty(given.source_id ?? null)) early.source_id = [KEYS.sourceRequired];
	if (Object.keys(early).length) return { answer: invalid(early) };

	const errors = fieldErrors(given, CONTACT_RULES, { types: contactTypes(platformVersion) });
	if (!state.lists.find('statuses', given.status_id)) addOnce(errors, 'status_id', KEYS.statusNotInTenant);
	if (!state.lists.find('sources', given.source_id)) addOnce(errors, 'source_id', KEYS.sourceNotInTenant);
	uniqueErrors(state, given, errors);
	if (Object.keys(errors).length) return { answer: invalid(errors) };

	const failed = strictModeError(given, [...CONTACT_FILLABLE, ...CONTACT_CONTROLLER_KEYS], 'Contact') || columnError(given, CONTACT_RULES);
	if (failed) return { answer: fail(500, KEYS.failCreate, { error: failed }) };
	const set = columns(state, given);
	const contact = state.contacts.insert({ country: null, ...set, email: set.email || '' });
	// Only the attributes that were set come back, with the id and the dates.
	const row = v1Row(contact);
	const data = { ...Object.fromEntries(Object.keys(set).map((k) => [k, row[k] ?? set[k]])), tenant_id: row.tenant_id, addedfrom: row.addedfrom };
	Object.assign(data, { id: row.id, created_at: row.created_at, updated_at: row.updated_at });
	return { answer: R.json(201, { status: 'success', message: KEYS.created, data }), writes: [{ action: 'created', entry: contact }] };
}

function updateContact(state, id, input) {
	const contact = findContact(state, id);
	if (!contact) return { answer: notFound() };
	const { autoLead, platformVersion } = state.config;
	const given = { ...input };
	if (autoLead.enabled) {
		// An omitted status or source is RESET to the default: the trap of the full replace.
		if (given.status_id === undefined && autoLead.statusId !== null) given.status_id = autoLead.statusId;
		if (given.source_id === undefined && autoLead.sourceId !== null) given.source_id = autoLead.sourceId;
		if (autoLead.assignedTo !== null) given.assignee = autoLead.assignedTo;
	}
	const errors = fieldErrors(given, CONTACT_UPDATE_RULES, { types: contactTypes(platformVersion) });
	uniqueErrors(state, given, errors, contact.id);
	if (Object.keys(errors).length) return { answer: invalid(errors) };
	const failed = strictModeError(given, [...CONTACT_FILLABLE, ...CONTACT_CONTROLLER_KEYS], 'Contact') || columnError(given, CONTACT_UPDATE_RULES);
	if (failed) return { answer: fail(500, KEYS.failUpdate, { error: failed }) };

	const previous = { ...contact, group_id: [...contact.group_id] };
	const set = columns(state, given);
	Object.assign(contact, set, { email: set.email === undefined ? contact.email : set.email || '', updated_at: Date.now() });
	return { answer: R.json(200, { status: 'success', message: KEYS.updated, data: v1Row(contact) }), writes: [{ action: 'updated', entry: contact, previous }] };
}

function showContact(state, id) {
	const contact = findContact(state, id);
	return { answer: contact ? R.success(v1Row(contact)) : notFound() };
}

function deleteContact(state, id) {
	const contact = findContact(state, id);
	if (!contact) return { answer: notFound() };
	state.contacts.remove(contact);
	return { answer: R.json(200, { status: 'success', message: KEYS.deleted }), writes: [{ action: 'deleted', entry: contact }] };
}

/** One contacts request: { answer, writes? } (writes: [{ action, entry, previous? }] for the webhooks). */
function contactsV1(state, op, { input, query, id, pageUrl }) {
	if (op === 'list') return { answer: listContacts(state, query, pageUrl) };
	if (op === 'show') return showContact(state, id);
	if (op === 'create') return createContact(state, input);
	if (op === 'update') return updateContact(state, id, input);
	return deleteContact(state, id);
}

module.exports = { contactsV1, strictModeError, fail };
