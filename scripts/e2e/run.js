#!/usr/bin/env node
'use strict';
/*
 * End-to-end test of the packed community node in the real n8n application.
 *
 *   npm run test:e2e          (= node scripts/e2e/run.js)
 *
 * 1. provision n8n 2.40.7 + Node 24 (cached outside the clone, scripts/provision.js)
 * 2. npm run build (if dist/ is stale), npm pack, install the tarball as n8n installs a
 *    community package: <user folder>/.n8n/nodes/node_modules/n8n-nodes-whatsapp-templates
 * 3. start the sandbox API in this process, import a credential pointing at it, import the
 *    three examples and the e2e workflows (scripts/e2e/workflows.js)
 * 4. `n8n execute` the manual workflows (filesystem and default binary-data modes),
 *    `n8n publish:workflow` + `n8n start` for the webhook, and check what the sandbox received.
 *
 * Env: E2E_KEEP=1 keeps the temp folder (n8n user folder, logs); N8N_E2E_CACHE moves the cache.
 * Prints one PASS/FAIL line per check and "N passed, M failed"; exits 1 on any failure.
 */
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { provision } = require('../provision');
const app = require('../lib/n8n-app');
const wf = require('./workflows');

const { REPO, secs } = app;
const EXAMPLES = ['webhook-send.json', 'crm-sync.json', 'media-from-file.json'];

function log(msg) {
	process.stdout.write(`[e2e] ${msg}\n`);
}

const results = [];
async function check(name, fn) {
	const t0 = Date.now();
	try {
		await fn();
		results.push({ name, ok: true });
		process.stdout.write(`PASS ${name} (${secs(Date.now() - t0)})\n`);
	} catch (err) {
		results.push({ name, ok: false, err });
		process.stdout.write(`FAIL ${name} (${secs(Date.now() - t0)})\n`);
		process.stdout.write(indent(err && err.stack ? err.stack : String(err)) + '\n');
	}
}

function indent(text, prefix = '     ') {
	return String(text)
		.split('\n')
		.slice(0, 60)
		.map((l) => prefix + l)
		.join('\n');
}

const sha256 = (buf) => crypto.createHash('sha256').update(buf).digest('hex');

function readExample(file) {
	return JSON.parse(fs.readFileSync(path.join(REPO, 'examples', file), 'utf8'));
}

async function main() {
	const tStart = Date.now();
	const timings = {};

	// ---------------------------------------------------------------- provision, build, pack
	let t = Date.now();
	const prov = provision();
	timings.provision = Date.now() - t;

	t = Date.now();
	app.buildIfNeeded({ log });
	timings.build = Date.now() - t;

	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-wa-e2e-'));
	log(`temp folder ${tmp}${process.env.E2E_KEEP ? ' (kept)' : ''}`);
	t = Date.now();
	const tarball = app.pack(tmp, { log });
	const userFolder = path.join(tmp, 'user');
	const installed = app.installTarball(tarball, userFolder);
	log(`installed ${app.PACKAGE_NAME}@${installed.version} into ${path.relative(tmp, installed.target)}`);
	timings.pack = Date.now() - t;

	// ---------------------------------------------------------------- sandbox
	const { startSandbox } = require(path.join(REPO, 'test', 'sandbox'));
	const sb = await startSandbox({ port: 0 });
	log(`sandbox at ${sb.baseUrl}`);

	let n8n = null;
	try {
		const port = await app.freePort();
		const brokerPort = await app.freePort();
		const envFor = (binaryDataMode, logLevel = 'info') =>
			app.n8nEnv({ userFolder, port, brokerPort, prov, binaryDataMode, logLevel });
		const envFs = envFor('filesystem');

		// ------------------------------------------------------------ import credential + workflows
		t = Date.now();
		const credFile = app.writeCredentialFile(path.join(tmp, 'credentials.json'), {
			baseUrl: sb.baseUrl,
			apiToken: sb.tokens.send,
		});
		await app.n8nCliOk(prov, envFs, ['import:credentials', `--input=${credFile}`]);
		const wfDir = path.join(tmp, 'workflows');
		fs.mkdirSync(wfDir);
		for (const file of EXAMPLES) fs.copyFileSync(path.join(REPO, 'examples', file), path.join(wfDir, file));
		for (const w of wf.workflows) fs.writeFileSync(path.join(wfDir, `${w.id}.json`), JSON.stringify(w, null, 2));
		const imp = await app.n8nCliOk(prov, envFs, ['import:workflow', '--separate', `--input=${wfDir}`]);
		log(`imported 1 credential and ${EXAMPLES.length + wf.workflows.length} workflows in ${secs(Date.now() - t)}`);
		timings.import = Date.now() - t;
		if (!/Successfully imported/.test(imp.stdout)) log(`import output:\n${indent(imp.stdout)}`);

		/** n8n execute --id --rawOutput, with the run parsed when it printed one. */
		async function execute(id, env = envFs) {
			sb.reset();
			const r = await app.n8nCli(prov, env, ['execute', `--id=${id}`, '--rawOutput']);
			let run = null;
			try {
				run = app.parseExecuteOutput(r.stdout);
			} catch {
				run = null;
			}
			log(`n8n execute --id=${id}: exit ${r.code} in ${secs(r.ms)}`);
			return { ...r, run, output: r.stdout + r.stderr };
		}
		function assertRan(r) {
			assert.equal(r.code, 0, `n8n execute exited ${r.code}:\n${r.output.slice(-3000)}`);
			assert.ok(r.run, 'n8n execute printed no run data');
			assert.ok(!r.run.data.resultData.error, `execution error: ${JSON.stringify(r.run.data.resultData.error)}`);
		}

		t = Date.now();
		// ------------------------------------------------------------ 1. JSON send
		await check('manual workflow sends a JSON template (body variables, buttons, OTP, contact, phone number id)', async () => {
			const r = await execute(wf.JSON_SEND_ID);
			assertRan(r);
			assert.equal(sb.requests.length, 1, `sandbox got ${sb.requests.length} requests`);
			const req = sb.requests[0];
			assert.equal(req.method, 'POST');
			assert.equal(req.path, '/api/v1/messages/send');
			assert.match(req.contentType || '', /^application\/json/);
			assert.equal(req.authorization, `Bearer ${sb.tokens.send}`);
			assert.deepEqual(req.fields, wf.JSON_SEND_EXPECTED);
			assert.equal(req.status, 200, `sandbox answered ${req.status}: ${JSON.stringify(req.response)}`);
			const out = app.nodeOutput(r.run, 'WhatsApp Templates');
			assert.equal(out.length, 1);
			assert.deepEqual(out[0].json, req.response, 'the node output is the API response');
			assert.equal(out[0].json.data.id, sb.messages[0].id);
		});

		// ------------------------------------------------------------ 2. CRM sync example
		await check('examples/crm-sync.json: 3 sent with contact upsert, the bad row goes to the error output', async () => {
			const r = await execute('WaTplExampleCrm1');
			assertRan(r);
			assert.equal(sb.requests.length, 3, `sandbox got ${sb.requests.length} requests (the national number must not be sent)`);
			assert.equal(sb.messages.length, 3);
			const ada = sb.requests.find((q) => q.fields && q.fields.phone === '4915123456789');
			assert.ok(ada, `no request for Ada: ${JSON.stringify(sb.requests.map((q) => q.fields))}`);
			assert.deepEqual(ada.fields, {
				phone: '4915123456789',
				template_name: 'order_update',
				template_language: 'en_US',
				header_text: 'Ada',
				body_1: 'Ada',
				body_2: 'A-1042',
				contact: {
					first_name: 'Ada',
					last_name: 'Lovelace',
					email: 'ada@example.com',
					language_code: 'en_US',
					groups: ['customers', 'newsletter'],
					custom_fields: { plan: 'pro', last_order: 'A-1042' },
				},
			});
			assert.ok(sb.requests.some((q) => q.fields.phone === '491715550102' && q.fields.template_language === 'de'));
			const sent = app.nodeOutput(r.run, 'Sent');
			assert.equal(sent.length, 1);
			assert.equal(sent[0].json.sent, 3);
			assert.deepEqual(
				sent[0].json.messages.map((m) => m.message_id).sort(),
				sb.messages.map((m) => m.id).sort(),
			);
			const failures = app.nodeOutput(r.run, 'Collect failures');
			assert.ok(failures && failures.length === 1, 'the error branch ran once');
			assert.equal(failures[0].json.failed, 1);
			assert.equal(failures[0].json.failures[0].email, 'grace@example.com');
			assert.ok(failures[0].json.failures[0].error, 'the failure carries the error text');
			assert.equal(failures[0].json.failures[0].delivery, 'not sent');
			log(`  CRM failure text: ${failures[0].json.failures[0].error}`);
		});

		// ------------------------------------------------------------ 3. media from file, both modes
		for (const mode of ['filesystem', 'default']) {
			const env = mode === 'filesystem' ? envFs : envFor(mode);
			await check(`examples/media-from-file.json: PDF made in the workflow arrives byte-identical (N8N_DEFAULT_BINARY_DATA_MODE=${mode})`, async () => {
				const r = await execute('WaTplExampleFile', env);
				assertRan(r);
				const made = app.nodeOutput(r.run, 'Make invoice PDF')[0].json;
				const pdf = Buffer.from(made.pdf_base64, 'base64');
				const bin = app.nodeOutput(r.run, 'Convert to File')[0].binary.invoice;
				if (mode === 'filesystem') assert.match(bin.id || '', /^filesystem-v2:/, 'binary stored on disk');
				else assert.ok(!bin.id && bin.data && bin.data.length > 100, `binary kept in memory (got ${JSON.stringify({ ...bin, data: (bin.data || '').slice(0, 40) })})`);
				assert.equal(sb.requests.length, 1);
				const req = sb.requests[0];
				assert.equal(req.status, 200, `sandbox answered ${req.status}: ${JSON.stringify(req.response)}`);
				assert.match(req.contentType || '', /^multipart\/form-data/);
				assert.equal(req.files.length, 1);
				const [file] = req.files;
				assert.equal(file.field, 'header_document');
				assert.equal(file.filename, 'invoice-A-1042.pdf');
				assert.equal(file.mimeType, 'application/pdf');
				assert.equal(file.size, pdf.length);
				assert.equal(file.sha256, sha256(pdf));
				assert.deepEqual(req.fields, {
					phone: '4915123456789',
					template_name: 'order_shipped_media',
					template_language: 'en_US',
					header_document_filename: 'invoice-A-1042.pdf',
					body_1: 'A-1042',
					button_0: 'A-1042',
				});
				const out = app.nodeOutput(r.run, 'Send with invoice')[0].json;
				assert.equal(out.data.id, sb.messages[0].id);
			});
			await check(`3 MiB binary (every byte value) arrives byte-identical (N8N_DEFAULT_BINARY_DATA_MODE=${mode})`, async () => {
				const r = await execute(wf.LARGE_FILE_ID, env);
				assertRan(r);
				const bytes = Buffer.from(app.nodeOutput(r.run, 'Make bytes')[0].json.file_base64, 'base64');
				assert.equal(bytes.length, wf.LARGE_FILE_BYTES);
				const [file] = sb.requests[0].files;
				assert.equal(sb.requests[0].status, 200, JSON.stringify(sb.requests[0].response));
				assert.equal(file.field, 'header_document');
				assert.equal(file.filename, 'report 2026 (final).pdf');
				assert.equal(file.size, bytes.length);
				assert.equal(file.sha256, sha256(bytes));
			});
		}

		// ------------------------------------------------------------ 4. unapproved template
		await check('unapproved template with continue-on-fail: the item carries "Template is not APPROVED"', async () => {
			const r = await execute(wf.UNAPPROVED_CONTINUE_ID);
			assertRan(r);
			assert.equal(sb.requests.length, 1);
			assert.equal(sb.requests[0].status, 422);
			const out = app.nodeOutput(r.run, 'WhatsApp Templates');
			assert.equal(out.length, 1);
			assert.match(String(out[0].json.error), /Template is not APPROVED/);
			log(`  item error: ${out[0].json.error}`);
		});
		await check('unapproved template without continue-on-fail: n8n execute fails with "Template is not APPROVED"', async () => {
			const r = await execute(wf.UNAPPROVED_FAIL_ID);
			assert.notEqual(r.code, 0, 'n8n execute must exit non-zero');
			assert.match(r.output, /Template is not APPROVED/);
			assert.equal(sb.requests.length, 1);
			assert.equal(sb.requests[0].status, 422);
			const line = r.output.split('\n').find((l) => /Template is not APPROVED/.test(l));
			log(`  exit ${r.code}; output line: ${line.trim().slice(0, 200)}`);
		});
		timings.execute = Date.now() - t;

		// ------------------------------------------------------------ 5. webhook, n8n start
		t = Date.now();
		await app.n8nCliOk(prov, envFs, ['publish:workflow', '--id=WaTplExampleHook']);
		const logFile = path.join(tmp, 'n8n-start.log');
		n8n = await app.startN8n(prov, envFor('filesystem', 'debug'), { logFile, log });
		const hookMs = await app.waitForWebhook(n8n.url, 'whatsapp-template');
		log(`n8n: webhook registered ${secs(hookMs)} after ready`);
		timings.start = Date.now() - t;
		t = Date.now();
		const hookUrl = `${n8n.url}/webhook/whatsapp-template`;

		await check('webhook workflow (published, n8n start) sends and responds with the message id', async () => {
			sb.reset();
			const res = await fetch(hookUrl, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ phone: '+49 151 23456789', name: 'Ada', order_id: 'A-1042' }),
				signal: AbortSignal.timeout(30000),
			});
			const text = await res.text();
			assert.equal(res.status, 200, `webhook answered ${res.status}: ${text}`);
			const body = JSON.parse(text);
			assert.equal(sb.messages.length, 1);
			assert.deepEqual(sb.requests[0].fields, {
				phone: '4915123456789',
				template_name: 'order_update',
				template_language: 'en_US',
				header_text: 'Ada',
				body_1: 'Ada',
				body_2: 'A-1042',
			});
			assert.equal(body.ok, true);
			assert.equal(body.message_id, sb.messages[0].id);
			assert.equal(body.wamid, sb.messages[0].wamid);
			log(`  webhook response: ${text}`);
		});
		await check('webhook workflow answers 502 with the API error for an unapproved template', async () => {
			sb.reset();
			const res = await fetch(hookUrl, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ phone: '+49 151 23456789', name: 'Ada', order_id: 'A-1042', template: 'summer_promo' }),
				signal: AbortSignal.timeout(30000),
			});
			const text = await res.text();
			assert.equal(res.status, 502, `webhook answered ${res.status}: ${text}`);
			assert.match(JSON.parse(text).error, /Template is not APPROVED/);
			assert.equal(sb.messages.length, 0);
		});

		// ------------------------------------------------------------ 6. n8n lists the node types
		await check('n8n lists whatsAppTemplates, its Tool variant and the credential type', async () => {
			const rest = new app.RestClient(n8n.url);
			await rest.setupOwner(app.DEV_OWNER);
			await rest.login(app.DEV_OWNER.email, app.DEV_OWNER.password);
			const nodes = await rest.request('GET', '/types/nodes.json');
			assert.equal(nodes.status, 200, `/types/nodes.json: ${nodes.status}`);
			const names = new Set(nodes.json.map((n) => n.name));
			assert.ok(names.has(app.NODE_TYPE), `${app.NODE_TYPE} missing`);
			assert.ok(names.has(app.TOOL_NODE_TYPE), `${app.TOOL_NODE_TYPE} missing`);
			const creds = await rest.request('GET', '/types/credentials.json');
			assert.ok(creds.json.some((c) => c.name === app.CREDENTIAL_TYPE), 'credential type missing');
			const startLog = fs.readFileSync(logFile, 'utf8');
			assert.match(startLog, new RegExp(`Loaded all credentials and nodes from ${app.PACKAGE_NAME}`));
			log(`  ${nodes.json.length} node types; ours: ${[...names].filter((n) => n.startsWith(app.PACKAGE_NAME)).join(', ')}`);
		});
		timings.webhook = Date.now() - t;
	} finally {
		if (n8n) await n8n.stop();
		await sb.close();
		if (!process.env.E2E_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
	}

	const passed = results.filter((r) => r.ok).length;
	const failed = results.length - passed;
	const total = Date.now() - tStart;
	log(
		`times: provision ${secs(timings.provision)}, build ${secs(timings.build)}, pack+install ${secs(timings.pack)}, ` +
			`import ${secs(timings.import || 0)}, executions ${secs(timings.execute || 0)}, n8n start ${secs(timings.start || 0)}, ` +
			`webhook+REST ${secs(timings.webhook || 0)}; total ${secs(total)}`,
	);
	process.stdout.write(`e2e: ${passed} passed, ${failed} failed\n`);
	return failed === 0 && results.length > 0;
}

main().then(
	(ok) => process.exit(ok ? 0 : 1),
	(err) => {
		process.stdout.write(`FAIL e2e setup: ${err && err.stack ? err.stack : err}\n`);
		process.stdout.write(`e2e: ${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length + 1} failed\n`);
		process.exit(1);
	},
);
