/**
 * WhatsMark SaaS API v1 (CONTRACT.md) behind the Platform interface: `{platform URL}/api/v1/{subdomain}/`,
 * Laravel answers `{status, message, errors}`, the wait of a 429 in its body, no rate-limit headers.
 */
import { apiBase } from '../../endpoint';
import type { Platform } from '../types';
import { readRetryAfter, readSend } from './answers';
import { v1Contacts } from './contacts';
import { explain, isDelivered } from './errors';
import { API, PERMISSION_KIND, ROUTES } from './routes';
import { WINDOW_SEND } from './messages';
import { TEMPLATE_SEND } from './send';
import { readTemplatePage, templatePageQuery } from './templates';

export const v1: Platform = {
	label: 'API v1',
	api: API,
	apiBase: (credentials) => apiBase(credentials, API),
	routes: ROUTES,
	permissionKind: PERMISSION_KIND,
	templateSend: TEMPLATE_SEND,
	windowSend: WINDOW_SEND,
	templateList: { query: (page) => templatePageQuery(page), readPage: readTemplatePage },
	announcesRateLimit: false,
	readSend,
	isDelivered,
	explain,
	bodyRetryAfter: readRetryAfter,
	// API v1 announces no limit: it is met only as a 429.
	rateLimit: () => 'absent',
	contacts: v1Contacts,
};

export { API, ROUTES } from './routes';
export { CONTACT, SEND } from './send';
export { TEMPLATE_LIST } from './templates';
export { WINDOW_SEND } from './messages';
export { ANSWER, ERROR_KEYS, readGeneratedOtp, readMessageId, readRetryAfter } from './answers';
