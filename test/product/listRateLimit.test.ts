/**
 * A list read under the rate limit (shared/batch/gatedRequest.ts): the template list that Check
 * Template Before Sending reads goes through the same 429 rules as a send, Rate-Limit Retries and
 * Longest Rate-Limit Wait included. API v1 only: the rule is the engine's, not the generation's
 * (v2's 429s are read by its Platform, tested in v2RateLimit.test.ts).
 */
import { jsonOut, sends, startProduct, type Product, hintsOf as hints } from './setup';


let product: Product;
beforeAll(async () => {
	product = await startProduct();
});
afterAll(async () => await product.close());
beforeEach(async () => {
	product.sb.reset();
	// One request per second; the first send spends the window, so the check's list read meets a 429 naming 1 s.
	product.sb.configure({ latencyMs: 0, rateLimit: { max: 1, windowMs: 1000 } });
	expect((await product.send({ options: { checkTemplate: false } })).error).toBeUndefined();
});
afterEach(() => product.sb.configure({ rateLimit: null }));

const listReads = () => product.sb.requests.filter((r) => r.route === 'templates.list').map((r) => r.status);

it('a wait exactly as long as allowed is waited: the list is read, then the message goes', async () => {
	const result = await product.send({ options: { maxRetryWaitSeconds: 1, rateLimitRetries: 1 } });
	expect(result.error).toBeUndefined();
	expect(hints(result)).toEqual([]);
	expect(listReads()).toEqual([429, 200]);
	expect(jsonOut(result)[0].messageId).toMatch(/^wamid\./);
	expect(sends(product).map((r) => r.status)).toEqual([200, 429, 200]);
});

it('Rate-Limit Retries 0: the 429 is not asked again; the message goes unchecked, and its send gives up the same way', async () => {
	const result = await product.send({ options: { maxRetryWaitSeconds: 5, rateLimitRetries: 0 } }, { onError: 'continueRegularOutput' });
	expect(listReads()).toEqual([429]);
	expect(hints(result)).toEqual([expect.stringMatching(/^Templates were not checked before sending: the template list could not be read \(HTTP 429\)/)]);
	const [failed] = jsonOut(result);
	expect(failed.error).toBe('The platform rate-limited the message');
	expect(failed.details).toMatchObject({ delivery: 'not sent', description: expect.stringMatching(/^Gave up waiting: still rate limited after 0 retries \(Options → Rate-Limit Retries allows more\)\. Run again later/) });
	expect(sends(product).map((r) => r.status)).toEqual([200, 429]);
});
