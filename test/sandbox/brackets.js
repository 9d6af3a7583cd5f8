'use strict';
/**
 * Rebuild bracketed form field names (`contact[first_name]`,
 * `contact[custom_fields][plan]`, `contact[groups][0]`, `contact[tags][]`) into
 * nested values the way PHP fills $_POST (which Laravel reads):
 * - a numeric key (`0`, `12`, not `01`) is an integer key, `[]` appends at
 *   max integer key + 1;
 * - a later scalar replaces an earlier array and vice versa; duplicates: last wins;
 * - text after a closing bracket that is not `[` is ignored; a name with an
 *   unclosed `[` is kept literally (it then fails as an unknown field).
 * An array whose keys are exactly 0..n-1 in insertion order becomes a JS array,
 * any other an object.
 */

class PhpArray {
	constructor() {
		this.entries = new Map();
		this.nextIndex = 0;
	}

	set(key, value) {
		if (key === null) key = this.nextIndex;
		if (typeof key === 'number' && key >= this.nextIndex) this.nextIndex = key + 1;
		this.entries.set(key, value);
	}

	get(key) {
		return this.entries.get(key);
	}
}

const INT_KEY = /^(0|-?[1-9][0-9]{0,15})$/;

function normalizeKey(key) {
	return INT_KEY.test(key) ? Number(key) : key;
}

/** Split `a[b][][c]` into ['a', 'b', null, 'c'] (null = append); null when the name has no base. */
function splitName(name) {
	const open = name.indexOf('[');
	if (open === -1) return [name];
	const base = name.slice(0, open);
	if (base === '') return null;
	const close = name.indexOf(']', open);
	if (close === -1) return [name];
	const keys = [base];
	let rest = name.slice(open);
	while (rest.startsWith('[')) {
		const end = rest.indexOf(']');
		if (end === -1) break;
		const inner = rest.slice(1, end);
		keys.push(inner === '' ? null : normalizeKey(inner));
		rest = rest.slice(end + 1);
	}
	return keys;
}

/** Assign one (name, value) pair into `root` (a PhpArray). */
function assign(root, name, value) {
	const keys = splitName(name);
	if (!keys) return;
	let node = root;
	for (let i = 0; i < keys.length - 1; i++) {
		const key = keys[i] === null ? node.nextIndex : keys[i];
		let child = node.get(key);
		if (!(child instanceof PhpArray)) {
			child = new PhpArray();
			node.set(key, child);
		}
		node = child;
	}
	node.set(keys[keys.length - 1], value);
}

function toPlain(value) {
	if (!(value instanceof PhpArray)) return value;
	const keys = [...value.entries.keys()];
	if (keys.every((k, i) => k === i)) return keys.map((k) => toPlain(value.get(k)));
	const out = {};
	for (const [k, v] of value.entries) out[String(k)] = toPlain(v);
	return out;
}

/**
 * Build the nested fields object from ordered [name, value] pairs.
 * The top level is always an object.
 */
function rebuild(pairs) {
	const root = new PhpArray();
	for (const [name, value] of pairs) assign(root, name, value);
	const out = {};
	for (const [k, v] of root.entries) out[String(k)] = toPlain(v);
	return out;
}

/** The top-level field a bracketed name belongs to (`contact[a][b]` → `contact`). */
function baseName(name) {
	const keys = splitName(name);
	return keys ? String(keys[0]) : name;
}

module.exports = { rebuild, baseName, splitName };
