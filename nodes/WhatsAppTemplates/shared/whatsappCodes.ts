/**
 * WhatsApp's own refusals reach us as 500 `errors.whatsapp` with Meta's text, which usually
 * carries its code, e.g. "(#132000) Number of parameters does not match", or later in the
 * trigger's `message.failed` event. Each known code gets plain words and a fix, the same in both.
 */

/**
 * 131047: the one sentence the node (a refused send) and the trigger (a message.failed event) say.
 * The platform never checks the window, so the failure usually arrives later, in the trigger.
 */
export const OUTSIDE_WINDOW =
	'More than 24 hours have passed since the customer last wrote to this number (WhatsApp code 131047), so WhatsApp delivers no free-form message: send an approved template instead (Message → Send Template). The platform does not check the 24-hour window before it accepts a text, media or buttons message.';

const EXPLAINED: Array<[RegExp, string]> = [
	[/^131047$/, OUTSIDE_WINDOW],
	[/^13200[08]$|^132012$/, "The values do not match the template's variables (count or format). Give exactly the template's variables; if the template was edited in WhatsApp Manager, sync templates in the platform first."],
	[/^132001$/, 'WhatsApp does not know this template in this language. Check name and language, and sync templates in the platform.'],
	[/^13201[56]$/, 'The template is paused or disabled by WhatsApp (quality). Use another template or fix it in WhatsApp Manager.'],
	[/^13100[89]$|^100$/, 'A required parameter is missing or invalid. If the template has a dynamic URL, coupon code, limited-time-offer or catalog button, the platform may not pass button values on to WhatsApp: use a template without such buttons, or ask the operator.'],
	[/^131026$/, 'The message cannot be delivered to this number (not on WhatsApp, or an outdated app).'],
	[/^131030$/, "The recipient is not in the WhatsApp account's allowed test numbers."],
	[/^131049$/, 'WhatsApp chose not to deliver this marketing message to keep engagement healthy. Try later.'],
	[/^131056$|^130429$|^80007$/, "WhatsApp's rate limit was hit. Send fewer messages at once (Options → Messages In Flight) and try later."],
	[/^190$/, "The platform's connection to WhatsApp has expired. The workspace owner must reconnect WhatsApp in the platform."],
	[/^131051$/, 'WhatsApp does not support this kind of message.'],
	[/^131052$/, 'WhatsApp could not download the media from the link: it must be public and reachable from the internet.'],
	[/^131053$/, 'WhatsApp could not use the uploaded media: check its type and size for its kind.'],
	[/^131031$/, 'The WhatsApp business account is locked or restricted. The workspace owner must check WhatsApp Manager.'],
];

/** Meta's code in a refusal's text, e.g. "132000" from "(#132000) …". */
export function whatsappCode(text: string): string | undefined {
	return /\(#(\d+)\)/.exec(text)?.[1];
}

/** WhatsApp's words for 131047 when its code is not with them (a status event's title or details). */
const OUTSIDE_WINDOW_WORDS = /re-engagement message|more than 24 hours have passed/i;

/** The code a failure's text names: "(#NNN)", or 131047 by its words. */
export function codeInText(text: string): string | undefined {
	return whatsappCode(text) ?? (OUTSIDE_WINDOW_WORDS.test(text) ? '131047' : undefined);
}

export function explainWhatsappCode(code: string | undefined): string | undefined {
	if (code === undefined) return undefined;
	return EXPLAINED.find(([pattern]) => pattern.test(code))?.[1];
}

/**
 * WhatsApp's own words for refusing a message, as they reach the platform's error text without
 * Meta's `(#code)` (its `error_user_msg`): with one of these, WhatsApp saw and refused the message.
 */
const REFUSALS = [
	/number of parameters does not match/i,
	/template name does not exist/i,
	/message undeliverable/i,
	/recipient phone number not in allowed list/i,
	/re-engagement message/i,
	/more than 24 hours have passed/i,
	/parameter value is not valid|invalid parameter/i,
	/template (?:is )?(?:paused|disabled)/i,
	/healthy ecosystem engagement/i,
	/business eligibility payment issue/i,
	/spam rate limit hit|pair rate limit hit/i,
	/error validating access token|access token (?:has )?expired/i,
	/\b(?:OAuthException|GraphMethodException)\b/,
];

/** The text carries WhatsApp's code `(#NNN)` or names one of its refusals: the message was not sent. */
export function isWhatsappRefusal(text: string): boolean {
	return whatsappCode(text) !== undefined || REFUSALS.some((pattern) => pattern.test(text));
}
