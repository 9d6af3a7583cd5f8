import type { INodeParameters } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { startSandbox } from '../sandbox';
import { LIST } from '../support/wire';
import { LIST_V2 } from '../support/wireV2';
import { APIS, items, jsonOut, sends, startProduct, type Product, hintsOf as hints } from './setup';


const mismatches: Array<[string, INodeParameters, string, RegExp]> = [
	['an unknown template', { templateName: 'no_such' }, 'Template Name', /The platform has no template named "no_such"/],
	['a language the template does not have', { templateName: 'order_update', templateLanguage: 'fr', headerType: 'text', headerText: 'x', bodyVariables: { var1: 'a', var2: 'b' } }, 'Language Code', /Template "order_update" exists in en \(APPROVED\) and de \(APPROVED\) and en_US \(PENDING\), not in fr/],
	['a pending template', { templateName: 'order_update', templateLanguage: 'en_US' }, 'Template Name', /exists in .*en_US \(PENDING\); only an APPROVED template can be sent/],
	['too few body variables', { templateName: 'order_update', headerType: 'text', headerText: 'x', bodyVariables: { var1: 'a' } }, 'Body Variables', /has 2 body variable\(s\), but 1 was given; its body is "Hi \{\{1\}\}, your order \{\{2\}\} is on its way\."/],
	['too many body variables', { templateName: 'plain_notice', bodyVariables: { var1: 'a' } }, 'Body Variables', /has 0 body variable\(s\), but 1 was given/],
	['a missing header variable', { templateName: 'order_update', bodyVariables: { var1: 'a', var2: 'b' } }, 'Header Text Variable', /has a header with a variable, "Order \{\{1\}\}"/],
	['a missing header image', { templateName: 'product_photo', bodyVariables: { var1: 'a' } }, 'Header', /has an image header, but no header media was given/],
	['media of the wrong kind', { templateName: 'invoice_ready', headerType: 'image', mediaUrl: 'https://x.example/a.png', bodyVariables: { var1: 'a' } }, 'Header', /has a document header, but an image was given/],
	['media for a template without a media header', { templateName: 'plain_notice', headerType: 'document', mediaUrl: 'https://x.example/a.pdf' }, 'Header', /has no media header, but a document was given/],
	['an authentication template without its code', { templateName: 'login_code' }, 'One-Time Password', /authentication template and needs its one-time password/],
	['a carousel', { templateName: 'spring_carousel', headerType: 'image', mediaUrl: 'https://x.example/a.png', bodyVariables: { var1: 'a' } }, 'Template Name', /cannot be sent: it is a carousel template/],
	['a location header', { templateName: 'store_location', bodyVariables: { var1: 'a' } }, 'Template Name', /cannot be sent: it has a location header/],
	['named variables', { templateName: 'named_greeting', bodyVariables: { var1: 'a' } }, 'Template Name', /cannot be sent: it uses named variables/],
];

describe.each(APIS)('Check Template Before Sending (on by default, API %s)', (api) => {
	let product: Product;
	beforeAll(async () => {
		product = await startProduct('filesystem', { api });
	});
	afterAll(async () => await product.close());
	beforeEach(() => product.sb.reset());
	const listReads = () => product.sb.requests.filter((r) => r.path === product.paths.templates);
	const list = api === 'v1' ? LIST : LIST_V2;
	// API v2's template list has no template_type or cards_json (CONTRACT-v2.md): a carousel looks like any image template there.
	const checkable = mismatches.filter(([name]) => api === 'v1' || name !== 'a carousel');
	it.each(checkable)('refuses %s, naming the field and the item, with zero sends', async (_name, params, field, message) => {
		const result = await product.send(params);
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error!.message).toMatch(message);
		expect(result.error!.message).toContain(field);
		expect(result.error!.message).toMatch(/\[item 0\]$/);
		expect(result.error!.description).toMatch(/Nothing was sent for this item\./);
		expect(sends(product)).toHaveLength(0);
	});

	it('reads the list once per run, page by page, never per item: 500 items over 3 templates', async () => {
		// A workspace of 293 templates: three pages of 100.
		// On v2 a token whose limit does not make this a test of pacing.
		const big = await startSandbox({ moreTemplates: 250, v2Tokens: { bulk: { limit: 10_000 } } });
		const templates = ['plain_notice', 'welcome_video', 'bulk_notice_250'];
		const params: INodeParameters = {
			phone: '={{ $json.phone }}',
			templateName: '={{ $json.t }}',
			headerType: '={{ $json.t === "welcome_video" ? "video" : "none" }}',
			mediaUrl: 'https://x.example/v.mp4',
			bodyVariables: { var1: '={{ $json.t === "bulk_notice_250" ? "N-" + $json.n : "" }}' },
			options: { concurrency: 20 },
		};
		const input = items(500, (i) => ({ phone: `4915100${String(i).padStart(6, '0')}`, t: templates[i % 3], n: i }));
		try {
			const result = await product.send(params, { items: input, credentials: { baseUrl: big.baseUrl, apiToken: api === 'v1' ? big.tokens.send : big.v2Tokens.bulk } });
			expect(result.error).toBeUndefined();
			expect(jsonOut(result).filter((o) => o.messageId)).toHaveLength(500);
			const reads = big.requests.filter((r) => r.route === 'templates.list');
			expect(reads.map((r) => r.query)).toEqual([1, 2, 3].map((page) => list.query(page, list.pageSize)));
			expect(big.messages).toHaveLength(500);
		} finally {
			await big.close();
		}
	});

	it('an item that fails the check is refused alone under continue-on-fail; the others go', async () => {
		const result = await product.send({ templateName: '={{ $json.t }}' }, { items: [{ json: { t: 'plain_notice' } }, { json: { t: 'no_such' } }], onError: 'continueRegularOutput' });
		const out = jsonOut(result);
		expect(out[0].messageId).toBe(product.sb.messages[0].wamid);
		expect(out[1].error).toMatch(/no template named "no_such".*\[item 1\]/);
		expect(sends(product)).toHaveLength(1);
	});

	it('a token that may not read templates: sends without the check and says so once', async () => {
		const sandbox = product.sb;
		const result = await product.send({}, { credentials: { apiToken: product.tokens.noTemplates }, items: items(3) });
		expect(result.error).toBeUndefined();
		expect(sends(product)).toHaveLength(3);
		const lacks = api === 'v1' ? 'the ability templates\\.read' : 'the scope templates:read';
		expect(hints(result)).toEqual([expect.stringMatching(new RegExp(`Templates were not checked .*HTTP 403: the token may lack ${lacks}`))]);
		expect(sandbox.requests.filter((r) => r.path === product.paths.templates)).toHaveLength(1);
	});

	it('warns about buttons that stock platforms do not pass on, and sends', async () => {
		const result = await product.send({ templateName: 'shipping_update', bodyVariables: { var1: 'P-1', var2: 'DHL' }, buttonParameters: { button0: 'P-1' } });
		expect(result.error).toBeUndefined();
		expect(sends(product)).toHaveLength(1);
		const template = expect.stringMatching(/shipping_update \(en\) has a button that needs a value .*Stock platforms up to 2\.2\.0 do not pass button values/);
		// API v2 says so for any button value it is given.
		const v2Drops = expect.stringMatching(/Button values were sent as given, but API v2 on stock platforms \(2\.2\.0\) accepts button values and drops them/);
		expect(hints(result)).toEqual(api === 'v1' ? [template] : [template, v2Drops]);
	});

	it('is off when the option is off: the platform answers instead', async () => {
		const result = await product.send({ templateName: 'no_such', options: { checkTemplate: false } });
		expect(result.error!.message).toMatch(/was not found, is not APPROVED/);
		expect(listReads()).toHaveLength(0);
		expect(sends(product)).toHaveLength(1);
	});
});
