'use strict';
/**
 * ICredentialsHelper for in-process runs. Credentials come decrypted from the test
 * (keyed by credential type name) instead of from n8n's database; everything the
 * engine does with them afterwards follows packages/cli/src/credentials-helper.ts:
 * defaults of the credential type's properties, expression resolution, generic and
 * function `authenticate`, and `preAuthentication` for expirable properties.
 * This file holds the lookup (data by type, which node may use which type); the
 * request side is in credential-authentication.js, defaults and expressions of the
 * decrypted data in credential-data-resolution.js.
 *
 * Left out (no database, no enterprise services): credential overwrites, external
 * secrets, dynamic credentials, the AI gateway, OAuth pinned fields and the
 * `resolveCredentialJsonLeaves` pre-parsing.
 */
const { n8n } = require('./engine-env');
const { withCredentialAuthentication } = require('./credential-authentication');
const { withCredentialDataResolution } = require('./credential-data-resolution');

function createCredentialsHelperClass() {
	const { workflow: nw, core } = n8n();
	const Base = withCredentialDataResolution(withCredentialAuthentication(nw.ICredentialsHelper, nw), nw, core);

	return class HarnessCredentialsHelper extends Base {
		/**
		 * @param {import('./node-types').HarnessCredentialTypes} credentialTypes
		 * @param {Record<string, object>} credentialsData decrypted data keyed by credential type name
		 */
		constructor(credentialTypes, credentialsData = {}) {
			super();
			this.credentialTypes = credentialTypes;
			this.credentialsData = {};
			for (const [type, data] of Object.entries(credentialsData)) {
				this.credentialsData[type] = { ...data };
			}
		}

		getParentTypes(typeName) {
			return this.credentialTypes.getParentTypes(typeName);
		}

		isCredentialUsableByNode(credentialType, nodeType) {
			if (!this.credentialTypes.recognizes(credentialType)) return true;
			const typeDef = this.credentialTypes.getByName(credentialType);
			if (!typeDef.restrictToSupportedNodes) return true;
			const shortName = nodeType.split('.').pop();
			return (typeDef.supportedNodes ?? []).some((name) => name === nodeType || name === shortName);
		}

		async getCredentials(nodeCredential, type) {
			const credentials = new core.Credentials(
				{ id: nodeCredential.id ?? null, name: nodeCredential.name },
				type,
			);
			await credentials.setData(this.requireData(nodeCredential, type));
			return credentials;
		}

		requireData(nodeCredential, type) {
			const data = this.credentialsData[type];
			if (data === undefined) {
				throw new nw.UserError(
					`harness: no credentials given for type "${type}" (node credential "${nodeCredential?.name}")`,
				);
			}
			return { ...data };
		}

		async getDecrypted(
			additionalData,
			nodeCredentials,
			type,
			mode,
			executeData,
			raw,
			expressionResolveValues,
		) {
			const decryptedDataOriginal = this.requireData(nodeCredentials, type);
			if (raw === true) return decryptedDataOriginal;
			return await this.applyDefaultsAndOverwrites(additionalData, decryptedDataOriginal, type, mode, executeData, expressionResolveValues);
		}

		async updateCredentials(_nodeCredentials, type, data) {
			this.credentialsData[type] = { ...data };
		}

		async updateCredentialsOauthTokenData(_nodeCredentials, type, data) {
			this.credentialsData[type] = { ...this.credentialsData[type], oauthTokenData: data.oauthTokenData };
		}
	};
}

let HelperClass;
/** The class is built on first use because it extends n8n-workflow's ICredentialsHelper. */
function createCredentialsHelper(credentialTypes, credentialsData) {
	if (!HelperClass) HelperClass = createCredentialsHelperClass();
	return new HelperClass(credentialTypes, credentialsData);
}

module.exports = { createCredentialsHelper };
