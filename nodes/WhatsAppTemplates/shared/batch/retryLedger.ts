import type { IExecuteFunctions } from 'n8n-workflow';

import type { ItemResult } from './itemResult';

/**
 * n8n's "Retry On Fail" runs the whole node again after it throws, which would send every
 * message of the failed try a second time. The ledger remembers, per execution and node, what
 * each try sent (or may have sent), so a retry sends only what never went out and repeats the
 * earlier answers for the rest. It lives only between a failed try and its retry.
 */
const ledgers = new Map<string, Map<string, ItemResult>>();
const MAX_LEDGERS = 100;

/** An item's request as the ledger recognises it: its index and what would go on the wire. */
export type Fingerprint = string;

export class RetryLedger {
	private readonly entries: Map<Fingerprint, ItemResult>;

	constructor(private readonly key: string) {
		this.entries = ledgers.get(key) ?? new Map();
	}

	static for(ctx: IExecuteFunctions): RetryLedger | undefined {
		const node = ctx.getNode();
		return node.retryOnFail ? new RetryLedger(`${ctx.getExecutionId()}\u0000${node.name}`) : undefined;
	}

	/** The result of an earlier try that sent the message or may have: it must not be sent again. */
	earlier(fingerprint: Fingerprint): ItemResult | undefined {
		const result = this.entries.get(fingerprint);
		return result && (result.ok || result.delivery === 'unknown') ? result : undefined;
	}

	/** Keeps this try's results for a retry after a failure. */
	keep(results: Array<[Fingerprint, ItemResult]>): void {
		for (const [fingerprint, result] of results) this.entries.set(fingerprint, result);
		ledgers.delete(this.key);
		ledgers.set(this.key, this.entries);
		if (ledgers.size > MAX_LEDGERS) ledgers.delete(ledgers.keys().next().value!);
	}

	/** The node finished: nothing is left to retry. */
	clear(): void {
		ledgers.delete(this.key);
	}
}
