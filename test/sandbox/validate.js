'use strict';
/**
 * Laravel-style validation of a template send (the Validator step, answered as
 * 422 "Validation failed" with errors.{field}[]), in Laravel's wording.
 *
 * Stricter than the real platform ON PURPOSE, to catch node bugs that the platform
 * would silently swallow:
 * - unknown top-level fields and unknown contact keys are prohibited (the platform
 *   ignores them, so a misspelt wire name would go unnoticed);
 * - an empty, blank or null optional value is refused: the node must not send empty fields
 *   (a value of exactly '0' passes, as on the platform, which then sends a blank);
 * - phone_number must be digits only, without a leading 0 (our [decided] rule);
 * - a header URL must be http(s); at most one header medium; header_document_name
 *   only with a document.
 *
 * validate({ fields, files, truncated }, rules?) -> null | { field: [messages] }
 * `rules`: { send, contact, media, mediaMessage? } of an endpoint's table (default v1's template send).
 * Rule keys beyond type/required/between/max: `in` (a list of values), `list` items (`item`: a table
 * per item, nested as `buttons.0.title`; `min`/`max` items), and the cross-field ones Laravel
 * has: `requiredIf: [field, value]`, `requiredWithout: field`, `onlyWith: [field, value]` (prohibited
 * otherwise, the sandbox's strictness).
 */
const { SEND_FIELDS, CONTACT_FIELDS, MEDIA_FIELDS } = require('./platform');
const { baseName } = require('./brackets');

const V1_RULES = Object.freeze({ send: SEND_FIELDS, contact: CONTACT_FIELDS, media: MEDIA_FIELDS });

const attr = (name) => name.replace(/_/g, ' ');
const length = (s) => [...s].length;
const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
// Laravel trims strings and turns empty ones into null before validating.
const isEmpty = (v) => v === null || (typeof v === 'string' && v.trim() === '');
const BOOLEANS = [true, false, 0, 1, '0', '1'];

function isHttpUrl(value) {
	if (/\s/.test(value)) return false;
	try {
		const url = new URL(value);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
	} catch {
		return false;
	}
}

/** Laravel's `integer` rule: an integer, or a string of one. */
const isInteger = (v) => (typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && /^[+-]?\d+$/.test(v));

const requiredMessage = (name, rule) => rule.requiredMessage || `The ${attr(name)} field is required.`;

/** Messages for one non-file value under `rule`; `name` is the error key. */
function valueMessages(name, rule, value) {
	const a = attr(name);
	if (isEmpty(value)) return [rule.required ? requiredMessage(name, rule) : `The ${a} field must not be empty.`];
	switch (rule.type) {
		case 'boolean':
			return BOOLEANS.includes(value) ? [] : [`The ${a} field must be true or false.`];
		case 'integer': {
			if (!isInteger(value)) return [`The ${a} field must be an integer.`];
			const n = Number(value);
			if (rule.between && (n < rule.between[0] || n > rule.between[1])) {
				return [`The ${a} field must be between ${rule.between[0]} and ${rule.between[1]}.`];
			}
			if (rule.min !== undefined && n < rule.min) return [`The ${a} field must be at least ${rule.min}.`];
			if (rule.max !== undefined && n > rule.max) return [`The ${a} field must not be greater than ${rule.max}.`];
			return [];
		}
		case 'any':
			return typeof value === 'string' || typeof value === 'number' ? [] : [`The ${a} field is invalid.`];
		case 'object':
			if (!isPlainObject(value)) return [`The ${a} field must be an object.`];
			return Object.keys(value).length === 0 ? [`The ${a} field must not be empty.`] : [];
		case 'file':
			return [`The ${a} field must be a file.`];
		case 'list':
			return listMessages(a, rule, value);
		default:
			break; // string, url
	}
	if (typeof value !== 'string') return [`The ${a} field must be a string.`];
	if (rule.in && !rule.in.includes(value)) return [`The selected ${a} is invalid.`];
	const out = [];
	const len = length(value);
	if (rule.between && (len < rule.between[0] || len > rule.between[1])) {
		out.push(`The ${a} field must be between ${rule.between[0]} and ${rule.between[1]} characters.`);
	}
	if (rule.max && len > rule.max) out.push(`The ${a} field must not be greater than ${rule.max} characters.`);
	if (rule.phone && !/^[1-9][0-9]*$/.test(value)) out.push(`The ${a} field format is invalid.`);
	if (rule.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) out.push(`The ${a} field must be a valid email address.`);
	if (rule.type === 'url' && !isHttpUrl(value)) out.push(`The ${a} field must be a valid URL.`);
	return out;
}

/** A list's own messages (an array, its item count); its items are checked by addItems. */
function listMessages(a, rule, value) {
	if (!Array.isArray(value)) return [`The ${a} field must be an array.`];
	if (rule.min !== undefined && value.length < rule.min) return [`The ${a} field must have at least ${rule.min} items.`];
	if (rule.max !== undefined && value.length > rule.max) return [`The ${a} field must not have more than ${rule.max} items.`];
	return [];
}

/** Each item of a list under its table, as Laravel's `buttons.*.title` rules name them (`buttons.0.title`). */
function addItems(name, rule, value, add) {
	if (!Array.isArray(value)) return;
	value.forEach((item, i) => {
		const at = `${name}.${i}`;
		if (!isPlainObject(item)) return add(at, [`The ${attr(at)} field must be an object.`]);
		for (const [key, itemRule] of Object.entries(rule.item)) {
			if (itemRule.required && !(key in item)) add(`${at}.${key}`, [requiredMessage(`${at}.${key}`, itemRule)]);
		}
		for (const [key, v] of Object.entries(item)) {
			const itemRule = rule.item[key];
			const n = `${at}.${key}`;
			if (!itemRule) add(n, [`The ${attr(n)} field is prohibited.`]);
			else {
				add(n, valueMessages(n, itemRule, v));
				if (itemRule.type === 'list') addItems(n, itemRule, v, add);
			}
		}
	});
}

/** Laravel's required_if / required_without, and the sandbox's onlyWith (prohibited unless). */
function crossMessages(name, rule, fields, names) {
	const a = attr(name);
	if (rule.requiredIf && !names.has(name) && fields[rule.requiredIf[0]] === rule.requiredIf[1]) {
		return [`The ${a} field is required when ${attr(rule.requiredIf[0])} is ${rule.requiredIf[1]}.`];
	}
	if (rule.requiredWithout && !names.has(name) && !names.has(rule.requiredWithout)) {
		return [`The ${a} field is required when ${attr(rule.requiredWithout)} is not present.`];
	}
	if (rule.onlyWith && names.has(name) && fields[rule.onlyWith[0]] !== rule.onlyWith[1]) {
		return [`The ${a} field is prohibited unless ${attr(rule.onlyWith[0])} is ${rule.onlyWith[1]}.`];
	}
	return [];
}

function fileMessages(name, rule, file) {
	const a = attr(name);
	if (file.size === 0) return [`The ${a} field must not be empty.`];
	if (file.size > rule.maxBytes) return [`The ${a} field must not be greater than ${rule.maxBytes / 1024} kilobytes.`];
	return [];
}

function validate({ fields, files = [], truncated = [] }, rules = V1_RULES) {
	const table = rules.send;
	const errors = {};
	const add = (name, messages) => {
		if (messages.length === 0) return;
		const list = errors[name] || (errors[name] = []);
		for (const m of messages) if (!list.includes(m)) list.push(m);
	};

	// File parts: the last one per field wins (as PHP's $_FILES); a file replaces a text value.
	const fileByField = new Map();
	for (const f of files) {
		const base = baseName(f.field);
		if (base === f.field) {
			fileByField.set(f.field, f);
			continue;
		}
		// A bracketed file part (`contact[avatar]`, `header_image_file[0]`).
		const rule = table[base];
		if (!rule) add(base, [`The ${attr(base)} field is prohibited.`]);
		else if (base === 'contact') add('contact', ['The contact field must not contain files.']);
		else add(base, [rule.type === 'file' ? `The ${attr(base)} field must be a file.` : `The ${attr(base)} field must be a string.`]);
	}

	const names = new Set([...Object.keys(fields), ...fileByField.keys()]);
	for (const name of names) {
		const rule = table[name];
		if (!rule) {
			add(name, [`The ${attr(name)} field is prohibited.`]);
			continue;
		}
		const file = fileByField.get(name);
		if (rule.type === 'file') add(name, file ? fileMessages(name, rule, file) : [`The ${attr(name)} field must be a file.`]);
		else if (file) add(name, [rule.type === 'object' ? `The ${attr(name)} field must be an object.` : `The ${attr(name)} field must be a string.`]);
		else {
			add(name, valueMessages(name, rule, fields[name]));
			if (rule.type === 'list') addItems(name, rule, fields[name], add);
		}
	}

	const contact = fields.contact;
	if (rules.contact && !fileByField.has('contact') && isPlainObject(contact)) {
		for (const [key, value] of Object.entries(contact)) {
			const rule = rules.contact[key];
			const name = `contact.${key}`;
			add(name, rule ? valueMessages(name, rule, value) : [`The ${attr(name)} field is prohibited.`]);
		}
	}

	for (const name of new Set(truncated.map(baseName))) {
		if (table[name]) add(name, [`The ${attr(name)} field is too large.`]);
	}

	for (const [name, rule] of Object.entries(table)) {
		if (rule.required && !names.has(name)) add(name, [requiredMessage(name, rule)]);
		add(name, crossMessages(name, rule, fields, names));
	}

	const media = rules.media.filter((n) => names.has(n));
	if (media.length > 1) for (const n of media) add(n, [rules.mediaMessage || 'Only one header medium may be given.']);

	if (names.has('header_document_name') && !names.has('header_document_file') && !names.has('header_document_url')) {
		add('header_document_name', [
			'The header document name field is prohibited unless header document file or header document url is present.',
		]);
	}

	return Object.keys(errors).length > 0 ? errors : null;
}

module.exports = { validate, isInteger, valueMessages, isEmpty, attr };
