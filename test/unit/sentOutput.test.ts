/**
 * A sent message's output item (shared/batch/sendRun.ts sentOutput): the WhatsApp message id first,
 * then what the node sent, the contact's id when the answer names one, then the platform's answer.
 * The engine tests check the values; these pin the keys, which toEqual does not (an undefined
 * key matches a missing one there, but not in a workflow that lists the item's keys).
 */
import type { IDataObject } from 'n8n-workflow';

import { sentOutput } from '../../nodes/WhatsAppTemplates/shared/batch/sendRun';
import { v1, v2 } from '../../nodes/WhatsAppTemplates/shared/platform';
import { answers } from '../support/wire';
import { answersV2 } from '../support/wireV2';

const sent: IDataObject = { phone: '491512345678', templateName: 'order_update' };

describe('sentOutput', () => {
	it('v1: the message id on top, what was sent, then the answer; no contactId key when the answer names none', () => {
		const answer = answers.success('wamid.A1') as IDataObject;
		const out = sentOutput(v1, answer, sent);
		expect(Object.keys(out)).toEqual(['messageId', 'phone', 'templateName', 'status', 'data']);
		expect(out).toStrictEqual({ messageId: 'wamid.A1', ...sent, ...answer });
	});

	it('v1: the contact id from data.contact_id when the answer names it', () => {
		const answer = { status: 'success', data: { message_id: 'wamid.B2', contact_id: 42 } };
		expect(Object.keys(sentOutput(v1, answer, sent))).toEqual(['messageId', 'phone', 'templateName', 'contactId', 'status', 'data']);
		expect(sentOutput(v1, answer, sent).contactId).toBe(42);
	});

	it('v2: the contact id from data.contact_id', () => {
		const out = sentOutput(v2, answersV2.success('wamid.C3') as IDataObject, sent);
		expect([out.messageId, out.contactId]).toEqual(['wamid.C3', 15]);
	});
});
