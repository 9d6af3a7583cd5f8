/**
 * The platform's tables, one per API generation (v1/: CONTRACT.md, v2/: CONTRACT-v2.md), behind the
 * one Platform interface (types.ts). They are the ONLY place that names paths, wire fields and
 * answer keys: a wire rename is a change in that version's table (and in the sandbox's own,
 * test/sandbox/), nowhere else. Operations get their Platform once per run from the credential.
 */
import type { EndpointCredentials } from '../endpoint';
import type { Platform } from './types';
import { v1 } from './v1';

export type * from './types';
export { KB, MEDIA, type MediaKind, type MediaRule } from './media';
export { LIMITS } from './limits';
export { readTemplate, templateOutput, type PlatformTemplate } from './templateRecord';
/** The keys of the send's contact object (API v1 has one): the node's contact fields describe them. */
export { CONTACT } from './v1/send';
export { v1 };
export { CREDENTIAL_TEST } from './credentialTest';

/** The API generation the credential speaks. */
export function platformFor(_credentials: EndpointCredentials): Platform {
	return v1;
}
