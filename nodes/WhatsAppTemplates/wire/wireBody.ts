import type { IDataObject } from 'n8n-workflow';

import { MEDIA, WIRE } from '../api/contract';
import type { BinaryMedia } from '../media/binaryMedia';
import type { ValidatedItem } from '../validate/validatedItem';

/** The request body by wire name: text fields, the nested contact, and at most one file. */
export interface WireBody {
	fields: Array<[string, string]>;
	contact?: IDataObject;
	file?: { field: string; media: BinaryMedia };
}

export function toWireBody(item: ValidatedItem): WireBody {
	const fields: Array<[string, string | undefined]> = [
		[WIRE.phone, item.phone],
		[WIRE.templateName, item.templateName],
		[WIRE.templateLanguage, item.templateLanguage],
		[WIRE.phoneNumberId, item.phoneNumberId],
		[WIRE.headerText, item.headerText],
	];
	let file: WireBody['file'];
	if (item.media?.source === 'url') fields.push([MEDIA[item.media.kind].urlField, item.media.url]);
	if (item.media?.source === 'binary') file = { field: MEDIA[item.media.kind].fileField, media: item.media.file };
	fields.push([WIRE.headerDocumentFilename, item.documentFilename]);
	item.bodyVariables.forEach((value, i) => fields.push([WIRE.body(i + 1), value]));
	item.buttons.forEach((value, i) => fields.push([WIRE.button(i), value]));
	fields.push([WIRE.otp, item.otp]);
	return {
		// Empty optional fields are not sent.
		fields: fields.filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''),
		contact: item.contact,
		file,
	};
}
