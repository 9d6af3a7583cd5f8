/** The limits the node checks before sending, the same for both API generations (CONTRACT.md, CONTRACT-v2.md). */
export const LIMITS = {
	phoneDigits: { min: 8, max: 15 },
	templateLanguage: { min: 2, max: 10 },
	templateName: { max: 255 },
	documentName: { max: 255 },
	copyCode: { max: 100 },
	otpLength: { min: 4, max: 10 },
	bodyVariables: 10,
	buttons: 3,
	contactName: { max: 255 },
	contactEmail: { max: 191 },
	contactCountry: { max: 100 },
	/**
	 * The messages in the 24-hour window. Phones: v1 and v2 messages/media take 10-15 characters
	 * as sent, v2 messages/text 10-20 (and answers a shorter one with a 500 of unknown outcome):
	 * the node sends digits only, so one rule for the three sends, 10-15 digits.
	 */
	messagePhoneDigits: { min: 10, max: 15 },
	text: { max: 4096 },
	caption: { max: 1024 },
	mediaFileName: { max: 255 },
	/** Buttons and lists: CONTRACT-v2.md's interactive send (WhatsApp's own limits), on v1 as well. */
	interactiveBody: { max: 1024 },
	interactiveHeader: { max: 60 },
	interactiveFooter: { max: 60 },
	replyButtons: { min: 1, max: 3 },
	buttonTitle: { max: 20 },
	buttonId: { max: 256 },
	listButtonText: { max: 20 },
	listSections: { max: 10 },
	/** WhatsApp takes at most 10 rows in a list, over all its sections. */
	listRows: { min: 1, max: 10 },
	sectionTitle: { max: 24 },
	rowTitle: { max: 24 },
	rowDescription: { max: 72 },
	rowId: { max: 200 },
} as const;
