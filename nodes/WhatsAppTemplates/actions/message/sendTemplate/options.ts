import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { sendingOptionsField } from '../../../shared/batch/options';
import { LIMITS } from '../../../shared/platform';
import { show } from './show';

/** Options of Send Template: its own, then the engine's (defaults live in the definitions only). */
const own: INodeProperties[] = [
	{
		displayName: 'Check Template Before Sending',
		name: 'checkTemplate',
		type: 'boolean',
		default: true,
		description:
			"Whether to read the workspace's template list once per run and check every item against its template (exists in that language, approved, the right variables and header) before anything is sent",
	},
	{
		displayName: 'Clean Variable Values',
		name: 'cleanVariables',
		type: 'boolean',
		default: true,
		description:
			'Whether to replace line breaks and tabs with a space and shorten runs of more than four spaces in header, body and button values (the platform would collapse them anyway). Off: such a value stops the item with an error instead.',
	},
	{
		displayName: 'Generate OTP on the Platform',
		name: 'autoGenerateOtp',
		type: 'boolean',
		default: false,
		description:
			'Whether the one-time password of an authentication template is generated: on API v1 by the platform (2.2.0 or newer), on API v2, which would not return it, by the node (digits only, into {{1}}). The output carries the code as otpCode.',
	},
	{
		displayName: 'Generated OTP Length',
		name: 'otpLength',
		type: 'number',
		typeOptions: { minValue: LIMITS.otpLength.min, maxValue: LIMITS.otpLength.max },
		default: 6,
		description: 'Digits of the generated code, 4 to 10. Used with "Generate OTP on the Platform".',
	},
];

export const optionsField: INodeProperties = sendingOptionsField(show, own);

export interface TemplateOptions {
	checkTemplate: boolean;
	cleanVariables: boolean;
	autoGenerateOtp: boolean;
	otpLength: number;
}

const defaultOf = <T>(name: string): T => own.find((option) => option.name === name)!.default as T;

export function readTemplateOptions(options: IDataObject): TemplateOptions {
	return {
		checkTemplate: (options.checkTemplate as boolean | undefined) ?? defaultOf<boolean>('checkTemplate'),
		cleanVariables: (options.cleanVariables as boolean | undefined) ?? defaultOf<boolean>('cleanVariables'),
		autoGenerateOtp: (options.autoGenerateOtp as boolean | undefined) ?? defaultOf<boolean>('autoGenerateOtp'),
		otpLength: (options.otpLength as number | undefined) ?? defaultOf<number>('otpLength'),
	};
}
