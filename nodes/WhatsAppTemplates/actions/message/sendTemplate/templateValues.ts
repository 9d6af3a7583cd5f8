import type { IDataObject, ResourceMapperField } from 'n8n-workflow';

import type { MediaKind, PlatformTemplate } from '../../../shared/platform';
import { dynamicButtons, headerNeed } from '../../../shared/templateKinds';
import type { HeaderType, SendTemplateParameters } from './parameters';

/**
 * The values a picked template takes, as the editor's fields (a resource mapper) and back into
 * the operation's parameters. The ids say what a value is, so a run knows the header kind from
 * the saved fields even when it does not read the template list.
 */
const ID = {
	headerText: 'headerText',
	mediaUrl: (kind: MediaKind) => `${kind}Url`,
	mediaFile: (kind: MediaKind) => `${kind}BinaryField`,
	documentFilename: 'documentFilename',
	body: (n: number) => `var${n}`,
	button: (i: number) => `button${i}`,
};
const KINDS: MediaKind[] = ['image', 'video', 'document'];

const field = (id: string, displayName: string, required: boolean): ResourceMapperField => ({
	id,
	displayName,
	required,
	defaultMatch: false,
	canBeUsedToMatch: false,
	display: true,
	type: 'string',
});

const excerpt = (text: string) => (text.length > 90 ? `${text.slice(0, 87)}…` : text);

/** The fields a template takes: its header input, exactly its body variables, its dynamic buttons. */
export function templateValueFields(template: PlatformTemplate): ResourceMapperField[] {
	const fields: ResourceMapperField[] = [];
	const need = headerNeed(template);
	if (need === 'text') fields.push(field(ID.headerText, `Header {{1}} in “${excerpt(template.headerText ?? '')}”`, true));
	if (need === 'image' || need === 'video' || need === 'document') {
		fields.push(field(ID.mediaUrl(need), `Header ${need}: public link (https://…), or leave empty and give the binary field below`, false));
		fields.push(field(ID.mediaFile(need), `Header ${need}: input binary field holding the file (e.g. data)`, false));
		if (need === 'document') fields.push(field(ID.documentFilename, 'Document name for the recipient', false));
	}
	const authentication = template.category === 'AUTHENTICATION';
	for (let n = 1; n <= template.bodyParams; n++) {
		const otp = authentication && n === 1;
		const label = otp ? '{{1}}: the one-time password (or set it under Additional Fields, or let the platform generate it)' : `{{${n}}} in “${excerpt(template.body)}”`;
		fields.push(field(ID.body(n), label, !otp));
	}
	for (const button of dynamicButtons(template)) fields.push(field(ID.button(button.index), `Button ${button.index}: ${button.label}`, false));
	return fields;
}

const text = (value: unknown) => (value === undefined || value === null ? '' : value);

/** A picked template's saved values as the operation's parameters. */
export function parametersFromValues(
	picked: { name: string; language: string },
	mapper: { value?: IDataObject | null; schema?: Array<{ id: string }> },
): Pick<SendTemplateParameters, 'templateName' | 'templateLanguage' | 'headerType' | 'headerText' | 'mediaSource' | 'mediaUrl' | 'binaryPropertyName' | 'documentFilename' | 'bodyVariables' | 'buttonParameters'> {
	const values = mapper.value ?? {};
	const ids = new Set((mapper.schema ?? []).map((f) => f.id).concat(Object.keys(values)));
	const kind = KINDS.find((k) => ids.has(ID.mediaUrl(k)) || ids.has(ID.mediaFile(k)));
	const headerType: HeaderType = kind ?? (ids.has(ID.headerText) ? 'text' : 'none');
	const file = kind ? String(text(values[ID.mediaFile(kind)])).trim() : '';
	const bodyVariables: IDataObject = {};
	const buttonParameters: IDataObject = {};
	for (const [id, value] of Object.entries(values)) {
		if (/^var\d+$/.test(id)) bodyVariables[id] = text(value) as string;
		if (/^button\d$/.test(id)) buttonParameters[id] = text(value) as string;
	}
	return {
		templateName: picked.name,
		templateLanguage: picked.language,
		headerType,
		headerText: text(values[ID.headerText]),
		mediaSource: file ? 'binary' : 'url',
		mediaUrl: kind ? text(values[ID.mediaUrl(kind)]) : '',
		binaryPropertyName: file || 'data',
		documentFilename: text(values[ID.documentFilename]),
		bodyVariables,
		buttonParameters,
	};
}
