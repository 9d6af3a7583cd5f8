'use strict';
/**
 * v1's groups, statuses and sources (platform-notes-v1-more.md §3): the same five routes each,
 * from the LISTS table. `name` unique in the workspace (statuses: 3+ characters, `color`,
 * `isdefault`); a name past its column or a status colour of null / '' fails in the database
 * (500); any other key is the strict-mode 500; groups and sources need `name` on PUT, statuses
 * not. Delete: 400 when a contact uses it, or for the default status. `isdefault: true` clears
 * the default of EVERY workspace on the installation (no tenant scope): counted in defaultsCleared.
 */
const { LISTS, LIST_FILLABLE, KEYS } = require('./crm-platform');
const { fieldErrors, addOnce, taken } = require('./crm-validate');
const { isEmpty } = require('./validate');
const { paginate } = require('./catalog');
const { v1ListRow } = require('./crm-rows');
const { strictModeError, fail } = require('./crm-v1');
const R = require('./responses');

function rules(kind, op) {
	const spec = LISTS[kind];
	const name = { type: 'string', required: op === 'create' || kind !== 'statuses', max: 255, ...(spec.nameMin ? { min: spec.nameMin } : {}) };
	return kind === 'statuses' ? { name, color: { type: 'string', max: 7 }, isdefault: { type: 'boolean' } } : { name };
}

function columnError(kind, input) {
	if (typeof input.name === 'string' && [...input.name].length > LISTS[kind].nameMax) {
		return `SQLSTATE[22001]: String data, right truncated: 1406 Data too long for column 'name' at row 1`;
	}
	const hasColor = Object.prototype.hasOwnProperty.call(input, 'color');
	return kind === 'statuses' && hasColor && isEmpty(input.color) ? "SQLSTATE[23000]: Integrity constraint violation: 1048 Column 'color' cannot be null" : null;
}

/** The write: validate, fill, store. Returns { answer } or { set } (the columns to store). */
function checkWrite(state, kind, op, input, exceptId) {
	const spec = LISTS[kind];
	const errors = fieldErrors(input, rules(kind, op), { partial: op === 'update' && kind === 'statuses' });
	if (!errors.name && typeof input.name === 'string' && state.lists.byName(kind, input.name, exceptId)) addOnce(errors, 'name', taken('name'));
	if (Object.keys(errors).length) return { answer: fail(422, KEYS.validationFailed, { errors }) };
	const failed = strictModeError(input, LIST_FILLABLE[kind], spec.model) || columnError(kind, input);
	if (failed) return { answer: fail(500, spec.fail[op], { error: failed }) };
	const set = {};
	if (input.name !== undefined) set.name = input.name;
	if (input.color !== undefined) set.color = input.color;
	if (input.isdefault !== undefined) set.isdefault = [true, 1, '1'].includes(input.isdefault);
	if (set.isdefault) {
		// UPDATE statuses SET isdefault = 0 WHERE isdefault = 1: every workspace's, this one's too.
		for (const s of state.lists.all('statuses')) s.isdefault = false;
		state.lists.defaultsCleared += 1;
	}
	return { set };
}

/** One request on a list: { answer, writes? }. */
function listsV1(state, kind, op, { input, query, id, pageUrl }) {
	const spec = LISTS[kind];
	if (op === 'list') return { answer: paginate(state.lists.all(kind).map((e) => v1ListRow(kind, e)), query, pageUrl) };
	if (op === 'create') {
		const checked = checkWrite(state, kind, op, input);
		if (checked.answer) return checked;
		const entry = state.lists.create(kind, checked.set);
		return { answer: R.json(201, { status: 'success', message: spec.created, data: v1ListRow(kind, entry) }), writes: [{ action: 'created', entry }] };
	}
	const entry = /^[1-9]\d*$/.test(id || '') ? state.lists.find(kind, id) : null;
	if (!entry) return { answer: fail(404, spec.notFound) };
	if (op === 'show') return { answer: R.success(v1ListRow(kind, entry)) };
	if (op === 'update') {
		const checked = checkWrite(state, kind, op, input, entry.id);
		if (checked.answer) return checked;
		const previous = { ...entry };
		Object.assign(entry, checked.set, { updated_at: Date.now() });
		return { answer: R.json(200, { status: 'success', message: spec.updated, data: v1ListRow(kind, entry) }), writes: [{ action: 'updated', entry, previous }] };
	}
	if (kind === 'statuses' && entry.isdefault) return { answer: fail(400, KEYS.defaultStatus) };
	if (state.lists.inUse(kind, entry, state.contacts.list)) return { answer: fail(400, spec.inUse) };
	state.lists.remove(kind, entry);
	return { answer: R.json(200, { status: 'success', message: spec.deleted }), writes: [{ action: 'deleted', entry }] };
}

module.exports = { listsV1 };
