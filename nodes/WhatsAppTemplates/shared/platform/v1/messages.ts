/**
 * API v1's messages in the 24-hour window (CONTRACT.md "Messages in the 24-hour window (v1)"):
 * free text on messages/send, a file on messages/media, and buttons as Xobito documents them
 * (messages/send with message_type interactive), which stock platforms ignore.
 */
import type { WindowSendNames } from '../types';

export const WINDOW_SEND: WindowSendNames = {
	text: { phone: 'phone_number', text: 'message_body' },
	media: { phone: 'phone_number', kind: 'media_type', url: 'media_url', file: 'media_file', caption: 'caption', fileName: 'filename' },
	buttons: {
		phone: 'phone_number',
		kind: { field: 'message_type', buttons: 'interactive' },
		body: 'message_body',
		header: 'header',
		footer: 'footer',
		buttons: 'buttons',
		id: 'id',
		title: 'title',
		listLacking: {
			why: 'API v1 has no list message (Xobito documents reply buttons only)',
			instead: 'Use Reply Buttons (up to 3), or send through a credential with API Version v2',
		},
		buttonsIgnored:
			'API v1: the buttons went out as Xobito documents them (message_type "interactive" with header, footer and buttons on messages/send), but stock WhatsMark SaaS platforms ignore those keys and send the body text alone. Use an API v2 token for buttons that always arrive.',
	},
};
