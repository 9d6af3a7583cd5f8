'use strict';
/*
 * n8n's internal REST API for dev, e2e, screenshots: owner setup and login, then what the editor
 * does for a user (create a credential or a workflow, publish it, test a credential).
 */

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

	/** A client logged in as the owner (DEV_OWNER, set up on first use) of the n8n at baseUrl. */
	static async asOwner(baseUrl, owner = DEV_OWNER) {
		const rest = new RestClient(baseUrl);
		await rest.setupOwner(owner);
		await rest.login(owner.email, owner.password);
		return rest;
	}

	/** `request` that throws unless n8n answered 200; returns the answer's `data`. */
	async data(method, p, body, what = `${method} ${p}`) {
		const r = await this.request(method, p, body);
		if (r.status !== 200) throw new Error(`${what}: ${r.status} ${r.text.slice(0, 800)}`);
		return r.json.data;
	}

	/** Save a credential as the editor's dialog does; returns its reference {id, name}. */
	async createCredential({ name, type, data }) {
		const created = await this.data('POST', '/rest/credentials', { name, type, data }, `create credential ${name}`);
		return { id: created.id, name: created.name };
	}

	/**
	 * The editor's "Test" of a saved credential, with the data its dialog holds (n8n tests those,
	 * restoring redacted secrets from the stored ones): n8n's answer {status: 'OK' | 'Error', message}.
	 */
	async testCredential({ id, name, type, data }) {
		return await this.data('POST', '/rest/credentials/test', { credentials: { id, name, type, data } }, `test credential ${name}`);
	}

	/** Save a workflow (n8n gives it its id; any id in `workflow` is dropped); returns {id, versionId}. */
	async createWorkflow(workflow) {
		const { id: _id, active: _active, ...rest } = workflow;
		const created = await this.data('POST', '/rest/workflows', { ...rest, active: false }, `create ${workflow.name}`);
		return { id: created.id, versionId: created.versionId };
	}

	/** Save a workflow and publish it (its triggers and webhooks go live); returns its id. */
	async publishWorkflow(workflow) {
		const { id, versionId } = await this.createWorkflow(workflow);
		await this.data('POST', `/rest/workflows/${id}/activate`, { versionId }, `publish ${workflow.name}`);
		return id;
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
