'use strict';
/**
 * GET templates (a Laravel paginator, every status) and GET templates/{id}; the paginator
 * serves v1's other lists too (crm-v1.js).
 * Laravel resolves a bad `page` to 1; a `per_page` that is not a positive integer
 * is refused here (422), strictly: the platform would misbehave on it.
 */
const R = require('./responses');
const { isInteger } = require('./validate');

const DEFAULT_PER_PAGE = 15;

/** Laravel's paginator over `items` in `data`, as v1's lists answer (templates, contacts, groups, ...). */
function paginate(items, query, pageUrl) {
	if (query.per_page !== undefined && !(isInteger(query.per_page) && Number(query.per_page) >= 1)) {
		return R.validation({ per_page: ['The per page field must be an integer greater than 0.'] });
	}
	const perPage = query.per_page !== undefined ? Number(query.per_page) : DEFAULT_PER_PAGE;
	const page = isInteger(query.page) && Number(query.page) >= 1 ? Number(query.page) : 1;
	const total = items.length;
	const lastPage = Math.max(1, Math.ceil(total / perPage));
	const pageItems = items.slice((page - 1) * perPage, page * perPage);
	const from = pageItems.length ? (page - 1) * perPage + 1 : null;
	// Like Laravel, the page links carry only `page` (not per_page).
	const link = (n) => `${pageUrl}?page=${n}`;
	return R.success({
		current_page: page,
		data: pageItems,
		first_page_url: link(1),
		from,
		last_page: lastPage,
		last_page_url: link(lastPage),
		next_page_url: page < lastPage ? link(page + 1) : null,
		path: pageUrl,
		per_page: perPage,
		prev_page_url: page > 1 ? link(page - 1) : null,
		to: pageItems.length ? from + pageItems.length - 1 : null,
		total,
	});
}

const listTemplates = (templates, query, pageUrl) => paginate(templates, query, pageUrl);

function showTemplate(templates, id) {
	const template = /^[1-9][0-9]*$/.test(id || '') ? templates.find((t) => t.id === Number(id)) : undefined;
	return template ? R.success(template) : R.templateShowNotFound();
}

module.exports = { listTemplates, showTemplate, paginate, DEFAULT_PER_PAGE };
