import type { IDataObject } from 'n8n-workflow';

import { LIMITS, type MediaKind } from '../api/contract';
import type { ItemFields } from '../fields/itemFields';
import type { BinaryMedia } from '../media/binaryMedia';
import { parseContact } from './contact';
import { FieldError, asText, checkMaxLength } from './fieldError';
import { normalisePhone } from './phone';
import type { HeaderMedia, ValidatedItem } from './validatedItem';
import { metaSafeValue } from './variables';

export type ResolveBinary = (propertyName: string, kind: MediaKind) => Promise<BinaryMedia>;

function required(field: string, value: unknown, example: string): string {
	const text = asText(value).trim();
	if (text === '') throw new FieldError(field, `${field} is empty`, `Fill in ${field}, e.g. ${example}`);
	return text;
}

/** An optional value: undefined when empty, so that it is not sent. */
function optional(value: unknown): string | undefined {
	const text = asText(value);
	return text === '' ? undefined : text;
}

function mediaUrl(value: unknown): string {
	const field = 'Media URL';
	const url = required(field, value, 'https://example.com/file.pdf');
	const parsed = URL.canParse(url) ? new URL(url) : undefined;
	if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || /\s/.test(url)) {
		throw new FieldError(field, `${field} "${url}" is not an http(s) URL`, 'Give a public link that starts with https://');
	}
	return url;
}

async function headerMedia(fields: ItemFields, resolveBinary: ResolveBinary): Promise<HeaderMedia | undefined> {
	const kind = fields.headerType;
	if (kind !== 'image' && kind !== 'video' && kind !== 'document') return undefined;
	if (fields.mediaSource === 'binary') {
		const propertyName = required('Input Binary Field', fields.binaryPropertyName, 'data');
		return { kind, source: 'binary', file: await resolveBinary(propertyName, kind) };
	}
	return { kind, source: 'url', url: mediaUrl(fields.mediaUrl) };
}

function variables(collection: IDataObject, key: (n: number) => string, label: (n: number) => string, count: number, clean: boolean) {
	return Array.from({ length: count }, (_, i) => {
		const value = optional(collection[key(i)]);
		return value === undefined ? undefined : metaSafeValue(label(i), value, clean);
	});
}

/** Checks one item's fields against CONTRACT.md and returns the message to send, or throws a FieldError. */
export async function validateItem(
	fields: ItemFields,
	options: { cleanVariables: boolean },
	resolveBinary: ResolveBinary,
): Promise<ValidatedItem> {
	const phone = normalisePhone(fields.phone);
	const templateName = required('Template Name', fields.templateName, 'order_update');
	checkMaxLength('Template Name', templateName, LIMITS.templateName.max);
	const templateLanguage = required('Language Code', fields.templateLanguage, 'en_US');
	const { min, max } = LIMITS.templateLanguage;
	if (templateLanguage.length < min || templateLanguage.length > max) {
		throw new FieldError('Language Code', `Language Code "${templateLanguage}" has ${templateLanguage.length} characters; it must have ${min} to ${max}`, 'Use the code the template is registered with, e.g. en_US or de');
	}

	const extra = fields.additionalFields;
	const otp = optional(extra.otp);
	if (otp !== undefined) checkMaxLength('One-Time Password', otp, LIMITS.otp.max);
	const phoneNumberId = optional(extra.phoneNumberId)?.trim();
	if (phoneNumberId !== undefined && !/^\d+$/.test(phoneNumberId)) {
		throw new FieldError('Sender Phone Number ID', `Sender Phone Number ID "${phoneNumberId}" is not a number`, "Give Meta's numeric phone-number ID, or leave it empty for the workspace's primary number");
	}

	const clean = options.cleanVariables;
	const headerText = fields.headerType === 'text' ? optional(fields.headerText) : undefined;
	const media = await headerMedia(fields, resolveBinary);
	let documentFilename: string | undefined;
	if (media?.kind === 'document') {
		documentFilename = optional(fields.documentFilename) ?? (media.source === 'binary' ? media.file.fileName : undefined);
		if (documentFilename !== undefined) checkMaxLength('Document Filename', documentFilename, LIMITS.documentFilename.max);
	}

	return {
		phone,
		templateName,
		templateLanguage,
		phoneNumberId,
		headerText: headerText === undefined ? undefined : metaSafeValue('Header Text Variable', headerText, clean),
		media,
		documentFilename,
		bodyVariables: variables(fields.bodyVariables, (i) => `var${i + 1}`, (i) => `Body Variable {{${i + 1}}}`, LIMITS.bodyVariables, clean),
		buttons: variables(fields.buttonParameters, (i) => `button${i}`, (i) => `Button ${i}`, LIMITS.buttons, clean),
		otp,
		contact: parseContact(extra.contact),
	};
}
