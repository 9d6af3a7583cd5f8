'use strict';
/**
 * Fixed data of the sandbox: the route, the demo tokens, the size limits of the
 * contract (CONTRACT.md) and the templates the fake workspace knows.
 */

const PATH = '/api/v1/messages/send';
const ABILITY = 'messages.send';

/** Stable tokens for `npm run sandbox` (a credential set up once keeps working). */
const DEMO_TOKENS = Object.freeze({
	send: 'apitk_demo_send_6f1c2a9e4b7d4c0f8e3a5b1d2c4e6f80',
	noAbility: 'apitk_demo_noability_0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d',
});

const KB = 1024;
/** Header media upload limits, in bytes (1 KB = 1024 bytes; exactly at the limit passes). */
const FILE_LIMITS = Object.freeze({
	header_image: 5120 * KB,
	header_video: 16384 * KB,
	header_document: 102400 * KB,
});

/** The six header media fields: at most one may be given. */
const HEADER_MEDIA_FIELDS = Object.freeze([
	'header_image_url',
	'header_image',
	'header_video_url',
	'header_video',
	'header_document_url',
	'header_document',
]);

/**
 * Templates of the fake workspace. `headerFormats` is informative only: the
 * sandbox does not enforce the header kind per template.
 */
const TEMPLATES = Object.freeze([
	{
		name: 'order_update',
		status: 'APPROVED',
		category: 'UTILITY',
		languages: ['en_US', 'de'],
		headerFormats: ['TEXT'],
		bodyParams: 2,
		buttons: 0,
	},
	{
		name: 'order_shipped_media',
		status: 'APPROVED',
		category: 'UTILITY',
		languages: ['en_US'],
		headerFormats: ['IMAGE', 'VIDEO', 'DOCUMENT'],
		bodyParams: 1,
		buttons: 1,
	},
	{
		name: 'login_otp',
		status: 'APPROVED',
		category: 'AUTHENTICATION',
		languages: ['en_US'],
		headerFormats: [],
		bodyParams: 1,
		buttons: 1,
	},
	{
		name: 'summer_promo',
		status: 'PENDING',
		category: 'MARKETING',
		languages: ['en_US'],
		headerFormats: ['IMAGE'],
		bodyParams: 1,
		buttons: 0,
	},
].map((t) => Object.freeze({ ...t, languages: Object.freeze(t.languages), headerFormats: Object.freeze(t.headerFormats) })));

function findTemplate(name, language) {
	return TEMPLATES.find((t) => t.name === name && t.languages.includes(language));
}

module.exports = { PATH, ABILITY, DEMO_TOKENS, FILE_LIMITS, HEADER_MEDIA_FIELDS, TEMPLATES, findTemplate };
