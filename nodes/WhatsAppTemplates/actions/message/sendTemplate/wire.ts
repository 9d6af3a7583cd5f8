import { LIMITS, type TemplateSendNames } from '../../../shared/platform';
import { presentFields, type WireBody } from '../../../shared/wireBody';
import type { ValidatedItem } from './validatedItem';
import { bodyLabel } from './variables';
import { CONTACT_DETAILS } from './contact';

/**
 * The template send's body by the API's wire names. Every value is a string; empty ones are left
 * out, and so are fields the API does not have (validation refused those that matter).
 */
export function toWireBody(names: TemplateSendNames, item: ValidatedItem): WireBody {
	const fields: Array<[string | undefined, string | undefined]> = [
		[names.phone, item.phone],
		[names.templateName, item.templateName],
		[names.templateLanguage, item.templateLanguage],
		[names.fromPhoneNumberId, item.fromPhoneNumberId],
		[names.headerText, item.headerText],
	];
	let file: WireBody['file'];
	if (item.media?.source === 'url') fields.push([names.media[item.media.kind].urlField, item.media.url]);
	if (item.media?.source === 'binary') file = { field: names.media[item.media.kind].fileField, media: item.media.file };
	fields.push([names.documentName, item.documentName]);
	item.bodyVariables.forEach((value, i) => fields.push([names.body(i + 1), value]));
	item.buttons.forEach((value, i) => fields.push([names.button(i), value]));
	fields.push([names.copyCode, item.copyCode]);
	if (item.generateOtp && names.otpGeneration) {
		fields.push([names.otpGeneration.flag, '1'], [names.otpGeneration.length, String(item.generateOtp.length)]);
	}
	const named = fields.filter((entry): entry is [string, string | undefined] => entry[0] !== undefined);
	return {
		fields: presentFields(named),
		objects: item.contact && names.contact ? [[names.contact.field, item.contact]] : [],
		file,
		madeUp: item.nodeOtp === undefined ? undefined : names.body(1),
	};
}

/** The node's names of the wire fields, to explain the platform's refusals in the node's words. */
function labels(names: TemplateSendNames): Map<string, string> {
	const entries: Array<[string | undefined, string]> = [
		[names.phone, 'Recipient Phone'],
		[names.templateName, 'Template Name'],
		[names.templateLanguage, 'Language Code'],
		[names.fromPhoneNumberId, 'Sender Phone Number ID'],
		[names.headerText, 'Header Text Variable'],
		[names.documentName, 'Document Filename'],
		[names.copyCode, 'One-Time Password'],
		[names.contact?.field, 'Contact'],
		...Array.from({ length: LIMITS.bodyVariables }, (_, i): [string, string] => [names.body(i + 1), bodyLabel(i + 1)]),
		...Array.from({ length: LIMITS.buttons }, (_, i): [string, string] => [names.button(i), `Button ${i}`]),
		...Object.entries(names.media).flatMap(([kind, rule]): Array<[string, string]> => [
			[rule.urlField, `Media URL (${kind} header)`],
			[rule.fileField, `Input Binary Field (${kind} header)`],
		]),
	];
	// Laravel names a nested refusal `contact.email`; the platform's own contact checks use the bare key.
	const contact = names.contact;
	if (contact) {
		for (const [name, { label }] of Object.entries(CONTACT_DETAILS)) {
			const key = contact.keys[name as keyof typeof contact.keys];
			entries.push([`${contact.field}.${key}`, `New Contact Details → ${label}`], [key, `New Contact Details → ${label}`]);
		}
	}
	return new Map(entries.filter((entry): entry is [string, string] => entry[0] !== undefined));
}

const labelMaps = new WeakMap<TemplateSendNames, Map<string, string>>();

/** The node's name for a wire field of this API's template send, for the errors' words. */
export function templateFieldLabels(names: TemplateSendNames): (wireName: string) => string | undefined {
	let map = labelMaps.get(names);
	if (!map) labelMaps.set(names, (map = labels(names)));
	return (wireName) => map.get(wireName);
}
