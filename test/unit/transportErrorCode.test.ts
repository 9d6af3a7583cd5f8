/**
 * The network error code under n8n's wrapping (shared/transport.ts apiRequest). n8n 2.x's
 * NodeApiError keeps the request's error as `cause`; n8n 1.x's loses it (its ExecutionBaseError
 * declares `cause` as a class field, which resets it) and keeps only the code, as `httpCode`
 * (measured on n8n 1.123.81). Both must name the same failure: a timeout, a refused connection.
 */
import { NodeApiError, type IExecuteFunctions, type INode } from 'n8n-workflow';

import { apiRequest, mayHaveArrived } from '../../nodes/WhatsAppTemplates/shared/transport';

const node: INode = { id: '1', name: 'WhatsApp Templates', type: 'whatsAppTemplates', typeVersion: 1, position: [0, 0], parameters: {} };

/** An execution context whose request helper throws `error`. */
function throwingContext(error: unknown): IExecuteFunctions {
	const ctx = {
		getNode: () => node,
		getCredentials: async () => ({}),
		helpers: {
			httpRequestWithAuthentication: async () => {
				throw error;
			},
		},
	};
	return ctx as unknown as IExecuteFunctions;
}

const requestError = (code: string) => Object.assign(new Error(`request failed: ${code}`), { code });

/** n8n 1.x's NodeApiError as measured: no cause, the code as httpCode, n8n's own message. */
function n8n1NodeApiError(code: string) {
	return Object.assign(new Error('The connection was aborted, perhaps the server is offline'), { name: 'NodeApiError', httpCode: code });
}

const failureOf = async (error: unknown) => {
	const result = await apiRequest(throwingContext(error), { url: '/x', method: 'GET' });
	if (!('failure' in result)) throw new Error('expected a transport failure');
	return result.failure;
};

describe.each([
	['n8n 2.x: the code on the cause', (code: string) => new NodeApiError(node, requestError(code) as never)],
	['n8n 1.x: the cause lost, the code as httpCode', n8n1NodeApiError],
])('%s', (_shape, wrap) => {
	it('a timeout is named ECONNABORTED and may have gone out', async () => {
		expect(await failureOf(wrap('ECONNABORTED'))).toEqual({ code: 'ECONNABORTED', maybeSent: true });
	});
	it('a refused connection is named ECONNREFUSED and was not sent', async () => {
		expect(await failureOf(wrap('ECONNREFUSED'))).toEqual({ code: 'ECONNREFUSED', maybeSent: false });
	});
});

it('an HTTP status as httpCode is no network error code', async () => {
	expect(await failureOf(Object.assign(new Error('x'), { httpCode: '502' }))).toEqual({ code: 'UNKNOWN', maybeSent: true });
});

describe('whether a network failure may have come after the platform received the message', () => {
	// Failures before a connection carried any of the body: DNS, routing, TLS and certificate refusals.
	it.each([
		'ECONNREFUSED',
		'ENOTFOUND',
		'EAI_AGAIN',
		'EHOSTUNREACH',
		'ENETUNREACH',
		'ERR_INVALID_URL',
		'CERT_HAS_EXPIRED',
		'ERR_TLS_CERT_ALTNAME_INVALID',
		'DEPTH_ZERO_SELF_SIGNED_CERT',
		'SELF_SIGNED_CERT_IN_CHAIN',
		'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
		'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	])('%s: not sent', (code) => {
		expect(mayHaveArrived(code)).toBe(false);
	});

	// After the connection was up: the body may have arrived. A code that merely contains a
	// not-sent code is no such code.
	it.each(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ESOCKETTIMEDOUT', 'UNKNOWN', 'X_ECONNREFUSED', 'ERR_CERT', 'UNABLE_TO_DECRYPT'])('%s: may have gone out', (code) => {
		expect(mayHaveArrived(code)).toBe(true);
	});
});

describe('the code in the chain n8n wraps errors in', () => {
	it('is found on a cause of a cause; an empty code is skipped', async () => {
		const inner = requestError('ECONNREFUSED');
		const middle = Object.assign(new Error('middle'), { code: '', cause: inner });
		expect(await failureOf(Object.assign(new Error('outer'), { cause: middle }))).toEqual({ code: 'ECONNREFUSED', maybeSent: false });
	});

	it('is found however deep the chain', async () => {
		let error: Error = requestError('ECONNREFUSED');
		for (let i = 0; i < 10; i++) error = Object.assign(new Error(`wrap ${i}`), { cause: error });
		expect(await failureOf(error)).toEqual({ code: 'ECONNREFUSED', maybeSent: false });
	});

	it('a chain that loops back on itself, or ends in null, ends as UNKNOWN, which may have gone out', async () => {
		const looped: Error & { cause?: unknown } = new Error('loop');
		looped.cause = looped;
		expect(await failureOf(looped)).toEqual({ code: 'UNKNOWN', maybeSent: true });
		const first: Error & { cause?: unknown } = new Error('first');
		first.cause = Object.assign(new Error('second'), { cause: first });
		expect(await failureOf(first)).toEqual({ code: 'UNKNOWN', maybeSent: true });
		expect(await failureOf(Object.assign(new Error('x'), { cause: null }))).toEqual({ code: 'UNKNOWN', maybeSent: true });
		expect(await failureOf('a thrown string')).toEqual({ code: 'UNKNOWN', maybeSent: true });
		expect(await failureOf(null)).toEqual({ code: 'UNKNOWN', maybeSent: true });
	});

	it('n8n 1.x: only an upper-case code as httpCode counts', async () => {
		expect(await failureOf(Object.assign(new Error('x'), { httpCode: 'EPIPE' }))).toEqual({ code: 'EPIPE', maybeSent: true });
		expect(await failureOf(Object.assign(new Error('x'), { httpCode: 'Econnrefused' }))).toEqual({ code: 'UNKNOWN', maybeSent: true });
		expect(await failureOf(Object.assign(new Error('x'), { httpCode: 'E ECONNREFUSED' }))).toEqual({ code: 'UNKNOWN', maybeSent: true });
		expect(await failureOf(Object.assign(new Error('x'), { httpCode: 'ECONNREFUSED or so' }))).toEqual({ code: 'UNKNOWN', maybeSent: true });
	});
});
