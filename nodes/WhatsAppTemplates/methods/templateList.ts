import { NodeOperationError, type ILoadOptionsFunctions } from 'n8n-workflow';

import { redirectOf } from '../shared/apiError';
import type { PlatformTemplate } from '../shared/platform';
import { listTemplates } from '../shared/templateList';
import { platformOf } from '../shared/transport';

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
	const why = redirect
		? `the platform answered with ${redirect} (check the credential's Platform URL)`
		: status === 403
			? `this API token may not read templates (${platform.permissionKind} ${platform.routes.listTemplates.permission}), or API access is disabled`
			: status === 401
				? 'the API token was refused'
				: status
					? `the platform answered HTTP ${status}`
					: `the platform could not be reached (${'code' in list.failure ? list.failure.code : 'network error'})`;
	throw new NodeOperationError(ctx.getNode(), `Could not list the templates: ${why}. Choose "By Name and Language" under Template and type them; sending still works.`);
}
