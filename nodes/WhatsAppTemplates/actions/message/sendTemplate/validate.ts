import type { BinaryMedia } from '../../../shared/multipart/binaryMedia';
import { LIMITS, type MediaKind, type TemplateSendNames } from '../../../shared/platform';
import { FieldError, checkMaxLength, optionalText as optional, requiredText as required } from '../../../shared/validation/fieldError';
import { checkMediaUrl } from '../../../shared/validation/mediaUrl';
import { normalisePhone } from '../../../shared/validation/phone';
import { metaSafeValue } from '../../../shared/validation/variables';
import { parseContact } from './contact';
import { makeOtp } from './otp';
import type { TemplateOptions } from './options';
import type { SendTemplateParameters } from './parameters';
import type { HeaderMedia, ValidatedItem } from './validatedItem';
import { HEADER_TEXT, bodyVariables, templateValue } from './variables';

export type ResolveBinary = (propertyName: string, kind: MediaKind) => Promise<BinaryMedia>;

async function headerMedia(parameters: SendTemplateParameters, resolveBinary: ResolveBinary): Promise<HeaderMedia | undefined> {
	const kind = parameters.headerType;
	if (kind !== 'image' && kind !== 'video' && kind !== 'document') return undefined;
	if (parameters.mediaSource === 'binary') {
		const propertyName = required('Input Binary Field', parameters.binaryPropertyName, 'data');
		return { kind, source: 'binary', file: await resolveBinary(propertyName, kind) };
	}
	return { kind, source: 'url', url: checkMediaUrl(kind, parameters.mediaUrl, 'header') };
}

function otpLength(value: number): number {
	const { min, max } = LIMITS.otpLength;
	if (!Number.isInteger(value) || value < min || value > max) {
		throw new FieldError('Generated OTP Length', `Generated OTP Length is ${value}; it must be a whole number from ${min} to ${max}`, `Set it between ${min} and ${max}`);
	}
	return value;
}

/** A field the API does not have, refused with what to use instead (nothing may be sent half). */
function refuseUnsupported(names: TemplateSendNames, key: keyof TemplateSendNames['unsupported'], field: string, given: boolean): void {
	const lack = names.unsupported[key];
	if (given && lack) throw new FieldError(field, `${field} cannot be sent: ${lack.why}`, lack.instead);
}

/**
 * Checks one item's parameters against the contract of the credential's API (`names`: its template
 * send) and returns the message to send, or throws a FieldError.
 */
export async function validateItem(
	names: TemplateSendNames,
	parameters: SendTemplateParameters,
	options: TemplateOptions,
	resolveBinary: ResolveBinary,
): Promise<ValidatedItem> {
	const phone = normalisePhone(parameters.phone);
	const templateName = required('Template Name', parameters.templateName, 'order_update');
	checkMaxLength('Template Name', templateName, LIMITS.templateName.max);
	const templateLanguage = required('Language Code', parameters.templateLanguage, 'en_US');
	const { min, max } = LIMITS.templateLanguage;
	if (templateLanguage.length < min || templateLanguage.length > max) {
		throw new FieldError('Language Code', `Language Code "${templateLanguage}" has ${templateLanguage.length} characters; it must have ${min} to ${max}`, 'Use the exact code the template has on the platform, e.g. en, en_US or de');
	}

	const extra = parameters.additionalFields;
	const copyCode = optional(extra.otp);
	if (copyCode !== undefined) checkMaxLength('One-Time Password', copyCode, LIMITS.copyCode.max);
	if (copyCode !== undefined && options.autoGenerateOtp) {
		throw new FieldError('One-Time Password', 'One-Time Password is set while "Generate OTP on the Platform" is on', 'Give the password yourself, or let the platform generate it, not both');
	}
	const fromPhoneNumberId = optional(extra.phoneNumberId)?.trim();
	if (fromPhoneNumberId !== undefined && !/^\d+$/.test(fromPhoneNumberId)) {
		throw new FieldError('Sender Phone Number ID', `Sender Phone Number ID "${fromPhoneNumberId}" is not a number`, "Give Meta's numeric phone-number ID, or leave it empty for the workspace's default number");
	}
	refuseUnsupported(names, 'fromPhoneNumberId', 'Sender Phone Number ID', fromPhoneNumberId !== undefined);
	const contact = parseContact(extra.contact, parameters.newContact);
	refuseUnsupported(names, 'contact', 'New Contact Details', contact !== undefined);
	// Where the platform would not return a code it made, the node makes it (and returns it).
	const length = options.autoGenerateOtp ? otpLength(options.otpLength) : undefined;
	const nodeOtp = length !== undefined && !names.otpGeneration ? makeOtp(length) : undefined;

	const clean = options.cleanVariables;
	const headerText = parameters.headerType === 'text' ? optional(parameters.headerText) : undefined;
	const media = await headerMedia(parameters, resolveBinary);
	let documentName: string | undefined;
	if (media?.kind === 'document') {
		documentName = optional(parameters.documentFilename) ?? (media.source === 'binary' ? media.file.fileName : undefined);
		if (documentName !== undefined) checkMaxLength('Document Filename', documentName, LIMITS.documentName.max);
	}
	const buttons = Array.from({ length: LIMITS.buttons }, (_, i) => {
		const value = optional(parameters.buttonParameters[`button${i}`]);
		return value === undefined ? undefined : metaSafeValue(`Button ${i}`, value, clean);
	});

	return {
		phone,
		templateName,
		templateLanguage,
		fromPhoneNumberId,
		headerText: headerText === undefined ? undefined : templateValue(HEADER_TEXT, headerText, clean),
		media,
		documentName,
		bodyVariables: bodyVariables(parameters.bodyVariables, { given: copyCode, generated: options.autoGenerateOtp, made: nodeOtp }, clean),
		buttons,
		copyCode,
		generateOtp: length !== undefined && names.otpGeneration ? { length } : undefined,
		nodeOtp,
		contact,
	};
}
