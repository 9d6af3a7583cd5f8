'use strict';
/*
 * The template picker and the picked template's own fields, asked through n8n's REST API the way
 * the editor asks (POST /rest/dynamic-node-parameters/resource-locator-results and
 * /resource-mapper-fields, with the node's saved credential), on each API leg's credential. The
 * sandbox must have served the template list of that API, with that API's token.
 */
const assert = require('node:assert/strict');

const app = require('../lib/n8n-app');
const { LEGS, assertLegRequest } = require('./wire');
const { log, check } = require('./report');

/** The node version that offers the picker (Template: From List). */
const PICKER_VERSION = 1.1;
const ORDER_UPDATE = ['order_update (de, UTILITY, text header)', 'order_update (en, UTILITY, text header)'];

/** The body the editor sends for one of the node's editor methods. */
function editorCall(credential, parameterPath, methodName, template, extra = {}) {
	return {
		nodeTypeAndVersion: { name: app.NODE_TYPE, version: PICKER_VERSION },
		path: parameterPath,
		methodName,
		currentNodeParameters: { resource: 'message', operation: 'sendTemplate', templateSource: 'fromList', template: { __rl: true, mode: 'list', value: template } },
		credentials: { [credential.type || app.CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } },
		...extra,
	};
}

/** Every request the editor call caused was a template-list read of the leg's API, with its token. */
function assertListReads(sb, leg) {
	assert.ok(sb.requests.length >= 1, 'the sandbox got no request');
	for (const req of sb.requests) assertLegRequest(sb, req, { leg, r: leg.listRoute });
}

/**
 * @param {object} ctx { sb, rest (RestClient, logged in), leg (wire.js LEGS), credential: {id, name} the node uses }
 */
async function runPickerChecks({ sb, rest, leg = LEGS.v1, credential }) {
	await check(leg.named('template picker (n8n REST, as the editor asks): searching "order_up" lists order_update in de and en, from the workspace\'s template list'), async () => {
		sb.reset();
		const data = await rest.data('POST', '/rest/dynamic-node-parameters/resource-locator-results', editorCall(credential, 'parameters.template', 'searchTemplates', '', { filter: 'order_up' }));
		assert.deepEqual(data.results.map((r) => r.name), ORDER_UPDATE);
		assert.deepEqual(data.results.map((r) => r.value), ['order_update|de', 'order_update|en']);
		assertListReads(sb, leg);
		log(`  picker: ${data.results.map((r) => r.name).join('; ')} (${sb.requests.length} list read(s))`);
	});

	await check(leg.named("picked order_update (en): its own fields, each labelled with the template's text"), async () => {
		sb.reset();
		const data = await rest.data('POST', '/rest/dynamic-node-parameters/resource-mapper-fields', editorCall(credential, 'parameters.templateValues', 'getTemplateFields', 'order_update|en'));
		assert.deepEqual(data.fields.map((f) => f.id), ['headerText', 'var1', 'var2']);
		assert.match(data.fields[0].displayName, /Header \{\{1\}\} in “Order \{\{1\}\}”/);
		assertListReads(sb, leg);
		log(`  fields: ${data.fields.map((f) => f.displayName).join('; ')}`);
	});
}

module.exports = { runPickerChecks };
