export interface ProxiedRequest {
	method: string;
	/** The absolute-form target: the platform URL with the request's path and query. */
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
