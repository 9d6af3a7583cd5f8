/** The template send of API v2 (CONTRACT-v2.md "Send a template"): its wire fields, and the v1 fields it lacks. */
import { MEDIA } from '../media';
import type { TemplateSendNames } from '../types';

/** Wire names of the template send's body fields. */
export const SEND = {
	phone: 'phone',
	templateName: 'template_name',
	templateLanguage: 'language',
	headerText: 'header_field_1',
	documentName: 'header_document_name',
	body: (n: number) => `field_${n}`,
	button: (n: number) => `button_${n}`,
} as const;

/**
 * No sender choice, no copy code, no contact object; a one-time password goes as field_1 and a
 * generated one is never returned, so the node makes it (CONTRACT-v2.md, [decided]).
 */
export const TEMPLATE_SEND: TemplateSendNames = {
	...SEND,
	media: MEDIA,
	unsupported: {
		fromPhoneNumberId: {
			why: "API v2 always sends from the workspace's default number",
			instead: 'Leave Sender Phone Number ID empty, or send through a credential with API Version v1 to choose the number',
		},
		contact: {
			why: 'API v2 takes no contact details with a send: it creates a new contact as a lead named by its phone',
			instead: 'Leave New Contact Details and Contact empty, and create or update the contact on the platform first (its Contacts page or its contacts API) if it needs a name',
		},
	},
	buttonsDropped:
		'Button values were sent as given, but API v2 on stock platforms (2.2.0) accepts button values and drops them: a template whose button needs a value (a dynamic URL, a coupon code) may then fail at WhatsApp or go out without it. Only an authentication template\'s one-time-password button is filled (from {{1}}).',
};
