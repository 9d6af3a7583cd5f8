'use strict';
/*
 * The credential e2e, dev and the screenshots import: the fields of
 * credentials/WhatsAppTemplatesApi.credentials.ts (Platform URL, API Version, Workspace Subdomain, API Token),
 * under the fixed id the examples reference.
 */
const fs = require('node:fs');

const CREDENTIAL_TYPE = 'whatsAppTemplatesApi';
/** Fixed id the examples reference; e2e and dev import the credential under it. */
const CREDENTIAL_ID = 'wa-templates-sandbox';
const CREDENTIAL_NAME = 'WhatsApp Templates API';

/**
 * Write the file `n8n import:credentials` takes (plaintext data with a fixed id; n8n encrypts it).
 * baseUrl is the platform URL without /api/v1 or /api/v2; the sandbox serves plain http on
 * loopback, which the credential allows without "Allow Plain HTTP". `apiVersion` ('auto', 'v1',
 * 'v2') is left out unless given, as in a credential saved before the field existed (Auto). A
 * subdomain is needed unless the token is an API v2 one (`wm_…`) or apiVersion is 'v2'.
 */
function writeCredentialFile(file, { baseUrl, subdomain, apiToken, apiVersion, id = CREDENTIAL_ID, name = CREDENTIAL_NAME }) {
	const v2 = apiVersion === 'v2' || (apiVersion !== 'v1' && typeof apiToken === 'string' && apiToken.startsWith('wm_'));
	for (const [key, value] of Object.entries(v2 ? { baseUrl, apiToken } : { baseUrl, subdomain, apiToken })) {
		if (typeof value !== 'string' || value === '') throw new TypeError(`writeCredentialFile: ${key} is required`);
	}
	const now = new Date().toISOString();
	const data = { baseUrl, ...(subdomain ? { subdomain } : {}), apiToken, allowPlainHttp: false, ...(apiVersion ? { apiVersion } : {}) };
	const cred = [{ id, name, type: CREDENTIAL_TYPE, data, createdAt: now, updatedAt: now }];
	fs.writeFileSync(file, JSON.stringify(cred, null, 2) + '\n');
	return file;
}

module.exports = { CREDENTIAL_TYPE, CREDENTIAL_ID, CREDENTIAL_NAME, writeCredentialFile };
