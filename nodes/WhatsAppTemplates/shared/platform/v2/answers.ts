/** What the node reads from API v2's answers (CONTRACT-v2.md: the envelope, the send's 200, the rate limit). */
import type { IDataObject } from 'n8n-workflow';

import { field, idOf, isObject, seconds } from '../json';
import type { RateLimitReport, SendReading } from '../types';

/** `error.code` values (CONTRACT-v2.md: Errors). */
export const CODE = {
	authenticationRequired: 'AUTHENTICATION_REQUIRED',
	invalidToken: 'INVALID_TOKEN',
	tokenRevoked: 'TOKEN_REVOKED',
	tokenExpired: 'TOKEN_EXPIRED',
	ipNotWhitelisted: 'IP_NOT_WHITELISTED',
	insufficientScope: 'INSUFFICIENT_SCOPE',
	optedOut: 'CONTACT_OPTED_OUT',
	featureLimit: 'FEATURE_LIMIT_EXCEEDED',
	featureNotAvailable: 'FEATURE_NOT_AVAILABLE',
	notFound: 'NOT_FOUND',
	resourceNotFound: 'RESOURCE_NOT_FOUND',
	conflict: 'RESOURCE_CONFLICT',
	validation: 'VALIDATION_ERROR',
	whatsappNotConfigured: 'WHATSAPP_NOT_CONFIGURED',
	rateLimited: 'RATE_LIMIT_EXCEEDED',
	sendFailed: 'MESSAGE_SEND_FAILED',
	internal: 'INTERNAL_ERROR',
	whatsappApi: 'WHATSAPP_API_ERROR',
} as const;

/** Keys of `error.details` the node spells out. */
export const DETAILS = {
	templateFields: 'template_fields',
	headerMedia: 'header_media',
	missingConfig: 'missing_config',
	error: 'error',
	feature: 'feature',
	current: 'current',
	maximum: 'maximum',
} as const;

/** The envelope's paths, as n8n's credential tester reads them (lodash paths). */
export const PATHS = { success: 'success', data: 'data', code: 'error.code', message: 'message' } as const;

/** The rate-limit headers (lower case, as n8n's HTTP client gives them) and the value of an unlimited token. */
export const RATE_LIMIT = {
	remaining: 'x-ratelimit-remaining',
	limit: 'x-ratelimit-limit',
	window: 'x-ratelimit-window',
	retryAfter: 'retry-after',
	unlimited: 'unlimited',
} as const;

/** The body is API v2's envelope: an object whose `success` is a boolean. */
export const isEnvelope = (body: unknown): boolean => typeof field(body, 'success') === 'boolean';

export interface EnvelopeError {
	code?: string;
	message?: string;
	details?: unknown;
}

/** The envelope's error (`success: false`), or undefined. */
export function errorOf(body: unknown): EnvelopeError | undefined {
	if (field(body, 'success') !== false) return undefined;
	const error = field(body, 'error');
	const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
	return { code: text(field(error, 'code')), message: text(field(error, 'message')), details: field(error, 'details') };
}

/** `meta.request_id`: new for every answer; support asks for it. */
export function requestIdOf(body: unknown): string | undefined {
	const id = field(field(body, 'meta'), 'request_id');
	return typeof id === 'string' && id !== '' ? id : undefined;
}

/** A message outside the envelope (`{"status":"error","message":…}`, `{"message":"Server Error"}`). */
export function bareMessageOf(body: unknown): string | undefined {
	const message = field(body, 'message');
	return typeof message === 'string' && message !== '' ? message : undefined;
}

/** The WhatsApp message id of a send's answer: data.message_id. */
export function readMessageId(body: unknown): string | undefined {
	const id = field(field(body, 'data'), 'message_id');
	return typeof id === 'string' && id !== '' ? id : undefined;
}

/** API v2 never returns a generated code: the node makes one itself. */
export const readSend = (body: unknown): SendReading => ({ messageId: readMessageId(body), contactId: idOf(field(field(body, 'data'), 'contact_id')) });

/** A 429's wait in its body: meta.retry_after (the token's limit), or details.retry_after (an OTP limit). */
export function readRetryAfter(body: unknown): number | undefined {
	return seconds(field(field(body, 'meta'), 'retry_after') ?? field(errorOf(body)?.details, 'retry_after') ?? undefined);
}

function header(headers: IDataObject, name: string): unknown {
	if (!isObject(headers)) return undefined;
	const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
	const value = key === undefined ? undefined : headers[key];
	return Array.isArray(value) ? value[0] : value;
}

/** A header's whole number ≥ 0, else undefined. */
function count(headers: IDataObject, name: string): number | undefined {
	const value = header(headers, name);
	// Number('') and Number(null) are 0, not "no count"; Number(undefined) is NaN already.
	const n = value === null || value === '' ? NaN : Number(value);
	return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/**
 * X-RateLimit-Remaining: the token's requests left in its window, or `unlimited` for a token with
 * an IP allow-list; with X-RateLimit-Limit and X-RateLimit-Window (the window's length in seconds),
 * when the answer has them. X-RateLimit-Reset is not read: the platform always says now + 60 s.
 */
export function readRateLimit(headers: IDataObject): RateLimitReport {
	const value = header(headers, RATE_LIMIT.remaining);
	if (typeof value === 'string' && value.trim().toLowerCase() === RATE_LIMIT.unlimited) return 'unlimited';
	const remaining = count(headers, RATE_LIMIT.remaining);
	if (remaining === undefined) return 'absent';
	const limit = count(headers, RATE_LIMIT.limit);
	const windowSeconds = count(headers, RATE_LIMIT.window);
	return limit && windowSeconds ? { remaining, limit, windowSeconds } : { remaining };
}
