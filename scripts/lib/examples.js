'use strict';
/*
 * The examples (examples/*.json) for the API a run speaks. They are written for API v1; API v2
 * has no New Contact Details, no Contact object and no Sender Phone Number ID (the node refuses
 * them there, before sending), so a v2 run leaves those parameters out.
 */

/** The parameters of the WhatsApp Templates node that only API v1 takes. */
const V1_ONLY = { newContact: true, additionalFields: ['contact', 'phoneNumberId'] };

/** `workflow` ready for `api` ('v1' | 'v2'), changed in place; returns the names of the nodes changed. */
function forApi(workflow, api) {
	if (api !== 'v2') return [];
	const changed = [];
	for (const node of workflow.nodes || []) {
		const p = node.parameters;
		if (!p || !String(node.type).endsWith('.whatsAppTemplates')) continue;
		const before = JSON.stringify(p);
		if (V1_ONLY.newContact) delete p.newContact;
		for (const key of V1_ONLY.additionalFields) if (p.additionalFields) delete p.additionalFields[key];
		if (JSON.stringify(p) !== before) changed.push(node.name);
	}
	return changed;
}

/**
 * `workflow` with its credential references replaced, changed in place: `refs` maps a credential
 * type to the {id, name} every node using that type gets (an example imported into another n8n,
 * where the user picks their own credential).
 */
function withCredentials(workflow, refs) {
	for (const node of workflow.nodes || []) {
		for (const [type, ref] of Object.entries(refs)) if (node.credentials && node.credentials[type]) node.credentials[type] = { id: ref.id, name: ref.name };
	}
	return workflow;
}

/** `--api v1|v2` from the command line (default v1). */
function apiArgument(argv = process.argv) {
	const i = argv.indexOf('--api');
	const api = i === -1 ? 'v1' : argv[i + 1];
	if (api !== 'v1' && api !== 'v2') throw new Error('--api must be v1 or v2');
	return api;
}

module.exports = { forApi, withCredentials, apiArgument };
