'use strict';
/*
 * The `n8n execute` checks both API legs run (executions.js for v1, v2/executions.js for v2), each
 * on the leg's credential and asserted at the sandbox in that API's routes, paths, token and wire
 * names (wire.js LEGS).
 */
const assert = require('node:assert/strict');

const app = require('../lib/n8n-app');
const wf = require('./workflows');
const { LEGS, sends, mediaFileField, sha256, assertTemplateSend, assertSentItem } = require('./wire');
const { executeWorkflow, assertRan } = require('./execute');
const { log, check } = require('./report');

/** A unique upload name: the slug of the base name, the item index, a random suffix, the extension. */
const uploadName = (slug, ext) => new RegExp(`^${slug}-0-[0-9a-f]{12}\\.${ext}$`);

/** execute(id, env?, leg?): `n8n execute` on a fresh sandbox, with the run parsed when it printed one. */
function executor({ prov, sb, env }) {
	// reset: false keeps what the run before wrote (a second run of the same rows);
	// assertRequests: executeWorkflow's, for workflows that do more than send.
	return async (id, runEnv = env, leg = LEGS.v1, { reset = true, assertRequests } = {}) => {
		if (reset) sb.reset();
		return await executeWorkflow(prov, runEnv, sb, id, leg, assertRequests);
	};
}

/** One workflow, one JSON send on the leg: the request, its body, the output's messageId. */
async function oneJsonSend(execute, sb, id, expected, leg = LEGS.v1) {
	const r = await execute(id, undefined, leg);
	assertRan(r);
	assert.equal(sends(sb, leg).length, 1, `sandbox got ${sends(sb, leg).length} sends`);
	const [req] = sends(sb, leg);
	assertTemplateSend(sb, req, { leg });
	assert.match(req.contentType || '', /^application\/json/);
	assert.deepEqual(req.fields, leg.wireBody(expected));
	const out = app.nodeOutput(r.run, wf.SEND);
	assert.equal(out.length, 1);
	assertSentItem(out[0], sb.messages[0], req, leg);
	return { r, req, message: sb.messages[0], item: out[0] };
}

/** One multipart send of a DOCUMENT header made in the workflow; returns the request. */
function assertDocumentSend(sb, expected, bytes, nameRe, leg = LEGS.v1) {
	assert.equal(sends(sb, leg).length, 1);
	const [req] = sends(sb, leg);
	assertTemplateSend(sb, req, { leg });
	assert.match(req.contentType || '', /^multipart\/form-data/);
	assert.deepEqual(req.fields, leg.wireBody(expected));
	assert.equal(req.files.length, 1);
	const [file] = req.files;
	assert.equal(file.field, mediaFileField('document'));
	assert.match(file.filename, nameRe, 'a unique upload name with the .pdf extension');
	assert.equal(file.mimeType, 'application/pdf');
	assert.equal(file.size, bytes.length);
	assert.equal(file.sha256, sha256(bytes), 'bytes identical');
	return req;
}

/** The 3 MiB binary made in workflow `id` (wf.LARGE_FILE_*) arrives byte-identical through the leg. */
async function checkLargeFile(execute, sb, { id, env, mode, leg = LEGS.v1 }) {
	await check(leg.named(`3 MiB binary (every byte value) arrives byte-identical (binary mode ${mode})`), async () => {
		const r = await execute(id, env, leg);
		assertRan(r);
		const bytes = Buffer.from(app.nodeOutput(r.run, 'Make bytes')[0].json.file_base64, 'base64');
		assert.equal(bytes.length, wf.LARGE_FILE_BYTES);
		const req = assertDocumentSend(sb, wf.LARGE_FILE_EXPECTED, bytes, uploadName('report-2026-final', 'pdf'), leg);
		assertSentItem(app.nodeOutput(r.run, wf.SEND)[0], sb.messages[0], req, leg);
	});
}

/**
 * Check Template Before Sending on the leg: order_update en_US is PENDING. With the check on
 * (continue-on-fail) the node refuses it before any send; with it off (stop on error) the
 * platform's 404 is explained and n8n execute fails. Nothing is sent either way.
 */
async function checkUnapproved(execute, sb, { continueId, failId, leg = LEGS.v1 }) {
	await check(leg.named('unapproved template (order_update en_US is PENDING), continue-on-fail: refused by the template check before any send, explained on the item'), async () => {
		const r = await execute(continueId, undefined, leg);
		assertRan(r);
		assert.equal(sends(sb, leg).length, 0, 'no send request');
		assert.equal(sb.requests.length, 1, 'the template list was read once');
		assert.equal(sb.messages.length, 0, 'nothing sent');
		const out = app.nodeOutput(r.run, wf.SEND);
		assert.equal(out.length, 1);
		assert.match(String(out[0].json.error), wf.NOT_APPROVED_CHECK);
		assert.equal(out[0].json.details.delivery, 'not sent');
		assert.equal(out[0].json.messageId, undefined);
		log(`  item error: ${out[0].json.error}`);
	});
	await check(leg.named("unapproved template, template check off, stop on error: the platform's 404 explained, n8n execute fails, nothing sent"), async () => {
		const r = await execute(failId, undefined, leg);
		assert.notEqual(r.code, 0, 'n8n execute must exit non-zero');
		assert.match(r.output, wf.NOT_APPROVED_404);
		assert.equal(sends(sb, leg).length, 1);
		assertTemplateSend(sb, sends(sb, leg)[0], { status: 404, leg });
		assert.equal(sb.messages.length, 0, 'nothing sent');
		const line = r.output.split('\n').find((l) => wf.NOT_APPROVED_404.test(l));
		log(`  exit ${r.code}; output line: ${line.trim().slice(0, 200)}`);
	});
}

module.exports = { uploadName, executor, oneJsonSend, assertDocumentSend, checkLargeFile, checkUnapproved };
