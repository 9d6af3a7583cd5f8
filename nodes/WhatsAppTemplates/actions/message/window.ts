import type { INodeProperties } from 'n8n-workflow';

import { sendingOptionsField } from '../../shared/batch/options';
import type { SendRun } from '../../shared/batch/sendRun';
import { LIMITS } from '../../shared/platform';
import { normalisePhone } from '../../shared/validation/phone';
import { recipientPhoneField } from './sharedFields';

/**
 * What the messages in WhatsApp's 24-hour customer-service window share (Send Text, Send Media,
 * Send Buttons): the rule in plain words, the recipient, the engine's options.
 */
type Show = { show: Record<string, string[]> };

/** The rule, said where the user fills in a free-form message and to the AI model. */
export const WINDOW_RULE =
	'WhatsApp delivers this message only if the customer wrote to your number in the last 24 hours. The platform does not check that: outside the window it accepts the message, which then fails (code 131047, in the trigger\'s Message Failed event). Outside the window, send an approved template (Send Template).';

export function windowFields(show: Show): INodeProperties[] {
	return [
		{ displayName: WINDOW_RULE, name: 'windowNotice', type: 'notice', default: '', displayOptions: show },
		recipientPhoneField(
			show,
			'Phone number with country code, 10 to 15 digits. Spaces, dashes, dots, brackets and a leading + or 00 are removed before sending. To answer a Message Received event of the trigger, map its phone.',
		),
	];
}

/** The Options of a message in the window: the engine's own (concurrency, 429 handling, dry run). */
export const windowOptions = (show: Show): INodeProperties => sendingOptionsField(show);

/** The item's recipient as digits, by the rule of the window's sends (10 to 15 digits). */
export function recipientOf(run: SendRun, index: number): string {
	return normalisePhone(run.parameters('phone', index, ''), LIMITS.messagePhoneDigits);
}
