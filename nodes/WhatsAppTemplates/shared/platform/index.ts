/**
 * The platform's tables, one per API generation (v1/: CONTRACT.md, v2/: CONTRACT-v2.md), behind the
 * one Platform interface (types.ts). They are the ONLY place that names paths, wire fields and
 * answer keys: a wire rename is a change in that version's table (and in the sandbox's own,
 * test/sandbox/), nowhere else. Operations get their Platform once per run from the credential.
 */
import type { EndpointCredentials } from '../endpoint';
import { hasV2Token, speaksV2, type VersionCredentials } from './choice';
import type { Platform } from './types';
import { v1 } from './v1';
import { v2, v2WithOtherToken } from './v2';

export type * from './types';
export type * from './contacts';
export { FILE_RULES, KB, MEDIA, acceptedExtensions, type FileRule, type MediaKind, type MediaRule, type MessageMediaKind } from './media';
export { LIMITS } from './limits';
export { seconds } from './json';
export { readTemplate, templateOutput, type PlatformTemplate } from './templateRecord';
/** The keys of the send's contact object (API v1 has one): the node's contact fields describe them. */
export { CONTACT } from './v1/send';
export { API_VERSION, V2_TOKEN_PREFIX } from './choice';
export { CREDENTIAL_TEST } from './credentialTest';
export { v1, v2 };

/** The API generation the credential speaks: its API Version, and under Auto its token's shape. */
export function platformFor(credentials: VersionCredentials): Platform {
	if (!speaksV2(credentials)) return v1;
	return hasV2Token(credentials) ? v2 : v2WithOtherToken;
}

/** The API base the credential's requests go under (the token goes nowhere else). */
export function resolveApiBase(credentials: EndpointCredentials & VersionCredentials): string {
	return platformFor(credentials).apiBase(credentials);
}
