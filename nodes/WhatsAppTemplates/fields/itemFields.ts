import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

export type HeaderType = 'none' | 'text' | 'image' | 'video' | 'document';

/** The node's parameters for one item, as the user set them (expressions resolved). */
export interface ItemFields {
	phone: unknown;
	templateName: unknown;
	templateLanguage: unknown;
	headerType: HeaderType;
	headerText: unknown;
	mediaSource: 'url' | 'binary';
	mediaUrl: unknown;
	binaryPropertyName: unknown;
	documentFilename: unknown;
	bodyVariables: IDataObject;
	buttonParameters: IDataObject;
	additionalFields: IDataObject;
}

/** Reads one item's parameters. Hidden parameters fall back to their defaults. */
export function readItemFields(ctx: IExecuteFunctions, itemIndex: number): ItemFields {
	const get = <T>(name: string, fallback: T) => ctx.getNodeParameter(name, itemIndex, fallback) as T;
	return {
		phone: get('phone', ''),
		templateName: get('templateName', ''),
		templateLanguage: get('templateLanguage', 'en_US'),
		headerType: get<HeaderType>('headerType', 'none'),
		headerText: get('headerText', ''),
		mediaSource: get<'url' | 'binary'>('mediaSource', 'url'),
		mediaUrl: get('mediaUrl', ''),
		binaryPropertyName: get('binaryPropertyName', 'data'),
		documentFilename: get('documentFilename', ''),
		bodyVariables: get<IDataObject>('bodyVariables', {}),
		buttonParameters: get<IDataObject>('buttonParameters', {}),
		additionalFields: get<IDataObject>('additionalFields', {}),
	};
}
