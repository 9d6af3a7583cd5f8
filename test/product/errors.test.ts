import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { WhatsAppTemplatesApi } from '../../credentials/WhatsAppTemplatesApi.credentials';
import { credentialTest } from '../engine/harness';
import { jsonOut, startProduct, type Product } from './setup';

let product: Product;
beforeAll(async () => {
	product = await startProduct();
});
afterAll(async () => await product.close());
beforeEach(() => product.sb.reset());

describe('each refusal becomes an error in plain words', () => {
	it.each([
		['401', { credentials: { apiToken: 'apitk_wrong' } }, {}, 401, /^Invalid API token$/, /Check the API Token/],
		['403', { credentials: { apiToken: 'NO_ABILITY' } }, {}, 403, /required ability: messages.send/, /lacks the ability messages.send/],
		['404', {}, { templateName: 'no_such_template' }, 404, /^Template not found$/, /Check Template Name and Language Code/],
		['404 (language)', {}, { templateLanguage: 'fr' }, 404, /^Template not found$/, /Language Code/],
		['422', {}, { templateName: 'summer_promo' }, 422, /^template_name: Template is not APPROVED\.$/, /Fix them/],
	])('%s', async (_name, options, params, status, message, advice) => {
		const credentials = (options as { credentials?: { apiToken: string } }).credentials;
		if (credentials?.apiToken === 'NO_ABILITY') credentials.apiToken = product.sb.tokens.noAbility;
		const result = await product.send(params, { credentials });
		expect(result.error).toBeInstanceOf(NodeApiError);
		const error = result.error as unknown as NodeApiError;
		expect(error.message).toMatch(message);
		expect(error.httpCode).toBe(String(status));
		expect(error.description).toMatch(advice);
		expect(error.description).toMatch(/Nothing was sent\./);
		expect(error.context.itemIndex).toBe(0);
		expect(error.message).not.toMatch(/Bad request - please check your parameters/);
		// n8n resends a request after a 401 unless the node handles the status itself.
		expect(product.sb.requests).toHaveLength(1);
		expect(product.sb.requests[0].status).toBe(status);
	});

	it('429 beyond the allowed wait: rate-limit error, nothing sent', async () => {
		product.sb.configure({ rateLimit: { perSecond: 1, retryAfter: 30 } });
		try {
			const result = await product.send({ options: { maxRetryWaitSeconds: 5 } }, { items: [{ json: {} }, { json: {} }] });
			const error = result.error as unknown as NodeApiError;
			expect(error.httpCode).toBe('429');
			expect(error.message).toBe('Too many requests');
			expect(error.description).toMatch(/asked to wait 30 s, longer than the 5 s allowed/);
			expect(error.context.itemIndex).toBe(1);
			expect(product.sb.stats.byStatus[429]).toBe(1);
		} finally {
			product.sb.configure({ rateLimit: null });
		}
	});

	it('500: may or may not have gone out, sent once', async () => {
		product.sb.injectFault({ kind: '500' });
		const result = await product.send({});
		const error = result.error as unknown as NodeApiError;
		expect(error.message).toBe('Failed to send template message');
		expect(error.httpCode).toBe('500');
		expect(error.description).toMatch(/may or may not have gone out/);
		expect(product.sb.requests).toHaveLength(1);
	});

	it('a refused connection: nothing was sent', async () => {
		const result = await product.send({}, { credentials: { baseUrl: 'http://127.0.0.1:1' } });
		const error = result.error as unknown as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Could not connect to the platform');
		expect(error.description).toMatch(/Nothing was sent.*ECONNREFUSED/);
	});
});

describe('invalid items send nothing', () => {
	it('an invalid item stops the node before any message goes out, naming field, item and fix', async () => {
		const result = await product.send(
			{ phone: '={{ $json.phone }}' },
			{ items: [{ json: { phone: '+49 151 1111111' } }, { json: { phone: '0151 2345678' } }, { json: { phone: '+49 151 3333333' } }] },
		);
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error!.message).toMatch(/^Recipient Phone "0151 2345678" has no country code .* \[item 1\]$/);
		expect(result.error!.description).toMatch(/Replace the leading 0 with the country code.*Nothing was sent/);
		expect(product.sb.requests).toHaveLength(0);
	});

	it('continue-on-fail: one output per input, paired, the invalid one unsent', async () => {
		const result = await product.send(
			{ phone: '={{ $json.phone }}' },
			{
				onError: 'continueRegularOutput',
				items: [{ json: { phone: '+49 151 1111111' } }, { json: { phone: 'abc' } }, { json: { phone: '+49 151 3333333' } }],
			},
		);
		const out = jsonOut(result);
		expect(out).toHaveLength(3);
		expect(result.outputs![0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[0].status).toBe('success');
		expect(out[1]).toEqual({
			error: expect.stringMatching(/Recipient Phone "abc" contains "a".*\[item 1\]/),
			details: { delivery: 'not sent', itemIndex: 1, description: expect.stringMatching(/Use digits only/) },
		});
		expect(out[2].status).toBe('success');
		expect(product.sb.requests.map((r) => r.fields!.phone)).toEqual(['491511111111', '491513333333']);
	});

	it('the error output gets the failed items, the main output the sent ones', async () => {
		const result = await product.send(
			{ templateName: '={{ $json.t }}' },
			{ onError: 'continueErrorOutput', items: [{ json: { t: 'order_update' } }, { json: { t: 'summer_promo' } }] },
		);
		expect(jsonOut(result, 0)).toHaveLength(1);
		expect(jsonOut(result, 1)).toHaveLength(1);
		expect(jsonOut(result, 1)[0]).toMatchObject({
			t: 'summer_promo',
			error: 'template_name: Template is not APPROVED.',
			details: { httpCode: '422', delivery: 'not sent', itemIndex: 1 },
		});
		expect(result.outputs![1][0].pairedItem).toEqual({ item: 1 });
	});
});

describe('credential test', () => {
	const credentialType = new WhatsAppTemplatesApi();
	it('passes for a token that may send, without sending a message', async () => {
		const result = await credentialTest({ credentialType, credentials: product.credentials as never });
		expect(result.status).toBe('OK');
		expect(product.sb.requests[0].status).toBe(422);
		expect(product.sb.messages).toHaveLength(0);
	});

	it('says which of 401 and 403 it was', async () => {
		const bad = await credentialTest({ credentialType, credentials: { ...product.credentials, apiToken: 'apitk_x' } as never });
		expect(bad).toEqual({ status: 'Error', message: expect.stringMatching(/invalid or expired \(HTTP 401\)/) });
		const weak = await credentialTest({ credentialType, credentials: { ...product.credentials, apiToken: product.sb.tokens.noAbility } as never });
		expect(weak).toEqual({ status: 'Error', message: expect.stringMatching(/lacks the ability messages.send \(HTTP 403\)/) });
	});

	it('refuses a host outside the credential before any request', async () => {
		const result = await credentialTest({ credentialType, credentials: { subdomain: 'acme.evil.com', domain: 'example.com', apiToken: 't' } });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/Workspace Subdomain/);
		expect(product.sb.requests).toHaveLength(0);
	});
});
