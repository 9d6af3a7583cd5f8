import { NodeApiError } from 'n8n-workflow';

import { readTemplateRecord, type TemplateFacts } from '../support/wire';
import { APIS, jsonOut, startProduct, type Product } from './setup';

const getMany = { resource: 'template', operation: 'getMany' };

describe.each(APIS)('Template → Get Many (API %s)', (api) => {
	let product: Product;
	beforeAll(async () => {
		product = await startProduct('filesystem', { api });
	});
	afterAll(async () => await product.close());
	beforeEach(() => product.sb.reset());
	const records = () => product.sb.templates.map(readTemplateRecord);

	it('returns the approved templates by default, every page read once, buttons parsed', async () => {
		const result = await product.send({ ...getMany, returnAll: true });
		expect(result.error).toBeUndefined();
		const out = jsonOut(result);
		const listed = out.map(readTemplateRecord);
		const approved = records().filter((t) => t.status === 'APPROVED');
		expect(listed.map((t) => `${t.name}/${t.language}`)).toEqual(approved.map((t) => `${t.name}/${t.language}`));
		const lists = product.sb.requests.filter((r) => r.path === product.paths.templates);
		expect(lists).toHaveLength(product.sb.requests.length);
		const withButtons = listed.find((t) => t.name === 'shipping_update')!;
		expect(withButtons.buttons).toEqual(JSON.parse(approved.find((t) => t.name === 'shipping_update')!.buttons as string));
		expect(out.find((t) => readTemplateRecord(t).name === 'order_update')!.variables).toEqual({ header: 1, body: 2 });
	});

	it.each([
		[{ status: 'PENDING' }, (t: TemplateFacts) => t.status === 'PENDING'],
		[{ status: '', language: 'de' }, (t: TemplateFacts) => t.language === 'de'],
		[{ category: 'AUTHENTICATION' }, (t: TemplateFacts) => t.status === 'APPROVED' && t.category === 'AUTHENTICATION'],
		[{ name: 'ORDER' }, (t: TemplateFacts) => t.name.includes('order')],
		[{ name: 'ORDER', status: 'APPROVED' }, (t: TemplateFacts) => t.status === 'APPROVED' && t.name.includes('order')],
	])('filters by %j', async (filters, keep) => {
		const result = await product.send({ ...getMany, returnAll: true, filters });
		const expected = records().filter(keep);
		expect(expected.length).toBeGreaterThan(0);
		expect(jsonOut(result).map((t) => readTemplateRecord(t).id)).toEqual(expected.map((t) => t.id));
	});

	it('stops at the limit', async () => {
		const out = jsonOut(await product.send({ ...getMany, limit: 3 }));
		expect(out).toHaveLength(3);
	});

	it('a token that may not read templates gets a plain error', async () => {
		const result = await product.send({ ...getMany }, { credentials: { apiToken: product.tokens.noTemplates } });
		const error = result.error as unknown as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('403');
		// v1 names an ability, v2 the scope it lacks (CONTRACT.md, CONTRACT-v2.md).
		expect(`${error.message} ${error.description}`).toMatch(api === 'v1' ? /ability/ : /lacks the scope templates:read/);
	});

	it('a failed read under continue-on-fail: every input item fails with it, on the error output when chosen', async () => {
		const credentials = { apiToken: product.tokens.noTemplates };
		const input = [{ json: { a: 1 } }, { json: { a: 2 } }];
		// v1 names an ability, v2 the scope it lacks (CONTRACT.md, CONTRACT-v2.md).
		const failed = (itemIndex: number) => ({
			error: api === 'v1' ? 'The platform refused the token for this request' : 'The API token lacks the scope templates:read',
			details: { delivery: 'not sent', itemIndex, httpCode: '403', description: expect.stringMatching(api === 'v1' ? /ability/ : /templates:read/) },
		});
		const regular = await product.send({ ...getMany }, { credentials, items: input, onError: 'continueRegularOutput' });
		expect(regular.outputs).toHaveLength(1);
		expect(jsonOut(regular)).toEqual([failed(0), failed(1)]);
		const routed = await product.send({ ...getMany }, { credentials, items: input, onError: 'continueErrorOutput' });
		expect(jsonOut(routed, 0)).toEqual([]);
		expect(jsonOut(routed, 1)).toEqual([{ a: 1, ...failed(0) }, { a: 2, ...failed(1) }]);
		expect(routed.outputs![1].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});
