import { readPages, type ListFailure } from '../pagedList';
import { phoneKey } from '../validation/phone';
import { listFailed, type Failed } from './write';
import type { Contact, ContactRun } from './types';

/** Every contact by its phone's digits, whatever the stored format. */
export type PhoneIndex = Map<string, Contact>;

/** Of several contacts with the same digits, the one stored as the node writes it, else the oldest. */
function preferred(matches: Contact[], phone: string): Contact | undefined {
	return matches.find((c) => c.fields.phone === phone) ?? [...matches].sort((a, b) => a.id - b.id)[0];
}

function indexOf(contacts: Contact[]): PhoneIndex {
	const byDigits = new Map<string, Contact[]>();
	for (const contact of contacts) {
		const key = phoneKey(contact.fields.phone);
		if (key !== undefined) byDigits.set(key, [...(byDigits.get(key) ?? []), contact]);
	}
	return new Map([...byDigits].map(([key, matches]) => [key, preferred(matches, `+${key}`)!]));
}

/**
 * The run's index of the workspace's contacts, for an API that cannot search (v1): every page read
 * once per run, through the gate; the writes of the run keep it current.
 */
export function phoneIndex(run: ContactRun): Promise<PhoneIndex | { failure: ListFailure }> {
	return run.once('phoneIndex', async () => {
		const { contacts } = run;
		const read = await readPages(run.ctx, run.platform, run.options, contacts.routes.list, (page) => contacts.listQuery(page), contacts.readPage);
		// Every item that needs the index fails with this one answer.
		if (!read.ok) return { failure: read.failure };
		return indexOf(read.records.map(contacts.readContact).filter((c): c is Contact => c !== undefined));
	});
}

/** The contact that has this phone (`+` and digits) in any stored format, undefined when none, or why it could not be looked up. */
export async function findByPhone(run: ContactRun, index: number, phone: string): Promise<Contact | undefined | Failed> {
	const { contacts } = run;
	const digits = phone.slice(1);
	if (contacts.findsPhoneBy === 'index' || !contacts.phoneQuery) {
		const byPhone = await phoneIndex(run);
		if ('failure' in byPhone) return listFailed(run, index, byPhone.failure, {});
		return byPhone.get(digits);
	}
	// The search matches part of a stored phone: the digits find "+49…", "0049…" and "49…"; the exact match is the node's.
	const read = await readPages(run.ctx, run.platform, run.options, contacts.routes.list, (page) => contacts.phoneQuery!(digits, page), contacts.readPage);
	if (!read.ok) return listFailed(run, index, read.failure, {});
	const matches = read.records.map(contacts.readContact).filter((c): c is Contact => c !== undefined && phoneKey(c.fields.phone) === digits);
	return preferred(matches, phone);
}

/** After a write, the index holds the contact as written (the next item with its phone updates it). */
export async function remember(run: ContactRun, contact: Contact): Promise<void> {
	if (run.contacts.findsPhoneBy !== 'index') return;
	const byPhone = await phoneIndex(run);
	const key = phoneKey(contact.fields.phone);
	if (!('failure' in byPhone) && key !== undefined) byPhone.set(key, contact);
}
