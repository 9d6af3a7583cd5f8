'use strict';
/** The credential helper's request side: `authenticate`, `preAuthentication` and expression resolution of auth values (credentials-helper.js). */

/**
 * Adds these methods to `Base` (a subclass of n8n-workflow's ICredentialsHelper that holds
 * `credentialTypes` and `updateCredentials`); `nw` is the loaded n8n-workflow.
 */
function withCredentialAuthentication(Base, nw) {
	/** Applies the credential's allowlist to requests its preAuthentication hook issues. */
	function restrictToCredentialDomains(helpers, credentials) {
		return {
			helpers: {
				httpRequest: async (requestOptions) => {
					const allowedDomains = nw.getCredentialOwnRequestAllowedDomains(credentials);
					if (allowedDomains === undefined) return await helpers.helpers.httpRequest(requestOptions);
					if (requestOptions.allowedDomains !== undefined) {
						throw new nw.UserError(
							'This credential restricts requests to specific domains, which cannot be combined with the domains its authentication step asks for.',
						);
					}
					return await helpers.helpers.httpRequest({ ...requestOptions, allowedDomains });
				},
			},
		};
	}

	return class CredentialAuthentication extends Base {
		async authenticate(credentials, typeName, incomingRequestOptions, workflow, node) {
			const requestOptions = incomingRequestOptions;
			const credentialType = this.credentialTypes.getByName(typeName);
			if (credentialType.authenticate) {
				if (typeof credentialType.authenticate === 'function') {
					return await credentialType.authenticate(credentials, requestOptions);
				}
				if (typeof credentialType.authenticate === 'object') {
					if (!workflow || !node) {
						throw new nw.UnexpectedError(
							'Workflow and node are required for declarative credential authentication',
						);
					}
					const { authenticate } = credentialType;
					if (requestOptions.headers === undefined) requestOptions.headers = {};
					if (authenticate.type === 'generic') {
						for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
							for (const [key, value] of Object.entries(outerValue)) {
								const keyResolved = this.resolveValue(key, { $credentials: credentials }, workflow, node);
								const valueResolved = this.resolveValue(
									value,
									{ $credentials: credentials },
									workflow,
									node,
								);
								if (!requestOptions[outerKey]) requestOptions[outerKey] = {};
								requestOptions[outerKey][keyResolved] = valueResolved;
							}
						}
					}
				}
			}
			return requestOptions;
		}

		async preAuthentication(helpers, credentials, typeName, node, credentialsExpired) {
			const credentialType = this.credentialTypes.getByName(typeName);
			const expirableProperty = credentialType.properties.find(
				(property) => property.type === 'hidden' && property?.typeOptions?.expirable === true,
			);
			if (expirableProperty?.name === undefined) return undefined;
			// The credential tester's mock node (see credential-test.js).
			const isTestingCredentials = node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
			if (typeof credentialType.preAuthentication === 'function') {
				if (
					credentials[expirableProperty.name] === '' ||
					credentialsExpired ||
					isTestingCredentials
				) {
					const output = await credentialType.preAuthentication.call(
						restrictToCredentialDomains(helpers, credentials),
						credentials,
					);
					if (output[expirableProperty.name] === undefined) return undefined;
					if (node.credentials) {
						// n8n persists the refreshed value to its database; the harness keeps it in memory.
						await this.updateCredentials(node.credentials[credentialType.name], credentialType.name, {
							...(this.credentialsData[credentialType.name] ?? {}),
							...output,
						});
						return Object.assign(credentials, output);
					}
				}
			}
			return undefined;
		}

		async runPreAuthentication(helpers, credentials, typeName) {
			const credentialType = this.credentialTypes.getByName(typeName);
			if (typeof credentialType.preAuthentication !== 'function') return undefined;
			const output = await credentialType.preAuthentication.call(
				restrictToCredentialDomains(helpers, credentials),
				credentials,
			);
			return output ?? undefined;
		}

		resolveValue(parameterValue, additionalKeys, workflow, node) {
			if (!nw.isExpression(parameterValue)) return parameterValue;
			const returnValue = workflow.expression.getSimpleParameterValue(
				node,
				parameterValue,
				'internal',
				additionalKeys,
				undefined,
				'',
			);
			if (!returnValue) return '';
			return returnValue.toString();
		}
	};
}

module.exports = { withCredentialAuthentication };
