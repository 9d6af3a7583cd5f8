import type { INodeProperties } from 'n8n-workflow';

import { LIMITS } from '../../../shared/platform';
import { mediaFields } from '../sharedFields';
import { windowFields, windowOptions } from '../window';

/** Where Send Media's fields show. */
export const show = { show: { resource: ['message'], operation: ['sendMedia'] } };
const withShow = (more: Record<string, string[]>) => ({ show: { ...show.show, ...more } });

/** Parameters of Message → Send Media. Their names are saved in users' workflows: keep them. */
export const sendMediaFields: INodeProperties[] = [
	...windowFields(show),
	{
		displayName: 'Media Type',
		name: 'mediaType',
		type: 'options',
		default: 'document',
		options: [
			{ name: 'Audio', value: 'audio', description: 'An AAC, AMR, MP3, M4A or OGG file, up to 16 MB (no caption)' },
			{ name: 'Document', value: 'document', description: 'PDF, Word, Excel, PowerPoint or text file, up to 100 MB' },
			{ name: 'Image', value: 'image', description: 'A JPEG or PNG image, up to 5 MB' },
			{ name: 'Video', value: 'video', description: 'An MP4 or 3GP video, up to 16 MB' },
		],
		displayOptions: show,
	},
	...mediaFields(show, {
		url: 'Public http(s) URL the platform downloads the file from. Its path must end in an extension the platform takes for the kind: .jpeg/.png (.jpg on newer platforms), .mp4/.3gp, .aac/.amr/.mp3/.m4a/.ogg, .pdf/.doc(x)/.xls(x)/.ppt(x)/.txt.',
		binary: 'Image up to 5 MB, video and audio up to 16 MB, document up to 100 MB. The file goes up under a unique name with an extension the platform accepts.',
	}),
	{
		displayName: 'Caption',
		name: 'caption',
		type: 'string',
		default: '',
		typeOptions: { rows: 2 },
		description: `Text shown with the image, video or document, up to ${LIMITS.caption.max} characters`,
		displayOptions: withShow({ mediaType: ['image', 'video', 'document'] }),
	},
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		placeholder: 'invoice-1042.pdf',
		description: "The document's name the recipient sees. Defaults to the binary file's name, or the last part of the URL.",
		displayOptions: withShow({ mediaType: ['document'] }),
	},
	windowOptions(show),
];
