/** Types of the sandbox's free-form messages and 24-hour window (window.js), re-exported by index.d.ts. */

import type { ApiVersion, Fields, RecordedFile } from './recorded-types';
import type { WebhookConfig, WebhookDelivery } from './webhook-types';

export type FreeFormRoute = 'messages.send' | 'messages.media' | 'messages.text' | 'messages.interactive';

/** What WhatsApp received for a free-form message, after the platform's own changes. */
export type WhatsAppPayload =
	/** Text: merge tokens ({contact_first_name}, ...) replaced; v1 drops Xobito's message_type keys. */
	| { type: 'text'; text: string }
	/** Media: the upload's public URL or the original URL; no caption for audio, a file name for documents only. */
	| { type: 'image' | 'video' | 'audio' | 'document'; link: string; caption?: string; filename?: string }
	/** v2 interactive: a list without header_text gets the header 'Options'. */
	| { type: 'interactive'; interactive: { type: 'button' | 'list'; body: string; header?: string; footer?: string; buttons?: unknown[]; button?: string | null; sections?: unknown[] } };

/** A free-form send answered 200 with a message id (sb.freeForm). */
export interface FreeFormMessage {
	api: ApiVersion;
	route: FreeFormRoute;
	kind: 'text' | 'media' | 'interactive';
	wamid: string;
	/** The recipient as WhatsApp got it: digits only. */
	digits: string;
	contactId: number;
	contactCreated: boolean;
	/** Fields as validated (body, plus query parameters the body did not have). */
	fields: Fields;
	files: RecordedFile[];
	whatsapp: WhatsAppPayload;
	/** What came and the platform dropped: v1's message_type/header/footer/buttons/button_text/button_url, an audio's caption, a non-document's filename. */
	ignored: Record<string, unknown>;
	/** Media: where an upload was stored (`whatsapp-attachments/<unix second>_<slug>.<ext>`); null for a URL. */
	storedFileName?: string | null;
	/** Media: this upload replaced an earlier one of the same stored name (the platform overwrote that file). */
	overwroteUpload?: boolean;
	/** Whether the recipient had written within config.serviceWindowMs; false: the lifecycle ends in 'failed' 131047. */
	inWindow: boolean;
}

/** What the platform's download of a media URL finds. */
export interface RemoteMediaSpec {
	/** false: the download fails (v1: 200 with an empty body; v2: 500 outside the envelope). Default true. */
	fetchable?: boolean;
	/** The Content-Length in bytes (checked against the kind's limit); default none (the check passes). */
	size?: number;
}

/** A customer's message to the workspace. */
export interface InboundMessage {
	/** Digits, country code first. */
	from: string;
	name: string;
	text: string;
	wamid?: string;
	/** When the customer wrote (default now): the window opens from then. */
	at?: Date | number;
}

export interface WindowConfig {
	/** WhatsApp's customer-service window (default 24 h = 86400000). */
	serviceWindowMs: number;
}

/** The sandbox's free-form and window API (window.js). */
export interface WindowSandbox {
	/** Every accepted free-form message, in order (sb.messages holds template sends only). */
	readonly freeForm: FreeFormMessage[];
	/** Posts the signed inbound message (format 2 whatsapp.message.received, 3 message.received) and opens `from`'s window. */
	emitReceivedMessage(inbound: InboundMessage, overrides?: Partial<WebhookConfig>): Promise<WebhookDelivery[]>;
	/** Opens a phone's window without posting anything (the customer wrote at `at`, default now). */
	openWindow(digits: string, at?: Date | number): void;
	/** ms since the epoch of the phone's last inbound message, or null. */
	lastInbound(digits: string): number | null;
	/** How the platform's download of `url` goes (until reset()); hosts under `.invalid` never download. */
	setRemoteMedia(url: string, spec: RemoteMediaSpec): void;
}
