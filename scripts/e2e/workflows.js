'use strict';
/*
 * Workflows the e2e imports besides the three examples, with what the sandbox
 * must receive from each. Written as objects here so that the expected wire
 * fields sit next to the parameters that produce them.
 */
const { NODE_TYPE, CREDENTIAL_ID, CREDENTIAL_NAME } = require('../lib/n8n-app');

const credentials = { whatsAppTemplatesApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } };
const conn = (node) => ({ node, type: 'main', index: 0 });

function workflow(id, name, nodes, connections) {
	return { id, name, nodes, connections, active: false, pinData: {}, settings: { executionOrder: 'v1' }, tags: [] };
}

function manualTrigger(id) {
	return { parameters: {}, id, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] };
}

function code(id, name, jsCode, position = [220, 0]) {
	return { parameters: { jsCode }, id, name, type: 'n8n-nodes-base.code', typeVersion: 2, position };
}

function sendNode(id, parameters, extra = {}) {
	return {
		parameters: {
			resource: 'message',
			operation: 'sendTemplate',
			bodyVariables: {},
			buttonParameters: {},
			additionalFields: {},
			options: {},
			...parameters,
		},
		id,
		name: 'WhatsApp Templates',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [440, 0],
		credentials,
		...extra,
	};
}

// ---------------------------------------------------------------------------
// 1. A JSON send with every kind of field: literal values and expressions.
const JSON_SEND_ID = 'E2eJsonSend00001';
const jsonSend = workflow(
	JSON_SEND_ID,
	'e2e: JSON template with variables, buttons, OTP and contact',
	[
		manualTrigger('e2e00000-0000-4000-8000-000000000101'),
		code(
			'e2e00000-0000-4000-8000-000000000102',
			'Order',
			"return [{ json: { phone: '+49 (151) 2345-6789', first_name: 'Ada', order_id: 'A-1042', code: '424242' } }];",
		),
		sendNode('e2e00000-0000-4000-8000-000000000103', {
			phone: '={{ $json.phone }}',
			templateName: 'order_update',
			templateLanguage: 'de',
			headerType: 'text',
			headerText: '={{ $json.first_name }}',
			bodyVariables: { var1: '={{ $json.first_name }}', var2: '={{ $json.order_id }}', var3: 'Grüße & "Zitate" 🎉' },
			buttonParameters: { button0: '=track/{{ $json.order_id }}', button1: 'help' },
			additionalFields: {
				otp: '={{ $json.code }}',
				phoneNumberId: '1234567890',
				contact:
					'{\n  "first_name": "Ada",\n  "last_name": "Lovelace",\n  "email": "ada@example.com",\n  "groups": ["vip", "newsletter"],\n  "custom_fields": { "plan": "pro", "newsletter": true, "score": 42 }\n}',
			},
		}),
	],
	{ Start: { main: [[conn('Order')]] }, Order: { main: [[conn('WhatsApp Templates')]] } },
);
const JSON_SEND_EXPECTED = {
	phone: '4915123456789',
	template_name: 'order_update',
	template_language: 'de',
	phone_number_id: '1234567890',
	header_text: 'Ada',
	body_1: 'Ada',
	body_2: 'A-1042',
	body_3: 'Grüße & "Zitate" 🎉',
	button_0: 'track/A-1042',
	button_1: 'help',
	otp: '424242',
	contact: {
		first_name: 'Ada',
		last_name: 'Lovelace',
		email: 'ada@example.com',
		groups: ['vip', 'newsletter'],
		custom_fields: { plan: 'pro', newsletter: true, score: 42 },
	},
};

// ---------------------------------------------------------------------------
// 2. A bigger binary (3 MiB of pseudo-random bytes, every byte value) made in
//    the workflow and sent as header document: checks the bytes end to end.
const LARGE_FILE_ID = 'E2eLargeFile0001';
const LARGE_FILE_BYTES = 3 * 1024 * 1024;
const largeFile = workflow(
	LARGE_FILE_ID,
	'e2e: 3 MiB binary made in the workflow as header document',
	[
		manualTrigger('e2e00000-0000-4000-8000-000000000201'),
		code(
			'e2e00000-0000-4000-8000-000000000202',
			'Make bytes',
			`const n = ${LARGE_FILE_BYTES};
const buf = Buffer.alloc(n);
let x = 2463534242;
for (let i = 0; i < n; i++) {
  x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
  buf[i] = x & 0xff;
}
return [{ json: { file_base64: buf.toString('base64') } }];`,
		),
		{
			parameters: {
				operation: 'toBinary',
				sourceProperty: 'file_base64',
				options: { fileName: 'report 2026 (final).pdf', mimeType: 'application/pdf' },
			},
			id: 'e2e00000-0000-4000-8000-000000000203',
			name: 'Convert to File',
			type: 'n8n-nodes-base.convertToFile',
			typeVersion: 1.1,
			position: [440, 0],
		},
		{
			...sendNode('e2e00000-0000-4000-8000-000000000204', {
				phone: '4915123456789',
				templateName: 'order_shipped_media',
				templateLanguage: 'en_US',
				headerType: 'document',
				mediaSource: 'binary',
				binaryPropertyName: 'data',
				bodyVariables: { var1: 'A-2000' },
			}),
			position: [660, 0],
		},
	],
	{
		Start: { main: [[conn('Make bytes')]] },
		'Make bytes': { main: [[conn('Convert to File')]] },
		'Convert to File': { main: [[conn('WhatsApp Templates')]] },
	},
);

// ---------------------------------------------------------------------------
// 3. An unapproved template, with and without continue-on-fail.
function unapproved(id, name, extra) {
	return workflow(
		id,
		name,
		[
			manualTrigger(`${id}-start`),
			{
				...sendNode(
					`${id}-send`,
					{
						phone: '4915123456789',
						templateName: 'summer_promo',
						templateLanguage: 'en_US',
						bodyVariables: { var1: 'SUMMER26' },
					},
					extra,
				),
				position: [220, 0],
			},
		],
		{ Start: { main: [[conn('WhatsApp Templates')]] } },
	);
}
const UNAPPROVED_CONTINUE_ID = 'E2eUnapprovedCon';
const UNAPPROVED_FAIL_ID = 'E2eUnapprovedErr';
const unapprovedContinue = unapproved(UNAPPROVED_CONTINUE_ID, 'e2e: unapproved template, continue on fail', {
	onError: 'continueRegularOutput',
});
const unapprovedFail = unapproved(UNAPPROVED_FAIL_ID, 'e2e: unapproved template, stop on error', {});

module.exports = {
	workflows: [jsonSend, largeFile, unapprovedContinue, unapprovedFail],
	JSON_SEND_ID,
	JSON_SEND_EXPECTED,
	LARGE_FILE_ID,
	LARGE_FILE_BYTES,
	UNAPPROVED_CONTINUE_ID,
	UNAPPROVED_FAIL_ID,
};
