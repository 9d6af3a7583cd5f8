'use strict';
/**
 * The two bench nodes of the memory bench, run by n8n's engine like the product node:
 *
 *   uploadPathNode  the product's upload path (its built modules: toRequestBody's streaming
 *                   multipart body, readBinaryMedia, buildRequest, apiRequest) for each item,
 *                   without the node's validation, which refuses a document over the API's
 *                   102400 KB before reading a byte: only so can 400 MiB go through that path.
 *   bufferedNode    the baseline: getBinaryDataBuffer (the whole file in memory) + `form-data` +
 *                   axios (maxRedirects 0, so axios' redirect layer keeps no second copy).
 *
 * Both send the same message as the product node in the memory bench: TEMPLATE with its one body
 * variable and the document as the header. Wire names and the route come from the node's table.
 */
const lib = require('./lib');

/** invoice_ready (en): DOCUMENT header, 1 body variable. */
const TEMPLATE = { name: 'invoice_ready', language: 'en', var1: 'INV-2026-001' };

/** The message's text fields by wire name, for item `phone` with document `fileName`. */
function textFields(phone, fileName) {
	const SEND = lib.product.platform().templateSend;
	return [
		[SEND.phone, phone],
		[SEND.templateName, TEMPLATE.name],
		[SEND.templateLanguage, TEMPLATE.language],
		[SEND.documentName, fileName],
		[SEND.body(1), TEMPLATE.var1],
	];
}

function description(name, displayName, text, credentials) {
	return {
		displayName,
		name,
		group: ['output'],
		version: 1,
		description: text,
		defaults: { name: displayName },
		inputs: ['main'],
		outputs: ['main'],
		credentials,
		properties: [],
	};
}

/** The product's upload path as a bench node (built modules; no validation, so any size goes). */
function uploadPathNode() {
	const { routes: ROUTES, templateSend } = lib.product.platform();
	const MEDIA = templateSend.media;
	const { toRequestBody } = lib.product.shared('wireBody');
	const { readBinaryMedia } = lib.product.shared('multipart/binaryMedia');
	const { uniqueUploadName, uploadExtension } = lib.product.shared('multipart/uploadName');
	const { buildRequest, apiRequest } = lib.product.shared('transport');
	const { readRunOptions } = lib.product.shared('batch/options');
	return {
		description: description(
			'benchUploadPath',
			'Bench Upload Path',
			'The WhatsApp Templates upload path without validation',
			[{ name: lib.CREDENTIAL_NAME, required: true }],
		),
		async execute() {
			const options = readRunOptions(this);
			const out = [];
			for (const [i, item] of this.getInputData().entries()) {
				const binary = item.binary.data;
				const media = {
					fileName: binary.fileName,
					uploadName: uniqueUploadName(binary.fileName, uploadExtension('document', binary.fileName, binary.mimeType), i),
					mimeType: binary.mimeType,
					size: (await this.helpers.getBinaryMetadata(binary.id)).fileSize,
					itemIndex: i,
					propertyName: 'data',
					binaryId: binary.id,
				};
				const wire = { fields: textFields(item.json.phone, binary.fileName), objects: [], file: { field: MEDIA.document.fileField, media } };
				const body = toRequestBody(wire, (m) => readBinaryMedia(this, m));
				const response = await apiRequest(this, buildRequest(ROUTES.sendTemplate, options, body));
				out.push({ json: { statusCode: response.statusCode, failure: response.failure } });
			}
			return [out];
		},
	};
}

/** The buffered baseline as a bench node: the whole file from getBinaryDataBuffer, `form-data`, axios. */
function bufferedNode(sb) {
	const FormData = require('form-data');
	const axios = require('axios');
	const { routes: ROUTES, templateSend } = lib.product.platform();
	const MEDIA = templateSend.media;
	const url = lib.routeUrl(sb, ROUTES.sendTemplate);
	return {
		description: description('benchBufferedUpload', 'Bench Buffered Upload', 'Reads the file into memory and posts it with form-data + axios'),
		async execute() {
			const out = [];
			for (const [i, item] of this.getInputData().entries()) {
				const buffer = await this.helpers.getBinaryDataBuffer(i, 'data');
				const form = new FormData();
				for (const [name, value] of textFields(item.json.phone, item.binary.data.fileName)) form.append(name, value);
				form.append(MEDIA.document.fileField, buffer, { filename: `bench-${i}.pdf`, contentType: item.binary.data.mimeType });
				const response = await axios.post(url, form, {
					headers: { ...form.getHeaders(), Accept: 'application/json', Authorization: `Bearer ${lib.tokenOf(sb)}` },
					maxBodyLength: Infinity,
					maxContentLength: Infinity,
					maxRedirects: 0,
					validateStatus: () => true,
				});
				out.push({ json: { statusCode: response.status } });
			}
			return [out];
		},
	};
}

module.exports = { TEMPLATE, uploadPathNode, bufferedNode };
