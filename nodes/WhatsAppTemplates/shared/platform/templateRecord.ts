/**
 * One template as the template list gives it. API v1 and v2 list the same record keys
 * (CONTRACT.md and CONTRACT-v2.md, "List templates"); only paging differs (each version's table).
 */

/** One template as the platform lists it, in the node's terms. */
export interface PlatformTemplate {
	id: number | string;
	name: string;
	language: string;
	status: string;
	category: string;
	/** TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION, or null without a header. */
	headerFormat: string | null;
	headerText: string | null;
	headerParams: number;
	body: string;
	bodyParams: number;
	footer: string | null;
	/** Parsed from the platform's JSON-encoded string. */
	buttons: Array<Record<string, unknown>>;
	templateType: string | null;
	hasCards: boolean;
}

function parseButtons(value: unknown): Array<Record<string, unknown>> {
	if (Array.isArray(value)) return value as Array<Record<string, unknown>>;
	if (typeof value !== 'string' || value.trim() === '') return [];
	try {
		const parsed: unknown = JSON.parse(value);
		return Array.isArray(parsed) ? (parsed as Array<Record<string, unknown>>) : [];
	} catch {
		return [];
	}
}

const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const count = (value: unknown): number => (Number.isFinite(Number(value)) ? Number(value) : 0);

/** A template record of the list, read into the node's shape. */
export function readTemplate(record: unknown): PlatformTemplate {
	const r = (record ?? {}) as Record<string, unknown>;
	return {
		id: (r.id as number | string) ?? '',
		// API v2 lists the name as template_name and again as name.
		name: String(r.template_name ?? r.name ?? ''),
		language: String(r.language ?? ''),
		status: String(r.status ?? ''),
		category: String(r.category ?? ''),
		headerFormat: str(r.header_data_format)?.toUpperCase() ?? null,
		headerText: str(r.header_data_text),
		headerParams: count(r.header_params_count),
		body: String(r.body_data ?? ''),
		bodyParams: count(r.body_params_count),
		footer: str(r.footer_data),
		buttons: parseButtons(r.buttons_data),
		templateType: str(r.template_type),
		hasCards: str(r.cards_json) !== null && str(r.cards_json) !== '[]',
	};
}

/** A listed template as Get Many outputs it: the platform's record, buttons parsed, variable counts named. */
export function templateOutput(record: unknown, template: PlatformTemplate): Record<string, unknown> {
	return {
		...(record as Record<string, unknown>),
		buttons_data: template.buttons,
		variables: { header: template.headerParams, body: template.bodyParams },
	};
}
