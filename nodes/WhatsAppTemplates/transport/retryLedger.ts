import type { IExecuteFunctions } from 'n8n-workflow';

import type { ItemResult } from '../result/itemResult';
import type { WireBody } from '../wire/wireBody';

/**
 * n8n's "Retry On Fail" runs the whole node again after it throws, which would send every
 * message of the failed try a second time. The ledger remembers, per execution and node, what
 * each try sent (or may have sent), so a retry sends only what never went out and repeats the
 * earlier answers for the rest. It lives only between a failed try and its retry.
 */
const ledgers = new Map<string, Map<string, ItemResult>>();
const MAX_LEDGERS = 100;

function fingerprint(index: number, wire: WireBody): string {
	const file = wire.file && { field: wire.file.field, id: wire.file.media.binaryId, size: wire.file.media.size, name: wire.file.media.fileName };
	return JSON.stringify([index, wire.fields, wire.contact ?? null, file ?? null]);
}

export class RetryLedger {
	private readonly entries: Map<string, ItemResult>;

	constructor(private readonly key: string) {
		this.entries = ledgers.get(key) ?? new Map();
	}

	static for(ctx: IExecuteFunctions): RetryLedger | undefined {
		const node = ctx.getNode();
		return node.retryOnFail ? new RetryLedger(`${ctx.getExecutionId()}\u0000${node.name}`) : undefined;
	}

	/** The result of an earlier try that sent the message or may have: it must not be sent again. */
	earlier(index: number, wire: WireBody): ItemResult | undefined {
		const result = this.entries.get(fingerprint(index, wire));
		return result && (result.ok || result.delivery === 'unknown') ? result : undefined;
	}

	/** Keeps this try's results for a retry after a failure. */
	keep(wires: Map<number, WireBody>, results: Map<number, ItemResult>): void {
		for (const [index, result] of results) {
			const wire = wires.get(index);
			if (wire) this.entries.set(fingerprint(index, wire), result);
		}
		ledgers.delete(this.key);
		ledgers.set(this.key, this.entries);
		if (ledgers.size > MAX_LEDGERS) ledgers.delete(ledgers.keys().next().value!);
	}

	/** The node finished: nothing is left to retry. */
	clear(): void {
		ledgers.delete(this.key);
	}
}
