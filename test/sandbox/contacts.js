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
const { SEED_CONTACTS, DEFAULT_STATUS_ID, DEFAULT_SOURCE_ID, COUNTRIES } = require('./platform');
const R = require('./responses');

/** The columns a contact has beyond what a send sets (the contacts APIs write them; crm.js). */
const BLANK = Object.freeze({ company: null, description: null, city: null, state: null, zip: null, address: null, country_id: null, group_id: [] });
/** Stored contacts are dated a minute apart from here (seeds), then by the clock. */
const SEEDED_AT = Date.UTC(2026, 10, 2, 8, 0, 0);

function seedContact(c) {
	const at = SEEDED_AT + c.id * 60_000;
	return {
		id: c.id, phone: c.phone, firstname: c.firstname, lastname: c.lastname, email: c.email, country: c.country, assigned_id: null,
		status_id: DEFAULT_STATUS_ID, source_id: 1, type: 'lead', ...BLANK, group_id: [...(c.group_id || [])], created_at: at, updated_at: at,
	};
}

/** A country name must match a short name after ucfirst; a digit string is taken as an id; else dropped. */
function resolveCountry(value) {
	if (typeof value !== 'string') return null;
	if (/^\d+$/.test(value)) return value;
	const name = value.charAt(0).toUpperCase() + value.slice(1);
	return COUNTRIES.includes(name) ? name : null;
}

class ContactBook {
	/** `lists`: the workspace's statuses, sources and groups (crm.js), which new contacts must name. */
	constructor(lists) {
		this.list = [];
		this.lists = lists;
		this.reset();
	}

	reset() {
		this.list.length = 0;
		for (const c of SEED_CONTACTS) this.list.push(seedContact(c));
		this.nextId = 100;
	}

	/** Store a new contact with the next id, dated now (the contacts APIs and seeding use it). */
	insert(fields, at = Date.now()) {
		const contact = { ...seedContact({ firstname: '', lastname: '', email: '', country: null, id: this.nextId++ }), source_id: DEFAULT_SOURCE_ID, ...fields };
		contact.created_at = at;
		contact.updated_at = at;
		this.list.push(contact);
		return contact;
	}

	remove(contact) {
		this.list.splice(this.list.indexOf(contact), 1);
	}

	/** Another contact whose phone is exactly `phone` (the database's unique check), or null. */
	phoneTaken(phone, exceptId) {
		return this.list.find((c) => c.phone === phone && c.id !== exceptId) || null;
	}

	/** Another contact with this e-mail (MySQL's case-insensitive collation), or null. */
	emailTaken(email, exceptId) {
		const e = String(email).toLowerCase();
		return this.list.find((c) => c.email && c.email.toLowerCase() === e && c.id !== exceptId) || null;
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
		if (given.status_id !== undefined && !this.lists.find('statuses', given.status_id)) errors.status_id = ['The selected status id is invalid.'];
		if (given.source_id !== undefined && !this.lists.find('sources', given.source_id)) errors.source_id = ['The selected source id is invalid.'];
		if (Object.keys(errors).length) return { answer: R.validation(errors) };
		const contact = this.insert({
			phone,
			firstname: given.firstname || phone,
			lastname: given.lastname || '',
			email: given.email || '',
			country: resolveCountry(given.country),
			assigned_id: given.assigned_id !== undefined ? Number(given.assigned_id) : null,
			// Names, each found or created in the workspace's groups.
			group_id: typeof given.groups === 'string' ? this.lists.groupIds(given.groups) : [],
			status_id: given.status_id !== undefined ? Number(given.status_id) : DEFAULT_STATUS_ID,
			source_id: given.source_id !== undefined ? Number(given.source_id) : DEFAULT_SOURCE_ID,
		});
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
		const { optedOut, ...fields } = given;
		const contact = this.insert(fields);
		if (optedOut) contact.optedOut = true;
		return contact;
	}
}

module.exports = { ContactBook };
