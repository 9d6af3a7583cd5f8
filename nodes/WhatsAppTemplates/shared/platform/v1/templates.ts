/** The template list of API v1 (CONTRACT.md: List templates): paging and the Laravel paginator's keys. */
import { field } from '../json';
import type { TemplatePage } from '../types';

export const TEMPLATE_LIST = {
	page: 'page',
	perPage: 'per_page',
	/** The platform sets no maximum; 100 keeps one answer small. */
	pageSize: 100,
	currentPage: 'current_page',
	lastPage: 'last_page',
	items: 'data',
} as const;

/** The query of page `page` (1-based). */
export const templatePageQuery = (page: number, perPage: number = TEMPLATE_LIST.pageSize) => ({
	[TEMPLATE_LIST.page]: page,
	[TEMPLATE_LIST.perPage]: perPage,
});

/** A page of the list: its templates and whether more pages follow (stop on current_page >= last_page). */
export function readTemplatePage(body: unknown): TemplatePage {
	const page = field(body, 'data');
	const records = field(page, TEMPLATE_LIST.items);
	const current = Number(field(page, TEMPLATE_LIST.currentPage));
	const last = Number(field(page, TEMPLATE_LIST.lastPage));
	return { records: Array.isArray(records) ? records : [], more: Number.isFinite(current) && Number.isFinite(last) && current < last };
}
