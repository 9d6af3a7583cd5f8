'use strict';
/*
 * What the e2e expects on the wire, without spelling a wire name here:
 * - routes, paths and the header file fields come from the sandbox's own tables
 *   (test/sandbox/platform.js, test/sandbox/v2/platform.js), written from the contracts
 *   independently of the node;
 * - expected text fields come from wireBody() / wireBodyV2() in test/support/wire.ts and
 *   wireV2.ts, the tests' tables of wire names (loaded by scripts/lib/wire.js).
 * A wire rename therefore changes nothing in scripts/.
 *
 * One LEG per API generation the e2e runs on: the same checks take the leg they check.
 */
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const path = require('node:path');

const { REPO } = require('../lib/package');
const names = require('../lib/wire');
const sandbox = require(path.join(REPO, 'test', 'sandbox'));
const platform = require(path.join(REPO, 'test', 'sandbox', 'platform'));

const route = (routes, name) => routes.find((r) => r.name === name);

/**
 * api: what the sandbox records on a request and a message of this API; root(sb): the API's path
 * under the platform URL; token(sb): the token the leg's credential holds; named: a check's name
 * on this leg (v1's checks keep their names).
 */
const LEGS = {
	v1: {
		api: 'v1',
		named: (check) => check,
		wireBody: names.wireBody,
		root: (sb) => `${platform.API_PREFIX}/${sb.subdomain}`,
		token: (sb) => sb.tokens.send,
		routes: sandbox.ROUTES,
	},
	v2: {
		api: 'v2',
		named: (check) => `API v2: ${check}`,
		wireBody: names.wireBodyV2,
		root: () => sandbox.V2_API_PREFIX,
		token: (sb) => sb.v2Tokens.send,
		routes: sandbox.V2_ROUTES,
	},
};
for (const leg of Object.values(LEGS)) {
	leg.sendRoute = route(leg.routes, 'messages.template');
	leg.listRoute = route(leg.routes, 'templates.list');
}
// v1's wire bodies under their old name: most checks are v1's.
const { wireBody } = names;

/** The template sends the sandbox recorded (the node may also read the template list first). */
const sends = (sb, leg = LEGS.v1) => sb.requests.filter((r) => r.route === leg.sendRoute.name);

/**
 * Every request is a template send or a template-list read of the leg's API, and the list is read
 * at most once per run (Check Template Before Sending), never once per item.
 */
function assertOnlySendsAndOneListRead(sb, leg = LEGS.v1) {
	const other = sb.requests.filter((r) => r.api !== leg.api || (r.route !== leg.sendRoute.name && r.route !== leg.listRoute.name));
	assert.deepEqual(other.map((r) => `${r.method} ${r.path}`), [], `requests other than ${leg.api}'s sends and its template list`);
	const lists = sb.requests.filter((r) => r.route === leg.listRoute.name);
	assert.ok(lists.length <= 1, `the template list was read ${lists.length} times in one run`);
	for (const r of lists) assert.equal(r.status, 200, `template list: ${r.status}`);
}

/** The path a leg's route arrives at: {platform URL path}{API root}/{route}. */
function routePath(sb, leg, r) {
	const prefix = new URL(sb.baseUrl).pathname.replace(/\/$/, '');
	return `${prefix}${leg.root(sb)}/${r.path}`;
}
/** The path a template send must arrive at (v1: .../api/v1/{subdomain}/messages/template). */
const sendPath = (sb, leg = LEGS.v1) => routePath(sb, leg, leg.sendRoute);

/** The multipart file field of a header medium ('image' | 'video' | 'document'): the same on both APIs. */
const mediaFileField = (kind) => platform.MEDIA[kind].file;

const sha256 = (buf) => crypto.createHash('sha256').update(buf).digest('hex');

/** A recorded request is a send (or `r`, another route) to the leg's API, with its token and JSON accepted. */
function assertLegRequest(sb, req, { status = 200, leg = LEGS.v1, r = leg.sendRoute } = {}) {
	assert.ok(req, 'the sandbox recorded no request');
	assert.equal(req.api, leg.api, `API of ${req.method} ${req.path}`);
	assert.equal(req.route, r.name, `route of ${req.method} ${req.path}`);
	assert.equal(req.method, r.method);
	assert.equal(req.path, routePath(sb, leg, r));
	assert.equal(req.authorization, `Bearer ${leg.token(sb)}`);
	assert.match(req.accept || '', /application\/json/);
	assert.equal(req.status, status, `sandbox answered ${req.status}: ${JSON.stringify(req.response)}`);
}
const assertTemplateSend = (sb, req, options = {}) => assertLegRequest(sb, req, options);

/**
 * One send's node output matches what the sandbox accepted, in the keys both APIs give
 * (`messageId` is the wamid the sandbox issued, the digits sent, the template), on top of the
 * platform's whole answer.
 */
function assertSentItem(item, message, req, leg = LEGS.v1) {
	assert.ok(item && item.json, 'no output item');
	assert.ok(message, 'the sandbox accepted no message');
	assert.equal(message.api, leg.api, 'the message went out through the API of the credential');
	const { messageId, phone, templateName, templateLanguage } = item.json;
	const template = names.readTemplateRecord(message.template);
	assert.deepEqual(
		{ messageId, phone, templateName, templateLanguage },
		{ messageId: message.wamid, phone: message.digits, templateName: template.name, templateLanguage: template.language },
		'messageId = the wamid the sandbox issued; the recipient and template sent',
	);
	for (const [key, value] of Object.entries(req.response)) assert.deepEqual(item.json[key], value, `output ${key} = the platform's answer`);
}

module.exports = { LEGS, platform, wireBody, sendPath, routePath, sends, assertOnlySendsAndOneListRead, mediaFileField, sha256, assertTemplateSend, assertLegRequest, assertSentItem };
