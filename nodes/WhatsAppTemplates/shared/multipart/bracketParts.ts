/**
 * A nested value as the text parts Laravel rebuilds it from: contact[first_name],
 * contact[custom_fields][plan], contact[groups][0]. true/false become 1/0; null is left out.
 */
export function bracketParts(name: string, value: unknown): Array<[string, string]> {
	if (value === null || value === undefined) return [];
	if (Array.isArray(value)) return value.flatMap((v, i) => bracketParts(`${name}[${i}]`, v));
	if (typeof value === 'object') {
		return Object.entries(value as Record<string, unknown>).flatMap(([key, v]) => bracketParts(`${name}[${key}]`, v));
	}
	if (typeof value === 'boolean') return [[name, value ? '1' : '0']];
	return [[name, String(value)]];
}
