'use strict';
/**
 * The platform as the sandbox knows it: WhatsMark SaaS API v1 as Xobito runs it
 * (/work/shared/api/CONTRACT.md). This is the sandbox's OWN table of routes, wire
 * names and rules. It is written from the contract, never imported from the node,
 * so that a wrong wire name in the node shows up as a refusal here.
 */

const { CRM_ROUTES, CRM_ABILITIES } = require('./crm-platform');

const API_PREFIX = '/api/v1';
/** The workspace (tenant) the tokens belong to and whose API is enabled. */
const SUBDOMAIN = 'acme';
const TENANT_ID = 7;

/** Built-in workspaces. `api`: 'enabled' | 'disabled' | null (API never set up). */
const WORKSPACES = Object.freeze({
	[SUBDOMAIN]: { api: 'enabled' },
	noapi: { api: null },
	disabled: { api: 'disabled' },
});

/** Route table, relative to `{prefix}/api/v1/{subdomain}/`. */
const ROUTES = Object.freeze([
	Object.freeze({ name: 'templates.list', method: 'GET', path: 'templates', ability: 'templates.read' }),
	Object.freeze({ name: 'templates.show', method: 'GET', path: 'templates/{id}', ability: 'templates.read' }),
	Object.freeze({ name: 'messages.template', method: 'POST', path: 'messages/template', ability: 'messages.send' }),
	// Free-form messages of the 24-hour window (chat-platform.js).
	Object.freeze({ name: 'messages.send', method: 'POST', path: 'messages/send', ability: 'messages.send' }),
	Object.freeze({ name: 'messages.media', method: 'POST', path: 'messages/media', ability: 'messages.send' }),
	// Contacts, groups, statuses, sources (crm-platform.js).
	...CRM_ROUTES,
]);

/** What each kind of sandbox token may do. */
const TOKEN_ABILITIES = Object.freeze({
	send: Object.freeze(['messages.send', 'templates.read', ...CRM_ABILITIES]),
	noSend: Object.freeze(['templates.read']),
	noTemplates: Object.freeze(['messages.send']),
	// Reads contacts but may not write them (the abilities contacts.create|update|delete missing).
	contactsReadOnly: Object.freeze(['templates.read', 'contacts.read', 'groups.read', 'statuses.read', 'sources.read']),
});

/**
 * Stable tokens for `npm run sandbox`: the stock form (64 hex) and Xobito's
 * `apitk_` form, so both shapes are exercised. The token is opaque either way.
 */
const DEMO_TOKENS = Object.freeze({
	send: '3f9a1c7e5b2d4f608a1e9c3b7d5f2a4c6e8b0d1f3a5c7e9b2d4f6a8c0e1b3d5f',
	noSend: 'apitk_demo_nosend_0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d',
	noTemplates: 'apitk_demo_notemplates_5d6c7b8a9f0e1d2c3b4a5f6e7d8c9b0a',
	contactsReadOnly: 'apitk_demo_contactsro_8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b',
});

const KB = 1024;
/** Upload limits of the header file fields, in bytes (1 KB = 1024 B; exactly at the limit passes). */
const FILE_LIMITS = Object.freeze({
	header_image_file: 5120 * KB,
	header_video_file: 16384 * KB,
	header_document_file: 102400 * KB,
});

/**
 * Header media kinds. `extensions`: what every version accepts; `jpg` is accepted
 * only from platform 2.2.0 on (config.acceptJpg).
 */
const MEDIA = Object.freeze({
	image: { format: 'IMAGE', url: 'header_image_url', file: 'header_image_file', extensions: ['jpeg', 'png'] },
	video: { format: 'VIDEO', url: 'header_video_url', file: 'header_video_file', extensions: ['mp4', '3gp'] },
	document: {
		format: 'DOCUMENT',
		url: 'header_document_url',
		file: 'header_document_file',
		extensions: ['pdf', 'doc', 'docx', 'txt', 'xls', 'xlsx', 'ppt', 'pptx'],
	},
});
const MEDIA_FIELDS = Object.freeze(Object.values(MEDIA).flatMap((m) => [m.url, m.file]));

/**
 * The send fields both API generations have with the same rules (CONTRACT-v2.md: the same
 * header media, positional field_1..field_10 and button_0..button_2 as v1).
 */
const SHARED_SEND_FIELDS = {};
for (const m of Object.values(MEDIA)) {
	SHARED_SEND_FIELDS[m.url] = { type: 'url' };
	SHARED_SEND_FIELDS[m.file] = { type: 'file', maxBytes: FILE_LIMITS[m.file] };
}
for (let i = 1; i <= 10; i++) SHARED_SEND_FIELDS[`field_${i}`] = { type: 'string' };
for (let i = 0; i <= 2; i++) SHARED_SEND_FIELDS[`button_${i}`] = { type: 'string' };
Object.freeze(SHARED_SEND_FIELDS);

/**
 * Body fields of POST messages/template, one entry per wire name.
 * type: string | url | file | boolean | integer | object. `between`/`max` in
 * characters (strings) or value (integers).
 */
const SEND_FIELDS = {
	phone_number: { type: 'string', required: true, between: [8, 15], phone: true },
	template_name: { type: 'string', required: true },
	template_language: { type: 'string', required: true, between: [2, 10] },
	from_phone_number_id: { type: 'string' },
	header_document_name: { type: 'string', max: 255 },
	header_field_1: { type: 'string' },
	copy_code: { type: 'string', max: 100 },
	auto_generate_otp: { type: 'boolean' },
	otp_length: { type: 'integer', between: [4, 10] },
	otp_field_number: { type: 'integer', between: [1, 10] },
	contact: { type: 'object' },
	...SHARED_SEND_FIELDS,
};
Object.freeze(SEND_FIELDS);

/** Keys of the `contact` object. status_id / source_id are checked against the workspace later. */
const CONTACT_FIELDS = Object.freeze({
	firstname: { type: 'string', max: 255 },
	lastname: { type: 'string', max: 255 },
	email: { type: 'string', max: 191, email: true },
	country: { type: 'string', max: 100 },
	assigned_id: { type: 'integer' },
	groups: { type: 'string' },
	status_id: { type: 'any' },
	source_id: { type: 'any' },
});

/** The defaults of a contact a send creates (the workspace's lists: crm-platform.js). */
const DEFAULT_STATUS_ID = 1;
const DEFAULT_SOURCE_ID = 2;

/** Country short names the platform resolves (a small subset); others are dropped silently. */
const COUNTRIES = Object.freeze(['Brazil', 'France', 'Germany', 'India', 'Spain', 'United Kingdom', 'United States']);

/** Contacts of the workspace before any send (reset() restores them). */
const SEED_CONTACTS = Object.freeze([
	{ id: 1, phone: '+4915112345678', firstname: 'Ana', lastname: 'Silva', email: 'ana@example.com', country: 'Germany' },
	{ id: 2, phone: '+447700900123', firstname: 'Ben', lastname: 'Jones', email: '', country: 'United Kingdom' },
	{ id: 3, phone: '+919909919284', firstname: 'Chitra', lastname: 'Rao', email: 'chitra@example.in', country: 'India' },
	{ id: 4, phone: '+5511987654321', firstname: 'Duda', lastname: '', email: '', country: 'Brazil' },
	// Stored through v1's contacts API or an import, verbatim: v1 sends find them by suffix, v2 sends do not.
	{ id: 5, phone: '4917655500005', firstname: 'Emma', lastname: 'Wolf', email: 'emma@example.de', country: 'Germany', group_id: [1] },
	{ id: 6, phone: '004917655500006', firstname: 'Finn', lastname: 'Berg', email: '', country: 'Germany' },
	{ id: 7, phone: '+49 176 5550 0007', firstname: 'Greta', lastname: 'Lang', email: '', country: 'Germany', group_id: [1, 2] },
]);

/** Fixed texts of the platform's answers. */
const TEXT = Object.freeze({
	invalidTenant: 'Invalid tenant subdomain',
	apiNotSetUp: 'API settings not found for this tenant',
	apiDisabled: 'API access is disabled',
	tokenRequired: 'API token is required',
	tokenInvalid: 'Invalid API token',
	missingAbility: 'Token does not have the required ability: ',
	tooManyRequests: 'Too many requests',
	validationFailed: 'Validation failed',
	templateNotFound: 'Template not found',
	templateValidationFailed: 'Template validation failed',
	sent: 'Template sent successfully',
});

module.exports = {
	API_PREFIX,
	SUBDOMAIN,
	TENANT_ID,
	WORKSPACES,
	ROUTES,
	TOKEN_ABILITIES,
	DEMO_TOKENS,
	FILE_LIMITS,
	MEDIA,
	MEDIA_FIELDS,
	SHARED_SEND_FIELDS,
	SEND_FIELDS,
	CONTACT_FIELDS,
	DEFAULT_STATUS_ID,
	DEFAULT_SOURCE_ID,
	COUNTRIES,
	SEED_CONTACTS,
	TEXT,
};
