'use strict';
/*
 * The credential e2e, dev and the screenshots import: the fields of
 * credentials/WhatsAppTemplatesApi.credentials.ts (Platform URL, Workspace Subdomain, API Token),
 * under the fixed id the examples reference.
 */
const fs = require('node:fs');

const CREDENTIAL_TYPE = 'whatsAppTemplatesApi';
/** Fixed id the examples reference; e2e and dev import the credential under it. */
const CREDENTIAL_ID = 'wa-templates-sandbox';
const CREDENTIAL_NAME = 'WhatsApp Templates API';

/**
 * Write the file `n8n import:credentials` takes (plaintext data with a fixed id; n8n encrypts it).
 * baseUrl is the platform URL without /api/v1; the sandbox serves plain http on loopback,
 * which the credential allows without "Allow Plain HTTP".
 */
function writeCredentialFile(file, { baseUrl, subdomain, apiToken, id = CREDENTIAL_ID, name = CREDENTIAL_NAME }) {
	for (const [key, value] of Object.entries({ baseUrl, subdomain, apiToken })) {
		if (typeof value !== 'string' || value === '') throw new TypeError(`writeCredentialFile: ${key} is required`);
	}
	const now = new Date().toISOString();
	const cred = [
		{
			id,
			name,
			type: CREDENTIAL_TYPE,
			data: { baseUrl, subdomain, apiToken, allowPlainHttp: false },
			createdAt: now,
			updatedAt: now,
		},
	];
	fs.writeFileSync(file, JSON.stringify(cred, null, 2) + '\n');
	return file;
}

module.exports = { CREDENTIAL_TYPE, CREDENTIAL_ID, CREDENTIAL_NAME, writeCredentialFile };
