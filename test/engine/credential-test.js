'use strict';
/**
 * The editor's "Test" button for a credential, following
 * packages/cli/src/services/credentials-tester.service.ts (CredentialsTester.testCredentials):
 * apply the credential type's defaults, build a one-property mock node whose routing is the
 * credential's `test.request`, run it through n8n-core's RoutingNode with the decrypted
 * credential, then apply `test.rules`.
 *
 * Differences: the credential comes from the caller, not the database; `$secrets`
 * redaction of messages from function tests is not done; the Error Reporter is n8n-core's
 * (it only logs here).
 */
const { n8n, setupEngine, state } = require('./engine-env');
const { HarnessCredentialTypes, StickyNoteStandIn } = require('./node-types');
const { createCredentialsHelper } = require('./credentials-helper');
const { createAdditionalData } = require('./run');

/** Stand-in for n8n-nodes-base's No Operation node, the tester's default node type. */
function noOpStandIn() {
	const noOp = new StickyNoteStandIn();
	noOp.description = {
		...noOp.description,
		displayName: 'No Operation, do nothing',
		name: 'n8n-nodes-base.noOp',
		version: 1,
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	};
	return noOp;
}

/** Like getCredentialTestFunction: the credential's own `test`, else a node's `testedBy`. */
function findTest(credentialType, nodeType) {
	if (credentialType.test) return { testRequest: credentialType.test };
	if (!nodeType) return undefined;
	const versions = nodeType.nodeVersions ? Object.values(nodeType.nodeVersions).reverse() : [nodeType];
	for (const version of versions) {
		for (const { name, testedBy } of version.description.credentials ?? []) {
			if (name !== credentialType.name || !testedBy) continue;
			if (typeof testedBy === 'string') {
				const fn = version.methods?.credentialTest?.[testedBy];
				if (fn) return fn;
				continue;
			}
			return { nodeType: version, testRequest: testedBy };
		}
	}
	return undefined;
}

/**
 * @param {object} args
 * @param {object} args.credentialType  ICredentialType instance
 * @param {object} args.credentials     its decrypted data
 * @param {object[]} [args.credentialTypes] parents, for credential types that `extends`
 * @param {object} [args.nodeType]      a node whose `testedBy` tests this credential
 * @returns {Promise<{status: 'OK'|'Error', message: string}>}
 */
async function credentialTest({ credentialType, credentials = {}, credentialTypes = [], nodeType }) {
	if (!state.ready) await setupEngine();
	const { core, workflow: nw, Container } = n8n();
	const type = credentialType.name;
	const testFunction = findTest(credentialType, nodeType);
	if (testFunction === undefined) {
		return { status: 'Error', message: 'No testing function found for this credential.' };
	}

	const credentialTypeRegistry = new HarnessCredentialTypes([...credentialTypes, credentialType]);
	const credentialsHelper = createCredentialsHelper(credentialTypeRegistry, { [type]: credentials });
	const credentialsDecrypted = { id: `harness-${type}`, name: `${type} (harness)`, type, data: credentials };
	try {
		const additionalData = createAdditionalData({ credentialsHelper, executionId: undefined });
		credentialsDecrypted.data = await credentialsHelper.applyDefaultsAndOverwrites(
			additionalData,
			credentialsDecrypted.data,
			type,
			'internal',
		);
	} catch (error) {
		return { status: 'Error', message: error.message.toString() };
	}

	if (typeof testFunction === 'function') {
		const context = new core.CredentialTestContext();
		return await testFunction.call(context, credentialsDecrypted);
	}

	const baseType = testFunction.nodeType ?? noOpStandIn();
	const version = baseType.description.version;
	const node = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: baseType.description.name,
		typeVersion: Array.isArray(version) ? version.slice(-1)[0] : version,
		position: [0, 0],
		credentials: { [type]: { id: credentialsDecrypted.id, name: credentialsDecrypted.name } },
	};
	const nodeTypeCopy = {
		description: {
			...baseType.description,
			credentials: [{ name: type, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: testFunction.testRequest.request },
					default: '',
				},
			],
		},
	};
	const mockNodeTypes = {
		getKnownTypes: () => ({}),
		getByName: () => nodeTypeCopy,
		getByNameAndVersion: () => nodeTypeCopy,
	};
	const workflow = new nw.Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: mockNodeTypes });
	const additionalData = createAdditionalData({ credentialsHelper, executionId: undefined });
	const executeData = { node, data: {}, source: null };
	const executeFunctions = new core.ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		{ resultData: { runData: {} } },
		0,
		[],
		{ main: [[{ json: {} }]] },
		executeData,
		[],
	);
	const routingNode = new core.RoutingNode(executeFunctions, nodeTypeCopy, credentialsDecrypted);

	let response;
	try {
		response = await routingNode.runNode();
	} catch (error) {
		Container.get(core.ErrorReporter).error(error);
		if (error.cause?.response) {
			const errorResponseData = {
				statusCode: error.cause.response.status,
				statusMessage: error.cause.response.statusText,
			};
			for (const rule of testFunction.testRequest.rules ?? []) {
				if (rule.type === 'responseCode' && errorResponseData.statusCode === rule.properties.value) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (errorResponseData.statusCode < 199 || errorResponseData.statusCode > 299) {
				return {
					status: 'Error',
					message:
						errorResponseData.statusMessage || `Received HTTP status code: ${errorResponseData.statusCode}`,
				};
			}
		} else if (error.cause?.code) {
			return { status: 'Error', message: error.cause.code };
		}
		return { status: 'Error', message: error.message.toString() };
	}

	if (Array.isArray(testFunction.testRequest.rules)) {
		const get = require('lodash/get');
		for (const rule of testFunction.testRequest.rules) {
			if (rule.type === 'responseSuccessBody') {
				const responseData = response[0][0].json;
				if (get(responseData, rule.properties.key) === rule.properties.value) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

module.exports = { credentialTest };
