'use strict';
/** The credential helper's decrypted-data side: the type's property defaults (with `extends`) and expressions in the data (credentials-helper.js). */

const MOCK_NODE = { name: '', typeVersion: 1, type: 'mock', position: [0, 0], parameters: {} };

/** Like the real helper's mock node types: one description-only type for the mock node. */
const MOCK_NODE_TYPES = {
	getKnownTypes: () => ({}),
	getByName: () => ({ description: { properties: [] } }),
	getByNameAndVersion: () => ({ description: { properties: [] } }),
};

/**
 * Adds these methods to `Base` (a subclass of n8n-workflow's ICredentialsHelper that holds
 * `credentialTypes`); `nw` and `core` are the loaded n8n-workflow and n8n-core.
 */
function withCredentialDataResolution(Base, nw, core) {
	return class CredentialDataResolution extends Base {
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

module.exports = { withCredentialDataResolution };
