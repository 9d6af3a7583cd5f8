import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readRunOptions } from '../../../shared/batch/options';
import type { ItemResult } from '../../../shared/batch/itemResult';
import { runSends, type SendJob } from '../../../shared/batch/runSends';
import { resolveApiBase } from '../../../shared/endpoint';
import { readBinaryMedia, resolveBinaryMedia } from '../../../shared/multipart/binaryMedia';
import { ROUTES, readGeneratedOtp, readMessageId } from '../../../shared/platform';
import { CREDENTIAL_TYPE, buildRequest } from '../../../shared/transport';
import { inputError } from '../../../shared/validation/inputError';
import { fingerprint, toRequestBody } from '../../../shared/wireBody';
import { checkAgainstTemplate } from './check';
import { readTemplateOptions } from './options';
import { readParameters } from './parameters';
import { templatesForCheck } from './templateCheck';
import { validateItem } from './validate';
import type { ValidatedItem } from './validatedItem';
import { fieldLabel, toWireBody } from './wire';

/** The item's output: the WhatsApp message id (and a generated code) on top of the platform's answer. */
function toOutput(answer: IDataObject): IDataObject {
	const otpCode = readGeneratedOtp(answer);
	return { messageId: readMessageId(answer), ...(otpCode === undefined ? {} : { otpCode }), ...answer };
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

	let apiBase = '';
	let credentialError: unknown;
	try {
		apiBase = resolveApiBase(await this.getCredentials(CREDENTIAL_TYPE));
	} catch (error) {
		credentialError = error;
	}

	const items = new Map<number, ValidatedItem>();
	for (let i = 0; i < itemCount; i++) {
		try {
			if (credentialError) throw credentialError;
			items.set(i, await validateItem(readParameters(this, i), options, async (property, kind) => await resolveBinaryMedia(this, i, property, kind)));
		} catch (error) {
			refuse(i, error);
		}
	}

	const templates = options.checkTemplate && items.size ? await templatesForCheck(this, runOptions) : undefined;
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
	if (warnings.size) this.addExecutionHints(...[...warnings].map((message) => ({ message, location: 'outputPane' as const })));

	const jobs = new Map<number, SendJob>();
	for (const [i, item] of items) {
		const wire = toWireBody(item);
		jobs.set(i, {
			request: () => buildRequest(ROUTES.sendTemplate, runOptions, toRequestBody(wire, (media) => readBinaryMedia(this, media))),
			context: { templateName: item.templateName, templateLanguage: item.templateLanguage, label: fieldLabel },
			fingerprint: fingerprint(i, wire),
			output: toOutput,
		});
	}
	return await runSends(this, itemCount, jobs, failures, runOptions, apiBase);
}
