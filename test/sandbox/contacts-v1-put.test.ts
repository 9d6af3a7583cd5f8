/** v1's PUT contacts/{id}, a full replace, and each of its traps (CONTRACT.md; platform-notes-v1-more.md §2.4). */
import FormData from 'form-data';
import { useSandbox } from './helpers';
import { V1_CONTACT, v1, v1Error } from './crmhelpers';

const ref = useSandbox();
/** Contact 5 as read, sent back whole with a change: what a node must do. */
async function whole(change: Record<string, unknown>) {
	const row = (await v1(ref.sb, 'GET', 'contacts/5')).data.data;
	const { firstname, lastname, phone, type, email, status_id, source_id, company, description, country_id, assigned_id } = row;
	return { firstname, lastname, phone, type, email, status_id, source_id, company, description, country_id, assigned_id, ...change };
}

test('the whole record sent back with a change: 200 with the row; nulls are fine; the phone may stay its own', async () => {
	const { sb } = ref;
	const r = await v1(sb, 'PUT', 'contacts/5', await whole({ company: 'Wolf GmbH', status_id: 2 }));
	expect([r.status, r.data.message]).toEqual([200, 'contact_update_successfully']);
	expect(r.data.data).toMatchObject({ id: 5, company: 'Wolf GmbH', status_id: 2, source_id: 1, phone: '4917655500005', group_id: [1], email: 'emma@example.de' });
	expect(sb.contacts.find((c) => c.id === 5)).toMatchObject({ company: 'Wolf GmbH', status_id: 2 });
});

test('firstname, lastname, phone, type are required; a contact a send created has lastname "" and cannot be echoed back', async () => {
	const { sb } = ref;
	const r = await v1(sb, 'PUT', 'contacts/4', { firstname: 'Duda', lastname: '', phone: '+5511987654321' });
	expect([r.status, r.data]).toEqual([422, v1Error('validation_failed', { errors: { lastname: ['The lastname field is required.'], type: ['The type field is required.'] } })]);
});

test('status_id above 50 is refused (statuses are numbered across workspaces), even the workspace\'s own', async () => {
	const { sb } = ref;
	expect(sb.crm.statuses.map((s) => s.id)).toContain(57);
	const r = await v1(sb, 'PUT', 'contacts/5', await whole({ status_id: 57 }));
	expect([r.status, r.data.errors]).toEqual([422, { status_id: ['The status id field must not be greater than 50.'] }]);
});

test('auto-lead on: an omitted status or source is RESET to the default; a default above 50 fails a field never sent', async () => {
	const { sb } = ref;
	const body = await whole({ status_id: 2, source_id: 3 });
	expect((await v1(sb, 'PUT', 'contacts/5', body)).data.data).toMatchObject({ status_id: 2, source_id: 3 });
	const { status_id: s, source_id: o, ...rest } = body;
	expect([s, o]).toEqual([2, 3]);
	expect((await v1(sb, 'PUT', 'contacts/5', rest)).data.data).toMatchObject({ status_id: 1, source_id: 2 });
	sb.configure({ autoLead: { statusId: 57 } });
	expect((await v1(sb, 'PUT', 'contacts/5', rest)).data.errors).toEqual({ status_id: ['The status id field must not be greater than 50.'] });
	sb.configure({ autoLead: { enabled: false } });
	expect((await v1(sb, 'PUT', 'contacts/5', { ...rest, status_id: 2 })).data.data).toMatchObject({ status_id: 2, source_id: 2 });
});

test('a default assignee set: EVERY PUT fails with a 500 (`assignee`), and nothing changes', async () => {
	const { sb } = ref;
	sb.configure({ autoLead: { assignedTo: 4 } });
	const r = await v1(sb, 'PUT', 'contacts/5', await whole({ company: 'X' }));
	expect([r.status, r.data]).toEqual([
		500,
		v1Error('failed_to_update_contact', { error: 'Add fillable property [assignee] to allow mass assignment on [App\\Models\\Tenant\\Contact].' }),
	]);
	expect(sb.contacts.find((c) => c.id === 5)!.company).toBeNull();
	// A create takes the default assignee instead.
	expect((await v1(sb, 'POST', 'contacts', V1_CONTACT)).data.data.assigned_id).toBe(4);
});

test('what is left out keeps its value (except status and source); groups replace only when given, never cleared', async () => {
	const { sb } = ref;
	const r = await v1(sb, 'PUT', 'contacts/7', { firstname: 'Greta', lastname: 'Lang', phone: '+4917655500007', type: 'customer', status_id: 1, source_id: 1, groups: '' });
	expect(r.data.data).toMatchObject({ phone: '+4917655500007', type: 'customer', group_id: [1, 2] });
	const g = await v1(sb, 'PUT', 'contacts/7', { firstname: 'Greta', lastname: 'Lang', phone: '+4917655500007', type: 'customer', status_id: 1, source_id: 1, groups: 'Newsletter' });
	expect(g.data.data.group_id).toEqual([2]);
});

test('the phone and e-mail stay unique (another contact\'s are taken); strict mode as on create; 404', async () => {
	const { sb } = ref;
	const taken = await v1(sb, 'PUT', 'contacts/5', await whole({ phone: '+4915112345678', email: 'ana@example.com' }));
	expect(taken.data.errors).toEqual({ phone: ['The phone has already been taken.'], email: ['The email has already been taken.'] });
	const strict = await v1(sb, 'PUT', 'contacts/5', await whole({ id: 5 }));
	expect([strict.status, strict.data.error]).toEqual([500, expect.stringContaining('[id]')]);
	expect((await v1(sb, 'PUT', 'contacts/999', await whole({}))).data).toEqual(v1Error('contact_not_found'));
});

test('a multipart PUT arrives empty (PHP parses no multipart body on PUT): every required field is missing', async () => {
	const { sb } = ref;
	const f = new FormData();
	for (const [k, v] of Object.entries(V1_CONTACT)) f.append(k, v);
	const r = await v1(sb, 'PUT', 'contacts/5', f, { headers: f.getHeaders() });
	expect(Object.keys(r.data.errors).sort()).toEqual(['firstname', 'lastname', 'phone', 'type']);
});
