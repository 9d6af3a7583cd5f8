import type { INodeListSearchResult, INodeParameters, ResourceMapperFields } from 'n8n-workflow';

import { WhatsAppTemplatesApi } from '../../credentials/WhatsAppTemplatesApi.credentials';
import { WhatsAppTemplates } from '../../nodes/WhatsAppTemplates/WhatsAppTemplates.node';
import { callNodeMethod } from '../engine/harness';
import { startSandbox, type Sandbox } from '../sandbox';
import { LIST, readTemplateRecord, wireBody } from '../support/wire';
import { wireBodyV2 } from '../support/wireV2';
import { APIS, BASE_PARAMS, TYPE_NAME, jsonOut, sends, startProduct, type Product } from './setup';

describe.each(APIS)('API %s', (api) => {
	let product: Product;
	let big: Sandbox;
	beforeAll(async () => {
		product = await startProduct('filesystem', { api });
		big = await startSandbox({ moreTemplates: 250 });
	});
	afterAll(async () => {
		await big.close();
		await product.close();
	});
	beforeEach(() => product.sb.reset());

	/** The credential a user of this API makes for `sb`. */
	const credentialOf = (sb: Sandbox, token?: string) =>
		api === 'v1' ? { baseUrl: sb.baseUrl, subdomain: sb.subdomain, apiToken: token ?? sb.tokens.send } : { baseUrl: sb.baseUrl, apiToken: token ?? sb.v2Tokens.send };
	const expectedBody = api === 'v1' ? wireBody : wireBodyV2;
	// API v2's template list has no template_type or cards_json: a carousel cannot be told there.
	const carousel = api === 'v1';

	const call = async <T>(method: 'searchTemplates' | 'getTemplateFields', parameters: INodeParameters, sb: Sandbox = product.sb, token?: string) =>
		await callNodeMethod<T>({
			nodeType: new WhatsAppTemplates(),
			typeName: TYPE_NAME,
			credentialTypes: [new WhatsAppTemplatesApi()],
			credentials: { whatsAppTemplatesApi: credentialOf(sb, token) as never },
			parameters: { resource: 'message', operation: 'sendTemplate', templateSource: 'fromList', ...parameters },
			kind: method === 'searchTemplates' ? 'listSearch' : 'resourceMapping',
			method,
			args: method === 'searchTemplates' ? [parameters.filter] : [],
		});
	const picked = (value: string) => ({ template: { __rl: true, mode: 'list', value } });

	describe('the template picker', () => {
		it('lists exactly the approved templates, across every page', async () => {
			const { results } = await call<INodeListSearchResult>('searchTemplates', {}, big);
			const approved = big.templates.map(readTemplateRecord).filter((t) => t.status === 'APPROVED').map((t) => `${t.name}|${t.language}`);
			expect(approved.length).toBeGreaterThan(200);
			expect(results.map((r) => r.value).sort()).toEqual([...approved].sort());
			expect(big.requests.filter((r) => r.route === 'templates.list').map((r) => LIST.pageOf(r.query))).toEqual(['1', '2', '3']);
		});

		it('names each with language, category and header kind, flags what cannot be sent, and searches by name', async () => {
			const { results } = await call<INodeListSearchResult>('searchTemplates', { filter: 'ORDER_up' });
			expect(results.map((r) => r.name)).toEqual(['order_update (de, UTILITY, text header)', 'order_update (en, UTILITY, text header)']);
			const all = (await call<INodeListSearchResult>('searchTemplates', {})).results;
			if (carousel) expect(all.find((r) => r.value === 'spring_carousel|en')!.name).toMatch(/⚠ cannot be sent$/);
			expect(all.find((r) => r.value === 'named_greeting|en')!.name).toMatch(/⚠ cannot be sent$/);
			expect(all.find((r) => r.value === 'shipping_update|en')!.name).toMatch(/⚠ button values may be dropped$/);
			expect(all.find((r) => r.value === 'invoice_ready|en')!.name).toBe('invoice_ready (en, UTILITY, document header)');
		});

		it('says in the list when the token may not read templates, in the words of its API', async () => {
			const scope = api === 'v1' ? /needs the ability templates\.read\)\. API access may be disabled/ : /lacks the scope templates:read(?!.*API access)/;
			const failure = call('searchTemplates', {}, product.sb, product.tokens.noTemplates);
			await expect(failure).rejects.toThrow(/^Could not list the templates\. .*"By Name and Language".*sending still works\.$/);
			await expect(failure).rejects.toThrow(scope);
		});

		if (api === 'v2') {
			it("names the token's IP allow-list when n8n's address is not on it (v2 has no switch for API access)", async () => {
				const token = product.sb.addV2Token({ scopes: ['templates:read'], ipAllowList: ['203.0.113.9'] });
				const failure = call('searchTemplates', {}, product.sb, token);
				await expect(failure).rejects.toThrow(/^Could not list the templates\. .*IP allow-list.*"By Name and Language"/);
				await expect(failure).rejects.not.toThrow(/API access is disabled|may not read templates/);
			});
		}
	});

	describe("the picked template's own fields", () => {
		it.each([
			['order_update|en', ['headerText', 'var1', 'var2'], /Header \{\{1\}\} in “Order \{\{1\}\}”/],
			['invoice_ready|en', ['documentUrl', 'documentBinaryField', 'documentFilename', 'var1'], /Header document/],
			['welcome_video|en', ['videoUrl', 'videoBinaryField'], /Header video/],
			['plain_notice|en', [], undefined],
			['shipping_update|en', ['var1', 'var2', 'button0'], /Button 0: Track parcel: https:\/\/x\.test\/track\/\{\{1\}\}/],
			['login_code|en', ['var1'], /one-time password/],
		])('%s', async (value, ids, label) => {
			const { fields } = await call<ResourceMapperFields>('getTemplateFields', picked(value));
			expect(fields.map((f) => f.id)).toEqual(ids);
			if (label) expect(fields.map((f) => f.displayName).join('\n')).toMatch(label);
			// Body variables are required, except the one-time password's (the platform can generate it).
			const body = fields.filter((f) => f.id.startsWith('var'));
			expect(body.map((f) => [f.id, f.required])).toEqual(ids.filter((id) => id.startsWith('var')).map((id) => [id, !value.startsWith('login_code')]));
		});

		it('labels body variables with the template text', async () => {
			const { fields } = await call<ResourceMapperFields>('getTemplateFields', picked('order_update|de'));
			expect(fields.find((f) => f.id === 'var2')!.displayName).toBe('{{2}} in “Hi {{1}}, your order {{2}} is on its way.”');
		});

		it('shows no fields, with the reason, for a template that cannot be sent', async () => {
			if (carousel) expect(await call('getTemplateFields', picked('spring_carousel|en'))).toEqual({ fields: [], emptyFieldsNotice: expect.stringMatching(/carousel/) });
			expect(await call('getTemplateFields', picked('named_greeting|en'))).toEqual({ fields: [], emptyFieldsNotice: expect.stringMatching(/named variables/) });
		});
	});

	describe('a send with a picked template', () => {
		it('sends name, language and the mapped values', async () => {
			const { templateSource: _typed, templateName: _n, templateLanguage: _l, ...rest } = BASE_PARAMS;
			const result = await product.send({
				...rest,
				templateSource: 'fromList',
				...picked('order_update|de'),
				templateValues: { mappingMode: 'defineBelow', value: { headerText: 'A-7', var1: 'Ada', var2: 'A-7' }, matchingColumns: [], schema: [{ id: 'headerText' }, { id: 'var1' }, { id: 'var2' }] },
			});
			expect(result.error).toBeUndefined();
			expect(sends(product)[0].fields).toEqual(expectedBody({ phone: '491512345678', template: 'order_update', language: 'de', headerText: 'A-7', body: ['Ada', 'A-7'] }));
			expect(jsonOut(result)[0].messageId).toBe(product.sb.messages[0].wamid);
		});

		it('sends a document from a binary field named in the values', async () => {
			const { storeBinary } = await import('../engine/harness');
			const binary = await storeBinary(Buffer.from('%PDF-1.4 test'), { fileName: 'Rechnung 7.pdf', mimeType: 'application/pdf' });
			const result = await product.send(
				{
					templateSource: 'fromList',
					...picked('invoice_ready|en'),
					templateValues: { mappingMode: 'defineBelow', value: { documentBinaryField: 'file', var1: 'R-7' }, matchingColumns: [], schema: [{ id: 'documentUrl' }, { id: 'documentBinaryField' }, { id: 'documentFilename' }, { id: 'var1' }] },
				},
				{ items: [{ json: {}, binary: { file: binary } }] },
			);
			expect(result.error).toBeUndefined();
			const [request] = sends(product);
			expect(request.files).toHaveLength(1);
			expect(request.files[0].filename).toMatch(/^rechnung-7-0-[0-9a-f]{12}\.pdf$/);
		});
	});

	// The same bigger workspace serves Get Many's paging.
	describe('Template → Get Many in a workspace of several pages', () => {
		it('reads every page once and returns every approved template', async () => {
			big.reset();
			const result = await product.send(
				{ resource: 'template', operation: 'getMany', returnAll: true },
				{ credentials: credentialOf(big) },
			);
			expect(result.error).toBeUndefined();
			const approved = big.templates.map(readTemplateRecord).filter((t) => t.status === 'APPROVED');
			expect(jsonOut(result).map((t) => readTemplateRecord(t).id)).toEqual(approved.map((t) => t.id));
			expect(big.requests.filter((r) => r.route === 'templates.list').map((r) => Number(LIST.pageOf(r.query)))).toEqual([1, 2, 3]);
		});
	});
});
