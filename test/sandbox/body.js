'use strict';
/**
 * Reading request bodies without ever holding a large one in memory:
 * - multipart/form-data is streamed through busboy; file parts are hashed
 *   (sha256) and counted as they arrive, their bytes dropped;
 * - JSON is buffered up to JSON_LIMIT bytes (the rest is read and dropped);
 * - anything else is drained.
 * Every reader resolves once the whole body was read, and rejects with
 * code 'ABORTED' if the connection closes first.
 */
const crypto = require('node:crypto');
const busboy = require('busboy');

const JSON_LIMIT = 2 * 1024 * 1024;
const FIELD_SIZE_LIMIT = 1024 * 1024;

function abortedError() {
	const err = new Error('Request body not complete: connection closed');
	err.code = 'ABORTED';
	return err;
}

/** Reject when the connection closes before the body was completely read. */
function onAbort(req, reject) {
	const listener = () => {
		if (!req.complete) reject(abortedError());
	};
	req.on('close', listener);
	return () => req.removeListener('close', listener);
}

function drain(req) {
	return new Promise((resolve, reject) => {
		const off = onAbort(req, reject);
		req.on('end', () => {
			off();
			resolve();
		});
		req.on('error', reject);
		req.resume();
	});
}

/** Resolve { text, tooLarge }; `text` holds at most JSON_LIMIT bytes. */
function readJsonText(req) {
	return new Promise((resolve, reject) => {
		const off = onAbort(req, reject);
		const chunks = [];
		let size = 0;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size <= JSON_LIMIT) chunks.push(chunk);
		});
		req.on('end', () => {
			off();
			const tooLarge = size > JSON_LIMIT;
			resolve({ text: tooLarge ? '' : Buffer.concat(chunks).toString('utf8'), tooLarge, size });
		});
		req.on('error', reject);
	});
}

/**
 * Stream a multipart body. Resolves {
 *   texts: [{ name, value, truncated }] in arrival order,
 *   files: [{ field, filename, mimeType, size, sha256 }] in arrival order,
 * }. Rejects with code 'MALFORMED' when busboy cannot parse it.
 * `onText(name, value)` is called as each text part completes.
 */
function readMultipart(req, { onText } = {}) {
	return new Promise((resolve, reject) => {
		let settled = false;
		const fail = (err) => {
			if (settled) return;
			settled = true;
			if (err.code !== 'MALFORMED' || req.complete) {
				off();
				reject(err);
				return;
			}
			// Read the rest of the body first, so the answer does not come mid-upload.
			req.unpipe();
			req.once('end', () => {
				off();
				reject(err);
			});
			req.resume();
		};
		// A closed connection rejects at once (a promise settles only once).
		const off = onAbort(req, reject);
		let bb;
		try {
			bb = busboy({
				headers: req.headers,
				defParamCharset: 'utf8',
				limits: { fieldSize: FIELD_SIZE_LIMIT, fieldNameSize: 1000 },
			});
		} catch (e) {
			const err = new Error(`Malformed multipart body: ${e.message}`);
			err.code = 'MALFORMED';
			fail(err);
			return;
		}
		const texts = [];
		const files = [];
		const pendingFiles = new Set();
		let parserDone = false;
		const finish = () => {
			if (settled || !parserDone || pendingFiles.size > 0) return;
			settled = true;
			off();
			resolve({ texts, files });
		};
		bb.on('field', (name, value, info) => {
			texts.push({ name, value, truncated: info.valueTruncated || info.nameTruncated });
			if (onText) onText(name, value);
		});
		bb.on('file', (name, stream, info) => {
			const hash = crypto.createHash('sha256');
			const record = { field: name, filename: info.filename, mimeType: info.mimeType, size: 0, sha256: '' };
			files.push(record);
			pendingFiles.add(record);
			stream.on('data', (chunk) => {
				record.size += chunk.length;
				hash.update(chunk);
			});
			stream.on('end', () => {
				record.sha256 = hash.digest('hex');
				pendingFiles.delete(record);
				finish();
			});
		});
		bb.on('close', () => {
			parserDone = true;
			finish();
		});
		bb.on('error', (e) => {
			const err = new Error(`Malformed multipart body: ${e.message}`);
			err.code = req.destroyed && !req.complete ? 'ABORTED' : 'MALFORMED';
			fail(err);
		});
		req.pipe(bb);
	});
}

module.exports = { drain, readJsonText, readMultipart, JSON_LIMIT };
