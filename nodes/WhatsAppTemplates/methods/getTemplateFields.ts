import type { ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import { templateValueFields } from '../actions/message/sendTemplate/templateValues';
import { readPicked } from '../actions/message/sendTemplate/templateSource';
import { unsendable } from '../shared/templateKinds';
import { templatesForEditor } from './templateList';

/** The editor's fields for the picked template: exactly the values it takes. */
export async function getTemplateFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const picked = readPicked(this.getCurrentNodeParameter('template', { extractValue: true }));
	if (!picked.name) return { fields: [], emptyFieldsNotice: 'Choose a template first.' };
	const template = (await templatesForEditor(this)).find((t) => t.name === picked.name && t.language === picked.language);
	if (!template) {
		return { fields: [], emptyFieldsNotice: `Template ${picked.name} (${picked.language}) is no longer on the platform: choose it again.` };
	}
	const cannot = unsendable(template);
	if (cannot) return { fields: [], emptyFieldsNotice: `This template cannot be sent: ${cannot}.` };
	return { fields: templateValueFields(template) };
}
