/** Types of the sandbox's API v2 (test/sandbox/v2/), re-exported by index.d.ts. */

export type V2Scope =
	| 'contacts:read' | 'contacts:write' | 'contacts:delete' | 'messages:send' | 'messages:read'
	| 'groups:read' | 'groups:write' | 'groups:delete' | 'templates:read' | 'templates:sync'
	| 'sources:read' | 'sources:write' | 'statuses:read' | 'statuses:write' | 'account:read' | '*';

/** A v2 token's attributes, as given to startSandbox({ v2Tokens }), addV2Token or updateV2Token. */
export interface V2TokenSpec {
	/** `wm_` + 60 letters and digits; default: random. Cannot be changed by updateV2Token. */
	token?: string;
	/** Default messages:send + templates:read. */
	scopes?: V2Scope[];
	/** Requests per window (config.v2WindowMs); default 60. The platform allows 1-10000, the sandbox any positive integer. */
	limit?: number;
	/** Date, ISO string, ms since the epoch, or null (never, the default). */
	expiresAt?: Date | string | number | null;
	revoked?: boolean;
	/** null / [] = any IP. A token with a list is never rate-limited (X-RateLimit-*: unlimited). */
	ipAllowList?: string[] | null;
	/** addV2Token only: a name to find it by in v2TokenList. */
	name?: string;
}

/** The default v2 tokens, by name. */
export interface V2Tokens {
	/** messages:send + templates:read, 60 per window: the normal token. */
	send: string;
	/** `*`. */
	full: string;
	/** templates:read only. */
	noSend: string;
	/** messages:send only. */
	noTemplates: string;
	/** 401 TOKEN_REVOKED. */
	revoked: string;
	/** Expired on 2026-01-01: 401 TOKEN_EXPIRED. */
	expired: string;
	/** Allow-list 203.0.113.7 only: 403 IP_NOT_WHITELISTED from loopback. */
	ipBlocked: string;
	/** Allow-list 127.0.0.1 and ::1: never limited, X-RateLimit-Limit/Remaining `unlimited`, X-RateLimit-Whitelisted `true`. */
	allowListed: string;
	/** Extra names given to startSandbox({ v2Tokens }). */
	[name: string]: string;
}

/** A v2 token as the sandbox holds it (v2TokenList: live objects). */
export interface V2TokenEntry {
	/** The rate-limit bucket's key (kept across updates). */
	id: number;
	name: string | null;
	token: string;
	scopes: V2Scope[];
	expiresAt: number | null;
	revoked: boolean;
	ipAllowList: string[] | null;
	limit: number;
	/** Set by every request that passed the token and IP checks. */
	lastUsedAt: number | null;
	lastUsedIp: string | null;
}

/** One 429 of either API's limiter. */
export interface RateLimitedRecord {
	api: 'v1' | 'v2';
	/** Date.now() when it was answered. */
	at: number;
	token: string;
	/** Date.now() of the first counted request of the token's window: group by it to count 429s per window. */
	windowStart: number;
	/** Retry-After / retry_after. */
	retryAfter: number;
	/** The request's seq (v2 only). */
	seq?: number;
}

export type V2FaultKind =
	| 'mediaDownload500' // a header URL the server could not download: 500 outside the envelope (JSON or HTML by Accept); only sends with a header URL
	| 'missingConfig422' // VALIDATION_ERROR details.missing_config; only sends that would create the contact
	| 'contactLimit403' // FEATURE_LIMIT_EXCEEDED {feature: 'contacts', current, maximum}; only sends that would create the contact
	| 'optedOut403' // CONTACT_OPTED_OUT
	| 'notConfigured422' // WHATSAPP_NOT_CONFIGURED
	| 'planNoTemplates500' // the plan lacks templates: 500 outside the envelope (JSON or HTML by Accept)
	| 'featureNotAvailable403' // FEATURE_NOT_AVAILABLE in the envelope, as operators document it
	| 'conversationLimit403' // FEATURE_LIMIT_EXCEEDED, no details
	| 'sendFailedWhatsApp500' // MESSAGE_SEND_FAILED, details.error '(#131026) Message undeliverable' (or `detail`, or `code`'s text): not sent
	| 'sendFailedUnknown500' // MESSAGE_SEND_FAILED, details.error a cURL timeout (or `detail`): unknown
	| 'internalError500' // INTERNAL_ERROR after WhatsApp accepted (or `detail`): unknown
	| 'serverError500' // {"message":"Server Error"} whatever Accept says
	| 'html500' // Laravel's HTML 500 page whatever Accept says
	| 'noMessageId200'; // success: true with data.message_id null

export interface V2Config {
	/** The rate-limit window (the platform: 60000). X-RateLimit-Window and -Reset follow it in seconds. */
	v2WindowMs: number;
	/** 'refuse' (default, strict): a field v2 does not have is a 422; 'ignore': dropped as the platform drops it (recorded either way). */
	v2UnknownFields: 'refuse' | 'ignore';
	/** buttons_data of a template item: 'string' (default, the stored JSON text, as v1 shows it) or 'array' (decoded). */
	v2ButtonsData: 'string' | 'array';
	/** GET templates/{template_id}: true (default) `data: {data: item}`, as a Laravel JsonResource comes out of ApiResponse::resource; false `data: item`. */
	v2ShowWrapped: boolean;
}
