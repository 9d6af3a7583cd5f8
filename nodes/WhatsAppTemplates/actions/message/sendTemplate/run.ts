import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runSends, type SendJob } from '../../../shared/batch/runSends';
import { sentOutput, startRun } from '../../../shared/batch/sendRun';
import { readBinaryMedia, resolveBinaryMedia } from '../../../shared/multipart/binaryMedia';
import type { Platform } from '../../../shared/platform';
import { buildRequest } from '../../../shared/transport';
import { fingerprint, toRequestBody } from '../../../shared/wireBody';
import { checkAgainstTemplate } from './check';
import { readTemplateOptions } from './options';
import { readParameters } from './parameters';
import { readTemplatesForCheck, templatesForCheck, type TemplateRead } from './templateCheck';
import { validateItem } from './validate';
import type { ValidatedItem } from './validatedItem';
import { templateFieldLabels, toWireBody } from './wire';

/**
 * The item's output: what was sent, in the same keys on both API generations (the WhatsApp message
 * id, a generated code, the recipient, the template), on top of the platform's own answer.
 */
function toOutput(platform: Platform, item: ValidatedItem, answer: IDataObject): IDataObject {
	const otpCode = item.nodeOtp ?? platform.readSend(answer).otpCode;
	return sentOutput(platform, answer, {
		...(otpCode === undefined ? {} : { otpCode }),
		phone: item.phone,
		templateName: item.templateName,
		templateLanguage: item.templateLanguage,
	});
}

/**
 * Message → Send Template: validate every item, check it against its template, then hand the
 * sends to the shared engine. Nothing goes out before every item passed (continue-on-fail off).
 */
export async function sendTemplate(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const run = await startRun(this);
	const { platform, options: runOptions, refuse } = run;
	const options = readTemplateOptions(this.getNodeParameter('options', 0, {}) as IDataObject);

	const items = new Map<number, ValidatedItem>();
	let templateRead: TemplateRead | undefined;
	for (let i = 0; i < run.itemCount; i++) {
		try {
			if (run.setupError) throw run.setupError;
			items.set(i, await validateItem(platform.templateSend, readParameters(run.parameters, i), options, async (property, kind) => await resolveBinaryMedia(this, i, property, kind)));
			// Read once the first item is valid, while the others are validated.
			if (options.checkTemplate) templateRead ??= readTemplatesForCheck(this, platform, runOptions);
			const turn = templateRead?.turn();
			if (turn) await turn;
		} catch (error) {
			refuse(i, error);
		}
	}

	const templates = templateRead && items.size ? templatesForCheck(this, platform, await templateRead.list) : undefined;
	const warnings = new Set<string>();
	for (const [i, item] of templates ? items : []) {
		try {
			const warning = checkAgainstTemplate(item, templates!);
			if (warning) warnings.add(warning);
		} catch (error) {
			items.delete(i);
			refuse(i, error);
		}
	}
	const buttonsDropped = platform.templateSend.buttonsDropped;
	if (buttonsDropped && [...items.values()].some((item) => item.buttons.some((value) => value !== undefined))) warnings.add(buttonsDropped);
	if (warnings.size) this.addExecutionHints(...[...warnings].map((message) => ({ message, location: 'outputPane' as const })));

	const names = platform.templateSend;
	const label = templateFieldLabels(names);
	const jobs = new Map<number, SendJob>();
	for (const [i, item] of items) {
		const wire = toWireBody(names, item);
		jobs.set(i, {
			request: () => buildRequest(platform.routes.sendTemplate, runOptions, toRequestBody(wire, (media) => readBinaryMedia(this, media))),
			context: { templateName: item.templateName, templateLanguage: item.templateLanguage, label },
			fingerprint: () => fingerprint(i, wire),
			output: (answer) => toOutput(platform, item, answer),
		});
	}
	return await runSends(this, platform, run.itemCount, jobs, run.failures, runOptions, run.apiBase);
}
