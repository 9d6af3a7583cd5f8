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
import { readTemplateOptions } from './options';
import { readParameters } from './parameters';
import { validateItem } from './validate';
import { fieldLabel, toWireBody } from './wire';

/** The item's output: the WhatsApp message id (and a generated code) on top of the platform's answer. */
function toOutput(answer: IDataObject): IDataObject {
	const otpCode = readGeneratedOtp(answer);
	return { messageId: readMessageId(answer), ...(otpCode === undefined ? {} : { otpCode }), ...answer };
}

/** Message → Send Template: validate every item, then hand the sends to the shared engine. */
export async function sendTemplate(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const node = this.getNode();
	const itemCount = this.getInputData().length;
	const runOptions = readRunOptions(this);
	const options = readTemplateOptions(this.getNodeParameter('options', 0, {}) as IDataObject);
	const failures = new Map<number, ItemResult>();
	const jobs = new Map<number, SendJob>();

	let apiBase = '';
	let credentialError: unknown;
	try {
		apiBase = resolveApiBase(await this.getCredentials(CREDENTIAL_TYPE));
	} catch (error) {
		credentialError = error;
	}

	// Every item is checked before the first message goes out: an invalid item sends nothing,
	// and with continue-on-fail off nothing at all is sent.
	for (let i = 0; i < itemCount; i++) {
		try {
			if (credentialError) throw credentialError;
			const item = await validateItem(readParameters(this, i), options, async (property, kind) => await resolveBinaryMedia(this, i, property, kind));
			const wire = toWireBody(item);
			jobs.set(i, {
				request: () => buildRequest(ROUTES.sendTemplate, runOptions, toRequestBody(wire, (media) => readBinaryMedia(this, media))),
				context: { templateName: item.templateName, templateLanguage: item.templateLanguage, label: fieldLabel },
				fingerprint: fingerprint(i, wire),
				output: toOutput,
			});
		} catch (error) {
			const mapped = inputError(node, i, error);
			if (!this.continueOnFail()) throw mapped;
			failures.set(i, { ok: false, error: mapped, delivery: 'not sent' });
		}
	}
	return await runSends(this, itemCount, jobs, failures, runOptions, apiBase);
}
