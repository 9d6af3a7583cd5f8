/** The contacts APIs' side of the sandbox tests' client: any method on v1 or v2, never throwing on a status. */
import axios, { AxiosResponse, Method } from 'axios';
import { Sandbox } from '.';
import { CallOptions, apiUrl } from './helpers';
import { V2CallOptions, v2Url } from './v2helpers';

const base = { validateStatus: () => true };

/** A v1 request under the workspace, JSON body (default token: send). */
export function v1(sb: Sandbox, method: Method, path: string, data?: unknown, opts: CallOptions = {}): Promise<AxiosResponse> {
	const token = opts.token === undefined ? sb.tokens.send : opts.token;
	const headers: Record<string, string> = { Accept: 'application/json', ...(token === null ? {} : { Authorization: `Bearer ${token}` }), ...opts.headers };
	return axios.request({ ...base, method, url: apiUrl(sb, path, opts.subdomain), data, headers, ...opts.config });
}

/** A v2 request, JSON body (default token: full, scope `*`). */
export function v2(sb: Sandbox, method: Method, path: string, data?: unknown, opts: V2CallOptions = {}): Promise<AxiosResponse> {
	const token = opts.token === undefined ? sb.v2Tokens.full : opts.token;
	const headers: Record<string, string> = { Accept: 'application/json', ...(token === null ? {} : { Authorization: `Bearer ${token}` }), ...opts.headers };
	return axios.request({ ...base, method, url: v2Url(sb, path), data, headers, ...opts.config });
}

/** A v1 contact that passes every rule (status and source left to the auto-lead defaults). */
export const V1_CONTACT = { firstname: 'Hana', lastname: 'Ito', phone: '+4915550001111', type: 'lead' };
/** A v2 contact that passes every rule. */
export const V2_CONTACT = { firstname: 'Hana', lastname: 'Ito', phone: '+4915550001111', type: 'lead', status_id: 1, source_id: 2 };

/** v1's error body. */
export const v1Error = (message: string, extra: Record<string, unknown> = {}) => ({ status: 'error', message, ...extra });
