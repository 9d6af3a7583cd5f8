'use strict';
/**
 * INodeTypes / credential type registries for the harness, the stand-in start
 * node, and the loader step n8n applies to every node type it loads.
 */
const { n8n } = require('./engine-env');

/**
 * Stand-in for n8n-nodes-base's Manual Trigger (which is not published on its own).
 * Same description shape and same behaviour: in 'manual' mode it emits one empty
 * item; in other modes the engine passes the start data through. The harness feeds
 * input items to the node under test by pinning them on this node (pinData), as a
 * user does in the editor, so the engine is real from the trigger's output on.
 */
class ManualTriggerStandIn {
	constructor() {
		this.description = {
			displayName: 'Manual Trigger',
			name: 'manualTrigger',
			group: ['trigger'],
			version: 1,
			description: 'Runs the flow on clicking a button in n8n',
			eventTriggerDescription: '',
			maxNodes: 1,
			defaults: { name: 'When clicking ‘Execute workflow’' },
			inputs: [],
			outputs: ['main'],
			properties: [{ displayName: 'Manual trigger', name: 'notice', type: 'notice', default: '' }],
		};
	}

	async trigger() {
		const manualTriggerFunction = async () => {
			this.emit([this.helpers.returnJsonArray([{}])]);
		};
		return { manualTriggerFunction };
	}
}

/** Stand-in for n8n-nodes-base's Sticky Note, so exported workflows with notes load. */
class StickyNoteStandIn {
	constructor() {
		this.description = {
			displayName: 'Sticky Note',
			name: 'stickyNote',
			group: ['input'],
			version: [1],
			description: 'Make your workflow easier to understand',
			defaults: { name: 'Sticky Note' },
			inputs: [],
			outputs: [],
			properties: [{ displayName: 'Content', name: 'content', type: 'string', default: '' }],
		};
	}

	async execute() {
		return [this.getInputData()];
	}
}

const DEFAULT_NODE_TYPES = () => ({
	'n8n-nodes-base.manualTrigger': new ManualTriggerStandIn(),
	'n8n-nodes-base.stickyNote': new StickyNoteStandIn(),
});

/**
 * True when `properties` already holds the "Request Options" collection n8n's loader
 * injects (all of its standard options present).
 */
function hasLoaderRequestOptions(properties) {
	const { commonDeclarativeNodeOptionParameters } = require('n8n-core/dist/nodes-loader/constants');
	const existing = properties.find((property) => property.name === 'requestOptions');
	if (!existing || !Array.isArray(existing.options)) return false;
	return commonDeclarativeNodeOptionParameters.options.every((common) =>
		existing.options.some((option) => option.name === common.name),
	);
}

/**
 * n8n's loader calls DirectoryLoader.applyDeclarativeNodeOptionParameters on every node
 * type it loads. A second call on the same description would add the standard options
 * again (duplicates), so this wrapper makes it idempotent. Applies to every version of a
 * versioned node.
 */
function applyLoaderTransforms(nodeType) {
	const { core } = n8n();
	const versions = nodeType.nodeVersions ? Object.values(nodeType.nodeVersions) : [nodeType];
	for (const version of versions) {
		const properties = version.description && version.description.properties;
		if (!properties || hasLoaderRequestOptions(properties)) continue;
		core.DirectoryLoader.applyDeclarativeNodeOptionParameters(version);
	}
	return nodeType;
}

class HarnessNodeTypes {
	/** @param {Record<string, object>} types type name -> INodeType | IVersionedNodeType */
	constructor(types) {
		this.types = { ...DEFAULT_NODE_TYPES(), ...types };
		for (const type of Object.values(this.types)) applyLoaderTransforms(type);
	}

	getByName(nodeType) {
		return this.types[nodeType];
	}

	getByNameAndVersion(nodeType, version) {
		const type = this.types[nodeType];
		if (!type) {
			throw new Error(
				`harness: unknown node type "${nodeType}" (registered: ${Object.keys(this.types).join(', ')})`,
			);
		}
		return n8n().workflow.NodeHelpers.getVersionedNodeType(type, version);
	}

	getKnownTypes() {
		return {};
	}
}

class HarnessCredentialTypes {
	/** @param {object[]} credentialTypes ICredentialType instances */
	constructor(credentialTypes = []) {
		this.byName = {};
		for (const type of credentialTypes) this.byName[type.name] = type;
	}

	recognizes(name) {
		return name in this.byName;
	}

	getByName(name) {
		const type = this.byName[name];
		if (!type) {
			throw new Error(
				`harness: unknown credential type "${name}" (registered: ${Object.keys(this.byName).join(', ')})`,
			);
		}
		return type;
	}

	/** Like n8n's CredentialTypes.getParentTypes: every type named in `extends`, recursively. */
	getParentTypes(name) {
		const type = this.byName[name];
		if (!type || !type.extends) return [];
		const parents = [];
		for (const parent of type.extends) {
			parents.push(parent, ...this.getParentTypes(parent));
		}
		return parents;
	}
}

/** The version n8n puts on a new node: the highest one. */
function latestVersion(nodeType) {
	if (nodeType.currentVersion !== undefined) return nodeType.currentVersion;
	const { version } = nodeType.description;
	return Array.isArray(version) ? Math.max(...version) : version;
}

module.exports = {
	ManualTriggerStandIn,
	StickyNoteStandIn,
	HarnessNodeTypes,
	HarnessCredentialTypes,
	applyLoaderTransforms,
	latestVersion,
};
