'use strict';
/**
 * The throughput bench's second baseline (not its goal): the least any n8n node does for the same
 * sends. Per item one `getNodeParameter('phone')` (the same expression the product node resolves),
 * then the same JSON body through n8n's own `httpRequestWithAuthentication` with the product's
 * credential, 10 at a time, the answer as the item's output. No validation, no template check,
 * no stop report, no retry ledger: node / this baseline is what the product's own engine costs.
 */
const lib = require('./lib');

function minimalSendNode(url, fields, concurrency) {
	const SEND = lib.product.platform().templateSend;
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
					const body = { ...fields, [SEND.phone]: phones[i] };
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
