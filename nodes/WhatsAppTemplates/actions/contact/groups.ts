import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runContacts } from '../../shared/crm/run';
import type { ContactRun, Outcome } from '../../shared/crm/types';
import { failed, fetchContact, isFailed, refused, succeeded, writeContact } from '../../shared/crm/write';
import { FieldError } from '../../shared/validation/fieldError';
import { idValue } from './parameters';

interface Membership {
	contactId: number;
	groupId: number;
}

function prepare(run: ContactRun, i: number): Membership {
	const contactId = idValue('Contact ID', run.parameters('contactId', i, ''));
	const groupId = idValue('Group', run.parameters('group', i, ''));
	if (contactId === undefined) throw new FieldError('Contact ID', 'Contact ID is empty', 'Give the ID of the contact, as Get Many outputs it');
	if (groupId === undefined) throw new FieldError('Group', 'Group is empty', 'Pick the group from the list, or give its ID');
	return { contactId, groupId };
}

/**
 * Where the API has no membership route (v1), the contact is written back whole with its groups
 * changed. v1 cannot empty a contact's groups: taking it out of its last one is refused plainly.
 */
async function viaContact(run: ContactRun, i: number, { contactId, groupId }: Membership, add: boolean): Promise<Outcome> {
	const current = await fetchContact(run, i, contactId);
	if (isFailed(current)) return current;
	const groups = current.fields.groups ?? [];
	const result = { ok: true as const, json: { contactId, groupId, [add ? 'added' : 'removed']: true } };
	if (groups.includes(groupId) === add) return result; // nothing to change
	const next = add ? [...groups, groupId] : groups.filter((g) => g !== groupId);
	if (next.length === 0) {
		return refused(run, i, `Group ${groupId} is the contact's only group, and API v1 cannot leave a contact without groups`, 'Add the contact to another group first, or use an API v2 token');
	}
	const contact = await writeContact(run, i, {}, next.map(String), current, { contactId });
	return isFailed(contact) ? contact : result;
}

function membership(add: boolean) {
	return async function (this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runContacts<Membership>(this, {
			prepare,
			// One contact's items one after the other: v1 writes its whole group list each time.
			serialKey: (item) => String(item.contactId),
			work: async (run, i, item) => {
				const { contacts } = run;
				const route = add ? contacts.routes.addToGroup : contacts.routes.removeFromGroup;
				if (!route || !contacts.membershipBody) return await viaContact(run, i, item, add);
				const answer = await run.call(route, { id: item.groupId, body: contacts.membershipBody([item.contactId]) });
				if (!succeeded(answer)) return failed(run.failure(i, answer, { contactId: item.contactId, listKind: 'groups' }, true));
				return { ok: true, json: { contactId: item.contactId, groupId: item.groupId, [add ? 'added' : 'removed']: true } };
			},
		});
	};
}

/** Contact → Add to Group. */
export const addToGroup = membership(true);
/** Contact → Remove From Group. */
export const removeFromGroup = membership(false);
