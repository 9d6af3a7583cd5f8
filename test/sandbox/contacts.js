'use strict';
/**
 * The workspace's contacts, and how a send finds or creates one (platform-notes §3, §10):
 * - the phone is matched by SUFFIX: any contact whose phone ends with `+digits` or
 *   `digits` is "the" contact, and its phone is then rewritten to `+digits`;
 * - an existing contact is never updated from `contact`;
 * - a new one is created from `contact` (firstname defaults to `+digits`), before the
 *   send is attempted, so it stays when the send then fails;
 * - status_id / source_id must exist in the workspace (422 otherwise).
 * API v2 sends match EXACTLY on `+digits` (findExact) and create a lead named by its digits
 * (createLead), so a contact stored as `4915...` is not found there and a second one appears.
 */
const { SEED_CONTACTS, STATUSES, SOURCES, DEFAULT_STATUS_ID, DEFAULT_SOURCE_ID, COUNTRIES } = require('./platform');
const R = require('./responses');

function seedContact(c) {
	return { id: c.id, phone: c.phone, firstname: c.firstname, lastname: c.lastname, email: c.email, country: c.country, assigned_id: null, groups: [], status_id: DEFAULT_STATUS_ID, source_id: 1, type: 'lead' };
}

/** A country name must match a short name after ucfirst; a digit string is taken as an id; else dropped. */
function resolveCountry(value) {
	if (typeof value !== 'string') return null;
	if (/^\d+$/.test(value)) return value;
	const name = value.charAt(0).toUpperCase() + value.slice(1);
	return COUNTRIES.includes(name) ? name : null;
}

class ContactBook {
	constructor() {
		this.list = [];
		this.reset();
	}

	reset() {
		this.list.length = 0;
		for (const c of SEED_CONTACTS) this.list.push(seedContact(c));
		this.nextId = 100;
	}

	/** Returns { answer } (422) or { contact, created }. `digits`: the phone without anything else. */
	findOrCreate(digits, input) {
		const phone = `+${digits}`;
		const existing = this.list.find((c) => c.phone.endsWith(phone) || c.phone.endsWith(digits));
		if (existing) {
			existing.phone = phone;
			return { contact: existing, created: false };
		}
		const given = input && typeof input === 'object' ? input : {};
		const errors = {};
		if (given.status_id !== undefined && !STATUSES[String(given.status_id)]) errors.status_id = ['The selected status id is invalid.'];
		if (given.source_id !== undefined && !SOURCES[String(given.source_id)]) errors.source_id = ['The selected source id is invalid.'];
		if (Object.keys(errors).length) return { answer: R.validation(errors) };
		const contact = {
			id: this.nextId++,
			phone,
			firstname: given.firstname || phone,
			lastname: given.lastname || '',
			email: given.email || '',
			country: resolveCountry(given.country),
			assigned_id: given.assigned_id !== undefined ? Number(given.assigned_id) : null,
			groups: typeof given.groups === 'string' ? given.groups.split(',').map((g) => g.trim()).filter(Boolean) : [],
			status_id: given.status_id !== undefined ? Number(given.status_id) : DEFAULT_STATUS_ID,
			source_id: given.source_id !== undefined ? Number(given.source_id) : DEFAULT_SOURCE_ID,
			type: 'lead',
		};
		this.list.push(contact);
		return { contact, created: true };
	}

	/** The contact whose phone is exactly `phone` (v2's lookup), or null. */
	findExact(phone) {
		return this.list.find((c) => c.phone === phone) || null;
	}

	findById(id) {
		return this.list.find((c) => c.id === id) || null;
	}

	/** v2's new contact: a lead named by its digits, phone `+digits`, the workspace's defaults. */
	createLead(digits) {
		return this.add({ phone: `+${digits}`, firstname: digits });
	}

	/** A contact stored exactly as given (as the contacts API or an import would store it). */
	add(given) {
		if (typeof given.phone !== 'string' || given.phone === '') throw new TypeError('addContact: phone (a string) is required');
		const contact = { ...seedContact({ firstname: '', lastname: '', email: '', country: null, ...given, id: this.nextId++ }), source_id: DEFAULT_SOURCE_ID };
		if (given.optedOut) contact.optedOut = true;
		this.list.push(contact);
		return contact;
	}
}

module.exports = { ContactBook };
