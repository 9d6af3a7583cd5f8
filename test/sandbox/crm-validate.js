'use strict';
/**
 * Laravel's rules for the contacts APIs' writes, in its wording (both generations). Unlike a
 * send's, an empty optional value passes here as null (Laravel's ConvertEmptyStringsToNull):
 * a record read and sent back whole carries nulls, and the platform takes them.
 *
 * fieldErrors(input, rules, { partial, types }) -> { field: [messages] } (empty: none)
 * rules: { name: { type: 'string'|'integer'|'boolean'|'ids', required, max, min, email, in, color } }
 * `partial`: PATCH (a missing required field is fine); `types`: the values of an `in` rule.
 */
const { valueMessages, isEmpty, attr } = require('./validate');

function idsMessages(name, value) {
	if (!Array.isArray(value)) return [`The ${attr(name)} field must be an array.`];
	return value.some((v) => !Number.isInteger(v)) ? [`The ${attr(name)}.* field must be an integer.`] : [];
}

function ruleMessages(name, rule, value, types) {
	if (rule.type === 'ids') return idsMessages(name, value);
	if (rule.in) return typeof value === 'string' && types.includes(value) ? [] : [`The selected ${attr(name)} is invalid.`];
	const out = valueMessages(name, rule, value);
	if (rule.type === 'string' && typeof value === 'string' && rule.min && [...value].length < rule.min) {
		out.push(`The ${attr(name)} field must be at least ${rule.min} characters.`);
	}
	if (rule.color && typeof value === 'string' && !/^#[0-9a-fA-F]{6}$/.test(value)) out.push(`The ${attr(name)} field format is invalid.`);
	return out;
}

function fieldErrors(input, rules, { partial = false, types = [] } = {}) {
	const errors = {};
	for (const [name, rule] of Object.entries(rules)) {
		const present = Object.prototype.hasOwnProperty.call(input, name);
		const value = present ? input[name] : undefined;
		let messages = [];
		if (!present || isEmpty(value)) {
			if (rule.required && (present || !partial)) messages = [`The ${attr(name)} field is required.`];
		} else messages = ruleMessages(name, rule, value, types);
		if (messages.length) errors[name] = messages;
	}
	return errors;
}

/** Add `message` to `field` unless it has errors already (Laravel stops a field at its first failing rule set). */
function addOnce(errors, field, message) {
	if (!errors[field]) errors[field] = [message];
}

const taken = (field) => `The ${attr(field)} has already been taken.`;

module.exports = { fieldErrors, addOnce, taken };
