import type { IDataObject } from 'n8n-workflow';

import { gatedRequest } from './batch/gatedRequest';
import type { RunOptions } from './batch/options';
import type { Platform, Route, TemplatePage } from './platform';
import { buildRequest, type ApiResponse, type RequestContext } from './transport';

/** Why a list could not be read: an HTTP answer, or a network failure's code. */
export type ListFailure = { response: ApiResponse } | { code: string };

export type PagedResult = { ok: true; records: unknown[] } | { ok: false; failure: ListFailure };

export type ListOptions = Pick<RunOptions, 'timeoutMs' | 'proxy' | 'allowUnauthorizedCerts' | 'rateLimitRetries' | 'maxRetryWaitSeconds'>;

/** The most pages read, so that a platform that never reports its last page cannot loop forever. */
const MAX_PAGES = 200;

/**
 * A paged list's records, page after page through the run's gate (the token's budget, 429 pauses),
 * until the platform says there are no more or `enough` says so.
 */
export async function readPages(
	ctx: RequestContext,
	platform: Platform,
	options: ListOptions,
	route: Route,
	query: (page: number) => IDataObject,
	readPage: (body: unknown) => TemplatePage,
	enough: (records: unknown[]) => boolean = () => false,
): Promise<PagedResult> {
	const records: unknown[] = [];
	for (let page = 1; page <= MAX_PAGES; page++) {
		const answer = await gatedRequest(ctx, platform, options, buildRequest(route, options, undefined, query(page)));
		if ('failure' in answer) return { ok: false, failure: { code: answer.failure.code } };
		if (answer.statusCode < 200 || answer.statusCode >= 300) return { ok: false, failure: { response: answer } };
		const read = readPage(answer.body);
		records.push(...read.records);
		if (!read.more || enough(records)) break;
	}
	return { ok: true, records };
}
