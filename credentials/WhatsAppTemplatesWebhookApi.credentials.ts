import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * The secret the platform signs its webhooks with (X-Webhook-Signature, HMAC-SHA256 of the body).
 * One value for the whole platform installation, set by its operator (a stock install's default is
 * `123`): ask the operator (Xobito: support) for it. Only the trigger reads it, to check signatures.
 */
export class WhatsAppTemplatesWebhookApi implements ICredentialType {
	name = 'whatsAppTemplatesWebhookApi';

	displayName = 'WhatsApp Templates Webhook API';

	icon: Icon = {
		light: 'file:../nodes/WhatsAppTemplates/whatsAppTemplates.svg',
		dark: 'file:../nodes/WhatsAppTemplates/whatsAppTemplates.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-whatsapp-templates/n8n-nodes-whatsapp-templates#trigger-events-in';

	properties: INodeProperties[] = [
		{
			displayName: 'Signing Secret',
			name: 'signingSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				"The platform's webhook signing secret (WEBHOOK_SIGNING_SECRET on the platform's server). It is set by whoever runs the platform, not in your workspace: ask the operator (Xobito: support).",
		},
	];
}
