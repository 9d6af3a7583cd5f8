import type { IDataObject } from 'n8n-workflow';

import { eventOf, type TriggerEvent } from '../shape';
import { isLegacy, normaliseLegacy } from './legacy';
import { isN8nFormat, normaliseN8nFormat } from './n8nFormat';
import { isXobito, normaliseXobito } from './xobito';

/**
 * The platform's body, whichever of its three formats, as one TriggerEvent. A JSON object in none
 * of them comes out as event `unknown` (only "Everything" and "Other" select it).
 */
export function normalise(body: IDataObject): TriggerEvent {
	if (isN8nFormat(body)) return normaliseN8nFormat(body);
	if (isLegacy(body)) return normaliseLegacy(body);
	if (isXobito(body)) return normaliseXobito(body);
	return eventOf('unknown', body, { event: 'unknown' });
}
