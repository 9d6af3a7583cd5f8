/**
 * Every request the node makes (shared/transport.ts buildRequest): JSON answers asked for, statuses
 * left to the node's own explanations, redirects never followed (the token stays under the API
 * base; a streamed upload is not buffered), n8n's Request Options honoured, and a 5-minute
 * timeout when none is set (docs/engine.md: long enough for a 100 MB upload on a slow line).
 */
import { v1 } from '../../nodes/WhatsAppTemplates/shared/platform';
import { StreamingMultipartBody } from '../../nodes/WhatsAppTemplates/shared/multipart/multipartBody';
import { buildRequest } from '../../nodes/WhatsAppTemplates/shared/transport';

const route = v1.routes.sendTemplate;
const none = { allowUnauthorizedCerts: false };

it('a JSON request: the route, JSON asked for, the full answer whatever its status, no redirect followed, 5 minutes', () => {
	expect(buildRequest(route, none, { a: '1' }, { page: 2 })).toEqual({
		method: route.method,
		url: route.path,
		qs: { page: 2 },
		headers: { Accept: 'application/json' },
		body: { a: '1' },
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
		timeout: 300_000,
		proxy: undefined,
		skipSslCertificateValidation: false,
	});
});

it("n8n's Request Options: Timeout, Proxy, Ignore SSL Issues", () => {
	const proxy = { protocol: 'http', host: 'proxy.example', port: 3128 };
	expect(buildRequest(route, { timeoutMs: 2500, proxy, allowUnauthorizedCerts: true })).toMatchObject({ timeout: 2500, proxy, skipSslCertificateValidation: true });
});

it('a streamed multipart body is not JSON-encoded', () => {
	const body = new StreamingMultipartBody();
	const request = buildRequest(route, none, body);
	expect(request.body).toBe(body);
	expect(request.json).toBe(false);
	expect(request.disableFollowRedirect).toBe(true);
});
