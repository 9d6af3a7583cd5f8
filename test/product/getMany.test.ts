import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { PATHS } from '../support/wire';
import { jsonOut, startProduct, type Product } from './setup';

let product: Product;
beforeAll(async () => {
	product = await startProduct();
});
afterAll(async () => await product.close());
beforeEach(() => product.sb.reset());

const getMany = { resource: 'template', operation: 'getMany' };
type Record = IDataObject & { template_name: string; language: string; status: string; category: string; buttons_data: unknown };

describe('Template → Get Many', () => {
	it('returns the approved templates by default, every page read once, buttons parsed', async () => {
		const result = await product.send({ ...getMany, returnAll: true });
		expect(result.error).toBeUndefined();
		const out = jsonOut(result) as Record[];
		const approved = product.sb.templates.filter((t) => t.status === 'APPROVED');
		expect(out.map((t) => `${t.template_name}/${t.language}`)).toEqual(approved.map((t) => `${t.template_name}/${t.language}`));
		const lists = product.sb.requests.filter((r) => r.path === PATHS.templates(product.sb.subdomain));
		expect(lists).toHaveLength(product.sb.requests.length);
		const withButtons = out.find((t) => t.template_name === 'shipping_update')!;
		expect(withButtons.buttons_data).toEqual(JSON.parse(approved.find((t) => t.template_name === 'shipping_update')!.buttons_data as string));
		expect(out.find((t) => t.template_name === 'order_update')!.variables).toEqual({ header: 1, body: 2 });
	});

	it.each([
		[{ status: 'PENDING' }, (t: Record) => t.status === 'PENDING'],
		[{ status: '', language: 'de' }, (t: Record) => t.language === 'de'],
		[{ category: 'AUTHENTICATION' }, (t: Record) => t.status === 'APPROVED' && t.category === 'AUTHENTICATION'],
		[{ name: 'ORDER' }, (t: Record) => t.template_name.includes('order')],
		[{ name: 'ORDER', status: 'APPROVED' }, (t: Record) => t.status === 'APPROVED' && t.template_name.includes('order')],
	])('filters by %j', async (filters, keep) => {
		const result = await product.send({ ...getMany, returnAll: true, filters });
		const out = jsonOut(result) as Record[];
		const expected = (product.sb.templates as unknown as Record[]).filter(keep);
		expect(expected.length).toBeGreaterThan(0);
		expect(out.map((t) => t.id)).toEqual(expected.map((t) => t.id));
	});

	it('stops at the limit', async () => {
		const out = jsonOut(await product.send({ ...getMany, limit: 3 }));
		expect(out).toHaveLength(3);
	});

	it('a token without templates.read gets a plain error', async () => {
		const result = await product.send({ ...getMany }, { credentials: { apiToken: product.sb.tokens.noTemplates } });
		const error = result.error as unknown as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('403');
		expect(error.description).toMatch(/ability/);
	});
});
