import type { IExecuteFunctions } from 'n8n-workflow';

import type { RunOptions } from '../../../shared/batch/options';
import { listTemplates } from '../../../shared/templateList';
import { indexTemplates, type TemplateIndex } from './check';

/**
 * The run's template list for the check before sending, read once (every page). When it cannot be
 * read (a token without templates.read, an older platform), the run sends without the check and
 * says so once in the execution's hints: the check must never stop a send that would work.
 */
export async function templatesForCheck(ctx: IExecuteFunctions, options: RunOptions): Promise<TemplateIndex | undefined> {
	const list = await listTemplates(ctx, options);
	if (list.ok) return indexTemplates(list.templates.map((listed) => listed.template));
	const why =
		'response' in list.failure
			? `HTTP ${list.failure.response.statusCode}${list.failure.response.statusCode === 403 ? ': the token may lack the ability templates.read' : ''}`
			: `network error ${list.failure.code}`;
	ctx.addExecutionHints({
		message: `Templates were not checked before sending: the template list could not be read (${why}). The messages were sent as given.`,
		location: 'outputPane',
	});
	return undefined;
}
