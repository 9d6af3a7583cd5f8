/** The template list of API v2 (CONTRACT-v2.md: List templates): `data: [...]` paged by `meta.pagination`. */
import { field } from '../json';
import type { TemplatePage } from '../types';

export const TEMPLATE_LIST = {
	page: 'page',
	perPage: 'per_page',
	/** API v2's maximum. */
	pageSize: 100,
	pagination: 'pagination',
	hasMore: 'has_more',
	currentPage: 'current_page',
	totalPages: 'total_pages',
} as const;

export const templatePageQuery = (page: number, perPage: number = TEMPLATE_LIST.pageSize) => ({
	[TEMPLATE_LIST.page]: page,
	[TEMPLATE_LIST.perPage]: perPage,
});

/** A page of the list: `has_more` when the platform says it, else current_page < total_pages. */
export function readTemplatePage(body: unknown): TemplatePage {
	const records = field(body, 'data');
	const pagination = field(field(body, 'meta'), TEMPLATE_LIST.pagination);
	const hasMore = field(pagination, TEMPLATE_LIST.hasMore);
	const current = Number(field(pagination, TEMPLATE_LIST.currentPage));
	const total = Number(field(pagination, TEMPLATE_LIST.totalPages));
	const more = typeof hasMore === 'boolean' ? hasMore : Number.isFinite(current) && Number.isFinite(total) && current < total;
	return { records: Array.isArray(records) ? records : [], more: more && Array.isArray(records) && records.length > 0 };
}
