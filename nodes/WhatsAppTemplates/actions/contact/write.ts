import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { findByPhone, remember } from '../../shared/crm/findByPhone';
import { contactOutput, knownNames } from '../../shared/crm/output';
import { runContacts } from '../../shared/crm/run';
import type { Contact, ContactRun, Outcome } from '../../shared/crm/types';
import { fetchContact, isFailed, refused, writeContact } from '../../shared/crm/write';
import { FieldError, requiredText } from '../../shared/validation/fieldError';
import { contactPhone, idValue, readContactInput, type ContactInput } from './parameters';
import { upsertMany } from './upsertMany';

const collection = (run: ContactRun, name: string, i: number) => run.parameters<IDataObject>(name, i, {});

/** The written contact as output, its groups and status named where the run knows them. */
export async function written(run: ContactRun, contact: Parameters<typeof contactOutput>[0], extra: IDataObject = {}): Promise<Outcome> {
	return { ok: true, json: { ...contactOutput(contact, false, await knownNames(run)), ...extra } };
}

/** Contact → Create: a new contact; a taken phone fails (Create or Update writes to the contact that has it). */
export async function createContact(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runContacts<ContactInput>(this, {
		prepare: (run, i) => {
			const top = { firstName: requiredText('First Name', run.parameters('firstName', i, ''), 'Hana'), lastName: requiredText('Last Name', run.parameters('lastName', i, ''), 'Ito'), phone: contactPhone(run.parameters('phone', i, '')) };
			return readContactInput(collection(run, 'additionalFields', i), top);
		},
		work: async (run, i, input) => {
			const contact = await writeContact(run, i, input.fields, input.groupRefs, undefined, {});
			return isFailed(contact) ? contact : await written(run, contact);
		},
	});
}

/** What a lookup by phone found already, so that the item does not look again. */
export interface Looked {
	contact: Contact | undefined;
}

/** One Create or Update item: the contact with its phone (looked up unless `looked`) updated, else created. */
export async function upsertItem(run: ContactRun, i: number, input: ContactInput, looked?: Looked): Promise<Outcome> {
	const phone = input.fields.phone!;
	const current = looked ? looked.contact : await findByPhone(run, i, phone);
	if (isFailed(current)) return current;
	if (!current && !hasNames(input)) {
		return refused(run, i, `No contact has the phone ${phone}, and a new one needs First Name and Last Name`, 'Fill in First Name and Last Name (both APIs require them for a new contact)');
	}
	const contact = await writeContact(run, i, input.fields, input.groupRefs, current, { upsert: true });
	if (isFailed(contact)) return contact;
	await remember(run, contact);
	return await written(run, contact, { created: !current });
}

export const hasNames = (input: ContactInput) => Boolean(input.fields.firstName && input.fields.lastName);

/**
 * Contact → Create or Update, by phone, never a duplicate: the contact with this phone in any
 * stored format is updated (v2: found by search; v1: in the run's index of every contact), else
 * one is created (v2: many new ones in batches). Items with the same phone run one after the
 * other: the first creates, the next ones update.
 */
export async function upsertContact(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runContacts<ContactInput>(this, {
		prepare: (run, i) => {
			const top = { firstName: run.parameters('firstName', i, ''), lastName: run.parameters('lastName', i, ''), phone: contactPhone(run.parameters('phone', i, '')) };
			return readContactInput(collection(run, 'additionalFields', i), top);
		},
		serialKey: (input) => input.fields.phone,
		work: upsertItem,
		workAll: async (run, items) => await upsertMany(run, items),
	});
}

/** Contact → Update, by ID: v2 sends the changes; v1 reads the contact and sends it back whole with them. */
export async function updateContact(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runContacts<ContactInput & { id: number }>(this, {
		prepare: (run, i) => {
			const id = idValue('Contact ID', run.parameters('contactId', i, ''));
			if (id === undefined) throw new FieldError('Contact ID', 'Contact ID is empty', 'Give the ID of the contact, as Get Many outputs it');
			const input = readContactInput(collection(run, 'updateFields', i));
			if (Object.keys(input.fields).length === 0 && !input.groupRefs?.length) {
				throw new FieldError('Update Fields', 'No field to update was given', 'Add at least one field under Update Fields');
			}
			return { ...input, id };
		},
		work: async (run, i, input) => {
			const current = run.contacts.update === 'whole' ? await fetchContact(run, i, input.id) : { id: input.id, fields: {}, names: {} };
			if (isFailed(current)) return current;
			const contact = await writeContact(run, i, input.fields, input.groupRefs, current, { contactId: input.id });
			return isFailed(contact) ? contact : await written(run, contact);
		},
	});
}
