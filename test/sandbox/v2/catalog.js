'use strict';
/**
 * GET templates and GET templates/{template_id} on v2: the same catalog as v1 (templates.js),
 * in v2's item shape, paged with meta.pagination and links.
 * - filter[status|category|language]=v or filter[field][op]=v; search (or q) over template_name
 *   and category; sort=f,-f over template_name, created_at, updated_at (query.js).
 * - The links carry only `page`, as Laravel's paginator writes them (per_page is lost there).
 * - {template_id} is Meta's id, not `id`; the item comes wrapped once more, as
 *   ApiResponse::resource gives a JsonResource: `data: {data: item}` (config v2ShowWrapped).
 * Stricter than the platform ON PURPOSE: an unknown filter or sort field and a per_page that
 * is not a positive integer are refused (422), where the platform ignores them silently.
 */
const { listQuery } = require('./query');
const { TEMPLATE_QUERY, TEXT } = require('./platform');
const E = require('./envelope');

const CREATED = Date.UTC(2026, 9, 1, 9, 0, 0);

/** A template in v2's item shape (TemplateResource). */
function v2Item(t, buttonsAs) {
	const otpButton = t.category === 'AUTHENTICATION' && t.buttons_data ? JSON.parse(t.buttons_data).find((b) => /otp\{\{/.test(b.url || '')) : null;
	const expires = /expires in (\d+) minutes/.exec(t.footer_data || '');
	return {
		id: t.id,
		template_id: t.template_id,
		template_name: t.template_name,
		name: t.template_name,
		language: t.language,
		category: t.category,
		status: t.status,
		header_data_format: t.header_data_format,
		header_data_text: t.header_data_text,
		header_params_count: t.header_params_count,
		header_file_url: null,
		header_variable_value: null,
		body_data: t.body_data,
		body_params_count: t.body_params_count,
		body_variable_value: null,
		footer_data: t.footer_data,
		footer_params_count: t.footer_params_count,
		// The stored column as is: a JSON-encoded string (or null), as v1 shows it.
		buttons_data: buttonsAs === 'array' && t.buttons_data ? JSON.parse(t.buttons_data) : t.buttons_data,
		message_send_ttl_seconds: null,
		add_security_recommendation: false,
		code_expiration_minutes: t.category === 'AUTHENTICATION' && expires ? Number(expires[1]) : null,
		otp_button_config: otpButton ? { otp_type: 'COPY_CODE', text: otpButton.text } : null,
		components: [],
		created_at: E.iso(CREATED + t.id * 3_600_000),
		updated_at: E.iso(CREATED + t.id * 3_600_000 + 600_000),
	};
}

function listV2Templates(templates, query, pageUrl, buttonsAs) {
	return listQuery(templates.map((t) => v2Item(t, buttonsAs)), query, pageUrl, TEMPLATE_QUERY);
}

function showV2Template(templates, templateId, buttonsAs, wrapped) {
	const t = templates.find((x) => x.template_id === templateId);
	if (!t) return E.error('NOT_FOUND', TEXT.templateNotFound);
	const item = v2Item(t, buttonsAs);
	return E.success(wrapped ? { data: item } : item);
}

module.exports = { listV2Templates, showV2Template, v2Item };
