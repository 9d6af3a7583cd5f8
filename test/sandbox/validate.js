'use strict';
/**
 * Laravel-style validation of the send body (rules from CONTRACT.md, strict on
 * purpose: unknown fields are prohibited and empty values refused, which
 * catches wire-name typos and empty optional fields sent by the node).
 *
 * validate({ fields, files, truncated }) → null | { field: [messages] }
 *   fields:    top-level values (JSON object, or rebuilt multipart text parts)
 *   files:     [{ field, filename, mimeType, size, sha256 }] (multipart file parts)
 *   truncated: names of multipart text parts cut at the field size limit
 */
const { FILE_LIMITS, HEADER_MEDIA_FIELDS } = require('./fixtures');
const { baseName } = require('./brackets');

const TEXT_MAX = 1024;

/** The rule table: one entry per wire name. */
const RULES = {
	phone: { required: true, between: [8, 15], digits: true },
	template_name: { required: true, max: 255 },
	template_language: { required: true, between: [2, 10] },
	phone_number_id: { digits: true, max: 64 },
	header_image_url: { url: true, max: 2048 },
	header_video_url: { url: true, max: 2048 },
	header_document_url: { url: true, max: 2048 },
	header_image: { file: true, maxBytes: FILE_LIMITS.header_image },
	header_video: { file: true, maxBytes: FILE_LIMITS.header_video },
	header_document: { file: true, maxBytes: FILE_LIMITS.header_document },
	header_document_filename: { max: 255, needsDocument: true },
	header_text: { max: TEXT_MAX },
	otp: { max: 100 },
	contact: { object: true },
};
for (let i = 1; i <= 10; i++) RULES[`body_${i}`] = { max: TEXT_MAX };
for (let i = 0; i <= 2; i++) RULES[`button_${i}`] = { max: TEXT_MAX };

const attr = (name) => name.replace(/_/g, ' ');
const length = (s) => [...s].length;

function isHttpUrl(value) {
	if (/\s/.test(value)) return false;
	try {
		const url = new URL(value);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
	} catch {
		return false;
	}
}

const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Messages for a text (non-file) value of a string field. */
function stringMessages(name, rule, value) {
	const a = attr(name);
	if (typeof value !== 'string') return [`The ${a} field must be a string.`];
	if (value === '') return [`The ${a} field must not be empty.`];
	const out = [];
	const len = length(value);
	if (rule.between && (len < rule.between[0] || len > rule.between[1])) {
		out.push(`The ${a} field must be between ${rule.between[0]} and ${rule.between[1]} characters.`);
	}
	if (rule.max && len > rule.max) out.push(`The ${a} field must not be greater than ${rule.max} characters.`);
	if (rule.digits && !/^[0-9]+$/.test(value)) out.push(`The ${a} field format is invalid.`);
	if (rule.url && !isHttpUrl(value)) out.push(`The ${a} field must be a valid URL.`);
	return out;
}

function fileMessages(name, file) {
	const a = attr(name);
	if (file.size === 0) return [`The ${a} field must not be empty.`];
	const limit = RULES[name].maxBytes;
	if (file.size > limit) return [`The ${a} field must not be greater than ${limit / 1024} kilobytes.`];
	return [];
}

function validate({ fields, files = [], truncated = [] }) {
	const errors = {};
	const add = (name, messages) => {
		if (messages.length === 0) return;
		errors[name] = [...(errors[name] || []), ...messages.filter((m) => !(errors[name] || []).includes(m))];
	};

	// File parts: the last one per field wins (as PHP's $_FILES); a file replaces a text value.
	const fileByField = new Map();
	for (const f of files) {
		const base = baseName(f.field);
		if (base !== f.field) {
			// A bracketed file part (`contact[avatar]`, `header_image[0]`).
			if (base === 'contact') add('contact', ['The contact field must not contain files.']);
			else if (RULES[base] && RULES[base].file) add(base, [`The ${attr(base)} field must be a file.`]);
			else if (RULES[base]) add(base, [`The ${attr(base)} field must be a string.`]);
			else add(base, [`The ${attr(base)} field is prohibited.`]);
			continue;
		}
		fileByField.set(f.field, f);
	}

	const names = new Set([...Object.keys(fields), ...fileByField.keys()]);
	for (const name of names) {
		const rule = RULES[name];
		if (!rule) {
			add(name, [`The ${attr(name)} field is prohibited.`]);
			continue;
		}
		const file = fileByField.get(name);
		if (rule.file) {
			add(name, file ? fileMessages(name, file) : [`The ${attr(name)} field must be a file.`]);
		} else if (rule.object) {
			const value = fields[name];
			if (file || !isPlainObject(value)) add(name, [`The ${attr(name)} field must be an object.`]);
			else if (Object.keys(value).length === 0) add(name, [`The ${attr(name)} field must not be empty.`]);
		} else if (file) {
			add(name, [`The ${attr(name)} field must be a string.`]);
		} else {
			add(name, stringMessages(name, rule, fields[name]));
		}
	}

	for (const name of new Set(truncated.map(baseName))) {
		if (RULES[name]) add(name, [`The ${attr(name)} field is too large.`]);
	}

	for (const [name, rule] of Object.entries(RULES)) {
		if (rule.required && !names.has(name)) add(name, [`The ${attr(name)} field is required.`]);
	}

	const media = HEADER_MEDIA_FIELDS.filter((n) => names.has(n));
	if (media.length > 1) for (const n of media) add(n, ['Only one header media may be given.']);

	if (names.has('header_document_filename') && !names.has('header_document') && !names.has('header_document_url')) {
		add('header_document_filename', [
			'The header document filename field is prohibited unless header document or header document url is present.',
		]);
	}

	return Object.keys(errors).length > 0 ? errors : null;
}

module.exports = { validate, RULES };
