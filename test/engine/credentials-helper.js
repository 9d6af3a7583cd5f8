'use strict';
/**
 * ICredentialsHelper for in-process runs. Credentials come decrypted from the test
 * (keyed by credential type name) instead of from n8n's database; everything the
 * engine does with them afterwards follows packages/cli/src/credentials-helper.ts:
 * defaults of the credential type's properties, expression resolution, generic and
 * function `authenticate`, and `preAuthentication` for expirable properties.
 *
 * Left out (no database, no enterprise services): credential overwrites, external
 * secrets, dynamic credentials, the AI gateway, OAuth pinned fields and the
 * `resolveCredentialJsonLeaves` pre-parsing.
 */
const { n8n } = require('./engine-env');

const MOCK_NODE = { name: '', typeVersion: 1, type: 'mock', position: [0, 0], parameters: {} };

/** Like the real helper's mock node types: one description-only type for the mock node. */
const MOCK_NODE_TYPES = {
	getKnownTypes: () => ({}),
	getByName: () => ({ description: { properties: [] } }),
	getByNameAndVersion: () => ({ description: { properties: [] } }),
};

function createCredentialsHelperClass() {
	const { workflow: nw, core } = n8n();

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

	return class HarnessCredentialsHelper extends nw.ICredentialsHelper {
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
			return await this.applyDefaultsAndOverwrites(
				additionalData,
				decryptedDataOriginal,
				type,
				mode,
				executeData,
				expressionResolveValues,
			);
		}

		async applyDefaultsAndOverwrites(
			additionalData,
			decryptedDataOriginal,
			type,
			mode,
			executeData,
			expressionResolveValues,
		) {
			const credentialsProperties = this.getCredentialsProperties(type);
			let decryptedData = nw.NodeHelpers.getNodeParameters(
				credentialsProperties,
				{ ...decryptedDataOriginal },
				true,
				false,
				null,
				null,
			);
			if (decryptedDataOriginal.oauthTokenData !== undefined) {
				decryptedData.oauthTokenData = decryptedDataOriginal.oauthTokenData;
			}
			for (const key of ['allowedHttpRequestDomains', 'allowedDomains']) {
				if (decryptedData[key] === undefined && decryptedDataOriginal[key] !== undefined) {
					decryptedData[key] = decryptedDataOriginal[key];
				}
			}
			const additionalKeys = core.getAdditionalKeys(additionalData, mode, null, { isCredential: true });
			if (expressionResolveValues) {
				try {
					decryptedData = expressionResolveValues.workflow.expression.getParameterValue(
						decryptedData,
						expressionResolveValues.runExecutionData,
						expressionResolveValues.runIndex,
						expressionResolveValues.itemIndex,
						expressionResolveValues.node.name,
						expressionResolveValues.connectionInputData,
						mode,
						additionalKeys,
						executeData,
						false,
						decryptedData,
					);
				} catch (e) {
					e.message += ' [Error resolving credentials]';
					throw e;
				}
			} else {
				const workflow = new nw.Workflow({
					nodes: [{ ...MOCK_NODE }],
					connections: {},
					active: false,
					nodeTypes: MOCK_NODE_TYPES,
				});
				await workflow.expression.acquireIsolate();
				try {
					decryptedData = workflow.expression.getComplexParameterValue(
						MOCK_NODE,
						decryptedData,
						mode,
						additionalKeys,
						undefined,
						undefined,
						decryptedData,
					);
				} finally {
					await workflow.expression.releaseIsolate();
				}
			}
			return decryptedData;
		}

		async updateCredentials(_nodeCredentials, type, data) {
			this.credentialsData[type] = { ...data };
		}

		async updateCredentialsOauthTokenData(_nodeCredentials, type, data) {
			this.credentialsData[type] = { ...this.credentialsData[type], oauthTokenData: data.oauthTokenData };
		}

		getCredentialsProperties(type) {
			const credentialTypeData = this.credentialTypes.getByName(type);
			if (credentialTypeData.extends === undefined) {
				if (['oAuth1Api', 'oAuth2Api'].includes(type)) {
					return [
						...credentialTypeData.properties,
						{ displayName: 'oauthTokenData', name: 'oauthTokenData', type: 'json', required: false, default: {} },
					];
				}
				return credentialTypeData.properties;
			}
			const combineProperties = [];
			for (const credentialsTypeName of credentialTypeData.extends) {
				if (!this.credentialTypes.recognizes(credentialsTypeName)) continue;
				const mergeCredentialProperties = this.getCredentialsProperties(credentialsTypeName);
				nw.NodeHelpers.mergeNodeProperties(combineProperties, mergeCredentialProperties);
			}
			nw.NodeHelpers.mergeNodeProperties(combineProperties, credentialTypeData.properties);
			return combineProperties;
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
