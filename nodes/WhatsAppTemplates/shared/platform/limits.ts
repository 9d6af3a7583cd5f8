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
} as const;
