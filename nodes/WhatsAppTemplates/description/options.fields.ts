import type { INodeProperties } from 'n8n-workflow';

export const DEFAULT_OPTIONS = {
	concurrency: 5,
	rateLimitRetries: 5,
	maxRetryWaitSeconds: 120,
	cleanVariables: true,
	dryRun: false,
};

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
			default: DEFAULT_OPTIONS.cleanVariables,
			description:
				'Whether to replace line breaks and tabs with a space and shorten runs of more than four spaces in header, body and button values, which WhatsApp refuses. Off: such a value stops the item with an error instead.',
		},
		{
			displayName: 'Dry Run',
			name: 'dryRun',
			type: 'boolean',
			default: DEFAULT_OPTIONS.dryRun,
			description:
				'Whether to validate each item and output the exact request (token hidden) instead of sending it',
		},
		{
			displayName: 'Longest Rate-Limit Wait (Seconds)',
			name: 'maxRetryWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: DEFAULT_OPTIONS.maxRetryWaitSeconds,
			description:
				'When the platform asks to wait longer than this after a rate limit (HTTP 429), the item fails instead of waiting',
		},
		{
			displayName: 'Messages In Flight',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 50 },
			default: DEFAULT_OPTIONS.concurrency,
			description:
				'How many messages are sent at the same time. Outputs keep the input order either way.',
		},
		{
			displayName: 'Rate-Limit Retries',
			name: 'rateLimitRetries',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: DEFAULT_OPTIONS.rateLimitRetries,
			description:
				'How often one message is sent again after a rate limit (HTTP 429), which the platform did not process. Other failures are never retried: the message may have gone out.',
		},
	],
};
