/** Words and helpers both API generations explain their answers with (v1/errors.ts, v2/errors.ts). */
import { isObject } from './json';
import type { SentContext } from './types';

export const CREDENTIAL = 'Open the "WhatsApp Templates API" credential and correct it.';

export const list = (value: unknown): string[] => ([] as unknown[]).concat(value ?? []).map(String);

/**
 * A refusal's field errors spelled out, wire names replaced by the node's field names. The
 * entries under `templateFieldsKey` are lines that start with wire names ("field_1 (Body …)").
 */
export function spellErrors(errors: unknown, context: SentContext, templateFieldsKey: string): string | undefined {
	if (typeof errors === 'string') return errors;
	if (!isObject(errors)) return undefined;
	const label = (name: string) => context.label?.(name) ?? name;
	const parts = Object.entries(errors).map(([key, messages]) =>
		key === templateFieldsKey
			? list(messages).map((m) => m.replace(/^[^(]+/, (names) => names.replace(/[a-z][a-z0-9_]*/g, label))).join('; ')
			: `${label(key)}: ${list(messages).join(' ')}`,
	);
	return parts.length ? parts.join('; ') : undefined;
}

/** `"order_update" in language "en"`: how errors name the template sent. */
export const templateNamed = (context: SentContext) => `"${context.templateName ?? '?'}" in language "${context.templateLanguage ?? '?'}"`;
