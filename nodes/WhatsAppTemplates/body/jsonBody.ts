import type { IDataObject } from 'n8n-workflow';

import { WIRE } from '../api/contract';
import type { WireBody } from '../wire/wireBody';

/** The JSON body of a message without an uploaded file. */
export function toJsonBody(wire: WireBody): IDataObject {
	const body: IDataObject = Object.fromEntries(wire.fields);
	if (wire.contact) body[WIRE.contact] = wire.contact;
	return body;
}
