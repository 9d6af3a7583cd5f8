import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { fieldLabels, messageJob, sendEach, type EachMessage } from '../../../shared/batch/sendRun';
import { LIMITS } from '../../../shared/platform';
import { FieldError, asText, checkMaxLength } from '../../../shared/validation/fieldError';
import { recipientOf } from '../window';

interface TextMessage {
	phone: string;
	text: string;
}

const FIELD = 'Text';

/** The text as it goes out; a blank one is refused (on API v2 the platform would answer a 500 of unknown outcome). */
function textOf(value: unknown): string {
	const text = asText(value);
	if (text.trim() === '') throw new FieldError(FIELD, `${FIELD} is empty`, 'Write the message, e.g. "Your order 1042 is on its way."');
	checkMaxLength(FIELD, text, LIMITS.text.max);
	return text;
}

const sendTextMessage: EachMessage<TextMessage> = {
	validate: async (run, i) => ({ phone: recipientOf(run, i), text: textOf(run.parameters('text', i, '')) }),
	job: (run, i, message) => {
		const names = run.platform.windowSend.text;
		const wire = { fields: [[names.phone, message.phone], [names.text, message.text]] as Array<[string, string]>, objects: [] };
		const label = fieldLabels([[names.phone, 'Recipient Phone'], [names.text, FIELD]]);
		return messageJob(run, run.platform.routes.sendText, i, wire, { phone: message.phone }, { label });
	},
};

/** Message → Send Text: free text inside the 24-hour window, on the same engine as Send Template. */
export async function sendText(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await sendEach(this, sendTextMessage);
}
