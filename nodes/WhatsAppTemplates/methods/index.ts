import { getGroups, searchGroups, searchSources, searchStatuses } from './crmLists';
import { getTemplateFields } from './getTemplateFields';
import { searchTemplates } from './searchTemplates';

/** The editor's pickers: they read the platform through the same transport as the operations. */
export const methods = {
	listSearch: { searchTemplates, searchGroups, searchStatuses, searchSources },
	loadOptions: { getGroups },
	resourceMapping: { getTemplateFields },
};
