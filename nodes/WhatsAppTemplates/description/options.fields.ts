import type { INodeProperties } from 'n8n-workflow';

// Defaults live here only: the send reads them back through optionDefault().

export const optionsField: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	displayOptions: { show: { resource: ['message'], operation: ['sendTemplate'] } },
	options: [
		{
			displayName: 'Clean Variable Values',
			name: 'cleanVariables',
			type: 'boolean',
			default: true,
			description:
				'Whether to replace line breaks and tabs with a space and shorten runs of more than four spaces in header, body and button values, which WhatsApp refuses. Off: such a value stops the item with an error instead.',
		},
		{
			displayName: 'Dry Run',
			name: 'dryRun',
			type: 'boolean',
			default: false,
			description:
				'Whether to validate each item and output the exact request (token hidden) instead of sending it',
		},
		{
			displayName: 'Longest Rate-Limit Wait (Seconds)',
			name: 'maxRetryWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 120,
			description:
				'When the platform asks to wait longer than this after a rate limit (HTTP 429), the item fails instead of waiting',
		},
		{
			displayName: 'Messages In Flight',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 50 },
			default: 5,
			description:
				'How many messages are sent at the same time. Outputs keep the input order either way.',
		},
		{
			displayName: 'Rate-Limit Retries',
			name: 'rateLimitRetries',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 5,
			description:
				'How often one message is sent again after a rate limit (HTTP 429), which the platform did not process. Other failures are never retried: the message may have gone out.',
		},
	],
};

export function optionDefault<T>(name: string): T {
	return (optionsField.options!.find((option) => option.name === name) as INodeProperties).default as T;
}
