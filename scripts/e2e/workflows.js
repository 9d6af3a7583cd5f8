'use strict';
/*
 * Workflows the e2e imports besides the examples, with what the sandbox must receive from
 * each. Written as objects here so that the expected message sits next to the parameters that
 * produce it (expected in the tests' terms: scripts/e2e/wire.js turns it into wire fields).
 */
const { NODE_TYPE } = require('../lib/package');
const { CREDENTIAL_ID, CREDENTIAL_NAME } = require('../lib/credential');

const credentials = { whatsAppTemplatesApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } };
const conn = (node) => ({ node, type: 'main', index: 0 });
const SEND = 'WhatsApp Templates';

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
			newContact: {},
			options: {},
			...parameters,
		},
		id,
		name: SEND,
		type: NODE_TYPE,
		typeVersion: 1,
		position: [440, 0],
		credentials,
		...extra,
	};
}

/** Start → Code(name, jsCode) → send. */
function codeThenSend(id, name, codeName, jsCode, parameters) {
	return workflow(id, name, [manualTrigger(`${id}-start`), code(`${id}-code`, codeName, jsCode), sendNode(`${id}-send`, parameters)], {
		Start: { main: [[conn(codeName)]] },
		[codeName]: { main: [[conn(SEND)]] },
	});
}

// ---------------------------------------------------------------------------
// 1. A JSON send with every kind of field: literal values and expressions.
const JSON_SEND_ID = 'E2eJsonSend00001';
const jsonSend = codeThenSend(
	JSON_SEND_ID,
	'e2e: JSON template with header, variables, button, sender id and a new contact',
	'Order',
	"return [{ json: { phone: '+49 (151) 2345-6789', first_name: 'Ada', order_id: 'A-1042' } }];",
	{
		phone: '={{ $json.phone }}',
		templateName: 'order_update',
		templateLanguage: 'de',
		headerType: 'text',
		headerText: '={{ $json.order_id }}',
		bodyVariables: { var1: '={{ $json.first_name }}', var2: 'Grüße & "Zitate" 🎉' },
		buttonParameters: { button0: 'help' },
		additionalFields: {
			phoneNumberId: '1234567890',
			contact: '{\n  "firstname": "Ada",\n  "lastname": "Lovelace",\n  "email": "ada@example.com",\n  "groups": ["vip", "newsletter"]\n}',
		},
		newContact: { country: 'Germany' },
	},
);
const JSON_SEND_EXPECTED = {
	phone: '4915123456789',
	template: 'order_update',
	language: 'de',
	from: '1234567890',
	headerText: 'A-1042',
	body: ['Ada', 'Grüße & "Zitate" 🎉'],
	buttons: ['help'],
	contact: { firstname: 'Ada', lastname: 'Lovelace', email: 'ada@example.com', groups: 'vip,newsletter', country: 'Germany' },
};

// ---------------------------------------------------------------------------
// 2. An authentication template with the workflow's one-time password: it goes out as the copy
//    code and, Variable 1 being empty, as {{1}}.
const OTP_SEND_ID = 'E2eOtpSend000001';
const otpSend = codeThenSend(
	OTP_SEND_ID,
	'e2e: authentication template with a one-time password',
	'Code',
	"return [{ json: { phone: '+44 7700 900123', code: '424242' } }];",
	{ phone: '={{ $json.phone }}', templateName: 'login_code', templateLanguage: 'en', additionalFields: { otp: '={{ $json.code }}' } },
);
const OTP_SEND_EXPECTED = { phone: '447700900123', template: 'login_code', language: 'en', body: ['424242'], copyCode: '424242' };

// ---------------------------------------------------------------------------
// 3. A bigger binary (3 MiB of pseudo-random bytes, every byte value) made in the workflow and
//    sent as the DOCUMENT header of invoice_ready: checks the bytes end to end.
const LARGE_FILE_ID = 'E2eLargeFile0001';
const LARGE_FILE_BYTES = 3 * 1024 * 1024;
const LARGE_FILE_NAME = 'report 2026 (final).pdf';
const largeFile = workflow(
	LARGE_FILE_ID,
	'e2e: 3 MiB binary made in the workflow as header document',
	[
		manualTrigger(`${LARGE_FILE_ID}-start`),
		code(
			`${LARGE_FILE_ID}-bytes`,
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
				options: { fileName: LARGE_FILE_NAME, mimeType: 'application/pdf' },
			},
			id: `${LARGE_FILE_ID}-convert`,
			name: 'Convert to File',
			type: 'n8n-nodes-base.convertToFile',
			typeVersion: 1.1,
			position: [440, 0],
		},
		{
			...sendNode(`${LARGE_FILE_ID}-send`, {
				phone: '4915123456789',
				templateName: 'invoice_ready',
				templateLanguage: 'en',
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
		'Convert to File': { main: [[conn(SEND)]] },
	},
);
// The file goes up under a unique name; the name the recipient should see is the binary's own.
const LARGE_FILE_EXPECTED = { phone: '4915123456789', template: 'invoice_ready', language: 'en', documentName: LARGE_FILE_NAME, body: ['A-2000'] };

// ---------------------------------------------------------------------------
// 4. A template that exists only as PENDING in this language (order_update en_US). With the
//    default options the node's template check refuses it before any send (continue-on-fail);
//    with the check off the platform answers 404 (stop on error). Nothing is sent either way.
function unapproved(id, name, extra, options = {}) {
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
						templateName: 'order_update',
						templateLanguage: 'en_US',
						headerType: 'text',
						headerText: 'A-1042',
						bodyVariables: { var1: 'Ada', var2: 'A-1042' },
						options,
					},
					extra,
				),
				position: [220, 0],
			},
		],
		{ Start: { main: [[conn(SEND)]] } },
	);
}
const UNAPPROVED_CONTINUE_ID = 'E2eUnapprovedCon';
const UNAPPROVED_FAIL_ID = 'E2eUnapprovedErr';
const unapprovedContinue = unapproved(UNAPPROVED_CONTINUE_ID, 'e2e: unapproved template, continue on fail', {
	onError: 'continueRegularOutput',
});
const unapprovedFail = unapproved(UNAPPROVED_FAIL_ID, 'e2e: unapproved template, template check off, stop on error', {}, { checkTemplate: false });
/** The node's explanations: its own template check, and the platform's 404 (not found / not APPROVED). */
const NOT_APPROVED_CHECK = /only an APPROVED template can be sent/;
const NOT_APPROVED_404 = /was not found, is not APPROVED/;

// ---------------------------------------------------------------------------
// 5. shipping_update has a URL button with a value, which stock platforms up to 2.2.0 do not pass
//    on: the node sends and says so in the run's execution hints.
const BUTTON_HINT_ID = 'E2eButtonHint001';
const buttonHint = workflow(
	BUTTON_HINT_ID,
	'e2e: a button value stock platforms drop, sent with an execution hint',
	[
		manualTrigger(`${BUTTON_HINT_ID}-start`),
		{
			...sendNode(`${BUTTON_HINT_ID}-send`, {
				phone: '4915123456789',
				templateName: 'shipping_update',
				templateLanguage: 'en',
				bodyVariables: { var1: 'P-1', var2: 'DHL' },
				buttonParameters: { button0: 'P-1' },
			}),
			position: [220, 0],
		},
	],
	{ Start: { main: [[conn(SEND)]] } },
);
const BUTTON_HINT = /shipping_update \(en\) has a button that needs a value .*Stock platforms up to 2\.2\.0 do not pass button values/;

module.exports = {
	SEND,
	// builders, for workflows made at run time (requestOptions.js: the proxy's port)
	workflow,
	manualTrigger,
	sendNode,
	conn,
	workflows: [jsonSend, otpSend, largeFile, unapprovedContinue, unapprovedFail, buttonHint],
	JSON_SEND_ID,
	JSON_SEND_EXPECTED,
	OTP_SEND_ID,
	OTP_SEND_EXPECTED,
	LARGE_FILE_ID,
	LARGE_FILE_BYTES,
	LARGE_FILE_EXPECTED,
	UNAPPROVED_CONTINUE_ID,
	UNAPPROVED_FAIL_ID,
	NOT_APPROVED_CHECK,
	NOT_APPROVED_404,
	BUTTON_HINT_ID,
	BUTTON_HINT,
};
