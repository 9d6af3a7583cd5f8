/** A small HTTP client for the sandbox tests: real HTTP through axios, never throwing on a status. */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import axios, { AxiosRequestConfig, AxiosResponse } from 'axios';
import FormData from 'form-data';
import { Sandbox, SandboxConfig, startSandbox, SandboxOptions } from '.';

export interface CallOptions {
	/** Default: the send token; null = no Authorization header. */
	token?: string | null;
	/** Default: the sandbox's workspace. */
	subdomain?: string;
	headers?: Record<string, string>;
	config?: AxiosRequestConfig;
}

/** A send that passes everything: plain_notice has no parameters and no header. */
export const PLAIN = { phone_number: '4915123456789', template_name: 'plain_notice', template_language: 'en' };
/** order_update: TEXT header with {{1}}, body with {{1}} and {{2}}. */
export const ORDER = { ...PLAIN, template_name: 'order_update', header_field_1: 'A-17', field_1: 'Ana', field_2: 'A-17' };

export const apiUrl = (sb: Sandbox, path: string, subdomain = sb.subdomain) => `${sb.baseUrl}/api/v1/${subdomain}/${path}`;

function headersFor(sb: Sandbox, opts: CallOptions, data?: unknown) {
	const token = opts.token === undefined ? sb.tokens.send : opts.token;
	const headers: Record<string, string> = { Accept: 'application/json' };
	if (token !== null) headers.Authorization = `Bearer ${token}`;
	if (data instanceof FormData) Object.assign(headers, data.getHeaders());
	return { ...headers, ...opts.headers };
}

/** POST messages/template. */
export const send = (sb: Sandbox, data: unknown, opts: CallOptions = {}) => post(sb, 'messages/template', data, opts);

/** POST a path under the workspace (e.g. 'messages/send'). */
export function post(sb: Sandbox, path: string, data: unknown, opts: CallOptions = {}): Promise<AxiosResponse> {
	return axios.post(apiUrl(sb, path, opts.subdomain), data, {
		validateStatus: () => true,
		maxBodyLength: Infinity,
		maxContentLength: Infinity,
		...opts.config,
		headers: headersFor(sb, opts, data),
	});
}

/** GET a path under the workspace (e.g. 'templates?per_page=5'). */
export function get(sb: Sandbox, path: string, opts: CallOptions = {}): Promise<AxiosResponse> {
	return axios.get(apiUrl(sb, path, opts.subdomain), { validateStatus: () => true, ...opts.config, headers: headersFor(sb, opts) });
}

export type FilePart = [Buffer | Readable, string, string, number?];

/** A multipart body: text fields, then file parts [data, filename, contentType, knownLength?]. */
export function form(fields: Record<string, string>, files: Record<string, FilePart> = {}) {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) f.append(k, v);
	for (const [k, [data, filename, contentType, knownLength]] of Object.entries(files)) {
		f.append(k, data, { filename, contentType, knownLength });
	}
	return f;
}

/** A stream of `size` bytes that never holds more than 1 MB. */
export function bigStream(size: number, fill = 7): Readable {
	let left = size;
	const chunk = Buffer.alloc(1024 * 1024, fill);
	return new Readable({
		read() {
			const n = Math.min(left, chunk.length);
			left -= n;
			this.push(n ? chunk.subarray(0, n) : null);
		},
	});
}

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits until just after a second starts, so that uploads sent now share one storage second. */
export const atSecondStart = () => sleep(1000 - (Date.now() % 1000) + 10);
export const MB = 1024 * 1024;

/** Polls until `condition` holds (a server notices a closed socket asynchronously); gives up after `ms`. */
export async function eventually(condition: () => boolean, ms = 5000): Promise<void> {
	for (const end = Date.now() + ms; !condition() && Date.now() < end; ) await sleep(10);
}

/** One sandbox per test file, reset and reconfigured to defaults before each test. */
export function useSandbox(options: SandboxOptions = {}) {
	const ref = {} as { sb: Sandbox };
	beforeAll(async () => {
		ref.sb = await startSandbox(options);
	});
	afterAll(() => ref.sb.close());
	beforeEach(() => {
		ref.sb.configure({ ...CONFIG_DEFAULTS, ...pick(options) });
		ref.sb.reset();
	});
	return ref;
}

/** The config a test starts from: the platform's own behaviour. */
const CONFIG_DEFAULTS: SandboxConfig = {
	latencyMs: 0,
	rateLimit: null,
	acceptJpg: true,
	invalidTenantStatus: 500,
	v2WindowMs: 60_000,
	v2UnknownFields: 'refuse',
	v2ButtonsData: 'string',
	v2ShowWrapped: true,
	platformVersion: '2.2.0',
	autoLead: { enabled: true, statusId: 1, sourceId: 2, assignedTo: null },
	contactQuota: null,
	serviceWindowMs: 24 * 60 * 60 * 1000,
};

function pick(o: SandboxOptions) {
	const out: Partial<SandboxOptions> = {};
	for (const k of Object.keys(CONFIG_DEFAULTS) as (keyof SandboxConfig)[]) if (k in o) (out as any)[k] = o[k];
	return out;
}
