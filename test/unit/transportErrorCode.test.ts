/**
 * The network error code under n8n's wrapping (shared/transport.ts apiRequest). n8n 2.x's
 * NodeApiError keeps the request's error as `cause`; n8n 1.x's loses it (its ExecutionBaseError
 * declares `cause` as a class field, which resets it) and keeps only the code, as `httpCode`
 * (measured on n8n 1.123.81). Both must name the same failure: a timeout, a refused connection.
 */
import { NodeApiError, type IExecuteFunctions, type INode } from 'n8n-workflow';

import { apiRequest } from '../../nodes/WhatsAppTemplates/shared/transport';

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
