'use strict';
/**
 * GET templates and GET templates/{template_id} on v2: the same catalog as v1 (templates.js),
 * in v2's item shape, paged with meta.pagination and links.
 * - filter[status|category|language]=v or filter[field][op]=v (gte, lte, gt, lt, ne, like,
 *   in, not_in, between, null); search (or q) over template_name and category; sort=f,-f over
 *   template_name, created_at, updated_at; per_page default 15, capped at 100.
 * - The links carry only `page`, as Laravel's paginator writes them (per_page is lost there).
 * - {template_id} is Meta's id, not `id`; the item comes wrapped once more, as
 *   ApiResponse::resource gives a JsonResource: `data: {data: item}` (config v2ShowWrapped).
 * Stricter than the platform ON PURPOSE: an unknown filter or sort field and a per_page that
 * is not a positive integer are refused (422), where the platform ignores them silently.
 */
const { isInteger } = require('../validate');
const { TEMPLATE_QUERY, TEXT } = require('./platform');
const E = require('./envelope');

const CREATED = Date.UTC(2026, 9, 1, 9, 0, 0);

/** A template in v2's item shape (TemplateResource). */
function v2Item(t, buttonsAs) {
	const otpButton = t.category === 'AUTHENTICATION' && t.buttons_data ? JSON.parse(t.buttons_data).find((b) => /otp\{\{/.test(b.url || '')) : null;
	const expires = /expires in (\d+) minutes/.exec(t.footer_data || '');
	return {
		id: t.id,
		template_id: t.template_id,
		template_name: t.template_name,
		name: t.template_name,
		language: t.language,
		category: t.category,
		status: t.status,
		header_data_format: t.header_data_format,
		header_data_text: t.header_data_text,
		header_params_count: t.header_params_count,
		header_file_url: null,
		header_variable_value: null,
		body_data: t.body_data,
		body_params_count: t.body_params_count,
		body_variable_value: null,
		footer_data: t.footer_data,
		footer_params_count: t.footer_params_count,
		// The stored column as is: a JSON-encoded string (or null), as v1 shows it.
		buttons_data: buttonsAs === 'array' && t.buttons_data ? JSON.parse(t.buttons_data) : t.buttons_data,
		message_send_ttl_seconds: null,
		add_security_recommendation: false,
		code_expiration_minutes: t.category === 'AUTHENTICATION' && expires ? Number(expires[1]) : null,
		otp_button_config: otpButton ? { otp_type: 'COPY_CODE', text: otpButton.text } : null,
		components: [],
		created_at: E.iso(CREATED + t.id * 3_600_000),
		updated_at: E.iso(CREATED + t.id * 3_600_000 + 600_000),
	};
}

/** SQL's `LIKE '%x%'` under a case-insensitive collation: `%` any run, `_` any one character. */
function like(value, x) {
	if (value === null || value === undefined) return false;
	const pattern = String(x).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.');
	return new RegExp(pattern, 'i').test(String(value));
}
const list = (v) => (Array.isArray(v) ? v.map(String) : String(v).split(','));
const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const OPS = {
	gte: (v, x) => v !== null && v >= x,
	lte: (v, x) => v !== null && v <= x,
	gt: (v, x) => v !== null && v > x,
	lt: (v, x) => v !== null && v < x,
	ne: (v, x) => v !== x,
	like,
	in: (v, x) => list(x).includes(v),
	not_in: (v, x) => !list(x).includes(v),
	between: (v, x) => v !== null && v >= list(x)[0] && v <= list(x)[1],
	null: (v, x) => (x && x !== '0' && x !== 'false' ? v === null : v !== null),
};

/** The query's filters and search as a predicate, or { errors } (422). */
function matcher(query) {
	const errors = {};
	const tests = [];
	const filters = query.filter === undefined ? {} : query.filter;
	if (filters === null || typeof filters !== 'object' || Array.isArray(filters)) errors.filter = ['The filter field must be an array.'];
	else {
		for (const [field, condition] of Object.entries(filters)) {
			if (!TEMPLATE_QUERY.filters.includes(field)) {
				errors[`filter.${field}`] = [`Filtering on ${field} is not supported: ${TEMPLATE_QUERY.filters.join(', ')}.`];
			} else if (condition !== null && typeof condition === 'object') {
				for (const [op, value] of Object.entries(condition)) tests.push((t) => (OPS[op] || ((v, x) => v === x))(t[field], value));
			} else tests.push((t) => t[field] === condition);
		}
	}
	const search = query.search ?? query.q;
	if (typeof search === 'string' && search !== '') {
		tests.push((t) => TEMPLATE_QUERY.search.some((f) => like(t[f], search)));
	}
	return Object.keys(errors).length ? { errors } : { test: (t) => tests.every((fn) => fn(t)) };
}

function sorter(sort) {
	if (sort === undefined || sort === '') return { sort: null };
	const keys = list(sort).map((s) => (s.startsWith('-') ? { field: s.slice(1), dir: -1 } : { field: s, dir: 1 }));
	const bad = keys.filter((k) => !TEMPLATE_QUERY.sorts.includes(k.field));
	if (bad.length) return { errors: { sort: [`Sorting on ${bad.map((k) => k.field).join(', ')} is not supported: ${TEMPLATE_QUERY.sorts.join(', ')}.`] } };
	return { sort: (a, b) => keys.reduce((r, k) => r || k.dir * compare(a[k.field], b[k.field]), 0) };
}

function listV2Templates(templates, query, pageUrl, buttonsAs) {
	const errors = {};
	if (query.per_page !== undefined && !(isInteger(query.per_page) && Number(query.per_page) >= 1)) {
		errors.per_page = ['The per page field must be an integer greater than 0.'];
	}
	const match = matcher(query);
	const order = sorter(query.sort);
	Object.assign(errors, match.errors, order.errors);
	if (Object.keys(errors).length) return E.validation(errors);

	const perPage = Math.min(query.per_page !== undefined ? Number(query.per_page) : TEMPLATE_QUERY.defaultPerPage, TEMPLATE_QUERY.maxPerPage);
	const page = isInteger(query.page) && Number(query.page) >= 1 ? Number(query.page) : 1;
	const items = templates.map((t) => v2Item(t, buttonsAs)).filter(match.test);
	if (order.sort) items.sort(order.sort);
	const total = items.length;
	const totalPages = Math.max(1, Math.ceil(total / perPage));
	const pageItems = items.slice((page - 1) * perPage, page * perPage);
	const link = (n) => `${pageUrl}?page=${n}`;
	return E.paginated(
		pageItems,
		{ total, count: pageItems.length, per_page: perPage, current_page: page, total_pages: totalPages, has_more: page < totalPages },
		{ self: link(page), first: link(1), last: link(totalPages), prev: page > 1 ? link(page - 1) : null, next: page < totalPages ? link(page + 1) : null },
	);
}

function showV2Template(templates, templateId, buttonsAs, wrapped) {
	const t = templates.find((x) => x.template_id === templateId);
	if (!t) return E.error('NOT_FOUND', TEXT.templateNotFound);
	const item = v2Item(t, buttonsAs);
	return E.success(wrapped ? { data: item } : item);
}

module.exports = { listV2Templates, showV2Template, v2Item };
