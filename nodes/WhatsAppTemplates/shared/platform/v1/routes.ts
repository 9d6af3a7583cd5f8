/** Where API v1's routes live (CONTRACT.md "Where requests go"): `{platform URL}/api/v1/{subdomain}/`. */
import type { ApiRoot, Route } from '../types';

export const API: ApiRoot = { root: 'api/v1', workspaceInPath: true };

export const ROUTES = {
	sendTemplate: { method: 'POST', path: 'messages/template', permission: 'messages.send' },
	listTemplates: { method: 'GET', path: 'templates', permission: 'templates.read' },
	sendText: { method: 'POST', path: 'messages/send', permission: 'messages.send' },
	sendMedia: { method: 'POST', path: 'messages/media', permission: 'messages.send' },
	// Xobito's buttons go to the free-text route (message_type: interactive).
	sendButtons: { method: 'POST', path: 'messages/send', permission: 'messages.send' },
} as const satisfies Record<string, Route>;

/** What API v1 calls a token's permission. */
export const PERMISSION_KIND = 'ability';
