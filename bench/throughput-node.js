'use strict';
/**
 * The throughput benches' n8n baseline: the least any n8n node does for the same sends (the
 * template bench's second baseline, the Send Text bench's only one). Per item one
 * `getNodeParameter('phone')` (the same expression the product node resolves), then the same JSON body through n8n's own `httpRequestWithAuthentication` with the product's
 * credential, 10 at a time, the answer as the item's output. No validation, no template check,
 * no stop report, no retry ledger: node / this baseline is what the product's own engine costs.
 */
const lib = require('./lib');

/**
 * `fields`: the product node's recorded body (its wire names); `phoneField`: the one to set per
 * item (the send's phone name in the node's table). A template send or a free-form one alike.
 */
function minimalSendNode(url, fields, phoneField, concurrency) {
	return {
		description: {
			displayName: 'Bench Minimal Send',
			name: 'benchMinimalSend',
			group: ['output'],
			version: 1,
			description: 'One expression read and one authenticated request per item',
			defaults: { name: 'Bench Minimal Send' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: lib.CREDENTIAL_NAME, required: true }],
			properties: [{ displayName: 'Phone', name: 'phone', type: 'string', default: '' }],
		},
		async execute() {
			const count = this.getInputData().length;
			const phones = Array.from({ length: count }, (_, i) => this.getNodeParameter('phone', i));
			const out = new Array(count);
			let next = 0;
			const worker = async () => {
				while (next < count) {
					const i = next++;
					const body = { ...fields, [phoneField]: phones[i] };
					const answer = await this.helpers.httpRequestWithAuthentication.call(this, lib.CREDENTIAL_NAME, {
						method: 'POST',
						url,
						body,
						json: true,
						headers: { Accept: 'application/json' },
						disableFollowRedirect: true,
						ignoreHttpStatusErrors: true,
						returnFullResponse: true,
					});
					out[i] = { json: answer.body, pairedItem: { item: i } };
				}
			};
			await Promise.all(Array.from({ length: concurrency }, worker));
			return [out];
		},
	};
}

module.exports = { minimalSendNode };
