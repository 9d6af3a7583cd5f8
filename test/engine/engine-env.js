'use strict';
/**
 * Process-wide state of the in-process n8n engine used by the harness:
 * environment variables, the capturing logger, the DI container and the
 * BinaryDataService mode.
 *
 * n8n-core is required lazily, after the environment is set, because its
 * config classes read process.env when the DI container first builds them.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');

const state = {
	ready: false,
	binaryMode: undefined,
	createdUserFolder: undefined,
	/** Every line any n8n logger (LoggerProxy, Container Logger, sendDataToUI) received. */
	logs: [],
	/** Every (error, options) n8n-core handed to its ErrorReporter. */
	reportedErrors: [],
};

/** `@n8n/backend-common` is a dependency of n8n-core, not of this package: resolve it from there. */
function requireFromCore(id) {
	return require(require.resolve(id, { paths: [path.dirname(require.resolve('n8n-core'))] }));
}

function safeStringify(value) {
	const seen = new WeakSet();
	const replacer = (_key, val) => {
		if (typeof val === 'bigint') return `${val}n`;
		if (typeof val === 'function') return `[function ${val.name}]`;
		if (Buffer.isBuffer(val)) return `[Buffer ${val.length}]`;
		if (val && typeof val === 'object') {
			if (seen.has(val)) return '[Circular]';
			seen.add(val);
			if (val instanceof Error) {
				// Own enumerable props too (NodeApiError keeps cause, context, httpCode, ...).
				return { ...val, name: val.name, message: val.message, stack: val.stack, cause: val.cause };
			}
		}
		return val;
	};
	try {
		return JSON.stringify(value, replacer);
	} catch (error) {
		return `[unserializable: ${error.message}]`;
	}
}

function record(level, message, meta) {
	const text = typeof message === 'string' ? message : safeStringify(message);
	state.logs.push(meta === undefined ? `${level}: ${text}` : `${level}: ${text} ${safeStringify(meta)}`);
}

/** Logger for both n8n-workflow's LoggerProxy and n8n-core's Container `Logger` (node `this.logger`). */
function createCaptureLogger() {
	const logger = {
		error: (message, meta) => record('error', message, meta),
		warn: (message, meta) => record('warn', message, meta),
		info: (message, meta) => record('info', message, meta),
		debug: (message, meta) => record('debug', message, meta),
		verbose: (message, meta) => record('verbose', message, meta),
		scoped: () => logger,
		getInternalLogger: () => logger,
	};
	return logger;
}

function prepareEnvironment() {
	if (!process.env.N8N_USER_FOLDER) {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-harness-'));
		process.env.N8N_USER_FOLDER = dir;
		state.createdUserFolder = dir;
	}
	if (!process.env.N8N_ENCRYPTION_KEY) {
		process.env.N8N_ENCRYPTION_KEY = crypto.randomBytes(24).toString('hex');
	}
	if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent';
	if (!process.env.N8N_DIAGNOSTICS_ENABLED) process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
	if (!process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS) {
		process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'false';
	}
}

/** Modules of n8n, loaded once the environment is in place. */
function n8n() {
	if (!state.ready) {
		throw new Error('harness: call `await setupEngine()` before using the engine');
	}
	// Cached: the engine asks for these on every parameter read.
	state.modules ??= {
		core: require('n8n-core'),
		workflow: require('n8n-workflow'),
		Container: require('@n8n/di').Container,
	};
	return state.modules;
}

/**
 * WorkflowExecute stores a node's error in the run data as a plain-object copy
 * (`{ ...error, message, stack }`), but hands the thrown instance (NodeApiError /
 * NodeOperationError, i.e. any n8n BaseError) to the ErrorReporter first, with the
 * execution id and node name. Watching that call (the report itself still happens)
 * lets the harness return the real instance.
 */
function observeErrorReporter() {
	const { core, Container } = n8n();
	const reporter = Container.get(core.ErrorReporter);
	const report = reporter.error.bind(reporter);
	reporter.error = (error, options) => {
		state.reportedErrors.push({ error, options });
		if (state.reportedErrors.length > 200) state.reportedErrors.splice(0, 100);
		return report(error, options);
	};
}

async function setupEngine(options = {}) {
	const binaryMode = options.binaryMode ?? 'filesystem';
	if (binaryMode !== 'filesystem' && binaryMode !== 'default') {
		throw new Error(`harness: binaryMode must be 'filesystem' or 'default', got '${binaryMode}'`);
	}
	if (!state.ready) {
		prepareEnvironment();
		const { Container } = require('@n8n/di');
		const { Logger } = requireFromCore('@n8n/backend-common');
		const { LoggerProxy } = require('n8n-workflow');
		const logger = createCaptureLogger();
		// Before anything asks the container for a Logger, so every n8n service gets ours.
		Container.set(Logger, logger);
		LoggerProxy.init(logger);
		state.ready = true;
		observeErrorReporter();
		if (state.createdUserFolder) {
			const dir = state.createdUserFolder;
			process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
		}
	}
	if (state.binaryMode !== binaryMode) {
		const { core, Container } = n8n();
		// BinaryDataService.init() always (re)builds the filesystem manager and takes its
		// mode from BinaryDataConfig: 'default' has no manager, so binaries stay base64 in
		// the item, exactly as in an n8n started with N8N_DEFAULT_BINARY_DATA_MODE=default.
		Container.get(core.BinaryDataConfig).mode = binaryMode;
		await Container.get(core.BinaryDataService).init();
		state.binaryMode = binaryMode;
	}
	return { userFolder: process.env.N8N_USER_FOLDER, binaryMode: state.binaryMode };
}

/**
 * Optional: removes the temporary user folder the harness created and resets the DI
 * container. A later setupEngine() starts from scratch. (The folder is also removed
 * when the process exits.)
 */
async function teardownEngine() {
	if (!state.ready) return;
	require('@n8n/di').Container.reset();
	if (state.createdUserFolder) {
		fs.rmSync(state.createdUserFolder, { recursive: true, force: true });
		if (process.env.N8N_USER_FOLDER === state.createdUserFolder) delete process.env.N8N_USER_FOLDER;
		state.createdUserFolder = undefined;
	}
	state.ready = false;
	state.binaryMode = undefined;
}

module.exports = { state, n8n, setupEngine, teardownEngine, record, safeStringify };
