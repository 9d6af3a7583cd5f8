'use strict';
/**
 * Template parameters as the platform builds them (platform-notes §4, §5, §10.1):
 * - auto_generate_otp puts a code into field_{otp_field_number} when that field is absent;
 * - the fields a template requires (template_fields 422);
 * - what WhatsApp receives: body parameters are every PRESENT field_i in order
 *   (positional by presence), cut or padded to the template's count; each value is
 *   rewritten (merge tokens, `@{x}` -> `{x}`, whitespace collapsed, trimmed, and a
 *   value that is empty or exactly '0' becomes ' ').
 */
const crypto = require('node:crypto');
const { mediumOf } = require('./media');

const isOn = (v) => v === true || v === 1 || v === '1';
const filled = (v) => typeof v === 'string' && v.trim() !== '';

/** A numeric code of `length` digits without a leading zero. */
function otpCode(length) {
	return String(crypto.randomInt(10 ** (length - 1), 10 ** length));
}

/** Returns { values (fields with the OTP put in), otp: null | { code, generated, length, field_number } }. */
function applyOtp(fields) {
	if (!isOn(fields.auto_generate_otp)) return { values: fields, otp: null };
	const length = fields.otp_length !== undefined ? Number(fields.otp_length) : 6;
	const fieldNumber = fields.otp_field_number !== undefined ? Number(fields.otp_field_number) : 1;
	const key = `field_${fieldNumber}`;
	if (filled(fields[key])) return { values: fields, otp: null };
	const code = otpCode(length);
	return { values: { ...fields, [key]: code }, otp: { code, generated: true, length, field_number: fieldNumber } };
}

/**
 * What the template needs and `values` lack, as parts: { part: 'body', index } for each
 * unfilled body parameter, then { part: 'header' } (a TEXT header's {{1}}), then
 * { part: 'medium', medium } (a media header with neither URL nor file).
 */
function missingParts(template, values) {
	const missing = [];
	for (let i = 1; i <= template.body_params_count; i++) if (!filled(values[`field_${i}`])) missing.push({ part: 'body', index: i });
	if (template.header_data_format === 'TEXT' && template.header_params_count > 0 && !filled(values.header_field_1)) {
		missing.push({ part: 'header' });
	}
	const m = mediumOf(template);
	if (m && values[m.url] === undefined && values[m.file] === undefined) missing.push({ part: 'medium', medium: m });
	return missing;
}

/** The template_fields messages (v1's words) for what the template needs and `values` lack. */
function missingFields(template, values) {
	return missingParts(template, values).map((p) => {
		if (p.part === 'body') return `field_${p.index} (Body parameter ${p.index} is required for this template)`;
		if (p.part === 'header') return 'header_field_1 (Header parameter 1 is required for this template)';
		return `${p.medium.url} or ${p.medium.file} (Header ${p.medium.kind} is required for this template)`;
	});
}

/** Merge tokens the platform replaces (exact, case-sensitive); unknown `{x}` stay. */
function mergeTokens(contact) {
	return {
		'{contact_first_name}': contact.firstname,
		'{contact_last_name}': contact.lastname,
		'{contact_email}': contact.email,
		'{contact_phone_number}': contact.phone,
		'{contact_id}': String(contact.id),
		// The API runs without a current tenant, so the company name comes out empty.
		'{company_name}': '',
	};
}

/** The contact's merge tokens replaced (a free-form text gets only this). */
function replaceMergeTokens(text, contact) {
	let s = text;
	for (const [token, value] of Object.entries(mergeTokens(contact))) s = s.split(token).join(value);
	return s;
}

function rewrite(value, contact) {
	let s = value === undefined || value === null ? '' : String(value);
	s = replaceMergeTokens(s.replace(/@\{(.*?)\}/g, '{$1}'), contact);
	s = s.replace(/\{otp_code\}/g, () => otpCode(6));
	s = s.replace(/\s+/g, ' ').trim();
	return s === '' || s === '0' ? ' ' : s;
}

function fit(values, count, contact) {
	return Array.from({ length: count }, (_, i) => rewrite(values[i], contact));
}

/** { header, body }: the text parameters WhatsApp receives. */
function whatsappParams(template, values, contact) {
	const present = [];
	for (let i = 1; i <= 10; i++) if (values[`field_${i}`] !== undefined) present.push(values[`field_${i}`]);
	const header = template.header_data_format === 'TEXT' && values.header_field_1 !== undefined ? [values.header_field_1] : [];
	return {
		header: fit(header, template.header_data_format === 'TEXT' ? template.header_params_count : 0, contact),
		body: fit(present, template.body_params_count, contact),
	};
}

module.exports = { applyOtp, missingParts, missingFields, whatsappParams, rewrite, replaceMergeTokens, isOn };
