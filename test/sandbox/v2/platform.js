'use strict';
/**
 * The platform's second generation as the sandbox knows it: WhatsMark SaaS API v2
 * (/work/shared/api/CONTRACT-v2.md). The sandbox's OWN table of v2's routes, scopes, error
 * codes, wire names and texts, written from the contract (and the evidence beside it), never
 * imported from the node. What is truly the same as v1 (the header media with their upload
 * limits, field_N, button_N) comes from v1's table, so that the two cannot drift apart.
 */
const { MEDIA_FIELDS, SHARED_SEND_FIELDS } = require('../platform');
const { CRM_ROUTES } = require('./crm-platform');

const API_PREFIX = '/api/v2';

/** Route table, relative to `{prefix}/api/v2/` (no workspace in the path). Names as v1's. */
const ROUTES = Object.freeze([
	Object.freeze({ name: 'templates.list', method: 'GET', path: 'templates', scope: 'templates:read' }),
	Object.freeze({ name: 'templates.show', method: 'GET', path: 'templates/{template_id}', scope: 'templates:read' }),
	Object.freeze({ name: 'messages.template', method: 'POST', path: 'messages/template', scope: 'messages:send' }),
	// Free-form messages of the 24-hour window (chat-platform.js).
	Object.freeze({ name: 'messages.text', method: 'POST', path: 'messages/text', scope: 'messages:send' }),
	Object.freeze({ name: 'messages.media', method: 'POST', path: 'messages/media', scope: 'messages:send' }),
	Object.freeze({ name: 'messages.interactive', method: 'POST', path: 'messages/interactive', scope: 'messages:send' }),
	// Contacts, groups, statuses, sources (crm-platform.js).
	...CRM_ROUTES,
]);

/** Every scope a token may hold (`*`: all). */
const SCOPES = Object.freeze([
	'contacts:read', 'contacts:write', 'contacts:delete', 'messages:send', 'messages:read', 'groups:read', 'groups:write',
	'groups:delete', 'templates:read', 'templates:sync', 'sources:read', 'sources:write', 'statuses:read', 'statuses:write',
	'account:read', '*',
]);

/** HTTP status of each error code the platform answers with. */
const ERROR_STATUS = Object.freeze({
	AUTHENTICATION_REQUIRED: 401,
	INVALID_TOKEN: 401,
	TOKEN_REVOKED: 401,
	TOKEN_EXPIRED: 401,
	IP_NOT_WHITELISTED: 403,
	INSUFFICIENT_SCOPE: 403,
	CONTACT_OPTED_OUT: 403,
	FEATURE_LIMIT_EXCEEDED: 403,
	NOT_FOUND: 404,
	VALIDATION_ERROR: 422,
	WHATSAPP_NOT_CONFIGURED: 422,
	RATE_LIMIT_EXCEEDED: 429,
	MESSAGE_SEND_FAILED: 500,
	INTERNAL_ERROR: 500,
	RESOURCE_CONFLICT: 409,
	// Defined by the platform, never answered by 2.2.0; the sandbox uses it for bodies it cannot read.
	INVALID_REQUEST: 400,
});

/**
 * Body fields of POST messages/template, one entry per wire name (rules as in v1's table;
 * `requiredMessage`: the platform's own wording). `phone` is digits only, 8-15 ([decided]).
 */
const SEND_FIELDS = {
	phone: { type: 'string', required: true, between: [8, 15], phone: true, requiredMessage: 'Phone number is required.' },
	template_name: { type: 'string', required: true, requiredMessage: 'Template name is required.' },
	language: { type: 'string', required: true, max: 10, requiredMessage: 'Template language is required.' },
	contact_id: { type: 'integer' },
	header_field_1: { type: 'string' },
	header_document_name: { type: 'string', max: 255 },
	auto_generate_otp: { type: 'boolean' },
	otp_field_number: { type: 'integer', min: 6, max: 6 },
	// Read by the platform with auto_generate_otp, not validated there; the sandbox keeps v1's range.
	otp_length: { type: 'integer', between: [4, 10] },
	// The header media, field_1..10 and button_0..2 as v1 (button values are accepted and dropped).
	...SHARED_SEND_FIELDS,
};
Object.freeze(SEND_FIELDS);
const BUTTON_FIELDS = Object.freeze(['button_0', 'button_1', 'button_2']);

/** The send fields a log line shows (`npm run sandbox`), under the names v1's wire table uses for them. */
const LOG_FIELDS = Object.freeze({ phone: 'phone', templateName: 'template_name', templateLanguage: 'language' });

/** Filters, sorts and search fields of GET templates. */
const TEMPLATE_QUERY = Object.freeze({
	filters: Object.freeze(['status', 'category', 'language']),
	sorts: Object.freeze(['template_name', 'created_at', 'updated_at']),
	search: Object.freeze(['template_name', 'category']),
	arrays: Object.freeze([]),
	defaultPerPage: 15,
	maxPerPage: 100,
});

/** Default per-minute limit of a token (the platform lets it be set from 1 to 10000). */
const DEFAULT_LIMIT = 60;

const SEND_SCOPES = Object.freeze(['messages:send', 'templates:read']);
const ALLOW_LIST = Object.freeze(['127.0.0.1', '::1']);
/**
 * The sandbox's tokens, by name. expiresAt: ms since the epoch or null (never).
 * ipAllowList: null or a list (a token with a list is never rate-limited).
 */
const TOKEN_SPECS = Object.freeze({
	send: { scopes: SEND_SCOPES },
	full: { scopes: ['*'] },
	noSend: { scopes: ['templates:read'] },
	noTemplates: { scopes: ['messages:send'] },
	revoked: { scopes: SEND_SCOPES, revoked: true },
	expired: { scopes: SEND_SCOPES, expiresAt: Date.UTC(2026, 0, 1) },
	ipBlocked: { scopes: SEND_SCOPES, ipAllowList: ['203.0.113.7'] },
	allowListed: { scopes: SEND_SCOPES, ipAllowList: ALLOW_LIST },
});

/** Stable tokens for `npm run sandbox` (`wm_` + 60 letters and digits). */
const DEMO_TOKENS = Object.freeze({
	send: 'wm_DemoSendRFAFl89u7WJLLRLfqBxoDT7kTo8SUUU9vy5ZY6lUIPOX8G1yfZeo',
	full: 'wm_DemoFullh0HkmDRt9CtLxdtyBLyW6UIEDy6K3xgnfFEX7Ed1cJP4gr3XTHp7',
	noSend: 'wm_DemoNoSendFZSfphOQGx0LGaRFRzuJqtDn59dMNdXO857bhva7Eo53rtwJNz',
	noTemplates: 'wm_DemoNoTemplateso2ueYbE83LoqZxfMfuohCZGQGzFBEOmUFZrLhdSuEJiXv',
	revoked: 'wm_DemoRevoked4cwm7TAVaU04PCAMPwrIPRnNWrgqZHNRFfP4bDzbGMfjZJC2N',
	expired: 'wm_DemoExpired5vMUfhDXM1rK7fpXiBwxr9e9MPjDSSjl3XuZ0U2OcrDB5htrE',
	ipBlocked: 'wm_DemoIpBlockedd7ZpwGJ6l1zeFCqtlnSSObNcjK7IWzCUDWM1MA8vxXcETXK',
	allowListed: 'wm_DemoAllowListed1xvZnZ9uZzYg9WeHpjJvgQ1AUMhZD9QObrVQNYmEtxfmQ',
});

/** Fixed texts of the platform's answers (its own wording where the evidence has it). */
const TEXT = Object.freeze({
	authRequired: 'API token is required. Please provide a valid token in the Authorization header.',
	invalidToken: 'The provided API token is invalid.',
	revoked: 'The API token has been revoked.',
	expired: 'The API token has expired.',
	ipNotAllowed: (ip) => `Your IP address (${ip}) is not whitelisted for this API token.`,
	insufficientScope: (scope) => `Your API token does not have the required permissions for this action. Required scope: ${scope}`,
	tooManyRequests: (n) => `Too many requests. Please try again in ${n} seconds.`,
	invalidData: 'The given data was invalid.',
	templateNotFound: 'Template not found.',
	contactNotFound: 'Contact not found.',
	invalidContactId: 'The selected contact id is invalid.',
	missingConfig: 'Cannot auto-create contact. Please configure default lead status and source in Application settings, or provide contact_id.',
	contactLimit: 'Feature limit exceeded for contacts. Please upgrade your plan.',
	optedOut: 'Contact has opted out of receiving messages',
	notConfigured: 'WhatsApp connection is not configured for this account',
	conversationLimit: 'Conversation limit reached. Please upgrade your plan.',
	sendFailed: 'Failed to send template message',
	sent: 'Template message sent successfully',
	serverError: 'Server Error',
});

module.exports = {
	API_PREFIX,
	ROUTES,
	SCOPES,
	ERROR_STATUS,
	SEND_FIELDS,
	MEDIA_FIELDS,
	BUTTON_FIELDS,
	LOG_FIELDS,
	TEMPLATE_QUERY,
	DEFAULT_LIMIT,
	TOKEN_SPECS,
	DEMO_TOKENS,
	TEXT,
};
