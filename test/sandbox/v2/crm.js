'use strict';
/**
 * v2's contacts endpoints (CONTRACT-v2.md, "Contacts (CRM sync)"; platform-notes-v2.md §9) on the
 * shared store: the FormRequest's rules (422 VALIDATION_ERROR "Validation failed", details per
 * field), phone unique per workspace as an exact string, e-mail unique (not in a batch), status /
 * source / groups that exist, the contact quota (403 FEATURE_LIMIT_EXCEEDED; a batch is checked
 * once, before, and may pass it), PATCH partial. [decided] where the code gave no shape: a batch
 * answers 200 with created[] {index, id, phone}, skipped[] {index, phone, reason} (no id of the
 * contact that has the phone, as v1's 422 gives none), errors[] {index, phone, errors}; with
 * continue_on_error false it stops at the first failing item (those before it stay created).
 */
const { CONTACT_RULES, CONTACT_QUERY, TYPES, TEXT } = require('./crm-platform');
const { TEXT: V2_TEXT } = require('./platform');
const { fieldErrors, addOnce, taken } = require('../crm-validate');
const { isEmpty } = require('../validate');
const { v2Contact } = require('../crm-rows');
const { listQuery } = require('./query');
const E = require('./envelope');

const invalid = (details) => E.error('VALIDATION_ERROR', TEXT.validationFailed, details);
const notFound = () => E.error('NOT_FOUND', TEXT.notFound.contacts);
const IDS = ['status_id', 'source_id', 'assigned_id', 'country_id'];

/** The fields of `rules` a write carries; others are refused (config v2UnknownFields 'refuse') or dropped. */
function known(state, input, errors, rules = CONTACT_RULES) {
	const out = {};
	for (const [k, v] of Object.entries(input)) {
		if (rules[k]) out[k] = v;
		else if (state.config.v2UnknownFields === 'refuse') errors[k] = [`The ${k.replace(/_/g, ' ')} field is prohibited.`];
	}
	return out;
}

/** Rules, existence and uniqueness of one contact's fields. `opts`: { partial, exceptId, email (check uniqueness) }. */
function contactErrors(state, given, { partial = false, exceptId, email = true } = {}) {
	const errors = fieldErrors(given, CONTACT_RULES, { partial, types: TYPES });
	if (given.status_id !== undefined && !isEmpty(given.status_id) && !state.lists.find('statuses', given.status_id)) addOnce(errors, 'status_id', 'The selected status id is invalid.');
	if (given.source_id !== undefined && !isEmpty(given.source_id) && !state.lists.find('sources', given.source_id)) addOnce(errors, 'source_id', 'The selected source id is invalid.');
	if (!errors.groups && Array.isArray(given.groups)) {
		given.groups.forEach((id, i) => !state.lists.find('groups', id) && addOnce(errors, `groups.${i}`, `The selected groups.${i} is invalid.`));
	}
	if (!errors.phone && typeof given.phone === 'string' && state.contacts.phoneTaken(given.phone, exceptId)) addOnce(errors, 'phone', taken('phone'));
	if (email && !errors.email && typeof given.email === 'string' && state.contacts.emailTaken(given.email, exceptId)) addOnce(errors, 'email', taken('email'));
	return errors;
}

/** The columns of a valid write: ids as numbers, empty values null, groups as group_id. */
function columns(given) {
	const out = {};
	for (const [k, v] of Object.entries(given)) {
		if (k === 'groups') out.group_id = [...new Set(v)];
		else out[k] = isEmpty(v) ? null : IDS.includes(k) ? Number(v) : v;
	}
	if ('email' in out) out.email = out.email || '';
	return out;
}

/** 403 when the workspace's contact quota is full, else null. */
function quotaFull(state) {
	const max = state.config.contactQuota;
	const current = state.contacts.list.length;
	return max !== null && current >= max ? E.error('FEATURE_LIMIT_EXCEEDED', V2_TEXT.contactLimit, { feature: 'contacts', current, maximum: max }) : null;
}

/** `include` as asked (groups, source, status), or { errors }. */
function includes(query) {
	const asked = query.include === undefined ? [] : String(query.include).split(',').filter(Boolean);
	const bad = asked.filter((i) => !CONTACT_QUERY.includes.includes(i));
	return bad.length ? { errors: { include: [`Including ${bad.join(', ')} is not supported: ${CONTACT_QUERY.includes.join(', ')}.`] } } : { asked };
}

function batch(state, input) {
	const errors = {};
	const list = input.contacts;
	if (!Array.isArray(list) || list.length === 0) errors.contacts = [list === undefined ? 'The contacts field is required.' : 'The contacts field must be an array with at least 1 item.'];
	const options = input.options === undefined ? {} : input.options;
	if (options === null || typeof options !== 'object' || Array.isArray(options)) errors.options = ['The options field must be an array.'];
	if (Object.keys(errors).length) return { answer: invalid(errors) };
	const full = quotaFull(state);
	if (full) return { answer: full };
	const goOn = options.continue_on_error !== false;
	const out = { created: [], skipped: [], errors: [] };
	const writes = [];
	for (let index = 0; index < list.length && (goOn || out.errors.length === 0); index++) {
		const item = list[index] !== null && typeof list[index] === 'object' && !Array.isArray(list[index]) ? list[index] : {};
		const phone = typeof item.phone === 'string' ? item.phone : null;
		if (options.skip_duplicates === true && phone !== null && state.contacts.phoneTaken(phone)) {
			out.skipped.push({ index, phone, reason: TEXT.duplicate });
			continue;
		}
		const itemErrors = {};
		const given = known(state, item, itemErrors);
		Object.assign(itemErrors, contactErrors(state, given, { email: false }));
		if (Object.keys(itemErrors).length) out.errors.push({ index, phone, errors: itemErrors });
		else {
			const contact = state.contacts.insert(columns(given));
			out.created.push({ index, id: contact.id, phone: contact.phone });
			writes.push({ action: 'created', entry: contact });
		}
	}
	const summary = { total: list.length, created: out.created.length, skipped: out.skipped.length, failed: out.errors.length };
	return { answer: E.success({ success: summary.failed === 0, summary, ...out }, TEXT.batchDone), writes };
}

function batchDelete(state, input) {
	const ids = input.ids;
	if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => !Number.isInteger(id))) {
		return { answer: invalid({ ids: [ids === undefined ? 'The ids field is required.' : 'The ids field must be an array of integers.'] }) };
	}
	const deleted = [];
	const failed = [];
	const writes = [];
	for (const id of ids) {
		const contact = state.contacts.findById(id);
		if (!contact) failed.push({ id, error: TEXT.notFound.contacts });
		else {
			state.contacts.remove(contact);
			deleted.push(id);
			writes.push({ action: 'deleted', entry: contact });
		}
	}
	const summary = { total: ids.length, deleted: deleted.length, failed: failed.length };
	return { answer: E.success({ success: failed.length === 0, summary, deleted, errors: failed }, TEXT.batchDone), writes };
}

/** One contacts request: { answer, writes? } (writes: [{ action, entry, previous? }] for the webhooks). */
function contactsV2(state, op, { input, query, id, pageUrl }) {
	if (op === 'batch') return batch(state, input);
	if (op === 'batchDelete') return batchDelete(state, input);
	const include = includes(query);
	if (op === 'list') {
		if (include.errors) return { answer: E.validation(include.errors) };
		const items = [...state.contacts.list].sort((a, b) => b.created_at - a.created_at || b.id - a.id).map((c) => v2Contact(c, state.lists, include.asked));
		return { answer: listQuery(items, query, pageUrl, CONTACT_QUERY) };
	}
	if (op === 'create') {
		const errors = {};
		const given = known(state, input, errors);
		Object.assign(errors, contactErrors(state, given));
		if (Object.keys(errors).length) return { answer: invalid(errors) };
		const full = quotaFull(state);
		if (full) return { answer: full };
		const contact = state.contacts.insert(columns(given));
		return { answer: E.success(v2Contact(contact, state.lists, ['groups']), TEXT.created, 201), writes: [{ action: 'created', entry: contact }] };
	}
	const contact = state.contacts.findById(Number(id));
	if (!contact) return { answer: notFound() };
	if (op === 'show') return { answer: include.errors ? E.validation(include.errors) : E.success(v2Contact(contact, state.lists, include.asked)) };
	if (op === 'delete') {
		state.contacts.remove(contact);
		return { answer: E.success(undefined, TEXT.deleted), writes: [{ action: 'deleted', entry: contact }] };
	}
	const errors = {};
	const given = known(state, input, errors);
	Object.assign(errors, contactErrors(state, given, { partial: true, exceptId: contact.id }));
	if (Object.keys(errors).length) return { answer: invalid(errors) };
	const previous = { ...contact, group_id: [...contact.group_id] };
	Object.assign(contact, columns(given), { updated_at: Date.now() });
	return { answer: E.success(v2Contact(contact, state.lists, ['groups']), TEXT.updated), writes: [{ action: 'updated', entry: contact, previous }] };
}

module.exports = { contactsV2, known, quotaFull };
