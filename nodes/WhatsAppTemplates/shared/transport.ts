import type {
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

import { StreamingMultipartBody } from './multipart/multipartBody';
import { platformFor, type Platform, type Route } from './platform';
import type { RunOptions } from './batch/options';

/** The one HTTP entry of the package: every request goes through the credential's authenticate(). */
export const CREDENTIAL_TYPE = 'whatsAppTemplatesApi';

/** Used when n8n's Request Options set no timeout: long enough for a 100 MB upload on a slow line. */
const DEFAULT_TIMEOUT_MS = 300_000;

export interface ApiResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
	/** A 429 the run stopped asking again: why (gatedRequest). */
	gaveUp?: string;
}

/** No HTTP answer: `code` names the network error; `maybeSent`, whether the platform may have received the body. */
export interface TransportFailure {
	failure: { code: string; maybeSent: boolean };
}

// Failures before a connection carried any of the body: the message cannot have gone out.
const NOT_SENT_CODES = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ERR_INVALID_URL|CERT_|ERR_TLS_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_(GET|VERIFY)_)/;

/** Whether a network failure of this code may have come after the platform received the body. */
export const mayHaveArrived = (code: string): boolean => !NOT_SENT_CODES.test(code);

/** The error code somewhere in the chain n8n wraps transport errors in (never the request itself). */
function errorCode(error: unknown): string {
	const seen = new Set<unknown>(); // a cause chain may loop back on itself
	for (let current = error; current !== null && typeof current === 'object' && !seen.has(current); current = (current as { cause?: unknown }).cause) {
		seen.add(current);
		const { code } = current as { code?: unknown };
		if (typeof code === 'string' && code !== '') return code;
	}
	// n8n 1.x's NodeApiError loses its cause (a class field resets it) but keeps the code as httpCode.
	const httpCode = String((error as { httpCode?: unknown } | null | undefined)?.httpCode);
	if (/^[A-Z][A-Z0-9_]+$/.test(httpCode)) return httpCode;
	return 'UNKNOWN';
}

export type RequestBody = IDataObject | StreamingMultipartBody;

/** A request to one of the platform's routes, relative to the workspace's API base. */
export function buildRequest(
	route: Route,
	options: Pick<RunOptions, 'timeoutMs' | 'proxy' | 'allowUnauthorizedCerts'>,
	body?: RequestBody,
	qs?: IDataObject,
): IHttpRequestOptions {
	return {
		method: route.method,
		url: route.path,
		qs,
		// Without it the platform's framework answers errors (413, 405, a fatal 500) as HTML.
		headers: { Accept: 'application/json' },
		body: body as IHttpRequestOptions['body'],
		json: !(body instanceof StreamingMultipartBody),
		returnFullResponse: true,
		// Statuses are mapped to plain-words errors here; n8n's own mapping would lose the platform's words.
		ignoreHttpStatusErrors: true,
		// Axios' redirect layer would buffer a streamed upload whole; the token must not follow a redirect either.
		disableFollowRedirect: true,
		timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		proxy: options.proxy,
		skipSslCertificateValidation: options.allowUnauthorizedCerts,
	};
}

/** Where a request can be made from: an operation's run, or the editor's pickers. */
export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions;

/**
 * The credential, read once per run (execution context). Without it, httpRequestWithAuthentication
 * reads the credential again for every request: in n8n a database read, decryption and expression
 * resolution per message. When this read fails, requests go without it and n8n fails them; the
 * operations find that first (credentialProblem), so that no item reports it as a network failure.
 */
const runCredentials = new WeakMap<RequestContext, Promise<ICredentialsDecrypted | undefined>>();

function credentialsOf(ctx: RequestContext): Promise<ICredentialsDecrypted | undefined> {
	let credentials = runCredentials.get(ctx);
	if (!credentials) {
		// n8n (1.x and 2.x) reads only `data` of the credential it is handed: no id or name needed.
		credentials = ctx.getCredentials(CREDENTIAL_TYPE).then(
			(data) => ({ id: '', name: '', type: CREDENTIAL_TYPE, data }),
			() => undefined,
		);
		runCredentials.set(ctx, credentials);
	}
	return credentials;
}

/**
 * The run's API generation and API base from its credential; `problem`: why the credential cannot
 * be used (n8n cannot read it, or its Platform URL or subdomain is wrong), found before any request,
 * which would report it as a network failure. Every item fails with it.
 */
export async function runEndpoint(ctx: IExecuteFunctions): Promise<{ platform: Platform; apiBase: string; problem?: unknown }> {
	let platform = platformFor({});
	try {
		const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
		platform = platformFor(credentials);
		return { platform, apiBase: platform.apiBase(credentials) };
	} catch (problem) {
		return { platform, apiBase: '', problem };
	}
}

/** The API generation of a picker's credential; a credential n8n cannot read fails in n8n's words, before any request. */
export async function platformOf(ctx: RequestContext): Promise<Platform> {
	return platformFor(await ctx.getCredentials(CREDENTIAL_TYPE));
}

/** Sends one request with the credential: any HTTP answer, or the network failure that prevented one. */
export async function apiRequest(ctx: RequestContext, request: IHttpRequestOptions): Promise<ApiResponse | TransportFailure> {
	const credentialsDecrypted = await credentialsOf(ctx);
	let response: ApiResponse;
	try {
		response = (await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			CREDENTIAL_TYPE,
			request,
			credentialsDecrypted && { credentialsDecrypted },
		)) as ApiResponse;
	} catch (error) {
		const code = errorCode(error);
		return { failure: { code, maybeSent: mayHaveArrived(code) } };
	}
	return { statusCode: response.statusCode, headers: response.headers ?? {}, body: response.body };
}
