import { createInBatches } from '../../shared/crm/batchCreate';
import { findByPhone } from '../../shared/crm/findByPhone';
import { eachItem } from '../../shared/crm/run';
import type { ContactFields, ContactRun, Outcome } from '../../shared/crm/types';
import { isFailed } from '../../shared/crm/write';
import type { ContactInput } from './parameters';
import { hasNames, upsertItem, written, type Looked } from './write';

/**
 * Create or Update of a run's items where the API creates in batches (v2): each phone is looked up
 * once; the new ones go out in batches (an item with an e-mail alone, as only a single create
 * checks that the address is free); then the rest one by one: updates, and later items of a phone
 * a batch created (they find it and update it).
 */
export async function upsertMany(run: ContactRun, items: Map<number, ContactInput>): Promise<Map<number, Outcome>> {
	const phoneOf = (i: number) => items.get(i)!.fields.phone!;
	if (!run.contacts.batchBody) return await eachItem(run, [...items.keys()], phoneOf, (i) => upsertItem(run, i, items.get(i)!));
	const firsts = new Map<string, number>();
	for (const i of items.keys()) if (!firsts.has(phoneOf(i))) firsts.set(phoneOf(i), i);

	const looked = new Map<number, Looked>();
	const results = await eachItem(run, [...firsts.values()], () => undefined, async (i) => {
		const contact = await findByPhone(run, i, phoneOf(i));
		if (isFailed(contact)) return contact;
		looked.set(i, { contact });
		return { ok: true, json: {} };
	});
	for (const [i, result] of results) if (result.ok) results.delete(i);

	const news: Array<[number, ContactFields]> = [...looked]
		.filter(([i, { contact }]) => !contact && hasNames(items.get(i)!) && !items.get(i)!.fields.email && !items.get(i)!.groupRefs?.length)
		.map(([i]) => [i, items.get(i)!.fields]);
	// One new contact costs one request either way.
	if (news.length > 1 && !run.halted) {
		for (const [i, contact] of await createInBatches(run, news)) {
			results.set(i, isFailed(contact) ? contact : await written(run, contact, { created: true }));
		}
	}
	const rest = [...items.keys()].filter((i) => !results.has(i));
	for (const [i, result] of await eachItem(run, rest, phoneOf, (i) => upsertItem(run, i, items.get(i)!, firsts.get(phoneOf(i)) === i ? looked.get(i) : undefined))) {
		results.set(i, result);
	}
	return results;
}
