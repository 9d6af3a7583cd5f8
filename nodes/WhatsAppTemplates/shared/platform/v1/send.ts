/** The template send of API v1 (CONTRACT.md "Send a template"): its wire fields and the contact object. */
import { MEDIA } from '../media';
import type { TemplateSendNames } from '../types';

/** Wire names of the template send's body fields. */
export const SEND = {
	phone: 'phone_number',
	templateName: 'template_name',
	templateLanguage: 'template_language',
	fromPhoneNumberId: 'from_phone_number_id',
	headerText: 'header_field_1',
	documentName: 'header_document_name',
	copyCode: 'copy_code',
	autoGenerateOtp: 'auto_generate_otp',
	otpLength: 'otp_length',
	otpFieldNumber: 'otp_field_number',
	contact: 'contact',
	body: (n: number) => `field_${n}`,
	button: (n: number) => `button_${n}`,
} as const;

/** Keys of the `contact` object: used only when the platform creates a new contact. */
export const CONTACT = {
	firstName: 'firstname',
	lastName: 'lastname',
	email: 'email',
	country: 'country',
	groups: 'groups',
	assignedId: 'assigned_id',
	statusId: 'status_id',
	sourceId: 'source_id',
} as const;

/** The send as the node builds it: every field v1 has. */
export const TEMPLATE_SEND: TemplateSendNames = {
	phone: SEND.phone,
	templateName: SEND.templateName,
	templateLanguage: SEND.templateLanguage,
	headerText: SEND.headerText,
	documentName: SEND.documentName,
	body: SEND.body,
	button: SEND.button,
	media: MEDIA,
	fromPhoneNumberId: SEND.fromPhoneNumberId,
	copyCode: SEND.copyCode,
	contact: { field: SEND.contact, keys: CONTACT },
	otpGeneration: { flag: SEND.autoGenerateOtp, length: SEND.otpLength },
	unsupported: {},
};
