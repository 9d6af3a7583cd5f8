import { sleep, type IExecuteFunctions } from 'n8n-workflow';

import { redirectOf } from '../../../shared/apiError';
import type { RunOptions } from '../../../shared/batch/options';
import type { Platform } from '../../../shared/platform';
import { listTemplates, type ListResult } from '../../../shared/templateList';
import { indexTemplates, type TemplateIndex } from './check';

/** How often validation lets the template read's connection move on while the read is under way. */
const TURN_EVERY_MS = 10;

/** The run's one read of the template list, under way while the items are validated. */
export interface TemplateRead {
	list: Promise<ListResult>;
	/**
	 * Validating is CPU work: without a turn of the event loop the read would not even connect
	 * before the last item is validated. A promise (await it) when a turn is due: right after the
	 * start, then every TURN_EVERY_MS until the answer is in.
	 */
	turn(): Promise<void> | undefined;
}

/**
 * Starts the run's one read of the template list (every page), for the check before sending. It
 * runs while the items are validated; a run that stops before the check leaves it unawaited.
 */
export function readTemplatesForCheck(ctx: IExecuteFunctions, platform: Platform, options: RunOptions): TemplateRead {
	let pending = true;
	let nextTurnAt = 0;
	const list = listTemplates(ctx, platform, options);
	list.then(
		() => (pending = false),
		() => (pending = false),
	);
	return {
		list,
		turn() {
			if (!pending || Date.now() < nextTurnAt) return undefined;
			nextTurnAt = Date.now() + TURN_EVERY_MS;
			return sleep(0);
		},
	};
}

/**
 * The templates by name. When the list could not be read (a token without templates.read, an
 * older platform), the run sends without the check and says so once in the execution's hints:
 * the check must never stop a send that would work.
 */
export function templatesForCheck(ctx: IExecuteFunctions, platform: Platform, list: ListResult): TemplateIndex | undefined {
	if (list.ok) return indexTemplates(list.templates.map((listed) => listed.template));
	const why =
		'response' in list.failure
			? (redirectOf(list.failure.response) ??
				`HTTP ${list.failure.response.statusCode}${list.failure.response.statusCode === 403 ? `: the token may lack the ${platform.permissionKind} ${platform.routes.listTemplates.permission}` : ''}`)
			: `network error ${list.failure.code}`;
	ctx.addExecutionHints({
		message: `Templates were not checked before sending: the template list could not be read (${why}). The messages were sent as given.`,
		location: 'outputPane',
	});
	return undefined;
}
