import type { IDataObject } from 'n8n-workflow';

import { eventOf, isObject, isoTime, modifiedFields, objectOrNull, phoneOf, text, type TriggerEvent } from '../shape';

/**
 * Format 1, platforms up to 1.5 and Xobito's CRUD events:
 * `{event: "created|updated|deleted", model: "App\\Models\\Tenant\\Contact", data: {id, attributes, relations}, original, timestamp}`.
 * The model's class name gives the kind: Contact → contact.*, Status → status.*, Source → source.*.
 */
export function isLegacy(body: IDataObject): boolean {
	return typeof body.event === 'string' && !body.event.includes('.') && typeof body.model === 'string';
}

/** `App\Models\Tenant\Contact` → `contact`. */
export function modelKind(model: string): string {
	const base = model.split(/[\\/]/).pop() ?? model;
	return base.trim().toLowerCase() || 'unknown';
}

export function normaliseLegacy(body: IDataObject): TriggerEvent {
	const action = String(body.event).trim().toLowerCase();
	const kind = modelKind(String(body.model));
	const data = objectOrNull(body.data) ?? {};
	const attributes = objectOrNull(data.attributes) ?? {};
	const id = data.id ?? attributes.id ?? null;
	const record: IDataObject = { id, ...attributes };
	const previous = isObject(body.original) && Object.keys(body.original).length ? body.original : null;
	return eventOf('legacy', body, {
		event: `${kind}.${action}`,
		phone: kind === 'contact' ? phoneOf(attributes.phone) : null,
		timestamp: isoTime(body.timestamp),
		contact: kind === 'contact' ? record : null,
		resource: { type: kind, id, attributes, relations: data.relations ?? null },
		changes:
			action === 'updated' && previous
				? { previous, current: attributes, modifiedFields: modifiedFields(previous, attributes) }
				: null,
		platformEvent: text(body.event),
	});
}
