import type { IDataObject } from 'n8n-workflow';

import { rateGateFor } from './batch/rateGate';
import { retryAfterSeconds } from './batch/retryAfter';
import type { RunOptions } from './batch/options';
import { readTemplate, type Platform, type PlatformTemplate } from './platform';
import { apiRequest, buildRequest, type ApiResponse, type RequestContext } from './transport';

/** Why the list could not be read: an HTTP answer, or a network failure's code. */
export type ListFailure = { response: ApiResponse } | { code: string };

export interface ListedTemplate {
	template: PlatformTemplate;
	/** The record as the platform sent it. */
	record: unknown;
}

export type ListResult = { ok: true; templates: ListedTemplate[] } | { ok: false; failure: ListFailure };

type ListOptions = Pick<RunOptions, 'timeoutMs' | 'proxy' | 'allowUnauthorizedCerts' | 'rateLimitRetries' | 'maxRetryWaitSeconds'>;

/** The editor's pickers: no Request Options, and no long waits while the user looks at a list. */
const PICKER_OPTIONS: ListOptions = { allowUnauthorizedCerts: false, rateLimitRetries: 1, maxRetryWaitSeconds: 5 };

/** The most pages read, so that a platform that never reports its last page cannot loop forever. */
const MAX_PAGES = 200;

/**
 * Every template of the workspace, all pages (the platform returns every status; callers filter).
 * The list is small and read once per run or picker call, never per item.
 */
export async function listTemplates(ctx: RequestContext, platform: Platform, options: ListOptions = PICKER_OPTIONS): Promise<ListResult> {
	const templates: ListedTemplate[] = [];
	const gate = rateGateFor(ctx, platform);
	for (let page = 1, limited = 0; page <= MAX_PAGES; page++) {
		const qs: IDataObject = platform.templateList.query(page);
		// The list counts toward the same per-token budget as the sends: paced and paused with them.
		const turn = (await gate.turn())!;
		const answer = await apiRequest(ctx, buildRequest(platform.routes.listTemplates, options, undefined, qs));
		const report = 'failure' in answer ? undefined : platform.rateLimit(answer.headers);
		if (!('failure' in answer) && answer.statusCode === 429 && limited < options.rateLimitRetries) {
			const wait = retryAfterSeconds(platform, answer);
			if (wait <= options.maxRetryWaitSeconds) {
				limited++;
				page--;
				gate.pauseFor(wait);
				gate.done(turn, report);
				continue;
			}
		}
		gate.done(turn, report);
		if ('failure' in answer) return { ok: false, failure: { code: answer.failure.code } };
		if (answer.statusCode < 200 || answer.statusCode >= 300) return { ok: false, failure: { response: answer } };
		const { records, more } = platform.templateList.readPage(answer.body);
		templates.push(...records.map((record) => ({ template: readTemplate(record), record })));
		if (!more) break;
	}
	return { ok: true, templates };
}
