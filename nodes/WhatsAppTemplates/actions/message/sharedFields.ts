import type { INodeProperties } from 'n8n-workflow';

/** Fields more than one Message operation has, with the same names in saved workflows. */
type Show = { show: Record<string, Array<string | boolean>> };

export function recipientPhoneField(show: Show, description: string): INodeProperties {
	return { displayName: 'Recipient Phone', name: 'phone', type: 'string', required: true, default: '', placeholder: '+49 151 2345678', description, displayOptions: show };
}

/** Media Source, Media URL and Input Binary Field: how a file reaches a send (a template's header, Send Media). */
export function mediaFields(show: Show, descriptions: { url: string; binary: string }): INodeProperties[] {
	return [
		{
			displayName: 'Media Source',
			name: 'mediaSource',
			type: 'options',
			default: 'url',
			options: [
				{ name: 'URL', value: 'url', description: 'A public https:// link to the file' },
				{ name: 'Binary File', value: 'binary', description: 'A file from an earlier node, uploaded with the message' },
			],
			displayOptions: show,
		},
		{
			displayName: 'Media URL',
			name: 'mediaUrl',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/invoice.pdf',
			description: descriptions.url,
			displayOptions: { show: { ...show.show, mediaSource: ['url'] } },
		},
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			hint: 'The name of the input binary field that holds the file',
			description: descriptions.binary,
			displayOptions: { show: { ...show.show, mediaSource: ['binary'] } },
		},
	];
}
