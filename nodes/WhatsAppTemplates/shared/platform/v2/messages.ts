/**
 * API v2's messages in the 24-hour window (CONTRACT-v2.md "Messages in the 24-hour window"):
 * messages/text, messages/media, messages/interactive (reply buttons or a list).
 */
import type { WindowSendNames } from '../types';

export const WINDOW_SEND: WindowSendNames = {
	text: { phone: 'phone', text: 'message' },
	media: { phone: 'phone', kind: 'media_type', url: 'media_url', file: 'media_file', caption: 'caption', fileName: 'filename' },
	buttons: {
		phone: 'phone',
		kind: { field: 'type', buttons: 'button', list: 'list' },
		body: 'body_text',
		header: 'header_text',
		footer: 'footer_text',
		buttons: 'buttons',
		id: 'id',
		title: 'title',
		list: { buttonText: 'list_button_text', sections: 'sections', sectionTitle: 'title', rows: 'rows', rowDescription: 'description' },
	},
};
