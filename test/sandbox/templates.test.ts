/** GET templates (Laravel paginator, every status), GET templates/{id}, and the fixture records. */
import { TEMPLATES, TemplateRecord } from '.';
import { get, useSandbox } from './helpers';

const ref = useSandbox();

const ITEM_KEYS = [
	'id', 'tenant_id', 'template_id', 'template_name', 'language', 'status', 'category', 'header_data_format', 'header_data_text',
	'header_params_count', 'body_data', 'body_params_count', 'footer_data', 'footer_params_count', 'buttons_data', 'template_type', 'cards_json',
];

describe('GET templates', () => {
	test('default per_page 15: the pages together are every record, in order, each once', async () => {
		const { sb } = ref;
		const first = await get(sb, 'templates');
		expect(first.status).toBe(200);
		expect(first.data.status).toBe('success');
		const { last_page, total, per_page } = first.data.data;
		expect([per_page, total, last_page]).toEqual([15, TEMPLATES.length, Math.ceil(TEMPLATES.length / 15)]);
		expect(last_page).toBeGreaterThanOrEqual(3);
		const all: TemplateRecord[] = [];
		for (let page = 1; page <= last_page; page++) {
			const r = await get(sb, `templates?page=${page}`);
			const p = r.data.data;
			expect(p).toMatchObject({ current_page: page, last_page, per_page: 15, total, from: (page - 1) * 15 + 1 });
			expect(p.to).toBe(p.from + p.data.length - 1);
			all.push(...p.data);
		}
		expect(all).toEqual(TEMPLATES);
		expect(sb.templates).toBe(TEMPLATES);
	});

	test('per_page=100 is one page; per_page=1 as in the credential test', async () => {
		const { sb } = ref;
		const big = (await get(sb, 'templates?page=1&per_page=100')).data.data;
		expect([big.current_page, big.last_page, big.data.length, big.next_page_url]).toEqual([1, 1, TEMPLATES.length, null]);
		const one = (await get(sb, 'templates?per_page=1')).data.data;
		expect([one.last_page, one.data]).toEqual([TEMPLATES.length, [TEMPLATES[0]]]);
	});

	test('the Laravel page links carry only `page`; past the end, an empty page', async () => {
		const { sb } = ref;
		const p = (await get(sb, 'templates?page=2&per_page=10')).data.data;
		const path = `${sb.baseUrl}/api/v1/acme/templates`;
		expect(p).toMatchObject({ path, prev_page_url: `${path}?page=1`, next_page_url: `${path}?page=3`, first_page_url: `${path}?page=1` });
		const past = (await get(sb, 'templates?page=99')).data.data;
		expect(past).toMatchObject({ current_page: 99, data: [], from: null, to: null, total: TEMPLATES.length });
		const junk = (await get(sb, 'templates?page=abc')).data.data;
		expect(junk.current_page).toBe(1);
	});

	test.each(['0', 'x', '-5', '1.5'])('per_page=%s is refused (422)', async (perPage) => {
		const r = await get(ref.sb, `templates?per_page=${perPage}`);
		expect([r.status, r.data.errors]).toEqual([422, { per_page: ['The per page field must be an integer greater than 0.'] }]);
	});

	test('GET templates/{id} by the platform id; 404 otherwise', async () => {
		const { sb } = ref;
		const t = TEMPLATES[4];
		expect((await get(sb, `templates/${t.id}`)).data).toEqual({ status: 'success', data: t });
		for (const id of ['9999', 'order_update', t.template_id]) {
			const r = await get(sb, `templates/${id}`);
			expect([r.status, r.data]).toEqual([404, { status: 'error', message: 'Template not found' }]);
		}
	});
});

describe('the fixture records', () => {
	const find = (name: string, language = 'en') => TEMPLATES.find((t) => t.template_name === name && t.language === language)!;

	test('every item has exactly the wire fields; counts match the {{...}} in the text; buttons are a JSON string', () => {
		expect(TEMPLATES.length).toBeGreaterThanOrEqual(40);
		expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(TEMPLATES.length);
		for (const t of TEMPLATES) {
			expect(Object.keys(t)).toEqual(ITEM_KEYS);
			expect(t.body_params_count).toBe((t.body_data.match(/{{(.*?)}}/g) || []).length);
			expect(t.header_params_count).toBe((t.header_data_text?.match(/{{(.*?)}}/g) || []).length);
			if (t.buttons_data !== null) expect(Array.isArray(JSON.parse(t.buttons_data))).toBe(true);
		}
	});

	test('every header kind, category and status is there, and body counts 0..4 and 10', () => {
		const set = (k: keyof TemplateRecord) => new Set(TEMPLATES.map((t) => t[k]));
		expect(set('header_data_format')).toEqual(new Set([null, 'TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION']));
		expect(set('category')).toEqual(new Set(['UTILITY', 'MARKETING', 'AUTHENTICATION']));
		expect(set('status')).toEqual(new Set(['APPROVED', 'PENDING', 'REJECTED', 'PAUSED']));
		for (const n of [0, 1, 2, 3, 4, 10]) expect(TEMPLATES.some((t) => t.body_params_count === n)).toBe(true);
	});

	test('the records other tests rely on', () => {
		for (const language of ['en', 'de']) {
			expect(find('order_update', language)).toMatchObject({
				status: 'APPROVED', category: 'UTILITY', header_data_format: 'TEXT', header_data_text: 'Order {{1}}', header_params_count: 1,
				body_data: 'Hi {{1}}, your order {{2}} is on its way.', body_params_count: 2,
			});
		}
		expect(find('order_update', 'en_US').status).toBe('PENDING');
		expect(find('invoice_ready')).toMatchObject({ status: 'APPROVED', category: 'UTILITY', header_data_format: 'DOCUMENT', body_data: 'Your invoice {{1}} is attached.', body_params_count: 1 });
		expect(find('product_photo')).toMatchObject({ status: 'APPROVED', category: 'MARKETING', header_data_format: 'IMAGE', body_params_count: 1 });
		expect(find('welcome_video')).toMatchObject({ status: 'APPROVED', category: 'MARKETING', header_data_format: 'VIDEO', body_params_count: 0 });
		expect(find('login_code')).toMatchObject({ status: 'APPROVED', category: 'AUTHENTICATION', header_data_format: null, body_data: '{{1}} is your verification code.', body_params_count: 1 });
		expect(find('login_code').buttons_data).toContain('otp{{1}}');
		expect(find('plain_notice')).toMatchObject({ status: 'APPROVED', category: 'UTILITY', header_data_format: null, body_params_count: 0 });
		expect(find('ten_vars')).toMatchObject({ status: 'APPROVED', category: 'UTILITY', header_data_format: null, body_params_count: 10 });
		expect(find('summer_sale')).toMatchObject({ status: 'REJECTED', category: 'MARKETING' });
	});

	test('button kinds, carousel, location and named parameters are represented', () => {
		const buttons = TEMPLATES.flatMap((t) => (t.buttons_data ? JSON.parse(t.buttons_data) : []));
		const types = new Set(buttons.map((b: { type: string }) => b.type));
		expect(types).toEqual(new Set(['QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'COPY_CODE', 'FLOW']));
		expect(buttons.some((b: { url?: string }) => b.url === 'https://x.test/track/{{1}}')).toBe(true);
		expect(buttons.some((b: { url?: string }) => b.url && !b.url.includes('{{'))).toBe(true);
		const carousel = TEMPLATES.find((t) => t.template_type === 'carousel')!;
		expect(JSON.parse(carousel.cards_json!)).toHaveLength(2);
		expect(find('store_location').header_data_format).toBe('LOCATION');
		expect(find('named_greeting').body_data).toContain('{{customer_name}}');
	});
});
