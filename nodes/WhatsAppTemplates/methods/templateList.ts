import { NodeOperationError, type ILoadOptionsFunctions } from 'n8n-workflow';

import { redirectOf } from '../shared/apiError';
import type { PlatformTemplate } from '../shared/platform';
import { listTemplates } from '../shared/templateList';
import { platformOf } from '../shared/transport';

const BY_NAME = 'Choose "By Name and Language" under Template and type them; sending still works.';

/**
 * The workspace's templates for the editor, or an error in words the list can show. A token that
 * may not read templates only loses the list: sending by name and language still works.
 */
export async function templatesForEditor(ctx: ILoadOptionsFunctions): Promise<PlatformTemplate[]> {
	const platform = await platformOf(ctx);
	const list = await listTemplates(ctx, platform);
	if (list.ok) return list.templates.map((listed) => listed.template);
	const response = 'response' in list.failure ? list.failure.response : undefined;
	const status = response?.statusCode;
	const redirect = response && redirectOf(response);
	if (response && !redirect && (status === 401 || status === 403)) {
		// The token's own trouble, in its API's words (v2: revoked, expired, IP allow-list, the scope named).
		const { message, advice } = platform.explain(response, {});
		const { permission } = platform.routes.listTemplates;
		const needs = message.includes(permission) ? '' : ` (reading templates needs the ${platform.permissionKind} ${permission})`;
		throw new NodeOperationError(ctx.getNode(), `Could not list the templates. ${message}${needs}. ${advice ?? ''} ${BY_NAME}`);
	}
	const why = redirect
		? `the platform answered with ${redirect} (check the credential's Platform URL)`
		: status
			? `the platform answered HTTP ${status}`
			: `the platform could not be reached (${'code' in list.failure ? list.failure.code : 'network error'})`;
	throw new NodeOperationError(ctx.getNode(), `Could not list the templates: ${why}. ${BY_NAME}`);
}
