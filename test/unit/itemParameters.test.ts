/**
 * The node reads a parameter that holds an expression with n8n's schema check skipped
 * (shared/itemParameters.ts): per item that check looks the name up among all the node's
 * properties, and it converts or refuses only fields with `validateType`. This holds while no
 * property has one: a property that gets it must be read with the check again.
 */
import type { INodeProperties, INodePropertyCollection } from 'n8n-workflow';

import { WhatsAppTemplates } from '../../nodes/WhatsAppTemplates/WhatsAppTemplates.node';

/** Every property, at any depth (collections' options, fixed collections' values). */
function everyProperty(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((property) => {
		const nested = (property.options ?? []).flatMap((option) => {
			if ('values' in option) return (option as INodePropertyCollection).values;
			return 'type' in option ? [option as INodeProperties] : [];
		});
		return [property, ...everyProperty(nested)];
	});
}

it('no property of the node asks n8n to validate its type', () => {
	const all = everyProperty(new WhatsAppTemplates().description.properties);
	expect(all.length).toBeGreaterThan(100); // the walk reached into Options and collections
	expect(all.filter((property) => property.validateType !== undefined).map((property) => property.name)).toEqual([]);
});
