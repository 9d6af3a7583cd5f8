/** v2's POST|DELETE contacts/batch with per-item results, group membership, and the lists (CONTRACT-v2.md, "Contacts (CRM sync)"). */
import { useSandbox } from './helpers';
import { META, envelopeError } from './v2helpers';
import { V2_CONTACT, v2 } from './crmhelpers';

const ref = useSandbox();
const item = (phone: string, more: Record<string, unknown> = {}) => ({ ...V2_CONTACT, phone, ...more });

describe('POST contacts/batch', () => {
	test('per item: created (index, id, phone), errors (index, phone, errors); the rest go on by default', async () => {
		const { sb } = ref;
		const r = await v2(sb, 'POST', 'contacts/batch', { contacts: [item('+4915550000001'), item('+4915550000002', { type: 'vip' }), item('+4915550000003')] });
		expect([r.status, r.data.message, r.data.meta]).toEqual([200, 'Batch operation completed', META]);
		expect(r.data.data).toEqual({
			success: false,
			summary: { total: 3, created: 2, skipped: 0, failed: 1 },
			created: [{ index: 0, id: 100, phone: '+4915550000001' }, { index: 2, id: 101, phone: '+4915550000003' }],
			skipped: [],
			errors: [{ index: 1, phone: '+4915550000002', errors: { type: ['The selected type is invalid.'] } }],
		});
		expect(sb.contacts.slice(-2).map((c) => c.phone)).toEqual(['+4915550000001', '+4915550000003']);
	});

	test('a phone taken (stored, or earlier in the same batch) is an error; skip_duplicates skips it (exact string), without the holder\'s id', async () => {
		const { sb } = ref;
		const body = { contacts: [item('+4915112345678'), item('+4915550000001'), item('+4915550000001'), item('4915112345678')] };
		const plain = await v2(sb, 'POST', 'contacts/batch', body);
		expect(plain.data.data.errors.map((e: { index: number; errors: unknown }) => [e.index, e.errors])).toEqual([
			[0, { phone: ['The phone has already been taken.'] }],
			[2, { phone: ['The phone has already been taken.'] }],
		]);
		sb.reset();
		const skipping = await v2(sb, 'POST', 'contacts/batch', { ...body, options: { skip_duplicates: true } });
		expect(skipping.data.data).toMatchObject({
			success: true,
			summary: { total: 4, created: 2, skipped: 2, failed: 0 },
			skipped: [{ index: 0, phone: '+4915112345678', reason: 'Contact with this phone number already exists' }, { index: 2, phone: '+4915550000001', reason: expect.any(String) }],
		});
	});

	test('e-mail uniqueness is NOT checked in a batch (two contacts may share one)', async () => {
		const { sb } = ref;
		const r = await v2(sb, 'POST', 'contacts/batch', { contacts: [item('+4915550000001', { email: 'ana@example.com' })] });
		expect(r.data.data.summary.created).toBe(1);
		expect(sb.contacts.filter((c) => c.email === 'ana@example.com')).toHaveLength(2);
	});

	test('continue_on_error false: stops at the first failing item; those before it stay created', async () => {
		const { sb } = ref;
		const r = await v2(sb, 'POST', 'contacts/batch', { contacts: [item('+4915550000001'), item('+4915550000002', { status_id: 9 }), item('+4915550000003')], options: { continue_on_error: false } });
		expect(r.data.data).toEqual({
			success: false,
			summary: { total: 3, created: 1, skipped: 0, failed: 1 },
			created: [{ index: 0, id: 100, phone: '+4915550000001' }],
			skipped: [],
			errors: [{ index: 1, phone: '+4915550000002', errors: { status_id: ['The selected status id is invalid.'] } }],
		});
	});

	test('the body: contacts required, non-empty; the quota is checked once, before, so a batch may pass it', async () => {
		const { sb } = ref;
		expect((await v2(sb, 'POST', 'contacts/batch', {})).data).toEqual(envelopeError('VALIDATION_ERROR', 'Validation failed', { contacts: ['The contacts field is required.'] }));
		expect((await v2(sb, 'POST', 'contacts/batch', { contacts: [] })).status).toBe(422);
		sb.configure({ contactQuota: 8 });
		const r = await v2(sb, 'POST', 'contacts/batch', { contacts: [item('+4915550000001'), item('+4915550000002')] });
		expect([r.status, r.data.data.summary.created, sb.contacts.length]).toEqual([200, 2, 9]);
		expect((await v2(sb, 'POST', 'contacts/batch', { contacts: [item('+4915550000003')] })).data.error.code).toBe('FEATURE_LIMIT_EXCEEDED');
	});
});

test('DELETE contacts/batch: deleted ids and the ones not found', async () => {
	const { sb } = ref;
	const r = await v2(sb, 'DELETE', 'contacts/batch', { ids: [1, 99, 2] });
	expect(r.data.data).toEqual({ success: false, summary: { total: 3, deleted: 2, failed: 1 }, deleted: [1, 2], errors: [{ id: 99, error: 'Contact not found.' }] });
	expect((await v2(sb, 'DELETE', 'contacts/batch', { ids: ['1'] })).status).toBe(422);
});

describe('groups and their members', () => {
	test('POST groups/{id}/contacts adds, DELETE removes; already members and non-members reported; unknown ids 422', async () => {
		const { sb } = ref;
		const add = await v2(sb, 'POST', 'groups/2/contacts', { contact_ids: [1, 7, 1] });
		expect(add.data).toEqual({ success: true, data: { group_id: 2, added: [1], already_in_group: [7] }, message: 'Contacts added to group successfully', meta: META });
		expect(sb.contacts.find((c) => c.id === 1)!.group_id).toEqual([2]);
		const remove = await v2(sb, 'DELETE', 'groups/2/contacts', { contact_ids: [1, 5] });
		expect(remove.data.data).toEqual({ group_id: 2, removed: [1], not_in_group: [5] });
		expect((await v2(sb, 'POST', 'groups/2/contacts', { contact_ids: [1, 999] })).data.error.details).toEqual({ 'contact_ids.1': ['The selected contact_ids.1 is invalid.'] });
		expect((await v2(sb, 'POST', 'groups/9/contacts', { contact_ids: [1] })).data).toEqual(envelopeError('NOT_FOUND', 'Group not found.'));
	});

	test('lists with v2\'s query; create, PATCH; a status colour #RRGGBB; names unique', async () => {
		const { sb } = ref;
		const list = await v2(sb, 'GET', 'statuses?search=e&sort=-name');
		expect(list.data.data.map((s: { name: string }) => s.name)).toEqual(['Qualified', 'New', 'Customer']);
		expect((await v2(sb, 'GET', 'statuses?filter[name]=Lost')).data.data).toEqual([expect.objectContaining({ id: 58, color: '#6b7280', isdefault: false })]);
		const g = await v2(sb, 'POST', 'groups', { name: 'Partners' });
		expect([g.status, g.data.message, g.data.data]).toEqual([201, 'Group created successfully', expect.objectContaining({ id: 3, name: 'Partners' })]);
		expect((await v2(sb, 'POST', 'groups', { name: 'partners' })).data.error.details).toEqual({ name: ['The name has already been taken.'] });
		expect((await v2(sb, 'POST', 'statuses', { name: 'Hot', color: 'red' })).data.error.details).toEqual({ color: ['The color field format is invalid.'] });
		expect((await v2(sb, 'POST', 'statuses', { name: 'Hot', isdefault: true })).data.error.details).toEqual({ isdefault: ['The isdefault field is prohibited.'] });
		expect((await v2(sb, 'PATCH', 'sources/3', { name: 'Referrals' })).data.data.name).toBe('Referrals');
	});

	test('delete: 409 RESOURCE_CONFLICT for a status or source in use; a group in use leaves its contacts', async () => {
		const { sb } = ref;
		expect((await v2(sb, 'DELETE', 'statuses/1')).data).toEqual(envelopeError('RESOURCE_CONFLICT', 'Cannot delete status that is in use by contacts.'));
		expect((await v2(sb, 'DELETE', 'sources/1')).status).toBe(409);
		expect((await v2(sb, 'DELETE', 'sources/3')).data).toEqual({ success: true, message: 'Source deleted successfully', meta: META });
		expect((await v2(sb, 'DELETE', 'groups/1')).status).toBe(200);
		expect(sb.contacts.filter((c) => c.id >= 5).map((c) => c.group_id)).toEqual([[], [], [2]]);
	});
});
