import type { PlatformTemplate } from '../../../shared/platform';
import { buttonWarning, headerNeed, unsendable } from '../../../shared/templateKinds';
import { FieldError } from '../../../shared/validation/fieldError';
import type { ValidatedItem } from './validatedItem';

/** The workspace's templates by name, read once per run. */
export type TemplateIndex = Map<string, PlatformTemplate[]>;

export function indexTemplates(templates: PlatformTemplate[]): TemplateIndex {
	const index: TemplateIndex = new Map();
	for (const template of templates) index.set(template.name, [...(index.get(template.name) ?? []), template]);
	return index;
}

const quote = (text: string) => `"${text.length > 80 ? `${text.slice(0, 77)}…` : text}"`;

function findTemplate(item: ValidatedItem, index: TemplateIndex): PlatformTemplate {
	const name = item.templateName;
	const versions = index.get(name);
	if (!versions) {
		throw new FieldError(
			'Template Name',
			`The platform has no template named "${name}"`,
			'Check the name (Template → Get Many lists them). A template that is new or was edited in WhatsApp Manager must first be synced into the platform (its Templates page)',
		);
	}
	const exact = versions.find((t) => t.language === item.templateLanguage);
	if (exact?.status === 'APPROVED') return exact;
	const seen = versions.map((t) => `${t.language} (${t.status})`).join(' and ');
	const approved = versions.filter((t) => t.status === 'APPROVED').map((t) => t.language);
	throw new FieldError(
		exact ? 'Template Name' : 'Language Code',
		`Template "${name}" exists in ${seen}${exact ? '' : `, not in ${item.templateLanguage}`}; only an APPROVED template can be sent`,
		approved.length ? `Use one of its approved languages (${approved.join(', ')}), spelled exactly` : "Wait for WhatsApp's approval, or send an approved template",
	);
}

/**
 * Checks one item against the template it names, before anything is sent: the platform would
 * otherwise refuse it only after the request, or WhatsApp after the platform. Returns a warning
 * for templates that may fail at WhatsApp on stock platforms.
 */
export function checkAgainstTemplate(item: ValidatedItem, index: TemplateIndex): string | undefined {
	const template = findTemplate(item, index);
	const which = `Template ${template.name} (${template.language})`;
	const reason = unsendable(template);
	if (reason) throw new FieldError('Template Name', `${which} cannot be sent: ${reason}`, 'Send another template, or ask the operator');

	const given = item.bodyVariables.length;
	const authentication = template.category === 'AUTHENTICATION';
	if (authentication && template.bodyParams > 0 && given === 0) {
		throw new FieldError('One-Time Password', `${which} is an authentication template and needs its one-time password`, 'Set One-Time Password, or turn on "Generate OTP on the Platform" under Options');
	}
	if (given !== template.bodyParams) {
		throw new FieldError(
			'Body Variables',
			`${which} has ${template.bodyParams} body variable(s), but ${given} ${given === 1 ? 'was' : 'were'} given; its body is ${quote(template.body)}`,
			template.bodyParams ? `Give exactly {{1}}…{{${template.bodyParams}}}, in order` : 'Remove the body variables',
		);
	}

	const need = headerNeed(template);
	if (need === 'text' && item.headerText === undefined) {
		throw new FieldError('Header Text Variable', `${which} has a header with a variable, ${quote(template.headerText ?? '')}, but no Header Text Variable was given`, 'Set Header to Text and fill in Header Text Variable');
	}
	if (need !== 'text' && item.headerText !== undefined) {
		throw new FieldError('Header', `${which} has ${need === 'none' ? 'no header variable' : `a ${need} header`}, but a Header Text Variable was given`, `Set Header to ${need === 'none' ? 'None' : need[0].toUpperCase() + need.slice(1)}`);
	}
	const mediaKind = item.media?.kind;
	if ((need === 'image' || need === 'video' || need === 'document') && mediaKind !== need) {
		throw new FieldError('Header', `${which} has ${need === 'image' ? 'an' : 'a'} ${need} header, but ${mediaKind ? `${mediaKind === 'image' ? 'an' : 'a'} ${mediaKind}` : 'no header media'} was given`, `Set Header to ${need[0].toUpperCase() + need.slice(1)} and give the file or its link`);
	}
	if (need !== mediaKind && mediaKind !== undefined) {
		throw new FieldError('Header', `${which} has no media header, but ${mediaKind === 'image' ? 'an' : 'a'} ${mediaKind} was given`, `Set Header to ${need === 'text' ? 'Text' : 'None'}`);
	}
	return buttonWarning(template);
}
