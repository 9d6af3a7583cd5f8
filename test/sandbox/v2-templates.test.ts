/** API v2's GET templates (paged with meta.pagination and links, filters, search, sort) and GET templates/{template_id}. */
import { TEMPLATES, startSandbox } from '.';
import { useSandbox } from './helpers';
import { META, envelopeError, invalid, v2Get, v2Url } from './v2helpers';

const ref = useSandbox();
const approved = TEMPLATES.filter((t) => t.status === 'APPROVED');

test('the first page: 15 items, meta.pagination, links with only `page` (as Laravel writes them)', async () => {
	const { sb } = ref;
	const r = await v2Get(sb, 'templates');
	expect(r.status).toBe(200);
	expect(Object.keys(r.data)).toEqual(['success', 'data', 'meta', 'links']);
	expect(r.data.meta).toEqual({ pagination: { total: 43, count: 15, per_page: 15, current_page: 1, total_pages: 3, has_more: true }, ...META });
	const page = (n: number) => `${v2Url(sb, 'templates')}?page=${n}`;
	expect(r.data.links).toEqual({ self: page(1), first: page(1), last: page(3), prev: null, next: page(2) });
	expect(r.data.data.map((t: { id: number }) => t.id)).toEqual(TEMPLATES.slice(0, 15).map((t) => t.id));
});

test('the item: v2 fields, template_name and name, buttons_data the stored JSON string, no tenant_id or carousel columns', async () => {
	const { sb } = ref;
	const [order] = (await v2Get(sb, 'templates?per_page=1')).data.data;
	const fixture = TEMPLATES[0];
	expect(order).toEqual({
		id: fixture.id, template_id: fixture.template_id, template_name: 'order_update', name: 'order_update', language: 'en',
		category: 'UTILITY', status: 'APPROVED', header_data_format: 'TEXT', header_data_text: 'Order {{1}}', header_params_count: 1,
		header_file_url: null, header_variable_value: null, body_data: fixture.body_data, body_params_count: 2, body_variable_value: null,
		footer_data: 'Reply STOP to opt out', footer_params_count: 0, buttons_data: '[{"type":"QUICK_REPLY","text":"Thanks"}]',
		message_send_ttl_seconds: null, add_security_recommendation: false, code_expiration_minutes: null, otp_button_config: null,
		components: [], created_at: expect.stringMatching(/\+00:00$/), updated_at: expect.stringMatching(/\+00:00$/),
	});
	const login = (await v2Get(sb, 'templates?search=login_code')).data.data[0];
	expect([login.code_expiration_minutes, login.otp_button_config]).toEqual([10, { otp_type: 'COPY_CODE', text: 'Copy code' }]);
	sb.configure({ v2ButtonsData: 'array' });
	expect((await v2Get(sb, 'templates?per_page=1')).data.data[0].buttons_data).toEqual([{ type: 'QUICK_REPLY', text: 'Thanks' }]);
});

test('per_page up to 100 (more is cut to 100); a page past the end is empty; a bad page is page 1', async () => {
	const { sb } = ref;
	const big = await startSandbox({ moreTemplates: 150 });
	try {
		const r = await v2Get(big, 'templates?per_page=500&page=2');
		expect(r.data.meta.pagination).toEqual({ total: 193, count: 93, per_page: 100, current_page: 2, total_pages: 2, has_more: false });
		expect(r.data.links.next).toBeNull();
	} finally {
		await big.close();
	}
	const past = await v2Get(sb, 'templates?page=9');
	expect([past.data.data, past.data.meta.pagination.count, past.data.meta.pagination.has_more, past.data.links.prev]).toEqual([[], 0, false, `${v2Url(sb, 'templates')}?page=8`]);
	expect((await v2Get(sb, 'templates?page=abc')).data.meta.pagination.current_page).toBe(1);
	for (const bad of ['0', '-1', 'x', '1.5']) {
		const r = await v2Get(sb, `templates?per_page=${bad}`);
		expect([r.status, r.data]).toEqual([422, invalid({ per_page: ['The per page field must be an integer greater than 0.'] })]);
	}
});

test('filter[status|language|category], the operators, search (or q) over name and category', async () => {
	const { sb } = ref;
	const names = async (query: string) => (await v2Get(sb, `templates?per_page=100&${query}`)).data.data.map((t: { template_name: string; language: string }) => `${t.template_name}/${t.language}`);
	expect(await names('filter[status]=APPROVED')).toHaveLength(approved.length);
	expect(await names('filter[status]=APPROVED&filter[language]=de')).toEqual(['order_update/de', 'price_list/de']);
	expect(await names('filter[category]=AUTHENTICATION')).toEqual(['login_code/en', 'password_reset/en', 'two_factor/pt_BR']);
	expect(await names('filter[language][in]=es,fr')).toEqual(['appointment_reminder/es', 'back_in_stock/fr']);
	expect(await names('filter[status][ne]=APPROVED&filter[language][like]=en_')).toEqual(['order_update/en_US']);
	expect(await names('filter[status][not_in]=APPROVED,PENDING')).toEqual(['summer_sale/en', 'newsletter_opt_in/en', 'reorder_reminder/en', 'flash_sale/en']);
	// LIKE: `_` is any one character, so `e_` matches `es` too.
	expect(await names('filter[language][like]=e_')).toContain('appointment_reminder/es');
	expect(await names('search=ORDER_')).toEqual(['order_update/en', 'order_update/de', 'order_update/en_US', 'reorder_reminder/en', 'order_cancelled/de']);
	expect(await names('q=authentication')).toHaveLength(3);
	const r = await v2Get(sb, 'templates?filter[status]=APPROVED&per_page=10&page=2');
	expect(r.data.meta.pagination).toEqual({ total: approved.length, count: 10, per_page: 10, current_page: 2, total_pages: Math.ceil(approved.length / 10), has_more: true });
});

test('sort=template_name,-created_at; unknown filter and sort fields are refused (the platform would ignore them)', async () => {
	const { sb } = ref;
	const sorted = (await v2Get(sb, 'templates?per_page=100&sort=template_name,-created_at')).data.data;
	const keys = sorted.map((t: { template_name: string; created_at: string }) => [t.template_name, t.created_at]);
	const expected = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? 1 : -1));
	expect(keys).toEqual(expected);
	const r = await v2Get(sb, 'templates?filter[name]=x&sort=id');
	expect([r.status, r.data]).toEqual([
		422,
		invalid({
			'filter.name': ['Filtering on name is not supported: status, category, language.'],
			sort: ['Sorting on id is not supported: template_name, created_at, updated_at.'],
		}),
	]);
});

test("GET templates/{template_id}: by Meta's id, wrapped as a JsonResource (`data.data`); the local id is not found", async () => {
	const { sb } = ref;
	const fixture = TEMPLATES[3];
	const r = await v2Get(sb, `templates/${fixture.template_id}`);
	expect(r.status).toBe(200);
	expect(Object.keys(r.data)).toEqual(['success', 'data', 'meta']);
	expect(r.data.data.data).toMatchObject({ id: fixture.id, template_id: fixture.template_id, template_name: 'invoice_ready' });
	sb.configure({ v2ShowWrapped: false });
	expect((await v2Get(sb, `templates/${fixture.template_id}`)).data.data.template_name).toBe('invoice_ready');
	const local = await v2Get(sb, `templates/${fixture.id}`);
	expect([local.status, local.data]).toEqual([404, envelopeError('NOT_FOUND', 'Template not found.')]);
});
