import type { IDataObject } from 'n8n-workflow';

import type { MediaKind } from '../api/contract';
import type { BinaryMedia } from '../media/binaryMedia';

export type HeaderMedia =
	| { kind: MediaKind; source: 'url'; url: string }
	| { kind: MediaKind; source: 'binary'; file: BinaryMedia };

/** One item's message, checked against CONTRACT.md: every value here is safe to send. */
export interface ValidatedItem {
	phone: string;
	templateName: string;
	templateLanguage: string;
	phoneNumberId?: string;
	headerText?: string;
	media?: HeaderMedia;
	documentFilename?: string;
	/** Index n-1 holds the value of {{n}}; absent variables are not sent. */
	bodyVariables: Array<string | undefined>;
	buttons: Array<string | undefined>;
	otp?: string;
	contact?: IDataObject;
}
