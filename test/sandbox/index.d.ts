/**
 * Types of the sandbox (test/sandbox/index.js): WhatsMark SaaS API v1 as Xobito runs it
 * (/work/shared/api/CONTRACT.md) and API v2 (/work/shared/api/CONTRACT-v2.md), on loopback, strict.
 */

import type { RateLimitedRecord, V2Config, V2FaultKind, V2Scope, V2TokenEntry, V2Tokens, V2TokenSpec } from './v2-types';

export type { RateLimitedRecord, V2Config, V2FaultKind, V2Scope, V2TokenEntry, V2Tokens, V2TokenSpec } from './v2-types';

import type { RecordChange, WebhookConfig, WebhookDelivery } from './webhook-types';

export type { RecordChange, WebhookConfig, WebhookDelivery } from './webhook-types';

import type { AcceptedMessage, ApiVersion, RecordedRequest, RouteName } from './recorded-types';

import type { AutoLead, CrmConfig, CrmListEntry, CrmLists, CrmRouteName, SandboxContact, SeedOptions } from './crm-types';

export type { AutoLead, CrmConfig, CrmListEntry, CrmLists, CrmRouteName, SandboxContact, SeedOptions } from './crm-types';

import type { WindowConfig, WindowSandbox } from './chat-types';

import type { Fault, FaultKind, PendingFault } from './fault-types';

export type { Fault, FaultKind, FaultMatch, PendingFault, RedirectStatus } from './fault-types';

export type { FreeFormMessage, FreeFormRoute, InboundMessage, RemoteMediaSpec, WhatsAppPayload, WindowConfig, WindowSandbox } from './chat-types';

export type { AcceptedMessage, ApiVersion, Fields, GeneratedOtp, RecordedFile, RecordedRequest, RouteName } from './recorded-types';

export interface RateLimitConfig {
	/** Requests per token per fixed window (the real platform: 60). */
	max: number;
	/** Window length, opened by the first counted request (the real platform: 60000). */
	windowMs: number;
}

export interface SandboxConfig extends V2Config, WindowConfig, CrmConfig {
	latencyMs: number;
	rateLimit: RateLimitConfig | null;
	/** Platform 2.2.0 accepts .jpg images; false = older platforms (422). */
	acceptJpg: boolean;
	/** Status of an unknown workspace: 500 on stock platforms, 400 on Xobito. */
	invalidTenantStatus: 500 | 400;
}

export interface SandboxOptions extends Partial<SandboxConfig> {
	/** The API generations the workspace offers (default both). One it lacks answers Laravel's 404 (JSON for a JSON client, else HTML). */
	apis?: ApiVersion[];
	/** v2 tokens: a string fixes a default token's value; a spec changes a default one or adds a named one (kept by reset()). */
	v2Tokens?: Record<string, string | V2TokenSpec>;
	/** 0 (default) = a random free port. */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
	/** Install sub-folder, e.g. '/waba' (default ''); routes live under `${prefix}/api/v1/{subdomain}/`. */
	prefix?: string;
	/** A bigger workspace: this many approved `bulk_notice_<n>` templates (en, no header, 1 variable) after the fixtures. */
	moreTemplates?: number;
	/** Fixed tokens (default: random per instance). */
	tokens?: Partial<SandboxTokens>;
	/** Outbound webhooks from the start (see configure). */
	webhook?: WebhookConfig;
}

export interface SandboxTokens {
	/** messages.send, templates.read and contacts.*: the normal token. */
	send: string;
	/** templates.read only. */
	noSend: string;
	/** messages.send only. */
	noTemplates: string;
	/** templates.read and the `.read` abilities of contacts, groups, statuses, sources: no contact writes. */
	contactsReadOnly: string;
}

/** One item of GET templates, in wire shape. */
export interface TemplateRecord {
	id: number;
	tenant_id: number;
	/** Meta's template id. */
	template_id: string;
	template_name: string;
	language: string;
	status: 'APPROVED' | 'PENDING' | 'REJECTED' | 'PAUSED';
	category: 'UTILITY' | 'MARKETING' | 'AUTHENTICATION';
	header_data_format: 'TEXT' | 'IMAGE' | 'VIDEO' | 'DOCUMENT' | 'LOCATION' | null;
	header_data_text: string | null;
	header_params_count: number;
	body_data: string;
	body_params_count: number;
	footer_data: string | null;
	footer_params_count: number;
	/** A JSON-encoded array of buttons, or null. */
	buttons_data: string | null;
	template_type: string | null;
	/** A JSON-encoded array of cards, or null. */
	cards_json: string | null;
}


export interface SandboxStats {
	inFlight: number;
	maxInFlight: number;
	total: number;
	/** Messages accepted (decided before any latency delay). */
	accepted: number;
	/** Requests that ended without an answer (drop, dropMidUpload, hang closed, client gone). */
	noAnswer: number;
	/** Answers sent, by status. */
	byStatus: Record<number, number>;
	/** Uploads stored under a name an earlier upload already used (the platform overwrites the file). */
	overwrittenUploads: number;
}

export interface Sandbox extends WindowSandbox {
	/** The platform URL: `http://127.0.0.1:${port}${prefix}` (no /api/v1 or /api/v2): the same for both API generations. */
	readonly baseUrl: string;
	readonly port: number;
	/** 'acme': the workspace whose API is enabled and that the tokens belong to. */
	readonly subdomain: string;
	readonly tokens: Readonly<SandboxTokens>;
	/** Exactly what GET templates serves. */
	readonly templates: readonly TemplateRecord[];
	/** Live arrays/objects: reset() clears them in place. */
	readonly requests: RecordedRequest[];
	readonly messages: AcceptedMessage[];
	/** The workspace's contacts (one store behind both APIs): the seeded ones (ids 1-7; 5, 6, 7 stored as '4917655500005', '004917655500006', '+49 176 5550 0007') plus those created by sends and the contacts APIs. */
	readonly contacts: SandboxContact[];
	/** The workspace's groups, statuses, sources (live). */
	readonly crm: CrmLists;
	/** n contacts straight into the store (no HTTP, no webhooks), phones from options.phone(i); returns them. Throws on a taken phone. */
	seedContacts(n: number, options?: SeedOptions): SandboxContact[];
	readonly stats: SandboxStats;
	readonly config: SandboxConfig;
	readonly pendingFaults: PendingFault[];
	/** autoLead is merged over its defaults ({ enabled: true, statusId: 1, sourceId: 2, assignedTo: null }), not over the current value. */
	configure(change: Partial<Omit<SandboxConfig, 'autoLead'>> & { autoLead?: Partial<AutoLead>; webhook?: WebhookConfig | null }): void;
	injectFault(fault: Fault): void;
	/** Every outbound webhook attempt (webhooks.js), in order. */
	readonly webhookDeliveries: WebhookDelivery[];
	/** A contact / status / source event now (format 3 sends CRUD events in the legacy envelope, as Xobito does). */
	emitContactEvent(change: RecordChange, overrides?: Partial<WebhookConfig>): Promise<WebhookDelivery[]>;
	/** Post any body once: signed with the secret, or with `signature` as given (null: no header). For forged and replayed events. */
	postWebhook(body: object | string, options?: Partial<WebhookConfig> & { event?: string; signature?: string | null }): Promise<WebhookDelivery[]>;
	/** Resolves when every webhook posted or scheduled so far was delivered or given up. */
	webhooksIdle(): Promise<void>;
	/** The API generations served. v2 lives under `${baseUrl}/api/v2/` (no workspace in the path). */
	readonly apis: ApiVersion[];
	/** The default v2 tokens (stable across reset()). */
	readonly v2Tokens: Readonly<V2Tokens>;
	/** Every v2 token with its attributes and last use. */
	readonly v2TokenList: readonly V2TokenEntry[];
	/** A new v2 token (until reset()); returns it. */
	addV2Token(spec?: V2TokenSpec): string;
	/** Change a v2 token (by its string or default name) until reset(): revoke it, expire it, change its scopes or limit. */
	updateV2Token(tokenOrName: string, change: Omit<V2TokenSpec, 'token' | 'name'>): void;
	/** Every 429 of either API's limiter, in order. */
	readonly rateLimited: RateLimitedRecord[];
	/** A contact stored exactly as given (e.g. phone '4915...' without '+', which v2 sends do not find), or opted out. */
	addContact(contact: { phone: string; firstname?: string; lastname?: string; email?: string; optedOut?: boolean } & Partial<SandboxContact>): SandboxContact;
	/**
	 * Clear requests, messages, stats, faults, rate-limit state and the 429 log, created contacts (and the
	 * lists: groups, statuses, sources as seeded) and
	 * stored upload names; restore the v2 tokens of the start; keep config.
	 */
	reset(): void;
	close(): Promise<void>;
}

export interface RouteEntry {
	readonly name: RouteName;
	readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	/** Relative to `{prefix}/api/v1/{subdomain}/`. */
	readonly path: string;
	readonly ability: string;
}

export function startSandbox(options?: SandboxOptions): Promise<Sandbox>;

export const TEMPLATES: readonly TemplateRecord[];
export const DEMO_TOKENS: Readonly<SandboxTokens>;
export const SUBDOMAIN: string;
export const FAULT_KINDS: readonly FaultKind[];
export const ROUTES: readonly RouteEntry[];
/** Upload limits in bytes, by file field: exactly at the limit passes. */
export const FILE_LIMITS: Readonly<{ header_image_file: number; header_video_file: number; header_document_file: number }>;
/** Free-form media kinds (messages/media, both APIs): extensions every version accepts, whether `.jpg` may (v1 acceptJpg; v2 always), the size limit in bytes (at the limit passes). */
export const CHAT_MEDIA: Readonly<Record<'image' | 'video' | 'audio' | 'document', Readonly<{ extensions: readonly string[]; jpg: boolean; maxBytes: number }>>>;

export interface V2RouteEntry {
	readonly name: RouteName;
	readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
	/** Relative to `{prefix}/api/v2/`. */
	readonly path: string;
	readonly scope: V2Scope;
}

/** Stable v2 tokens for `npm run sandbox`. */
export const V2_DEMO_TOKENS: Readonly<V2Tokens>;
export const V2_SCOPES: readonly V2Scope[];
export const V2_ROUTES: readonly V2RouteEntry[];
/** The fault kinds each API's contact routes take (aimed at them with match.route). */
export const CRM_FAULT_KINDS: Readonly<{ v1: readonly FaultKind[]; v2: readonly (FaultKind | V2FaultKind)[] }>;
export const V2_FAULT_KINDS: readonly (FaultKind | V2FaultKind)[];
/** '/api/v2': v2's root under the platform URL. */
export const V2_API_PREFIX: string;
/** The send fields a log line shows, by the keys v1's wire table uses for them. */
export const V2_LOG_FIELDS: Readonly<{ phone: string; templateName: string; templateLanguage: string }>;
/** A v2 error envelope in one line (its code and details), or null for any other body. */
export function describeV2Error(body: unknown): string | null;
