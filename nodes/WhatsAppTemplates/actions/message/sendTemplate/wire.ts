import { LIMITS, MEDIA, SEND } from '../../../shared/platform';
import { presentFields, type WireBody } from '../../../shared/wireBody';
import type { ValidatedItem } from './validatedItem';
import { bodyLabel } from './variables';
import { CONTACT_DETAILS } from './contact';

/** The template send's body by wire name (CONTRACT.md). Every value is a string; empty ones are left out. */
export function toWireBody(item: ValidatedItem): WireBody {
	const fields: Array<[string, string | undefined]> = [
		[SEND.phone, item.phone],
		[SEND.templateName, item.templateName],
		[SEND.templateLanguage, item.templateLanguage],
		[SEND.fromPhoneNumberId, item.fromPhoneNumberId],
		[SEND.headerText, item.headerText],
	];
	let file: WireBody['file'];
	if (item.media?.source === 'url') fields.push([MEDIA[item.media.kind].urlField, item.media.url]);
	if (item.media?.source === 'binary') file = { field: MEDIA[item.media.kind].fileField, media: item.media.file };
	fields.push([SEND.documentName, item.documentName]);
	item.bodyVariables.forEach((value, i) => fields.push([SEND.body(i + 1), value]));
	item.buttons.forEach((value, i) => fields.push([SEND.button(i), value]));
	fields.push([SEND.copyCode, item.copyCode]);
	if (item.generateOtp) {
		fields.push([SEND.autoGenerateOtp, '1'], [SEND.otpLength, String(item.generateOtp.length)]);
	}
	return {
		fields: presentFields(fields),
		objects: item.contact ? [[SEND.contact, item.contact]] : [],
		file,
	};
}

/** The node's names of the wire fields, to explain the platform's refusals in the node's words. */
const LABELS = new Map<string, string>([
	[SEND.phone, 'Recipient Phone'],
	[SEND.templateName, 'Template Name'],
	[SEND.templateLanguage, 'Language Code'],
	[SEND.fromPhoneNumberId, 'Sender Phone Number ID'],
	[SEND.headerText, 'Header Text Variable'],
	[SEND.documentName, 'Document Filename'],
	[SEND.copyCode, 'One-Time Password'],
	[SEND.contact, 'Contact'],
	...Array.from({ length: LIMITS.bodyVariables }, (_, i): [string, string] => [SEND.body(i + 1), bodyLabel(i + 1)]),
	...Array.from({ length: LIMITS.buttons }, (_, i): [string, string] => [SEND.button(i), `Button ${i}`]),
	// Laravel names a nested refusal `contact.email`; the platform's own contact checks use the bare key.
	...Object.values(CONTACT_DETAILS).flatMap(({ key, label }): Array<[string, string]> => [
		[`${SEND.contact}.${key}`, `New Contact Details → ${label}`],
		[key, `New Contact Details → ${label}`],
	]),
	...Object.entries(MEDIA).flatMap(([kind, rule]): Array<[string, string]> => [
		[rule.urlField, `Media URL (${kind} header)`],
		[rule.fileField, `Input Binary Field (${kind} header)`],
	]),
]);

export const fieldLabel = (wireName: string): string | undefined => LABELS.get(wireName);
