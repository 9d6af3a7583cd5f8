import { readPages, type ListFailure, type ListOptions } from './pagedList';
import { readTemplate, type Platform, type PlatformTemplate } from './platform';
import type { RequestContext } from './transport';

export type { ListFailure } from './pagedList';

export interface ListedTemplate {
	template: PlatformTemplate;
	/** The record as the platform sent it. */
	record: unknown;
}

export type ListResult = { ok: true; templates: ListedTemplate[] } | { ok: false; failure: ListFailure };

/** The editor's pickers: no Request Options, and no long waits while the user looks at a list. */
export const PICKER_OPTIONS: ListOptions = { allowUnauthorizedCerts: false, rateLimitRetries: 1, maxRetryWaitSeconds: 5 };

/**
 * Every template of the workspace, all pages (the platform returns every status; callers filter).
 * The list is small and read once per run or picker call, never per item; it counts toward the
 * same per-token budget as the sends: paced and paused with them.
 */
export async function listTemplates(ctx: RequestContext, platform: Platform, options: ListOptions = PICKER_OPTIONS): Promise<ListResult> {
	const list = await readPages(ctx, platform, options, platform.routes.listTemplates, platform.templateList.query, platform.templateList.readPage);
	if (!list.ok) return list;
	return { ok: true, templates: list.records.map((record) => ({ template: readTemplate(record), record })) };
}
