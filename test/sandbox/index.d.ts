/** Types of the sandbox (test/sandbox/index.js): the messages/send API of CONTRACT.md on loopback. */

export type FaultKind = '500' | 'drop' | 'dropMidUpload' | 'latency' | 'html502' | 'nonJson200' | 'statusError200' | 'hang';

export interface Fault {
	kind: FaultKind;
	/** How many requests it applies to (default 1; Infinity allowed). */
	times?: number;
	/** Extra delay of a 'latency' fault. */
	ms?: number;
	/** Apply only to requests whose `phone` field equals this. */
	match?: { phone?: string };
}

export interface RateLimitConfig {
	/** Requests per token per fixed one-second window. */
	perSecond: number;
	/** retry_after / Retry-After in seconds (default: seconds left in the window, at least 1). */
	retryAfter?: number;
}

export interface SandboxOptions {
	/** 0 (default) = a random free port. */
	port?: number;
	host?: string;
	latencyMs?: number;
	rateLimit?: RateLimitConfig | null;
	/** Fixed tokens (default: random per instance). */
	tokens?: Partial<SandboxTokens>;
}

export interface SandboxTokens {
	/** Has the ability messages.send. */
	send: string;
	/** A valid token without messages.send. */
	noAbility: string;
}

export interface Template {
	name: string;
	status: 'APPROVED' | 'PENDING' | 'REJECTED';
	category: 'UTILITY' | 'MARKETING' | 'AUTHENTICATION';
	languages: readonly string[];
	/** Informative only: the header kind is not enforced. */
	headerFormats: readonly ('TEXT' | 'IMAGE' | 'VIDEO' | 'DOCUMENT')[];
	bodyParams: number;
	buttons: number;
}

export interface RecordedFile {
	/** The part's field name as sent. */
	field: string;
	filename: string;
	mimeType: string;
	size: number;
	/** Hex sha256 of the bytes received. */
	sha256: string;
}

export type Fields = Record<string, any>;

export interface RecordedRequest {
	/** 1-based, in arrival order (restarts at 1 after reset()). */
	seq: number;
	method: string;
	/** Path without the query string. */
	path: string;
	/** Query string parameters (bracketed names rebuilt). */
	query: Fields;
	contentType: string | null;
	/** Raw Authorization header value. */
	authorization: string | null;
	/** Raw Accept header value. */
	accept: string | null;
	/** All request headers, lower-case names. */
	headers: Record<string, string | string[] | undefined>;
	/** Parsed body: JSON object or rebuilt multipart text parts; null when not parsed (malformed, other type). */
	fields: Fields | null;
	/** Multipart file parts. */
	files: RecordedFile[];
	/** Status answered; null while pending or when never answered (drop, dropMidUpload, hang, client gone). */
	status: number | null;
	/** Body answered: parsed JSON, or the raw text for non-JSON answers. */
	response: any;
	/** The fault applied to this request, if any. */
	fault: FaultKind | null;
	/** Why the body was not read completely (the connection closed), if so. */
	error: string | null;
	/** performance.now() at arrival / at answer end or socket close. */
	startedAt: number;
	endedAt: number | null;
}

export interface AcceptedMessage {
	id: string;
	wamid: string;
	/** Fields as validated (body, plus query parameters the body did not have). */
	fields: Fields;
	files: RecordedFile[];
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
}

export interface Sandbox {
	readonly baseUrl: string;
	readonly port: number;
	readonly tokens: Readonly<SandboxTokens>;
	readonly templates: readonly Template[];
	/** Live arrays/objects: reset() clears them in place. */
	readonly requests: RecordedRequest[];
	readonly messages: AcceptedMessage[];
	readonly stats: SandboxStats;
	readonly config: { latencyMs: number; rateLimit: RateLimitConfig | null };
	readonly pendingFaults: { kind: FaultKind; remaining: number; ms: number; phone?: string }[];
	configure(change: { latencyMs?: number; rateLimit?: RateLimitConfig | null }): void;
	injectFault(fault: Fault): void;
	/** Clear requests, messages, stats, faults and rate-limit state; configuration is kept. */
	reset(): void;
	close(): Promise<void>;
}

export function startSandbox(options?: SandboxOptions): Promise<Sandbox>;

export const TEMPLATES: readonly Template[];
export const DEMO_TOKENS: Readonly<SandboxTokens>;
export const FILE_LIMITS: Readonly<{ header_image: number; header_video: number; header_document: number }>;
export const PATH: string;
export const FAULT_KINDS: readonly FaultKind[];
