/**
 * Which API generation a credential speaks (CONTRACT-v2.md, [decided]): its API Version, where
 * Auto (the default, and what a credential saved before the field existed gets) means v2 for a
 * `wm_…` token and v1 for any other.
 */
export const API_VERSION = { auto: 'auto', v1: 'v1', v2: 'v2' } as const;

/** API v2 tokens: `wm_` + 60 letters and digits. */
export const V2_TOKEN_PREFIX = 'wm_';

export interface VersionCredentials {
	apiVersion?: unknown;
	apiToken?: unknown;
}

export const hasV2Token = (credentials: VersionCredentials): boolean =>
	typeof credentials.apiToken === 'string' && credentials.apiToken.trim().startsWith(V2_TOKEN_PREFIX);

export function speaksV2(credentials: VersionCredentials): boolean {
	if (credentials.apiVersion === API_VERSION.v2) return true;
	if (credentials.apiVersion === API_VERSION.v1) return false;
	return hasV2Token(credentials);
}

/** speaksV2 as an n8n expression over `$credentials`, for the credential test's declarative request. */
export const SPEAKS_V2_EXPRESSION =
	`($credentials.apiVersion === ${JSON.stringify(API_VERSION.v2)} || ($credentials.apiVersion !== ${JSON.stringify(API_VERSION.v1)}` +
	` && typeof $credentials.apiToken === "string" && $credentials.apiToken.trim().startsWith(${JSON.stringify(V2_TOKEN_PREFIX)})))`;

/** `v1` or `v2` as the credential test's request needs it: the value itself when both agree, else an expression. */
export function byVersion<T>(v1: T, v2: T): T | string {
	if (JSON.stringify(v1) === JSON.stringify(v2)) return v1;
	return `={{ ${SPEAKS_V2_EXPRESSION} ? ${JSON.stringify(v2)} : ${JSON.stringify(v1)} }}`;
}
