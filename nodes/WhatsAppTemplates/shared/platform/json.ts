/** Reading the platform's JSON answers without trusting their shape. */

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `value[key]` when value is an object, else undefined. */
export const field = (value: unknown, key: string): unknown =>
	typeof value === 'object' && value !== null ? (value as Json)[key] : undefined;

/** An id as the platform gives it: a number or a non-empty string. */
export const idOf = (value: unknown): number | string | undefined =>
	typeof value === 'number' || (typeof value === 'string' && value !== '') ? value : undefined;

/** A non-negative number of seconds, from a number or a numeric string (never from null or blank, which Number() reads as 0). */
export function seconds(value: unknown): number | undefined {
	if (typeof value !== 'number' && (typeof value !== 'string' || value.trim() === '')) return undefined;
	const n = Number(value);
	return Number.isFinite(n) && n >= 0 ? n : undefined;
}
