'use strict';
/*
 * What every AI caller of the Tool variant is asked to send, and what the sandbox and the model
 * must then see (scripts/e2e/ai/index.js, mcp.js): one send of order_update, or, for an unknown
 * template, the node's plain error and nothing sent.
 */
const PHONE = '+49 151 23456789';
const SEND_ARGS = { phone: PHONE, template_name: 'order_update', customer_name: 'Ada', order_id: 'A-1042' };
const FAIL_ARGS = { ...SEND_ARGS, template_name: 'no_such_template' };
/** What the sandbox must receive for SEND_ARGS, in the tests' terms (a leg's wireBody makes the wire fields). */
const EXPECTED = { phone: '4915123456789', template: 'order_update', language: 'en', headerText: 'A-1042', body: ['Ada', 'A-1042'] };
/** The node's plain error for FAIL_ARGS, as the model must see it: field and what is wrong, the fix, delivery. */
/** The Tool variant's own Tool Description for Send Template (shared/toolDescription.ts), not the panel's action. */
const TOOL_DESCRIPTION = /^Sends a real WhatsApp message: an approved template to one recipient\. It goes out at once and cannot be recalled/;
const PLAIN_ERROR = [/Template Name: The platform has no template named \\?"no_such_template\\?"/, /Template → Get Many lists them/, /Nothing was sent/, /"delivery":"not sent"/];

module.exports = { PHONE, SEND_ARGS, FAIL_ARGS, EXPECTED, PLAIN_ERROR, TOOL_DESCRIPTION };
