/** Types of the sandbox's outbound webhooks (test/sandbox/webhooks.js), re-exported by index.d.ts. */

/** Outbound webhooks: after each accepted send, `lifecycle` is posted for that message to `url`. */
export interface WebhookConfig {
	url: string;
	/** 1 legacy CRUD envelope (no message events), 2 "n8n format" (forwarded WhatsApp events), 3 Xobito's message.* events. Default 3. */
	format?: 1 | 2 | 3;
	/** Default '123', a stock install's. */
	secret?: string;
	/** Default ['sent', 'delivered', 'read'] ([] for format 1). */
	lifecycle?: Array<'sent' | 'delivered' | 'read' | 'failed'>;
	/** Attempts when the receiver fails (non-2xx, error, 30 s timeout): 1 to 3, default 3. Format 2 message events: always 1. */
	retries?: number;
	/** Multiplies the waits between attempts (1 s, 2 s) and the timeout; default 1. */
	timeScale?: number;
}

export interface RecordChange {
	action: 'created' | 'updated' | 'deleted';
	/** Default 'contact'. */
	resource?: 'contact' | 'status' | 'source';
	record: { id: number | string; [key: string]: unknown };
	previous?: Record<string, unknown> | null;
}

export interface WebhookDelivery {
	/** What X-Webhook-Event carried. */
	event: string;
	format: 1 | 2 | 3;
	url: string;
	attempt: number;
	/** The wamid for lifecycle events. */
	messageId: string | null;
	/** The exact bytes posted (PHP json_encode style). */
	body: string;
	headers: Record<string, string>;
	/** The receiver's status; null when it gave none. */
	status: number | null;
	response: string | null;
	/** 'timeout' or the network error. */
	error: string | null;
}
