/** Where API v2's routes live (CONTRACT-v2.md "Where requests go"): `{platform URL}/api/v2/`, the workspace from the token. */
import type { ApiRoot, Route } from '../types';

export const API: ApiRoot = { root: 'api/v2', workspaceInPath: false };

export const ROUTES = {
	sendTemplate: { method: 'POST', path: 'messages/template', permission: 'messages:send' },
	listTemplates: { method: 'GET', path: 'templates', permission: 'templates:read' },
	sendText: { method: 'POST', path: 'messages/text', permission: 'messages:send' },
	sendMedia: { method: 'POST', path: 'messages/media', permission: 'messages:send' },
	sendButtons: { method: 'POST', path: 'messages/interactive', permission: 'messages:send' },
} as const satisfies Record<string, Route>;

/** What API v2 calls a token's permission. */
export const PERMISSION_KIND = 'scope';
