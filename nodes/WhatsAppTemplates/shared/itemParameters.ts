import type { IExecuteFunctions, IGetNodeParameterOptions } from 'n8n-workflow';

/** Does the saved value hold an expression anywhere? n8n marks one by a leading "=". */
function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (value !== null && typeof value === 'object') return Object.values(value).some(holdsExpression);
	return false;
}

/** A parameter's value for one item, as `getNodeParameter` gives it. */
export type ItemParameters = <T>(name: string, itemIndex: number, fallback: T, options?: IGetNodeParameterOptions) => T;

/**
 * Reads parameters item by item, but a parameter without an expression only once per run: its
 * value is the same for every item, and each `getNodeParameter` call builds n8n's expression
 * context, which a thousand-item run feels. Callers must not change the values they get.
 */
export function itemParameters(ctx: IExecuteFunctions): ItemParameters {
	const saved = ctx.getNode().parameters;
	// One entry per name (and per name read with extractValue): one lookup per read.
	const known = new Map<string, { dynamic: true; options: IGetNodeParameterOptions } | { dynamic: false; value: unknown }>();
	return <T>(name: string, itemIndex: number, fallback: T, options?: IGetNodeParameterOptions): T => {
		const key = options?.extractValue ? `${name} (value)` : name;
		let entry = known.get(key);
		if (!entry) {
			// n8n's schema check looks the parameter up among all the node's properties, per item, to
			// check `validateType` fields (this node has none) and a resource mapper's `.value` read
			// alone (Template Values is read whole): for this node it checks nothing, at a cost per item.
			entry = holdsExpression(saved[name])
				? { dynamic: true, options: { ...options, skipValidation: true } }
				: { dynamic: false, value: ctx.getNodeParameter(name, itemIndex, fallback, options) };
			known.set(key, entry);
		}
		return (entry.dynamic ? ctx.getNodeParameter(name, itemIndex, fallback, entry.options) : entry.value) as T;
	};
}
