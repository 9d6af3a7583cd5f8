import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { pickedValue } from '../actions/message/sendTemplate/templateSource';
import { buttonWarning, templateLabel, unsendable } from '../shared/templateKinds';
import { templatesForEditor } from './templateList';

/** The picker: the workspace's APPROVED templates (every page), searchable by name. */
export async function searchTemplates(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const wanted = (filter ?? '').trim().toLowerCase();
	const templates = (await templatesForEditor(this))
		.filter((t) => t.status === 'APPROVED' && (!wanted || t.name.toLowerCase().includes(wanted)))
		.sort((a, b) => a.name.localeCompare(b.name) || a.language.localeCompare(b.language));
	return {
		results: templates.map((template) => {
			const cannot = unsendable(template);
			const flag = cannot ? ' ⚠ cannot be sent' : buttonWarning(template) ? ' ⚠ button values may be dropped' : '';
			return {
				name: `${templateLabel(template)}${flag}`,
				value: pickedValue(template.name, template.language),
				description: cannot ?? template.body,
			};
		}),
	};
}
