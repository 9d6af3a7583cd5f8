'use strict';
/**
 * The sandbox in a process of its own, for the benches. The platform is another machine in real
 * life: in n8n's process its request handling, multipart parsing and hashing would be charged to
 * the node (CPU on the same event loop, memory in the same RSS). Here it runs on the other core,
 * and the bench's process holds only n8n, the node and the bench's own baselines.
 *
 *   const sb = await startRemoteSandbox(options)   // test/sandbox's startSandbox(options), over IPC
 *   sb.baseUrl, sb.subdomain, sb.tokens, sb.v2Tokens           fixed at start
 *   sb.timeOrigin   the sandbox process's performance.timeOrigin: a request's startedAt and
 *                   endedAt (its performance.now()) + this = the bench's timeOrigin + its own now
 *   await sb.reset() / configure(c) / updateV2Token(n, s) / seedContacts(n, o) / close()
 *   await sb.refresh()   copies what the sandbox recorded (requests, stats, messages, freeForm,
 *                        contacts, rateLimited) onto sb; any call above clears them again, so a
 *                        figure is never read from a stale copy.
 *
 * Run as a script, this file is that process.
 */
const { fork } = require('node:child_process');
const path = require('node:path');

const RECORDED = ['requests', 'stats', 'messages', 'freeForm', 'contacts', 'rateLimited'];
const FIXED = ['baseUrl', 'subdomain', 'tokens', 'v2Tokens'];
const CALLS = ['reset', 'configure', 'updateV2Token', 'seedContacts', 'close'];

/** seedContacts' `phone` is a function (i) => string: sent as the list of its n values. */
function encodeArgs(op, args) {
	if (op !== 'seedContacts' || typeof args[1]?.phone !== 'function') return args;
	const [n, { phone, ...rest }] = args;
	return [n, { ...rest, phones: Array.from({ length: n }, (_, i) => phone(i)) }];
}

function decodeArgs(op, args) {
	if (op !== 'seedContacts' || !args[1]?.phones) return args;
	const [n, { phones, ...rest }] = args;
	return [n, { ...rest, phone: (i) => phones[i] }];
}

async function startRemoteSandbox(options) {
	const child = fork(__filename, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	const pending = new Map();
	let next = 0;
	child.on('message', ({ id, value, error }) => {
		const waiter = pending.get(id);
		pending.delete(id);
		if (error) waiter.reject(new Error(`sandbox process: ${error}`));
		else waiter.resolve(value);
	});
	child.on('exit', (code) => {
		for (const waiter of pending.values()) waiter.reject(new Error(`sandbox process exited (${code})`));
		pending.clear();
	});
	const call = (op, args) =>
		new Promise((resolve, reject) => {
			const id = next++;
			pending.set(id, { resolve, reject });
			child.send({ id, op, args: encodeArgs(op, args) });
		});

	const sb = { ...(await call('start', [options])) };
	const clear = () => RECORDED.forEach((key) => (sb[key] = undefined));
	for (const op of CALLS) {
		sb[op] = async (...args) => {
			clear();
			const value = await call(op, args);
			if (op === 'close') child.disconnect();
			return value;
		};
	}
	sb.refresh = async () => Object.assign(sb, await call('read', [RECORDED]));
	clear();
	return sb;
}

/** The process side: one sandbox, answering the calls in the order they come. */
function serve() {
	const { startSandbox } = require(path.join(__dirname, '..', 'test', 'sandbox', 'index.js'));
	let sandbox;
	const ops = {
		start: async (options) => {
			sandbox = await startSandbox(options);
			return { ...Object.fromEntries(FIXED.map((key) => [key, sandbox[key]])), timeOrigin: performance.timeOrigin };
		},
		read: (keys) => Object.fromEntries(keys.map((key) => [key, sandbox[key]])),
	};
	process.on('message', async ({ id, op, args }) => {
		try {
			const value = ops[op] ? await ops[op](...args) : await sandbox[op](...decodeArgs(op, args));
			// Only what the bench reads crosses: a handle's own return value (e.g. seeded rows) is not needed.
			process.send({ id, value: op === 'start' || op === 'read' ? value : undefined });
		} catch (error) {
			process.send({ id, error: String(error && error.stack ? error.stack : error) });
		}
	});
	process.on('disconnect', () => process.exit(0));
}

if (require.main === module) serve();

module.exports = { startRemoteSandbox };
