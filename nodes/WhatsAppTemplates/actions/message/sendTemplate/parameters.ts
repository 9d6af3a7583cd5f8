import type { IDataObject } from 'n8n-workflow';

import type { ItemParameters } from '../../../shared/itemParameters';
import { readPicked } from './templateSource';
import { parametersFromValues } from './templateValues';

export type HeaderType = 'none' | 'text' | 'image' | 'video' | 'document';

/** Send Template's parameters for one item, as the user set them (expressions resolved). */
export interface SendTemplateParameters {
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
	newContact: IDataObject;
}

/**
 * Reads one item's parameters. Those the header kind hides are not read (n8n would return their
 * defaults): each read of an expression resolves it, which counts in thousand-item runs.
 */
export function readParameters(parameters: ItemParameters, itemIndex: number): SendTemplateParameters {
	const get = <T>(name: string, fallback: T) => parameters(name, itemIndex, fallback);
	const phone = get('phone', '');
	const additionalFields = get<IDataObject>('additionalFields', {});
	const newContact = get<IDataObject>('newContact', {});
	if (get<string>('templateSource', 'byName') === 'fromList') {
		const picked = readPicked(parameters('template', itemIndex, '', { extractValue: true }));
		return { phone, additionalFields, newContact, ...parametersFromValues(picked, get('templateValues', {})) };
	}
	const headerType = get<HeaderType>('headerType', 'none');
	const media = headerType === 'image' || headerType === 'video' || headerType === 'document';
	const mediaSource = media ? get<'url' | 'binary'>('mediaSource', 'url') : 'url';
	// One object literal per item (no spreads): thousand-item runs build one per item.
	return {
		phone,
		additionalFields,
		newContact,
		templateName: get('templateName', ''),
		templateLanguage: get('templateLanguage', 'en_US'),
		headerType,
		headerText: headerType === 'text' ? get('headerText', '') : '',
		mediaSource,
		mediaUrl: media && mediaSource === 'url' ? get('mediaUrl', '') : '',
		binaryPropertyName: media && mediaSource === 'binary' ? get('binaryPropertyName', 'data') : 'data',
		documentFilename: headerType === 'document' ? get('documentFilename', '') : '',
		bodyVariables: get<IDataObject>('bodyVariables', {}),
		buttonParameters: get<IDataObject>('buttonParameters', {}),
	};
}
