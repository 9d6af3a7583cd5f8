/** Types of the sandbox's injected faults (faults.js, v2/faults.js), re-exported by index.d.ts. */

import type { ApiVersion, RouteName } from './recorded-types';
import type { V2FaultKind } from './v2-types';

export type FaultKind =
	| 'drop' // the whole body is read, then the socket closes without an answer
	| 'dropMidUpload' // the socket closes while the body arrives
	| 'hang' // never answered
	| 'latency' // `ms` more before the normal answer
	| 'html502' // nginx's 502 page
	| 'nonJson200' // 200 text/html
	| 'system500' // 500 errors.system: maybe sent (free-form routes: error "Internal server error")
	| 'whatsapp500' // 500 errors.whatsapp (#132000 or `code`): WhatsApp refused (free-form routes: error = Graph's JSON as a string, default 131030)
	| 'noMessageId200' // WhatsApp gave no message id: 200 success envelope, data.whatsapp_response = [] (free-form routes: 500 error "No message ID in response")
	| 'statusError200' // 200 {"status":"error",...}
	| 'notConnected503' // free-form routes: 422 whatsapp_connection_not_configured
	| 'optedOut403'
	| 'conversationLimit403'
	| 'tooLarge413'; // nginx's 413 page (HTML)

export interface FaultMatch {
	/** Apply only to requests whose phone (v1 phone_number, v2 phone), as sent, equals this. */
	phone?: string;
	/**
	 * Apply only to this route (e.g. 'messages.media'); default any send. The contact routes take ONLY faults
	 * aimed at them, and only the kinds of CRM_FAULT_KINDS (v1 system500: the route's own 500 failed_to_...;
	 * v2 internalError500, serverError500, html500, contactLimit403 on contacts.create|batch; the network's
	 * kinds), matched on the body's `phone` as sent. They act instead of the work: nothing is written.
	 */
	route?: RouteName;
}

/** What a web server or proxy in front of the platform answers when it redirects. */
export type RedirectStatus = 301 | 302 | 303 | 307 | 308;

/**
 * `api`: the queue it goes to. Default: the one API the sandbox serves; with both, 'v2' for a
 * v2-only kind and 'v1' otherwise (so pass api: 'v2' for a kind both have: the network's kinds,
 * respond, optedOut403, conversationLimit403, noMessageId200). v2 takes the network's kinds of
 * v1 (drop, dropMidUpload, hang, latency, html502, nonJson200, statusError200, tooLarge413) and its own.
 */
export type Fault =
	| {
			kind: FaultKind | V2FaultKind;
			api?: ApiVersion;
			times?: number;
			ms?: number;
			match?: FaultMatch;
			/** v2's MESSAGE_SEND_FAILED / INTERNAL_ERROR kinds: the details.error text. */
			detail?: string;
			/** whatsapp500 / sendFailedWhatsApp500: WhatsApp's error code (131030, 131026, 131047, ...). */
			code?: number;
	  }
	/** Answer anything: a string body goes out as is (default text/plain), anything else as JSON. */
	| { kind: 'respond'; api?: ApiVersion; status: number; body: unknown; contentType?: string; headers?: Record<string, string>; times?: number; match?: FaultMatch }
	/** A 3xx with this Location on arrival, before any check, for `match.route` (default: every request). */
	| { kind: 'redirect'; api?: 'v1'; status: RedirectStatus; location: string; times?: number; match?: { route?: RouteName } };

export interface PendingFault {
	api: ApiVersion;
	kind: FaultKind | V2FaultKind | 'respond' | 'redirect';
	remaining: number;
	ms: number;
	phone?: string;
	route?: RouteName;
}
