import type { Contact, ContactFields, ContactRun } from './types';
import { failed, refused, succeeded, unreadable, type Failed } from './write';
import { skipped } from './run';

/** [decided] The platform sets no cap; 100 contacts keep one answer, and what one failure touches, small. */
export const BATCH_SIZE = 100;

/**
 * Creates these new contacts (item index → its fields) with the API's batch route, BATCH_SIZE at a
 * time: one request instead of one per contact. Each item's own end comes back: created with its
 * id, refused with the platform's reason (nothing of it written), or, when the request itself
 * failed, that failure. With continue-on-fail off the platform stops at the first refused item.
 */
export async function createInBatches(run: ContactRun, entries: Array<[number, ContactFields]>): Promise<Map<number, Contact | Failed>> {
	const { contacts } = run;
	const goOn = run.ctx.continueOnFail();
	const out = new Map<number, Contact | Failed>();
	for (let start = 0; start < entries.length; start += BATCH_SIZE) {
		const chunk = entries.slice(start, start + BATCH_SIZE);
		if (run.halted) {
			for (const [i] of chunk) out.set(i, skipped(run.node, i));
			continue;
		}
		const answer = await run.call(contacts.routes.batch!, { body: contacts.batchBody!(chunk.map(([, fields]) => contacts.createBody(fields)), goOn) });
		const read = succeeded(answer) ? contacts.readBatch!(answer.body) : undefined;
		chunk.forEach(([i, fields], k) => {
			if (!succeeded(answer)) return out.set(i, failed(run.failure(i, answer, { phone: fields.phone, upsert: true }, true)));
			if (!read) return out.set(i, unreadable(run, i, answer, true));
			const item = read.get(k);
			// Not in the answer: the platform stopped before it (continue_on_error off).
			if (!item) return out.set(i, skipped(run.node, i));
			if (item.ok) return out.set(i, { id: item.id, fields, names: {} });
			const refusal = contacts.explainBatchItem!(item.errors, { phone: fields.phone, upsert: true });
			return out.set(i, refused(run, i, refusal.message, refusal.advice ?? ''));
		});
		if (!goOn && [...out.values()].some((v) => 'ok' in v && !v.ok)) run.halted = true;
	}
	return out;
}
