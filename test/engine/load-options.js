'use strict';
/**
 * Calls a node's editor method (listSearch, loadOptions, resourceMapping) the way n8n's
 * DynamicNodeParametersService does: a one-node Workflow holding the editor's current
 * parameters, additional data with `currentNodeParameters`, and n8n-core's LoadOptionsContext.
 */
const crypto = require('node:crypto');

const { state, n8n, setupEngine } = require('./engine-env');
const { HarnessNodeTypes, HarnessCredentialTypes, applyLoaderTransforms, latestVersion } = require('./node-types');
const { createCredentialsHelper } = require('./credentials-helper');
const { createAdditionalData } = require('./run');

async function callNodeMethod({ nodeType, typeName, credentialTypes = [], credentials = {}, parameters = {}, kind, method, args = [], path = 'parameters' }) {
	if (!state.ready) await setupEngine();
	const { core, workflow: nw } = n8n();
	applyLoaderTransforms(nodeType);
	const name = typeName ?? `test.${nodeType.description.name}`;
	const node = {
		id: crypto.randomUUID(),
		name: 'Temp-Node',
		type: name,
		typeVersion: latestVersion(nodeType),
		position: [0, 0],
		parameters: structuredClone(parameters),
		credentials: Object.fromEntries(Object.keys(credentials).map((type) => [type, { id: `harness-${type}`, name: `${type} (harness)` }])),
	};
	const workflow = new nw.Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: new HarnessNodeTypes({ [name]: nodeType }) });
	const additionalData = createAdditionalData({
		credentialsHelper: createCredentialsHelper(new HarnessCredentialTypes(credentialTypes), credentials),
		executionId: undefined,
	});
	additionalData.currentNodeParameters = structuredClone(parameters);
	const fn = nodeType.methods?.[kind]?.[method];
	if (typeof fn !== 'function') throw new Error(`harness: the node has no methods.${kind}.${method}`);
	return await fn.call(new core.LoadOptionsContext(workflow, node, additionalData, path), ...args);
}

module.exports = { callNodeMethod };
