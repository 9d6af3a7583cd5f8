/** v1's groups, statuses and sources over real HTTP (platform-notes-v1-more.md §3): one table, three lists, their traps. */
import { useSandbox } from './helpers';
import { v1, v1Error } from './crmhelpers';

const ref = useSandbox();

test('lists: a paginator of rows; statuses carry color and isdefault as 0/1; show and its 404 key', async () => {
	const { sb } = ref;
	const statuses = (await v1(sb, 'GET', 'statuses')).data.data;
	expect(statuses.data.map((s: { id: number; name: string; isdefault: number }) => [s.id, s.name, s.isdefault])).toEqual([
		[1, 'New', 1], [2, 'Customer', 0], [57, 'Qualified', 0], [58, 'Lost', 0],
	]);
	expect((await v1(sb, 'GET', 'sources?per_page=2')).data.data).toMatchObject({ total: 3, last_page: 2, data: [{ id: 1, name: 'Website', tenant_id: 7 }, { id: 2, name: 'API' }] });
	expect((await v1(sb, 'GET', 'groups/2')).data).toEqual({ status: 'success', data: expect.objectContaining({ id: 2, name: 'Newsletter' }) });
	expect((await v1(sb, 'GET', 'groups/9')).data).toEqual(v1Error('groups_not_found'));
	expect((await v1(sb, 'GET', 'statuses/9')).data).toEqual(v1Error('status_not_found'));
	expect((await v1(sb, 'GET', 'sources/9')).data).toEqual(v1Error('source_not_found'));
});

test('create: 201 with the row; the name unique in the workspace (case-insensitively); a status name needs 3+ characters', async () => {
	const { sb } = ref;
	const r = await v1(sb, 'POST', 'groups', { name: 'Partners' });
	expect([r.status, r.data.message, r.data.data]).toEqual([201, 'group_saved_successfully', expect.objectContaining({ id: 3, name: 'Partners' })]);
	expect((await v1(sb, 'POST', 'groups', { name: 'vip' })).data).toEqual(v1Error('validation_failed', { errors: { name: ['The name has already been taken.'] } }));
	expect((await v1(sb, 'POST', 'statuses', { name: 'Ok', color: '#00ff00' })).data.errors).toEqual({ name: ['The name field must be at least 3 characters.'] });
	const status = await v1(sb, 'POST', 'statuses', { name: 'Won', color: '#00ff00' });
	expect([status.data.message, status.data.data.id, status.data.data.isdefault]).toEqual(['status_save_successfully', 90, 0]);
	expect((await v1(sb, 'POST', 'sources', { name: 'Fair' })).data.message).toBe('source_saved_successfully');
});

test('the database\'s traps: a status colour of null or "", a status name past 50 or a source name past 150 characters: 500', async () => {
	const { sb } = ref;
	for (const color of [null, '']) {
		const r = await v1(sb, 'POST', 'statuses', { name: 'Cold', color });
		expect([r.status, r.data.message, r.data.error]).toEqual([500, 'failed_to_create_statuses', expect.stringMatching(/Column 'color' cannot be null/)]);
	}
	expect((await v1(sb, 'POST', 'statuses', { name: 's'.repeat(51) })).data.message).toBe('failed_to_create_statuses');
	expect((await v1(sb, 'POST', 'sources', { name: 's'.repeat(151) })).status).toBe(500);
	expect((await v1(sb, 'POST', 'sources', { name: 's'.repeat(150) })).status).toBe(201);
});

test('strict mode: a key a list does not have is a 500 (color on a source, description on a group)', async () => {
	const { sb } = ref;
	const r = await v1(sb, 'POST', 'sources', { name: 'Fair', color: '#123456' });
	expect([r.status, r.data]).toEqual([500, v1Error('failed_to_create_sources', { error: 'Add fillable property [color] to allow mass assignment on [App\\Models\\Tenant\\Source].' })]);
	expect((await v1(sb, 'PUT', 'groups/2', { name: 'News', description: 'x' })).data.message).toBe('failed_to_update_group');
});

test('update: groups and sources need the name, statuses not; 200 with the row', async () => {
	const { sb } = ref;
	expect((await v1(sb, 'PUT', 'groups/2', {})).data.errors).toEqual({ name: ['The name field is required.'] });
	expect((await v1(sb, 'PUT', 'sources/3', {})).status).toBe(422);
	const s = await v1(sb, 'PUT', 'statuses/58', { color: '#111111' });
	expect([s.status, s.data.message, s.data.data]).toEqual([200, 'status_update_successfully', expect.objectContaining({ name: 'Lost', color: '#111111' })]);
	expect((await v1(sb, 'PUT', 'groups/2', { name: 'newsletter' })).data.data.name).toBe('newsletter');
});

test('isdefault: true clears the default status of EVERY workspace on the installation: counted, and this one\'s default moves', async () => {
	const { sb } = ref;
	expect(sb.crm.defaultsCleared).toBe(0);
	await v1(sb, 'PUT', 'statuses/2', { isdefault: true });
	expect(sb.crm.defaultsCleared).toBe(1);
	expect(sb.crm.statuses.filter((s) => s.isdefault).map((s) => s.id)).toEqual([2]);
	expect((await v1(sb, 'PUT', 'statuses/2', { isdefault: 'yes' })).data.errors).toEqual({ isdefault: ['The isdefault field must be true or false.'] });
	await v1(sb, 'PUT', 'statuses/2', { isdefault: false });
	expect(sb.crm.defaultsCleared).toBe(1);
});

test('delete: 400 while a contact uses it, or for the default status; else 200 without data', async () => {
	const { sb } = ref;
	expect((await v1(sb, 'DELETE', 'groups/1')).data).toEqual(v1Error('group_in_use_notify'));
	expect((await v1(sb, 'DELETE', 'sources/1')).data).toEqual(v1Error('source_in_use_notify'));
	expect((await v1(sb, 'DELETE', 'statuses/1')).data).toEqual(v1Error('default_status_not_delete'));
	expect((await v1(sb, 'DELETE', 'statuses/2')).status).toBe(200);
	// A POST takes a status above 50 (only the PUT refuses it).
	expect((await v1(sb, 'POST', 'contacts', { firstname: 'Ivo', lastname: 'Z', phone: '+4915550009999', type: 'lead', status_id: 58 })).status).toBe(201);
	expect((await v1(sb, 'DELETE', 'statuses/58')).data).toEqual(v1Error('status_delete_in_use_notify'));
	const r = await v1(sb, 'DELETE', 'sources/3');
	expect([r.status, r.data]).toEqual([200, { status: 'success', message: 'source_delete_successfully' }]);
	expect(sb.crm.sources.map((s) => s.id)).toEqual([1, 2]);
});
