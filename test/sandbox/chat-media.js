'use strict';
/**
 * The medium of a free-form media send, both APIs (CONTRACT.md and CONTRACT-v2.md, messages/media;
 * platform-notes-v1-more §5). After validation, as the platform's controller does it:
 * - an upload: its name's extension for the kind, its size, then stored publicly as
 *   whatsapp-attachments/<unix second>_<Str::slug(base name, '_')>.<ext>; that public URL is what
 *   WhatsApp gets. Two uploads of one name in one second overwrite each other: counted in
 *   stats.overwrittenUploads and marked on the message (overwroteUpload);
 * - a URL: downloaded first (a URL the server cannot download: v1 answers 200 with an EMPTY
 *   body, v2 crashes with a 500 outside the envelope), then its path's extension (none is
 *   refused) and its Content-Length; a copy is stored the same way (not counted: the node does not
 *   name it); WhatsApp gets the original URL.
 * Refusals are the controller's own 422 `{status: "error", message}`, the same on both APIs.
 *
 * Downloads are simulated (a sandbox on loopback must not fetch the internet): a URL is
 * downloadable unless its host is under `.invalid` (RFC 2606) or a test said otherwise with
 * sb.setRemoteMedia(url, { fetchable: false }); `size` gives it a Content-Length.
 */
const R = require('./responses');
const { CHAT_MEDIA, maxBytes, CHAT_TEXT } = require('./chat-platform');
const { slug, splitName, urlFileName, storeUpload } = require('./media');

function checkRemoteSpec(spec) {
	if (!spec || typeof spec !== 'object') throw new TypeError('setRemoteMedia: a spec { fetchable?, size? } is required');
	if ('fetchable' in spec && typeof spec.fetchable !== 'boolean') throw new TypeError('setRemoteMedia: fetchable must be a boolean');
	if ('size' in spec && !(Number.isInteger(spec.size) && spec.size >= 0)) throw new TypeError('setRemoteMedia: size must be an integer >= 0 (bytes)');
	return { fetchable: spec.fetchable ?? true, size: spec.size ?? null };
}

/** What a download of `url` gives: { fetchable, size: Content-Length or null }. */
function remoteMedia(state, url) {
	const given = state.remoteMedia.get(new URL(url).href);
	if (given) return given;
	return { fetchable: !new URL(url).hostname.endsWith('.invalid'), size: null };
}

function allowed(kind, acceptJpg) {
	const list = [...CHAT_MEDIA[kind].extensions];
	if (CHAT_MEDIA[kind].jpg && acceptJpg) list.push('jpg');
	return list;
}

const refuse = (message) => R.json(422, { status: 'error', message });
const storedName = (base, ext) => `whatsapp-attachments/${Math.floor(Date.now() / 1000)}_${slug(base, '_')}.${ext.toLowerCase()}`;

/**
 * Check and store the medium. `acceptJpg`: whether `.jpg` images pass. Returns { answer } (422),
 * { unfetchable: true } (the caller answers as its API does), or { medium: { kind, source, link,
 * storedFileName, overwroteUpload, file?, url? } }.
 */
function handleChatMedia(state, fields, file, baseUrl, acceptJpg) {
	const kind = fields.media_type;
	const ok = allowed(kind, acceptJpg);
	if (file) {
		const { base, ext } = splitName(file.filename || '');
		if (!ok.includes(ext.toLowerCase())) return { answer: refuse(CHAT_TEXT.badExtension(kind, ok)) };
		if (file.size > maxBytes(kind)) return { answer: refuse(CHAT_TEXT.tooBig(kind)) };
		const name = storedName(base, ext);
		const overwroteUpload = storeUpload(state, name);
		return { medium: { kind, source: 'file', file, link: `${baseUrl}/storage/${name}`, storedFileName: name, overwroteUpload } };
	}
	const url = fields.media_url;
	const remote = remoteMedia(state, url);
	if (!remote.fetchable) return { unfetchable: true };
	const { base, ext } = splitName(urlFileName(url));
	if (!ok.includes(ext.toLowerCase())) return { answer: refuse(CHAT_TEXT.badExtension(kind, ok)) };
	if (remote.size !== null && remote.size > maxBytes(kind)) return { answer: refuse(CHAT_TEXT.tooBig(kind)) };
	return { medium: { kind, source: 'url', url, link: url, storedFileName: storedName(base, ext), overwroteUpload: false } };
}

/**
 * What WhatsApp receives for the medium: its link, the caption (never for audio: the platform
 * drops it) and a document's file name (only documents have one). `ignored`: collects what the platform dropped.
 */
function whatsappMedia(medium, fields, ignored) {
	const out = { type: medium.kind, link: medium.link };
	if (fields.caption !== undefined) {
		if (medium.kind === 'audio') ignored.caption = fields.caption;
		else out.caption = fields.caption;
	}
	if (fields.filename !== undefined) {
		if (medium.kind === 'document') out.filename = fields.filename;
		else ignored.filename = fields.filename;
	}
	return out;
}

module.exports = { handleChatMedia, whatsappMedia, checkRemoteSpec };
