'use strict';
/**
 * v2's list query (QueryBuilderService; CONTRACT-v2.md, "The envelope"), for every list (templates,
 * contacts, groups, statuses, sources), from a spec { filters, sorts, search, arrays, defaultPerPage,
 * maxPerPage }: filter[field]=v or filter[field][op]=v (gte, lte, gt, lt, ne, like, in, not_in,
 * between, null), search (or q) as LIKE over the search fields, sort=f,-f, page, per_page (capped).
 * A field of `arrays` (a JSON column) matches a value it contains. Stricter than the platform ON
 * PURPOSE: an unknown filter or sort field and a per_page that is not a positive integer are
 * refused (422), where the platform ignores them silently.
 */
const { isInteger } = require('../validate');
const E = require('./envelope');

/** SQL's `LIKE '%x%'` under a case-insensitive collation: `%` any run, `_` any one character. */
function like(value, x) {
	if (value === null || value === undefined) return false;
	const pattern = String(x).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.');
	return new RegExp(pattern, 'i').test(String(value));
}
const list = (v) => (Array.isArray(v) ? v.map(String) : String(v).split(','));
const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
/** A query value (always text) as the column's type: a number for a numeric column. */
const as = (v, x) => (typeof v === 'number' && /^-?\d+(\.\d+)?$/.test(x) ? Number(x) : x);
const OPS = {
	gte: (v, x) => v !== null && v >= as(v, x),
	lte: (v, x) => v !== null && v <= as(v, x),
	gt: (v, x) => v !== null && v > as(v, x),
	lt: (v, x) => v !== null && v < as(v, x),
	ne: (v, x) => v !== as(v, x),
	like,
	in: (v, x) => list(x).map((y) => as(v, y)).includes(v),
	not_in: (v, x) => !list(x).map((y) => as(v, y)).includes(v),
	between: (v, x) => v !== null && v >= as(v, list(x)[0]) && v <= as(v, list(x)[1]),
	null: (v, x) => (x && x !== '0' && x !== 'false' ? v === null : v !== null),
};
const equals = (v, x) => v === as(v, x);

/** The query's filters and search as a predicate, or { errors } (422). */
function matcher(query, spec) {
	const errors = {};
	const tests = [];
	const filters = query.filter === undefined ? {} : query.filter;
	if (filters === null || typeof filters !== 'object' || Array.isArray(filters)) errors.filter = ['The filter field must be an array.'];
	else {
		for (const [field, condition] of Object.entries(filters)) {
			const get = spec.arrays.includes(field) ? (t, x) => t[field].some((v) => equals(v, x)) : null;
			if (!spec.filters.includes(field)) {
				errors[`filter.${field}`] = [`Filtering on ${field} is not supported: ${spec.filters.join(', ')}.`];
			} else if (get) {
				tests.push((t) => list(condition).some((x) => get(t, x)));
			} else if (condition !== null && typeof condition === 'object') {
				for (const [op, value] of Object.entries(condition)) tests.push((t) => (OPS[op] || equals)(t[field], value));
			} else tests.push((t) => equals(t[field], condition));
		}
	}
	const search = query.search ?? query.q;
	if (typeof search === 'string' && search !== '') {
		tests.push((t) => spec.search.some((f) => like(t[f], search)));
	}
	return Object.keys(errors).length ? { errors } : { test: (t) => tests.every((fn) => fn(t)) };
}

function sorter(sort, spec) {
	if (sort === undefined || sort === '') return { sort: null };
	const keys = list(sort).map((s) => (s.startsWith('-') ? { field: s.slice(1), dir: -1 } : { field: s, dir: 1 }));
	const bad = keys.filter((k) => !spec.sorts.includes(k.field));
	if (bad.length) return { errors: { sort: [`Sorting on ${bad.map((k) => k.field).join(', ')} is not supported: ${spec.sorts.join(', ')}.`] } };
	return { sort: (a, b) => keys.reduce((r, k) => r || k.dir * compare(a[k.field], b[k.field]), 0) };
}

/** Filter, sort and page `items` (in their v2 shape): the paginated answer, or a 422. */
function listQuery(items, query, pageUrl, spec) {
	const errors = {};
	if (query.per_page !== undefined && !(isInteger(query.per_page) && Number(query.per_page) >= 1)) {
		errors.per_page = ['The per page field must be an integer greater than 0.'];
	}
	const match = matcher(query, spec);
	const order = sorter(query.sort, spec);
	Object.assign(errors, match.errors, order.errors);
	if (Object.keys(errors).length) return E.validation(errors);

	const perPage = Math.min(query.per_page !== undefined ? Number(query.per_page) : spec.defaultPerPage, spec.maxPerPage);
	const page = isInteger(query.page) && Number(query.page) >= 1 ? Number(query.page) : 1;
	const found = items.filter(match.test);
	if (order.sort) found.sort(order.sort);
	const total = found.length;
	const totalPages = Math.max(1, Math.ceil(total / perPage));
	const pageItems = found.slice((page - 1) * perPage, page * perPage);
	const link = (n) => `${pageUrl}?page=${n}`;
	return E.paginated(
		pageItems,
		{ total, count: pageItems.length, per_page: perPage, current_page: page, total_pages: totalPages, has_more: page < totalPages },
		{ self: link(page), first: link(1), last: link(totalPages), prev: page > 1 ? link(page - 1) : null, next: page < totalPages ? link(page + 1) : null },
	);
}

module.exports = { listQuery, like };
