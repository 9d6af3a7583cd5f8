'use strict';
/*
 * What the e2e expects on the wire, without spelling a wire name here:
 * - routes, paths and the header file fields come from the sandbox's own table
 *   (test/sandbox/platform.js), written from CONTRACT.md independently of the node;
 * - expected text fields come from wireBody() in test/support/wire.ts, the tests' one table of
 *   wire names (TypeScript, transpiled here with the project's own compiler).
 * A wire rename therefore changes nothing in scripts/.
 */
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');

const { REPO } = require('../lib/package');
const platform = require(path.join(REPO, 'test', 'sandbox', 'platform'));

/** Load a TypeScript module of the repository (no runtime dependencies of its own) as CommonJS. */
function requireTs(file) {
	const ts = require('typescript');
	const { outputText } = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
		compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
		fileName: file,
	});
	const mod = new Module(file, module);
	mod.filename = file;
	mod.paths = Module._nodeModulePaths(path.dirname(file));
	mod._compile(outputText, file);
	return mod.exports;
}

const { wireBody } = requireTs(path.join(REPO, 'test', 'support', 'wire.ts'));

const SEND_ROUTE = platform.ROUTES.find((r) => r.name === 'messages.template');
const LIST_ROUTE = platform.ROUTES.find((r) => r.name === 'templates.list');

/** The template sends the sandbox recorded (the node may also read the template list first). */
const sends = (sb) => sb.requests.filter((r) => r.route === SEND_ROUTE.name);

/**
 * Every request is a template send or a template-list read, and the list is read at most once
 * per run (Check Template Before Sending), never once per item.
 */
function assertOnlySendsAndOneListRead(sb) {
	const other = sb.requests.filter((r) => r.route !== SEND_ROUTE.name && r.route !== LIST_ROUTE.name);
	assert.deepEqual(other.map((r) => `${r.method} ${r.path}`), [], 'requests other than sends and the template list');
	const lists = sb.requests.filter((r) => r.route === LIST_ROUTE.name);
	assert.ok(lists.length <= 1, `the template list was read ${lists.length} times in one run`);
	for (const r of lists) assert.equal(r.status, 200, `template list: ${r.status}`);
}

/** The path a template send must arrive at: {platform URL path}/api/v1/{subdomain}/messages/template. */
function sendPath(sb) {
	const prefix = new URL(sb.baseUrl).pathname.replace(/\/$/, '');
	return `${prefix}${platform.API_PREFIX}/${sb.subdomain}/${SEND_ROUTE.path}`;
}

/** The multipart file field of a header medium ('image' | 'video' | 'document'). */
const mediaFileField = (kind) => platform.MEDIA[kind].file;

const sha256 = (buf) => crypto.createHash('sha256').update(buf).digest('hex');

/** A recorded request is a template send to the workspace's API, with the token and JSON accepted. */
function assertTemplateSend(sb, req, { status = 200 } = {}) {
	assert.ok(req, 'the sandbox recorded no request');
	assert.equal(req.route, SEND_ROUTE.name, `route of ${req.method} ${req.path}`);
	assert.equal(req.method, SEND_ROUTE.method);
	assert.equal(req.path, sendPath(sb));
	assert.equal(req.authorization, `Bearer ${sb.tokens.send}`);
	assert.match(req.accept || '', /application\/json/);
	assert.equal(req.status, status, `sandbox answered ${req.status}: ${JSON.stringify(req.response)}`);
}

/**
 * One send's node output matches what the sandbox accepted: `messageId` is the wamid the sandbox
 * issued, `data` is the platform's answer.
 */
function assertSentItem(item, message, req) {
	assert.ok(item && item.json, 'no output item');
	assert.ok(message, 'the sandbox accepted no message');
	assert.equal(item.json.messageId, message.wamid, 'messageId = the wamid the sandbox issued');
	assert.equal(item.json.status, 'success');
	if (req) assert.deepEqual(item.json.data, req.response.data, 'output data = the platform answer');
}

module.exports = { platform, wireBody, sendPath, sends, assertOnlySendsAndOneListRead, mediaFileField, sha256, assertTemplateSend, assertSentItem };
