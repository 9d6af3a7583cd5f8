/**
 * The one interface every API generation offers the operations (v1/, v2/): where requests go, how
 * the template send and the messages in the 24-hour window name their fields, how to read an
 * answer, how to class an error and how to read the rate limit. Chosen once per run from the
 * credential (index.ts: platformFor).
 */
import type { IDataObject } from 'n8n-workflow';

import type { EndpointCredentials } from '../endpoint';
import type { ApiResponse } from '../transport';
import type { ContactPlatform } from './contacts';
import type { MediaKind, MediaRule } from './media';

/** The API's root under the Platform URL, and whether the workspace's subdomain follows it. */
export interface ApiRoot {
	root: string;
	workspaceInPath: boolean;
}

export interface Route {
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	/** Relative to the API base; `{id}` stands for a record's id. */
	path: string;
	/** The token's permission the route needs (v1: an ability, v2: a scope). */
	permission: string;
}

/** Whether the message may have reached WhatsApp: decides what the user is told to do. */
export type Delivery = 'not sent' | 'unknown';

/** What the operation sent, to explain an answer in its terms. */
export interface SentContext {
	/** A file of a message of its own (Send Media), not a template's header: refusals name the message's kinds. */
	messageMedia?: boolean;
	templateName?: string;
	templateLanguage?: string;
	/** The node's name for a wire field (body variable 1's → `Body Variable {{1}}`), when it has one. */
	label?: (wireName: string) => string | undefined;
}

/** An answer that is not a sent message, in the node's words. */
export interface Explained {
	message: string;
	advice?: string;
	delivery: Delivery;
	/** The platform's own words, shown as a hint. */
	said?: string;
	/** The answer's reference for the operator's support. */
	requestId?: string;
}

/** What a send's answer says. */
export interface SendReading {
	messageId?: string;
	/** A one-time password the platform generated. */
	otpCode?: string;
	/** The platform's id of the recipient's contact. */
	contactId?: number | string;
}

/** A page of the template list: its records and whether more pages follow. */
export interface TemplatePage {
	records: unknown[];
	more: boolean;
}

/**
 * The token's remaining requests as an answer announced them: a count (with the token's limit and
 * its window's length in seconds, where the answer says them), no limit, or nothing said.
 */
export type RateLimitReport = { remaining: number; limit?: number; windowSeconds?: number } | 'unlimited' | 'absent';

/** The node's contact details → the keys of the send's contact object. */
export type ContactKeys = Readonly<Record<'firstName' | 'lastName' | 'email' | 'country' | 'groups' | 'assignedId' | 'statusId' | 'sourceId', string>>;

/** The template send's wire names; an optional one that is absent is a field this API does not have. */
export interface TemplateSendNames {
	phone: string;
	templateName: string;
	templateLanguage: string;
	headerText: string;
	documentName: string;
	body: (n: number) => string;
	button: (n: number) => string;
	media: Readonly<Record<MediaKind, MediaRule>>;
	fromPhoneNumberId?: string;
	/** The one-time password's own field (besides {{1}}). */
	copyCode?: string;
	/** The contact the platform creates for a new phone. */
	contact?: { field: string; keys: ContactKeys };
	/** Present when the platform makes a one-time password and returns it. */
	otpGeneration?: { flag: string; length: string };
	/** The node's fields this API lacks: why, and what to use instead. */
	unsupported: Partial<Record<'fromPhoneNumberId' | 'contact', { why: string; instead: string }>>;
	/** Said once per run when button values are sent to an API that accepts and drops them. */
	buttonsDropped?: string;
}

/** Send Text's wire names (CONTRACT.md / CONTRACT-v2.md "Messages in the 24-hour window"). */
export interface TextSendNames {
	phone: string;
	text: string;
}

/** Send Media's wire names. */
export interface MediaSendNames {
	phone: string;
	/** Takes the kind's own name (`image`, `video`, `audio`, `document`). */
	kind: string;
	url: string;
	file: string;
	caption: string;
	fileName: string;
}

/** Send Buttons' wire names; `list` is absent where the API has no list message. */
export interface ButtonsSendNames {
	phone: string;
	/** The field that says what the message is, and its value for reply buttons. */
	kind: { field: string; buttons: string; list?: string };
	body: string;
	header: string;
	footer: string;
	buttons: string;
	/** Keys of a button, and of a list's row. */
	id: string;
	title: string;
	list?: { buttonText: string; sections: string; sectionTitle: string; rows: string; rowDescription: string };
	/** Why the API has no list, and what to do instead. */
	listLacking?: { why: string; instead: string };
	/** Said once per run where stock platforms drop the buttons and send the body text alone. */
	buttonsIgnored?: string;
}

/** The messages a business may send inside WhatsApp's 24-hour customer-service window. */
export interface WindowSendNames {
	text: TextSendNames;
	media: MediaSendNames;
	buttons: ButtonsSendNames;
}

export interface Platform {
	/** How messages name this API (never compared: operations do not branch on it). */
	readonly label: string;
	readonly api: ApiRoot;
	/** `{platform URL}/{root}[/{subdomain}]`: the only place the token may go. */
	apiBase(credentials: EndpointCredentials): string;
	readonly routes: { sendTemplate: Route; listTemplates: Route; sendText: Route; sendMedia: Route; sendButtons: Route };
	/** What the API calls a token's permission ("ability", "scope"). */
	readonly permissionKind: string;
	readonly templateSend: TemplateSendNames;
	readonly windowSend: WindowSendNames;
	readonly templateList: {
		query(page: number): IDataObject;
		readPage(body: unknown): TemplatePage;
	};
	/** Whether answers announce the token's remaining requests: a run's first request then goes alone. */
	readonly announcesRateLimit: boolean;
	readSend(body: unknown): SendReading;
	/** A send's answer that says the message went out. */
	isDelivered(response: ApiResponse): boolean;
	/** Any other answer, in plain words, with whether the message may have gone out. */
	explain(response: ApiResponse, context: SentContext): Explained;
	/** Seconds a 429's body asks to wait (a Retry-After header is read by the shared engine). */
	bodyRetryAfter(body: unknown): number | undefined;
	rateLimit(headers: IDataObject): RateLimitReport;
	/** Contacts, groups, statuses and sources (issue 19). */
	readonly contacts: ContactPlatform;
}
