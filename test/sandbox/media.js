'use strict';
/**
 * Header media of a send, after the template is known: the platform checks the
 * extension of an uploaded file's name (and of a header URL's path, when it has
 * one), then "stores" the medium as
 *   whatsapp-templates/template_header_<unix second>_<slug of the base name>.<ext>
 * Two uploads of the same name within one second overwrite each other there, so the
 * sandbox counts every upload stored under a name already used (stats.overwrittenUploads).
 */
const { MEDIA } = require('./platform');
const R = require('./responses');

/** The medium a template's header needs, or null. */
function mediumOf(template) {
	const entry = Object.entries(MEDIA).find(([, m]) => m.format === template.header_data_format);
	return entry ? { kind: entry[0], ...entry[1] } : null;
}

function allowedExtensions(kind, acceptJpg) {
	const list = [...MEDIA[kind].extensions];
	if (kind === 'image' && acceptJpg) list.push('jpg');
	return list;
}

/** Split a file name into base and extension (PHP pathinfo: the text after the last dot). */
function splitName(name) {
	const dot = name.lastIndexOf('.');
	return dot <= 0 ? { base: name, ext: '' } : { base: name.slice(0, dot), ext: name.slice(dot + 1) };
}

/** Laravel's Str::slug, roughly: ASCII, lower case, runs of anything else become `separator`. */
function slug(text, separator = '-') {
	const s = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, separator);
	return s.split(separator).filter(Boolean).join(separator);
}

function urlFileName(url) {
	const path = new URL(url).pathname;
	const last = path.slice(path.lastIndexOf('/') + 1);
	try {
		return decodeURIComponent(last);
	} catch {
		return last;
	}
}

/**
 * Keep an upload's stored name; true when an earlier upload was stored under it (the platform
 * overwrites that file: counted in stats.overwrittenUploads).
 */
function storeUpload(state, name) {
	const again = state.storedNames.has(name);
	if (again) state.stats.overwrittenUploads += 1;
	state.storedNames.add(name);
	return again;
}

/**
 * How an API generation words and names it: v1's (CONTRACT.md) by default; v2/send.js passes
 * its own. `refuse(source: 'file' | 'url', kind, allowed)` is the 422 answer of a refused extension.
 */
const V1_MEDIA = Object.freeze({
	separator: '-',
	lowerExt: false,
	refuse: (source, kind) => R.headerMedia(source === 'file' ? `Invalid file extension for header ${kind}` : `Invalid file extension in URL for header ${kind}`),
});

/**
 * Check and store the template's header medium. `fileByField`: the upload per field.
 * Returns { answer } (422 header_media) or { media: null | { kind, source, url?, file?, storedFileName, info } }.
 * A medium of another kind than the template's header is ignored, as the platform ignores it.
 */
function handleMedia(state, template, fields, fileByField, baseUrl, style = V1_MEDIA) {
	const m = mediumOf(template);
	if (!m) return { media: null };
	const allowed = allowedExtensions(m.kind, style.acceptJpg ?? state.config.acceptJpg);
	const now = Math.floor(Date.now() / 1000);
	const stored = (base, ext) => `template_header_${now}_${slug(base, style.separator)}.${style.lowerExt ? ext.toLowerCase() : ext}`;
	const file = fileByField.get(m.file);
	if (file) {
		const { base, ext } = splitName(file.filename || '');
		if (!allowed.includes(ext.toLowerCase())) return { answer: style.refuse('file', m.kind, allowed) };
		const storedFileName = stored(base, ext);
		storeUpload(state, storedFileName);
		const info = { filename: storedFileName, media_url: `${baseUrl}/storage/whatsapp-templates/${storedFileName}`, media_type: m.kind };
		return { media: { kind: m.kind, source: 'file', file, storedFileName, info } };
	}
	const url = fields[m.url];
	const { base, ext } = splitName(urlFileName(url));
	if (ext !== '' && !allowed.includes(ext.toLowerCase())) return { answer: style.refuse('url', m.kind, allowed) };
	// A downloaded URL is stored the same way; only uploads count as overwrites (the node controls their names).
	const name = stored(base, ext);
	return { media: { kind: m.kind, source: 'url', url, storedFileName: name, info: { filename: name, media_url: url, media_type: m.kind } } };
}

module.exports = { handleMedia, mediumOf, slug, allowedExtensions, splitName, urlFileName, storeUpload };
