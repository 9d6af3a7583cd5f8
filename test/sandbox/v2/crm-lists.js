'use strict';
/**
 * v2's groups, statuses and sources, and group membership (CONTRACT-v2.md, "Contacts (CRM sync)"):
 * lists with v2's query, show, create, PATCH, delete (409 RESOURCE_CONFLICT while a contact uses a
 * status or source), `name` required and unique, a status `color` as #RRGGBB. [decided] where the
 * contract is silent: a group in use may be deleted (it leaves its contacts' group_id); adding or
 * removing members answers { added | removed: [ids], already_in_group | not_in_group: [ids] }, and
 * an unknown contact id is a 422 on `contact_ids.N`.
 */
const { LIST_RULES, LIST_QUERY, TEXT, ONE } = require('./crm-platform');
const { fieldErrors, addOnce, taken } = require('../crm-validate');
const { v2ListItem } = require('../crm-rows');
const { listQuery } = require('./query');
const { known } = require('./crm');
const E = require('./envelope');

function checkWrite(state, kind, input, entry) {
	const errors = {};
	const given = known(state, input, errors, LIST_RULES[kind]);
	Object.assign(errors, fieldErrors(given, LIST_RULES[kind], { partial: Boolean(entry) }));
	if (!errors.name && typeof given.name === 'string' && state.lists.byName(kind, given.name, entry && entry.id)) addOnce(errors, 'name', taken('name'));
	return Object.keys(errors).length ? { answer: E.error('VALIDATION_ERROR', TEXT.validationFailed, errors) } : { given };
}

/** POST | DELETE groups/{id}/contacts. */
function membership(state, group, input, add) {
	const ids = input.contact_ids;
	if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => !Number.isInteger(id))) {
		return { answer: E.error('VALIDATION_ERROR', TEXT.validationFailed, { contact_ids: [ids === undefined ? 'The contact ids field is required.' : 'The contact ids field must be an array of integers.'] }) };
	}
	const errors = {};
	ids.forEach((id, i) => !state.contacts.findById(id) && (errors[`contact_ids.${i}`] = [`The selected contact_ids.${i} is invalid.`]));
	if (Object.keys(errors).length) return { answer: E.error('VALIDATION_ERROR', TEXT.validationFailed, errors) };
	const changed = [];
	const unchanged = [];
	const writes = [];
	for (const id of [...new Set(ids)]) {
		const contact = state.contacts.findById(id);
		const has = contact.group_id.includes(group.id);
		if (has === add) {
			unchanged.push(id);
			continue;
		}
		const previous = { ...contact, group_id: [...contact.group_id] };
		contact.group_id = add ? [...contact.group_id, group.id] : contact.group_id.filter((g) => g !== group.id);
		contact.updated_at = Date.now();
		changed.push(id);
		writes.push({ kind: 'contacts', action: 'updated', entry: contact, previous });
	}
	const data = add ? { group_id: group.id, added: changed, already_in_group: unchanged } : { group_id: group.id, removed: changed, not_in_group: unchanged };
	return { answer: E.success(data, add ? TEXT.added : TEXT.removed), writes };
}

/** One request on a list: { answer, writes? }. */
function listsV2(state, kind, op, { input, query, id, pageUrl }) {
	if (op === 'list') return { answer: listQuery(state.lists.all(kind).map((e) => v2ListItem(kind, e)), query, pageUrl, LIST_QUERY) };
	if (op === 'create') {
		const checked = checkWrite(state, kind, input);
		if (checked.answer) return checked;
		const entry = state.lists.create(kind, checked.given);
		return { answer: E.success(v2ListItem(kind, entry), TEXT.listCreated(ONE[kind]), 201), writes: [{ action: 'created', entry }] };
	}
	const entry = state.lists.find(kind, id);
	if (!entry) return { answer: E.error('NOT_FOUND', TEXT.notFound[kind]) };
	if (op === 'show') return { answer: E.success(v2ListItem(kind, entry)) };
	if (op === 'addContacts' || op === 'removeContacts') return membership(state, entry, input, op === 'addContacts');
	if (op === 'update') {
		const checked = checkWrite(state, kind, input, entry);
		if (checked.answer) return checked;
		const previous = { ...entry };
		Object.assign(entry, checked.given, { updated_at: Date.now() });
		return { answer: E.success(v2ListItem(kind, entry), TEXT.listUpdated(ONE[kind])), writes: [{ action: 'updated', entry, previous }] };
	}
	if (kind !== 'groups' && state.lists.inUse(kind, entry, state.contacts.list)) return { answer: E.error('RESOURCE_CONFLICT', TEXT.inUse(ONE[kind])) };
	const writes = [{ action: 'deleted', entry }];
	for (const c of state.contacts.list.filter((x) => x.group_id.includes(entry.id))) {
		writes.push({ kind: 'contacts', action: 'updated', entry: c, previous: { ...c, group_id: [...c.group_id] } });
		c.group_id = c.group_id.filter((g) => g !== entry.id);
	}
	state.lists.remove(kind, entry);
	return { answer: E.success(undefined, TEXT.listDeleted(ONE[kind])), writes };
}

module.exports = { listsV2 };
