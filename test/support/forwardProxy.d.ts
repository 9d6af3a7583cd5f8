export interface ProxiedRequest {
	method: string;
	/** The absolute-form target, e.g. http://127.0.0.1:4321/api/v1/acme/messages/template. */
	url: string;
	proxyAuthorization?: string;
	/** The status passed back (407 when the proxy refused, 0 before the answer). */
	status: number;
}

export interface ForwardProxy {
	port: number;
	requests: ProxiedRequest[];
	url: string;
	reset(): void;
	close(): Promise<void>;
}

export function startForwardProxy(options?: { auth?: { username: string; password: string } }): Promise<ForwardProxy>;
