import type { IDataObject } from 'n8n-workflow';

import type { BinaryMedia } from '../../../shared/multipart/binaryMedia';
import type { MediaKind } from '../../../shared/platform';

export type HeaderMedia =
	| { kind: MediaKind; source: 'url'; url: string }
	| { kind: MediaKind; source: 'binary'; file: BinaryMedia };

/** One item's message, checked against CONTRACT.md: every value here is safe to send. */
export interface ValidatedItem {
	phone: string;
	templateName: string;
	templateLanguage: string;
	fromPhoneNumberId?: string;
	headerText?: string;
	media?: HeaderMedia;
	documentName?: string;
	/**
	 * {{1}}…{{n}} in order, contiguous and non-empty: the platform fills variables by position.
	 * Only {{1}} may be undefined, when the platform generates the one-time password into it.
	 */
	bodyVariables: Array<string | undefined>;
	/** Index i holds button i's parameter; absent ones are not sent. */
	buttons: Array<string | undefined>;
	/** The one-time password given by the user (goes out as the copy code). */
	copyCode?: string;
	/** Set when the platform generates the one-time password. */
	generateOtp?: { length: number };
	/** The one-time password the node made (in {{1}}), where the platform would not return its own. */
	nodeOtp?: string;
	contact?: IDataObject;
}
