'use strict';
/*
 * The credential e2e, dev and the screenshots use: the fields of
 * credentials/WhatsAppTemplatesApi.credentials.ts (Platform URL, API Version, Workspace Subdomain,
 * API Token), imported under the fixed id the examples reference, or created through n8n's REST
 * API as a user does in the editor (the e2e's API v2 credential).
 */
const fs = require('node:fs');

const CREDENTIAL_TYPE = 'whatsAppTemplatesApi';
/** Fixed id the examples reference; e2e and dev import the credential under it. */
const CREDENTIAL_ID = 'wa-templates-sandbox';
const CREDENTIAL_NAME = 'WhatsApp Templates API';
/** The trigger's credential (Signing Secret), under the id and name the trigger examples reference. */
const WEBHOOK_CREDENTIAL_TYPE = 'whatsAppTemplatesWebhookApi';
const WEBHOOK_CREDENTIAL = { id: 'WaTplWebhookSecret', name: 'WhatsApp Templates Webhook (sandbox)', type: WEBHOOK_CREDENTIAL_TYPE };

/**
 * The credential's data. baseUrl is the platform URL without /api/v1 or /api/v2; the sandbox
 * serves plain http on loopback, which the credential allows without "Allow Plain HTTP".
 * `apiVersion` ('auto', 'v1', 'v2') is left out unless given, as in a credential saved before the
 * field existed (Auto). A subdomain is needed unless the token is an API v2 one (`wm_…`) or
 * apiVersion is 'v2'.
 */
function credentialData({ baseUrl, subdomain, apiToken, apiVersion }) {
	const v2 = apiVersion === 'v2' || (apiVersion !== 'v1' && typeof apiToken === 'string' && apiToken.startsWith('wm_'));
	for (const [key, value] of Object.entries(v2 ? { baseUrl, apiToken } : { baseUrl, subdomain, apiToken })) {
		if (typeof value !== 'string' || value === '') throw new TypeError(`credential: ${key} is required`);
	}
	return { baseUrl, ...(subdomain ? { subdomain } : {}), apiToken, allowPlainHttp: false, ...(apiVersion ? { apiVersion } : {}) };
}

/**
 * Write the file `n8n import:credentials` takes (plaintext data with a fixed id; n8n encrypts it);
 * with `signingSecret`, the trigger examples' Signing Secret credential too.
 */
function writeCredentialFile(file, { id = CREDENTIAL_ID, name = CREDENTIAL_NAME, ...fields }, { signingSecret } = {}) {
	const now = new Date().toISOString();
	const cred = [{ id, name, type: CREDENTIAL_TYPE, data: credentialData(fields), createdAt: now, updatedAt: now }];
	if (signingSecret) cred.push({ ...WEBHOOK_CREDENTIAL, data: { signingSecret }, createdAt: now, updatedAt: now });
	fs.writeFileSync(file, JSON.stringify(cred, null, 2) + '\n');
	return file;
}

/**
 * Create the credential through n8n's REST API (`rest`: a RestClient logged in), as a user saves it
 * in the editor, e.g. an API v2 one: { baseUrl, apiVersion: 'auto', apiToken: 'wm_…' } and no
 * subdomain. n8n chooses its id; returns the reference {id, name, type} workflows and tests use.
 */
async function createCredential(rest, { name = CREDENTIAL_NAME, ...fields }) {
	const ref = await rest.createCredential({ name, type: CREDENTIAL_TYPE, data: credentialData(fields) });
	return { ...ref, type: CREDENTIAL_TYPE };
}

module.exports = { CREDENTIAL_TYPE, CREDENTIAL_ID, CREDENTIAL_NAME, WEBHOOK_CREDENTIAL_TYPE, WEBHOOK_CREDENTIAL, credentialData, writeCredentialFile, createCredential };
