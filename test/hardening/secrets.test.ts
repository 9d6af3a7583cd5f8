/**
 * The API token never shows up in anything a run produces. Workflows fail every way they can,
 * under each On Error setting, with a distinctive token; then everything the run left behind is
 * searched for it: output items, the error instance (all own properties, enumerable or not,
 * `cause` chains included), the copy n8n stored in the run data, the whole run, the log lines,
 * and the credential test's result. The token must have reached the sandbox in the
 * Authorization header wherever a request was made, so the search is not vacuous.
 *
 * Log level: N8N_LOG_LEVEL is set to debug before the engine starts, but the harness's capturing
 * logger (test/engine/engine-env.js) records every level whatever N8N_LOG_LEVEL says, so debug
 * and verbose lines are searched either way.
 */
process.env.N8N_LOG_LEVEL = 'debug';

import { inspect } from 'node:util';

import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { WhatsAppTemplatesApi } from '../../credentials/WhatsAppTemplatesApi.credentials';
import { WhatsAppTemplates } from '../../nodes/WhatsAppTemplates/WhatsAppTemplates.node';
import { credentialTest, getLogs, runNode, setupEngine, storeBinary, teardownEngine, type OnError, type RunNodeResult } from '../engine/harness';
import { startSandbox, type FaultKind, type Sandbox } from '../sandbox';
import { BASE_PARAMS, TYPE_NAME } from '../product/setup';

// Distinctive, and the part after the prefix is what is searched for (catches partial masking),
// in any letter case (a value shown lower-cased still gives the token away).
const TOKEN = 'apitk_Zq7SECRETsend0f9e8d7c6b5a4938271605f4e3d2c1b0a';
const NO_SEND = 'apitk_Zq7SECRETread1a2b3c4d5e6f708192a3b4c5d6e7f8091';
const WRONG = 'apitk_Zq7SECRETwrong77aa66bb55cc44dd33ee22ff1100aabbc';
// A stock token: 64 lowercase hex characters (CONTRACT.md).
const STOCK = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const SECRET_CORES = [TOKEN, NO_SEND, WRONG].map((t) => t.slice('apitk_'.length).toLowerCase()).concat(STOCK);

let sb: Sandbox;
beforeAll(async () => {
	expect(process.env.N8N_LOG_LEVEL).toBe('debug');
	await setupEngine({ binaryMode: 'filesystem' });
	sb = await startSandbox({ port: 0, tokens: { send: TOKEN, noSend: NO_SEND } });
});
afterAll(async () => {
	await sb.close();
	await teardownEngine();
});
beforeEach(() => {
	sb.reset();
	sb.configure({ rateLimit: null, latencyMs: 0 });
});

/** JSON of anything, with every own property (enumerable or not) of every object, `cause` and buffers as text. */
function deepJson(value: unknown): string {
	const seen = new WeakSet<object>();
	return JSON.stringify(value, function replacer(_key, val: unknown) {
		if (typeof val === 'bigint') return String(val);
		if (typeof val === 'function') return `[function ${val.name}]`;
		if (typeof val !== 'object' || val === null) return val;
		if (Buffer.isBuffer(val) || val instanceof Uint8Array) return Buffer.from(val).toString('latin1');
		if (seen.has(val)) return '[Circular]';
		seen.add(val);
		if (Array.isArray(val)) return val;
		if (val instanceof Map) return [...val.entries()];
		if (val instanceof Set) return [...val];
		const out: Record<string, unknown> = {};
		for (const name of Object.getOwnPropertyNames(val)) {
			try {
				out[name] = (val as Record<string, unknown>)[name];
			} catch {
				out[name] = '[getter threw]';
			}
		}
		return out;
	});
}

function everything(value: unknown): string {
	return `${deepJson(value) ?? ''}\n${inspect(value, { depth: Infinity, showHidden: true, maxArrayLength: Infinity, maxStringLength: Infinity, getters: true })}`;
}

function expectNoSecret(label: string, text: string) {
	const lower = text.toLowerCase();
	for (const core of SECRET_CORES) {
		const at = lower.indexOf(core);
		// On failure, show where it leaked.
		expect({ label, leak: at === -1 ? null : text.slice(Math.max(0, at - 300), at + 100) }).toEqual({ label, leak: null });
	}
}

interface Case {
	name: string;
	params?: INodeParameters;
	credentials?: IDataObject;
	items?: () => Promise<INodeExecutionData[]>;
	before?: () => void;
	/** The token every request that reached the sandbox must carry; undefined: no request may reach it. */
	sentToken?: string;
	/** A dry run may read the template list, or not. */
	requestOptional?: boolean;
	/** The error message the run fails with (undefined: a dry run, which does not fail). */
	fails?: RegExp;
}

const multipartItem = (size: number) => async () => [
	{ json: {}, binary: { file: await storeBinary({ size }, { fileName: 'secret-test.pdf', mimeType: 'application/pdf' }) } },
];
const binaryDocument = { templateName: 'invoice_ready', headerType: 'document', mediaSource: 'binary', binaryPropertyName: 'file', bodyVariables: { var1: 'A-1' } };
const fault = (kind: FaultKind) => () => sb.injectFault({ kind });

const cases: Case[] = [
	{ name: '401 invalid token', fails: /^The API token was refused$/, credentials: { apiToken: WRONG }, sentToken: WRONG },
	{ name: '403 token without messages.send', fails: /^The platform refused the token for this request$/, credentials: { apiToken: NO_SEND }, sentToken: NO_SEND },
	{ name: 'template not found', fails: /^Template Name: The platform has no template named "no_such_template"/, params: { templateName: 'no_such_template' }, sentToken: TOKEN },
	{ name: '422 template fields', fails: /needs values that were not given: Body Variable \{\{1\}\}/, params: { templateName: 'order_update', options: { checkTemplate: false } }, sentToken: TOKEN },
	{ name: '429 given up', fails: /^The platform rate-limited the message$/, params: { options: { maxRetryWaitSeconds: 1 } }, items: async () => [{ json: {} }, { json: {} }], before: () => sb.configure({ rateLimit: { max: 1, windowMs: 30_000 } }), sentToken: TOKEN },
	{ name: 'invalid tenant subdomain (500)', fails: /^The platform has no workspace with this subdomain$/, credentials: { subdomain: 'nosuch' }, sentToken: TOKEN },
	{ name: 'API not set up (404)', fails: /^The workspace's API is not set up/, credentials: { subdomain: 'noapi' }, sentToken: TOKEN },
	{ name: 'API disabled (403)', fails: /^The platform refused the token for this request$/, credentials: { subdomain: 'disabled' }, sentToken: TOKEN },
	...(
		[
			['system500', /^The platform failed while handling the message \(HTTP 500\)$/],
			['whatsapp500', /^WhatsApp refused the message: \(#132000\)/],
			['html502', /^The platform failed while handling the message \(HTTP 502, not JSON/],
			['nonJson200', /^The platform answered HTTP 200 without a JSON body$/],
			['statusError200', /^The platform answered HTTP 200 but reported an error$/],
			['noMessageId200', /^The platform answered HTTP 200 without a WhatsApp message id$/],
			['drop', /^The connection to the platform broke off before it answered$/],
			['optedOut403', /^The recipient has opted out/],
			['conversationLimit403', /^The workspace's plan limit is reached$/],
			['notConnected503', /^WhatsApp is not connected for this workspace$/],
		] as Array<[FaultKind, RegExp]>
	).map(([kind, fails]): Case => ({ name: kind, fails, before: fault(kind), sentToken: TOKEN })),
	{
		name: 'redirect to another host',
		fails: /^The platform answered with a redirect \(HTTP 307 to http:\/\/127\.0\.0\.2:9\/api\)/,
		before: () => sb.injectFault({ kind: 'redirect', status: 307, location: 'http://127.0.0.2:9/api', match: { route: 'messages.template' } }),
		sentToken: TOKEN,
	},
	{ name: 'system500 on a multipart upload', fails: /^The platform failed while handling the message \(HTTP 500\)$/, params: binaryDocument, items: multipartItem(50_000), before: fault('system500'), sentToken: TOKEN },
	{ name: 'tooLarge413 on a multipart upload', fails: /^The upload is larger than this platform accepts$/, params: binaryDocument, items: multipartItem(50_000), before: fault('tooLarge413'), sentToken: TOKEN },
	{ name: 'dropMidUpload', fails: /^The connection to the platform broke off before it answered$/, params: binaryDocument, items: multipartItem(1_000_000), before: fault('dropMidUpload'), sentToken: TOKEN },
	{ name: 'no answer: timeout', fails: /^The platform did not answer in time$/, params: { requestOptions: { timeout: 300 } }, before: fault('hang'), sentToken: TOKEN },
	{ name: 'connection refused', fails: /^Could not connect to the platform$/, credentials: { baseUrl: 'http://127.0.0.1:1' } },
	{ name: 'invalid input', fails: /^Recipient Phone "call me maybe" contains "c"/, params: { phone: 'call me maybe' } },
	{ name: 'host outside the credential', fails: /^Workspace Subdomain is not a workspace slug/, credentials: { subdomain: 'acme.evil.com' } },
	{ name: 'token pasted into the Platform URL as a password', fails: /^Platform URL must not contain a user name or password/, credentials: { baseUrl: `https://user:${TOKEN}@api.example.com` } },
	{ name: 'token pasted into the Platform URL field', fails: /^Platform URL is not a URL/, credentials: { baseUrl: TOKEN } },
	{ name: 'stock token pasted into Workspace Subdomain', fails: /^Workspace Subdomain is not a workspace slug/, credentials: { subdomain: STOCK, apiToken: STOCK } },
	{ name: 'dry run', params: { options: { dryRun: true } }, sentToken: TOKEN, requestOptional: true },
	{ name: 'dry run, multipart', params: { ...binaryDocument, options: { dryRun: true } }, items: multipartItem(1000), sentToken: TOKEN, requestOptional: true },
];

async function run(c: Case, onError: OnError): Promise<RunNodeResult> {
	c.before?.();
	return await runNode({
		nodeType: new WhatsAppTemplates(),
		typeName: TYPE_NAME,
		credentialTypes: [new WhatsAppTemplatesApi()],
		credentials: { whatsAppTemplatesApi: { baseUrl: sb.baseUrl, subdomain: sb.subdomain, apiToken: TOKEN, ...c.credentials } as never },
		parameters: { ...BASE_PARAMS, ...c.params },
		items: c.items ? await c.items() : undefined,
		onError,
	});
}

const modes: OnError[] = ['stopWorkflow', 'continueRegularOutput', 'continueErrorOutput'];

describe(`${cases.length} ways to fail × ${modes.length} On Error settings: the token appears nowhere`, () => {
	describe.each(modes)('On Error: %s', (onError) => {
		it.each(cases)('$name', async (c) => {
			const logsBefore = getLogs().length;
			const result = await run(c, onError);

			// The run did fail (or was a dry run) in the way intended.
			if (c.params?.options && (c.params.options as IDataObject).dryRun) {
				expect(result.error).toBeUndefined();
				expect(JSON.stringify(result.outputs)).toContain('Bearer [redacted]');
			} else if (onError === 'stopWorkflow') {
				expect(result.error?.message).toMatch(c.fails!);
			} else {
				const out = result.outputs!.flat().map((item) => item.json);
				expect(out.filter((json) => typeof json.error === 'string' && c.fails!.test(json.error))).not.toEqual([]);
			}

			// The search can fail: the token did go out where a request was made.
			if (c.sentToken) {
				if (!c.requestOptional) expect(sb.requests.length).toBeGreaterThan(0);
				for (const request of sb.requests) expect(request.authorization).toBe(`Bearer ${c.sentToken}`);
			} else {
				expect(sb.requests).toHaveLength(0);
			}

			expectNoSecret('output items', JSON.stringify(result.outputs) ?? '');
			expectNoSecret('error', everything(result.error));
			expectNoSecret('error (recorded copy)', everything(result.recordedError));
			expectNoSecret('run data', everything(result.runData));
			expectNoSecret('run', everything(result.run));
			expect(result.logs.length).toBeGreaterThan(0); // debug lines are captured
			expectNoSecret('logs of the run', result.logs.join('\n'));
			expectNoSecret('all logs since the run began', getLogs().slice(logsBefore).join('\n'));
			expectNoSecret('whole result', everything({ ...result, logs: undefined }));
		});
	});
});

describe('controls: the search finds the token where it is', () => {
	it('in a non-enumerable cause of an error', () => {
		const error = new Error('outer');
		Object.defineProperty(error, 'cause', { value: { config: { headers: new Map([['Authorization', `Bearer ${TOKEN}`]]) } }, enumerable: false });
		expect(JSON.stringify(error)).not.toContain(SECRET_CORES[0]);
		expect(deepJson(error).toLowerCase()).toContain(SECRET_CORES[0]);
	});

	it('in the output and run data of a dry run that carries it in a body variable', async () => {
		const result = await run({ name: 'control', params: { templateName: 'ticket_closed', bodyVariables: { var1: TOKEN }, options: { dryRun: true } } }, 'stopWorkflow');
		expect(JSON.stringify(result.outputs).toLowerCase()).toContain(SECRET_CORES[0]);
		expect(everything(result.runData).toLowerCase()).toContain(SECRET_CORES[0]);
		expect(() => expectNoSecret('control', JSON.stringify(result.outputs))).toThrow();
	});
});

describe('the credential test', () => {
	const credentialCases: Array<[string, IDataObject, 'OK' | 'Error', string | undefined]> = [
		['valid token', { apiToken: TOKEN }, 'OK', TOKEN],
		['invalid token (401)', { apiToken: WRONG }, 'Error', WRONG],
		['invalid tenant subdomain (500)', { apiToken: TOKEN, subdomain: 'nosuch' }, 'Error', TOKEN],
		['API not set up (404)', { apiToken: TOKEN, subdomain: 'noapi' }, 'Error', TOKEN],
		['connection refused', { apiToken: TOKEN, baseUrl: 'http://127.0.0.1:1' }, 'Error', undefined],
		['host outside the credential', { apiToken: TOKEN, subdomain: 'acme.evil.com' }, 'Error', undefined],
		['Platform URL with user info', { apiToken: TOKEN, baseUrl: `http://user:${TOKEN}@127.0.0.1:1` }, 'Error', undefined],
		['token pasted into the Platform URL field', { apiToken: TOKEN, baseUrl: TOKEN }, 'Error', undefined],
		['stock token pasted into Workspace Subdomain', { apiToken: STOCK, subdomain: STOCK }, 'Error', undefined],
	];

	it.each(credentialCases)('%s: the result and logs do not contain the token', async (_name, credentials, status, sentToken) => {
		const logsBefore = getLogs().length;
		const result = await credentialTest({
			credentialType: new WhatsAppTemplatesApi(),
			credentials: { baseUrl: sb.baseUrl, subdomain: sb.subdomain, ...credentials } as never,
		});
		expect(result.status).toBe(status);
		// n8n sends a request again after a 401 (its credential refresh hook): every one must carry the token.
		if (sentToken) {
			expect(sb.requests.length).toBeGreaterThan(0);
			for (const request of sb.requests) expect(request.authorization).toBe(`Bearer ${sentToken}`);
		} else {
			expect(sb.requests).toHaveLength(0);
		}
		expectNoSecret('credential test result', everything(result));
		expectNoSecret('logs', getLogs().slice(logsBefore).join('\n'));
	});
});
