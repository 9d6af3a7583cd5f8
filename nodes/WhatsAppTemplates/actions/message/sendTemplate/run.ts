import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readRunOptions } from '../../../shared/batch/options';
import type { ItemResult } from '../../../shared/batch/itemResult';
import { runSends, type SendJob } from '../../../shared/batch/runSends';
import { itemParameters } from '../../../shared/itemParameters';
import { readBinaryMedia, resolveBinaryMedia } from '../../../shared/multipart/binaryMedia';
import { platformFor, type Platform } from '../../../shared/platform';
import { CREDENTIAL_TYPE, buildRequest } from '../../../shared/transport';
import { inputError } from '../../../shared/validation/inputError';
import { fingerprint, toRequestBody } from '../../../shared/wireBody';
import { checkAgainstTemplate } from './check';
import { readTemplateOptions } from './options';
import { readParameters } from './parameters';
import { readTemplatesForCheck, templatesForCheck, type TemplateRead } from './templateCheck';
import { validateItem } from './validate';
import type { ValidatedItem } from './validatedItem';
import { fieldLabels, toWireBody } from './wire';

/**
 * The item's output: what was sent, in the same keys on both API generations (the WhatsApp message
 * id, a generated code, the recipient, the template), on top of the platform's own answer.
 */
function toOutput(platform: Platform, item: ValidatedItem, answer: IDataObject): IDataObject {
	const read = platform.readSend(answer);
	const otpCode = item.nodeOtp ?? read.otpCode;
	return {
		messageId: read.messageId,
		...(otpCode === undefined ? {} : { otpCode }),
		phone: item.phone,
		...(read.contactId === undefined ? {} : { contactId: read.contactId }),
		templateName: item.templateName,
		templateLanguage: item.templateLanguage,
		...answer,
	};
}

/**
 * Message → Send Template: validate every item, check it against its template, then hand the
 * sends to the shared engine. Nothing goes out before every item passed (continue-on-fail off).
 */
export async function sendTemplate(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const node = this.getNode();
	const itemCount = this.getInputData().length;
	const runOptions = readRunOptions(this);
	const options = readTemplateOptions(this.getNodeParameter('options', 0, {}) as IDataObject);
	const failures = new Map<number, ItemResult>();
	const refuse = (i: number, error: unknown) => {
		const mapped = inputError(node, i, error);
		if (!this.continueOnFail()) throw mapped;
		failures.set(i, { ok: false, error: mapped, delivery: 'not sent' });
	};

	// A wrong credential or proxy fails every item, one by one under continue-on-fail.
	// Without a readable credential nothing is sent (setupError): the default choice stands in.
	let platform = platformFor({});
	let apiBase = '';
	let setupError: unknown;
	try {
		if (runOptions.proxyError) throw runOptions.proxyError;
		const credentials = await this.getCredentials(CREDENTIAL_TYPE);
		platform = platformFor(credentials);
		apiBase = platform.apiBase(credentials);
	} catch (error) {
		setupError = error;
	}

	const parameters = itemParameters(this);
	const items = new Map<number, ValidatedItem>();
	let templateRead: TemplateRead | undefined;
	for (let i = 0; i < itemCount; i++) {
		try {
			if (setupError) throw setupError;
			items.set(i, await validateItem(platform.templateSend, readParameters(parameters, i), options, async (property, kind) => await resolveBinaryMedia(this, i, property, kind)));
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
	const label = fieldLabels(names);
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
	return await runSends(this, platform, itemCount, jobs, failures, runOptions, apiBase);
}
