'use strict';
/**
 * The throughput benches' n8n baseline: the least any n8n node does for the same sends (the
 * template bench's second baseline, the Send Text bench's only one). Per item one
 * `getNodeParameter('phone')` (the same expression the product node resolves), then the same JSON body through n8n's own `httpRequestWithAuthentication` with the product's
 * credential, 10 at a time, the answer as the item's output. No validation, no template check,
 * no stop report, no retry ledger: node / this baseline is what the product's own engine costs.
 *
 * `firstAlone`: the first request goes alone and the others only after its answer, as any client
 * must on API v2 before it sends concurrently (CONTRACT-v2.md: a bulk send meets at most one 429
 * per window, so it must learn the token's budget first). The Send Text bench sets it on v2, where
 * the node's own first send goes alone for that reason; the template bench does not (there the
 * node learns the budget from its template-list read, made while it validates).
 */
const lib = require('./lib');

/**
 * `fields`: the product node's recorded body (its wire names); `phoneField`: the one to set per
 * item (the send's phone name in the node's table). A template send or a free-form one alike.
 */
function minimalSendNode(url, fields, phoneField, concurrency, { firstAlone = false } = {}) {
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
			const send = async (i) => {
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
			};
			let next = 0;
			if (firstAlone && count > 0) await send(next++);
			const worker = async () => {
				while (next < count) await send(next++);
			};
			await Promise.all(Array.from({ length: concurrency }, worker));
			return [out];
		},
	};
}

module.exports = { minimalSendNode };
