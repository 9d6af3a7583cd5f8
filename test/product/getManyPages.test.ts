import { startSandbox, type Sandbox } from '../sandbox';
import { LIST, readTemplateRecord } from '../support/wire';
import { jsonOut, startProduct, type Product } from './setup';

let product: Product;
let big: Sandbox;
beforeAll(async () => {
	product = await startProduct();
	big = await startSandbox({ moreTemplates: 250 });
});
afterAll(async () => {
	await big.close();
	await product.close();
});

describe('Template → Get Many in a workspace of several pages', () => {
	it('reads every page once and returns every approved template', async () => {
		const result = await product.send(
			{ resource: 'template', operation: 'getMany', returnAll: true },
			{ credentials: { baseUrl: big.baseUrl, apiToken: big.tokens.send } },
		);
		expect(result.error).toBeUndefined();
		const approved = big.templates.map(readTemplateRecord).filter((t) => t.status === 'APPROVED');
		expect(jsonOut(result).map((t) => readTemplateRecord(t).id)).toEqual(approved.map((t) => t.id));
		expect(big.requests.filter((r) => r.route === 'templates.list').map((r) => Number(LIST.pageOf(r.query)))).toEqual([1, 2, 3]);
	});
});
