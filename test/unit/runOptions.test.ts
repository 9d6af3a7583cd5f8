import { runOptionsFrom, sendingOptions } from '../../nodes/WhatsAppTemplates/shared/batch/options';

/**
 * How the saved Options and n8n's Request Options become the run's settings. docs/engine.md
 * promises the defaults (Messages In Flight 5, Rate-Limit Retries 5, Longest Rate-Limit Wait
 * 120 s) and n8n's declarative Batching rules (-1 off, 0 as 1).
 */
const panelDefault = (name: string) => sendingOptions.find((option) => option.name === name)!.default;

describe('runOptionsFrom', () => {
	it("nothing saved: the panel's defaults, no batching, n8n's timeout, no proxy, certificates checked", () => {
		expect(runOptionsFrom({}, {})).toEqual({
			concurrency: 5,
			rateLimitRetries: 5,
			maxRetryWaitSeconds: 120,
			dryRun: false,
			batchSize: -1,
			batchIntervalMs: 0,
			timeoutMs: undefined,
			proxy: undefined,
			allowUnauthorizedCerts: false,
		});
		// The panel shows the same defaults the run uses.
		expect([panelDefault('concurrency'), panelDefault('rateLimitRetries'), panelDefault('maxRetryWaitSeconds'), panelDefault('dryRun')]).toEqual([5, 5, 120, false]);
	});

	it('whole numbers are floored and held at their minimum; a value that is no number gets the default', () => {
		const read = (value: number | string) => runOptionsFrom({ concurrency: value, rateLimitRetries: value, maxRetryWaitSeconds: value }, {});
		expect(read(3.9)).toMatchObject({ concurrency: 3, rateLimitRetries: 3, maxRetryWaitSeconds: 3 });
		expect(read('7')).toMatchObject({ concurrency: 7, rateLimitRetries: 7, maxRetryWaitSeconds: 7 });
		expect(read(0)).toMatchObject({ concurrency: 1, rateLimitRetries: 0, maxRetryWaitSeconds: 0 });
		expect(read(-4)).toMatchObject({ concurrency: 1, rateLimitRetries: 0, maxRetryWaitSeconds: 0 });
		expect(read('many')).toMatchObject({ concurrency: 5, rateLimitRetries: 5, maxRetryWaitSeconds: 120 });
		expect(read(Infinity)).toMatchObject({ concurrency: 5, rateLimitRetries: 5, maxRetryWaitSeconds: 120 });
	});

	it('Dry Run as saved', () => {
		expect(runOptionsFrom({ dryRun: true }, {}).dryRun).toBe(true);
		expect(runOptionsFrom({ dryRun: false }, {}).dryRun).toBe(false);
	});

	it("Batching as n8n's declarative nodes read it: -1 or below is off, 0 counts as 1, the pause floored at 0", () => {
		const batching = (batch: object) => runOptionsFrom({}, { batching: { batch } });
		expect(batching({ batchSize: 2, batchInterval: 300.7 })).toMatchObject({ batchSize: 2, batchIntervalMs: 300 });
		expect(batching({ batchSize: 0 })).toMatchObject({ batchSize: 1, batchIntervalMs: 0 });
		expect(batching({ batchSize: -1, batchInterval: -50 })).toMatchObject({ batchSize: -1, batchIntervalMs: 0 });
		expect(batching({ batchSize: -0.5 })).toMatchObject({ batchSize: -1 });
		expect(batching({ batchSize: 2.5 })).toMatchObject({ batchSize: 2 });
		expect(batching({ batchSize: 'some' })).toMatchObject({ batchSize: -1 });
		expect(batching({ batchInterval: 'soon' })).toMatchObject({ batchSize: -1, batchIntervalMs: 0 });
		expect(runOptionsFrom({}, { batching: {} })).toMatchObject({ batchSize: -1, batchIntervalMs: 0 });
	});

	it('Timeout: unset leaves the transport its own; at least 1 ms; a value that is no number is 10 s', () => {
		expect(runOptionsFrom({}, { timeout: 2500.9 }).timeoutMs).toBe(2500);
		expect(runOptionsFrom({}, { timeout: 0 }).timeoutMs).toBe(1);
		expect(runOptionsFrom({}, { timeout: 'later' }).timeoutMs).toBe(10000);
	});

	it('Proxy: an address is parsed once; anything else is kept as the error every item fails with', () => {
		const good = runOptionsFrom({}, { proxy: 'http://user:p%40ss@proxy.example:3128' });
		expect(good.proxy).toEqual({ protocol: 'http', host: 'proxy.example', port: 3128, auth: { username: 'user', password: 'p@ss' } });
		expect(good.proxyError).toBeUndefined();
		const bad = runOptionsFrom({}, { proxy: 'ftp://proxy.example' });
		expect(bad.proxy).toBeUndefined();
		expect(bad.proxyError?.message).toBe('Request Options → Proxy is not a proxy address');
	});

	it('Ignore SSL Issues only when it is exactly true', () => {
		expect(runOptionsFrom({}, { allowUnauthorizedCerts: true }).allowUnauthorizedCerts).toBe(true);
		expect(runOptionsFrom({}, { allowUnauthorizedCerts: 'true' }).allowUnauthorizedCerts).toBe(false);
	});
});
