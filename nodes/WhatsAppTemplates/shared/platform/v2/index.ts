/**
 * WhatsMark SaaS API v2 (CONTRACT-v2.md) behind the Platform interface: `{platform URL}/api/v2/`, the
 * workspace from the token, the `{success, data|error, meta}` envelope, X-RateLimit-* headers.
 */
import { apiBase } from '../../endpoint';
import type { Platform } from '../types';
import { readRateLimit, readRetryAfter, readSend } from './answers';
import { v2Contacts } from './contacts';
import { explain, isDelivered } from './errors';
import { API, PERMISSION_KIND, ROUTES } from './routes';
import { WINDOW_SEND } from './messages';
import { TEMPLATE_SEND } from './send';
import { readTemplatePage, templatePageQuery } from './templates';

export const v2: Platform = {
	label: 'API v2',
	api: API,
	apiBase: (credentials) => apiBase(credentials, API),
	routes: ROUTES,
	permissionKind: PERMISSION_KIND,
	templateSend: TEMPLATE_SEND,
	windowSend: WINDOW_SEND,
	templateList: { query: (page) => templatePageQuery(page), readPage: readTemplatePage },
	announcesRateLimit: true,
	readSend,
	isDelivered,
	explain: (response, context) => explain(response, context),
	bodyRetryAfter: readRetryAfter,
	rateLimit: readRateLimit,
	contacts: v2Contacts,
};

/** API v2 with a token that is not `wm_…`: an INVALID_TOKEN then says it is a v1 token. */
export const v2WithOtherToken: Platform = { ...v2, explain: (response, context) => explain(response, context, true) };

export { API, ROUTES } from './routes';
export { SEND } from './send';
export { TEMPLATE_LIST } from './templates';
export { WINDOW_SEND } from './messages';
export { CODE, DETAILS, RATE_LIMIT, readMessageId, readRetryAfter } from './answers';
