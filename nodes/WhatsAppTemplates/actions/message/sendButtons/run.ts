import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { fieldLabels, messageJob, sendEach, type EachMessage } from '../../../shared/batch/sendRun';
import type { ButtonsSendNames } from '../../../shared/platform';
import { presentFields, type WireBody } from '../../../shared/wireBody';
import { validateButtons, type ButtonsMessage, type Choice } from './validate';

/** The message by the API's wire names: reply buttons, or (API v2) a list in sections. */
function toWireBody(names: ButtonsSendNames, message: ButtonsMessage): WireBody {
	const choice = (c: Choice): IDataObject => ({ [names.id]: c.id, [names.title]: c.title, ...(c.description && names.list ? { [names.list.rowDescription]: c.description } : {}) });
	const fields = presentFields([
		[names.phone, message.phone],
		[names.kind.field, message.list ? names.kind.list : names.kind.buttons],
		[names.body, message.body],
		[names.header, message.header],
		[names.footer, message.footer],
		[names.list?.buttonText, message.list?.buttonText],
	].filter((entry): entry is [string, string | undefined] => entry[0] !== undefined));
	const objects: WireBody['objects'] = [];
	if (message.buttons) objects.push([names.buttons, message.buttons.map(choice)]);
	if (message.list && names.list) {
		const { sections, sectionTitle, rows } = names.list;
		objects.push([sections, message.list.sections.map((s) => ({ ...(s.title === undefined ? {} : { [sectionTitle]: s.title }), [rows]: s.rows.map(choice) }))]);
	}
	return { fields, objects };
}

const sendButtonsMessage: EachMessage<ButtonsMessage> = {
	validate: async (run, i) => validateButtons(run, i, run.platform.windowSend.buttons),
	job: (run, i, message) => {
		const names = run.platform.windowSend.buttons;
		const label = fieldLabels([
			[names.phone, 'Recipient Phone'],
			[names.body, 'Body Text'],
			[names.header, 'Header Text'],
			[names.footer, 'Footer Text'],
			[names.buttons, 'Buttons'],
			[names.list?.buttonText, 'List Button Text'],
			[names.list?.sections, 'List Rows'],
		]);
		return messageJob(run, run.platform.routes.sendButtons, i, toWireBody(names, message), { phone: message.phone }, { label });
	},
	// Said once, before anything is sent: on v1 stock platforms send the body text alone.
	hints: (run, messages) => (messages.length && run.platform.windowSend.buttons.buttonsIgnored ? [run.platform.windowSend.buttons.buttonsIgnored] : []),
};

/** Message → Send Buttons: reply buttons or a list inside the 24-hour window. */
export async function sendButtons(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await sendEach(this, sendButtonsMessage);
}
