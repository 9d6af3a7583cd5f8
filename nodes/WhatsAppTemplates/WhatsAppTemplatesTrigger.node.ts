import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { MAIN_CONNECTION } from './shared/connections';
import { checkSigningSecret } from './trigger/credentialTest';
import { properties } from './trigger/description';
import { receive } from './trigger/webhook';

/**
 * Events in: the platform's webhooks (message sent / delivered / read / failed / received,
 * template status, contacts, statuses, sources), signature checked, three body formats read as
 * one shape, duplicates from the platform's retries dropped.
 */
export class WhatsAppTemplatesTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Templates Trigger',
		name: 'whatsAppTemplatesTrigger',
		icon: { light: 'file:whatsAppTemplates.svg', dark: 'file:whatsAppTemplates.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["events"] || []).includes("*") ? "All events" : ($parameter["events"] || []).join(", ")}}',
		// n8n's node panel shows one entry for the action node and this trigger, described with the
		// trigger's description (editor-ui useActionsGeneration: "default to trigger description"):
		// so it describes the package, actions and trigger alike.
		description:
			'Send approved WhatsApp templates and react to message statuses, replies, template and contact changes of a WhatsMark SaaS platform such as Xobito',
		defaults: { name: 'WhatsApp Templates Trigger' },
		inputs: [],
		outputs: [MAIN_CONNECTION],
		credentials: [
			{
				name: 'whatsAppTemplatesWebhookApi',
				required: true,
				testedBy: 'checkSigningSecret',
				displayOptions: { show: { authentication: ['signingSecret'] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// n8n answers an onReceived call with responseData when it is truthy (left unset: the
				// literal text "firstEntryJson", n8n 1.123 and 2.40), else with webhook()'s
				// webhookResponse: '' makes every answer the trigger's own JSON (trigger/webhook.ts).
				responseData: '',
				path: 'webhook',
			},
		],
		properties,
	};

	// The platform has one webhook URL per workspace, set by hand in its settings, and no API to
	// register, list or remove one (CONTRACT.md). So there is nothing to check, create or delete:
	// each step succeeds, and the node's notice tells the user where to paste the URL.
	methods = { credentialTest: { checkSigningSecret } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receive.call(this);
	}
}
