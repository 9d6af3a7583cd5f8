/**
 * The template sends a sandbox received. The node may read the template list before sending;
 * only a template send can put a message on its way.
 */
import type { RecordedRequest, Sandbox } from '../sandbox';

export const sendsOf = (sb: Sandbox): RecordedRequest[] => sb.requests.filter((r) => r.route === 'messages.template');

/** Every request that is not a send only read: no side effects on the platform. */
export const onlyReads = (sb: Sandbox): boolean => sb.requests.every((r) => r.route === 'messages.template' || r.method === 'GET');
