'use strict';
/* n8n's internal REST API (owner setup, login, node and credential types) for dev, e2e, screenshots. */

/** A tiny cookie-keeping client for n8n's internal REST API. */
class RestClient {
	constructor(baseUrl) {
		this.baseUrl = baseUrl;
		this.cookies = new Map();
		this.browserId = `e2e-${process.pid}`;
	}

	async request(method, p, body) {
		const headers = { accept: 'application/json', 'browser-id': this.browserId };
		if (body !== undefined) headers['content-type'] = 'application/json';
		if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		const res = await fetch(this.baseUrl + p, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(30000),
		});
		for (const c of res.headers.getSetCookie ? res.headers.getSetCookie() : []) {
			const [pair] = c.split(';');
			const eq = pair.indexOf('=');
			this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
		}
		const text = await res.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		return { status: res.status, json, text };
	}

	/** Create the owner account (first start only). Returns true when created. */
	async setupOwner(owner) {
		const r = await this.request('POST', '/rest/owner/setup', owner);
		if (r.status === 200) return true;
		if (r.status === 400 && /already/i.test(r.text)) return false;
		throw new Error(`/rest/owner/setup: ${r.status} ${r.text.slice(0, 500)}`);
	}

	async login(email, password) {
		const r = await this.request('POST', '/rest/login', { emailOrLdapLoginId: email, password });
		if (r.status !== 200) throw new Error(`/rest/login: ${r.status} ${r.text.slice(0, 500)}`);
		return r.json;
	}
}

/** Owner account used by `npm run dev`, the screenshots and the e2e's REST checks. */
const DEV_OWNER = {
	email: 'dev@example.com',
	password: 'WhatsApp-Templates-1',
	firstName: 'Dev',
	lastName: 'Owner',
};

module.exports = { RestClient, DEV_OWNER };
