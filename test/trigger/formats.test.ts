/**
 * Each body format the platform sends, built by the sandbox from the contract, signed and posted
 * through the receiver: every event comes out in the one normalised shape.
 */
import type { IDataObject } from 'n8n-workflow';

import { AT, DIGITS, emitted, FAILED_ERROR, messageEvent, phpJson, postSigned, receivedEvent, recordEvent, SECRET, WAMID } from './helpers';
import { useReceiver } from './receiver';

const KEYS = ['event', 'messageId', 'status', 'phone', 'text', 'error', 'errorCode', 'explanation', 'timestamp', 'contact', 'resource', 'changes', 'platformEvent', 'eventId', 'format', 'raw'];
const PHONE = `+${DIGITS}`;
const ISO = AT.toISOString();
const CONTACT = { id: 15, firstname: 'Ana', lastname: 'Lima', email: 'ana@example.com', phone: PHONE, status_id: 1, source_id: 2, type: 'lead' };

const receiver = useReceiver({ secret: SECRET });

/** Posts one body; returns the single item it emitted. */
async function through(body: IDataObject): Promise<IDataObject> {
	const before = emitted(receiver()).length;
	const answer = await postSigned(receiver(), body);
	expect(answer.status).toBe(200);
	const out = emitted(receiver()).slice(before);
	expect(out).toHaveLength(1);
	expect(Object.keys(out[0]).sort()).toEqual([...KEYS].sort());
	// `raw` is the body untouched (parsed from the very bytes that were signed).
	expect(out[0].raw).toEqual(JSON.parse(phpJson(body)));
	return out[0];
}

describe('format 3: Xobito message events', () => {
	it.each(['sent', 'delivered', 'read'])('message.%s', async (status) => {
		const out = await through(messageEvent(3, status, { wamid: WAMID, digits: DIGITS }, AT).body);
		expect(out).toMatchObject({ event: `message.${status}`, messageId: WAMID, status, phone: null, error: null, errorCode: null, timestamp: ISO, format: 'xobito', platformEvent: `message.${status}`, eventId: null });
		expect(out.resource).toMatchObject({ type: 'message', id: WAMID });
	});

	it('message.sent carries the text the recipient got', async () => {
		const out = await through(messageEvent(3, 'sent', { wamid: WAMID, digits: DIGITS, text: 'Hi Ana, your order A-1 is on its way.' }, AT).body);
		expect(out.text).toBe('Hi Ana, your order A-1 is on its way.');
	});

	it('message.failed: error from error_message', async () => {
		const out = await through(messageEvent(3, 'failed', { wamid: WAMID, digits: DIGITS }, AT).body);
		expect(out).toMatchObject({ event: 'message.failed', messageId: WAMID, status: 'failed', error: FAILED_ERROR.title });
	});

	it('message.received: sender, text and contact', async () => {
		const out = await through(receivedEvent(3, { wamid: 'wamid.IN1', from: DIGITS, name: 'Ana', text: 'Where is my order?' }, AT).body);
		expect(out).toMatchObject({ event: 'message.received', messageId: 'wamid.IN1', status: 'received', phone: PHONE, text: 'Where is my order?', contact: { name: 'Ana', phone: PHONE }, format: 'xobito' });
	});
});

describe('format 2: the n8n format', () => {
	it.each(['sent', 'delivered', 'read'])('forwarded whatsapp.message.%s', async (status) => {
		const { body } = messageEvent(2, status, { wamid: WAMID, digits: DIGITS }, AT);
		const out = await through(body);
		expect(out).toMatchObject({
			event: `message.${status}`,
			messageId: WAMID,
			status,
			phone: PHONE,
			error: null,
			timestamp: ISO, // Meta's Unix seconds, as ISO
			format: 'n8n',
			platformEvent: `whatsapp.message.${status}`,
			eventId: (body.event as IDataObject).id,
		});
	});

	it("forwarded whatsapp.message.failed: Meta's error title, details and code", async () => {
		const out = await through(messageEvent(2, 'failed', { wamid: WAMID, digits: DIGITS }, AT).body);
		expect(out).toMatchObject({ event: 'message.failed', messageId: WAMID, status: 'failed', error: 'Message undeliverable', errorCode: '131026' });
	});

	it('whatsapp.status.updated names the status it carries (and an unknown status stays message.status_updated)', async () => {
		const { body } = messageEvent(2, 'read', { wamid: WAMID, digits: DIGITS }, AT);
		(body.event as IDataObject).type = 'whatsapp.status.updated';
		expect(await through(body)).toMatchObject({ event: 'message.read', messageId: WAMID, status: 'read' });
		const other = messageEvent(2, 'read', { wamid: `${WAMID}2`, digits: DIGITS }, AT).body;
		(other.event as IDataObject).type = 'whatsapp.status.updated';
		((other.data as IDataObject).resource as { attributes: IDataObject }).attributes.status = 'deleted';
		expect(await through(other)).toMatchObject({ event: 'message.status_updated', status: 'deleted' });
	});

	it('forwarded whatsapp.message.received of a tapped reply button or list row (Send Buttons): its title as the text', async () => {
		for (const [kind, reply] of [['button_reply', { id: 'later', title: 'Another day' }], ['list_reply', { id: 'mon-10', title: '10:00', description: 'Early' }]] as const) {
			const { body } = receivedEvent(2, { wamid: `wamid.${kind}`, from: DIGITS, name: 'Ana', text: 'x' }, AT);
			const attributes = ((body.data as IDataObject).resource as IDataObject).attributes as IDataObject;
			delete attributes.text;
			Object.assign(attributes, { type: 'interactive', interactive: { type: kind, [kind]: reply } });
			const out = await through(body);
			expect(out).toMatchObject({ event: 'message.received', messageId: `wamid.${kind}`, phone: PHONE, text: reply.title });
		}
	});

	it('forwarded whatsapp.message.received: sender, text, contact from relationships', async () => {
		const out = await through(receivedEvent(2, { wamid: 'wamid.IN2', from: DIGITS, name: 'Ana', text: 'Thanks!' }, AT).body);
		expect(out).toMatchObject({ event: 'message.received', messageId: 'wamid.IN2', status: null, phone: PHONE, text: 'Thanks!', contact: { wa_id: DIGITS, name: 'Ana' }, timestamp: ISO });
	});

	it('forwarded whatsapp.template.status_updated', async () => {
		const { body } = messageEvent(2, 'sent', { wamid: WAMID, digits: DIGITS }, AT);
		(body.event as IDataObject).type = 'whatsapp.template.status_updated';
		(body.data as IDataObject).resource = { type: 'template', id: '1234', attributes: { event: 'APPROVED', message_template_name: 'order_update', message_template_language: 'en', reason: null } };
		const out = await through(body);
		expect(out).toMatchObject({ event: 'template.status_updated', messageId: null, status: 'APPROVED', resource: { type: 'template', id: '1234' } });
	});

	it.each(['created', 'deleted'])('contact.%s', async (action) => {
		const { body } = recordEvent(2, { action, resource: 'contact', record: CONTACT }, AT);
		const out = await through(body);
		expect(out).toMatchObject({ event: `contact.${action}`, messageId: null, phone: PHONE, contact: CONTACT, resource: { type: 'contact', id: 15 }, timestamp: ISO, format: 'n8n' });
	});

	it('contact.updated: what changed', async () => {
		const { body } = recordEvent(2, { action: 'updated', resource: 'contact', record: CONTACT, previous: { ...CONTACT, lastname: 'Old' } }, AT);
		const out = await through(body);
		expect(out).toMatchObject({ event: 'contact.updated', contact: CONTACT, changes: { previous: { lastname: 'Old' }, current: CONTACT, modifiedFields: ['lastname'] } });
	});

	it.each([
		['status', { id: 3, name: 'Qualified', color: '#00aa00' }],
		['source', { id: 4, name: 'Website' }],
	])('%s.created: the record as resource, no contact', async (resource, record) => {
		const out = await through(recordEvent(2, { action: 'created', resource, record }, AT).body);
		expect(out).toMatchObject({ event: `${resource}.created`, contact: null, phone: null, resource: { type: resource, id: record.id, attributes: record } });
	});
});

describe('format 1: the legacy CRUD envelope', () => {
	it.each(['created', 'deleted'])('contact %s', async (action) => {
		const out = await through(recordEvent(1, { action, resource: 'contact', record: CONTACT }, AT).body);
		expect(out).toMatchObject({ event: `contact.${action}`, phone: PHONE, contact: CONTACT, resource: { type: 'contact', id: 15, attributes: CONTACT }, timestamp: ISO, format: 'legacy', platformEvent: action, changes: null });
	});

	it('contact updated: what changed, from `original`', async () => {
		const out = await through(recordEvent(1, { action: 'updated', resource: 'contact', record: CONTACT, previous: { ...CONTACT, email: 'old@example.com' } }, AT).body);
		expect(out).toMatchObject({ event: 'contact.updated', changes: { previous: { email: 'old@example.com' }, current: CONTACT, modifiedFields: ['email'] } });
	});

	it.each([
		['status', 'updated'],
		['source', 'deleted'],
	])('%s %s: the model class name gives the kind', async (resource, action) => {
		const out = await through(recordEvent(1, { action, resource, record: { id: 9, name: 'X' } }, AT).body);
		expect(out).toMatchObject({ event: `${resource}.${action}`, contact: null, resource: { type: resource, id: 9 } });
	});

	it("Xobito's CRUD events come in this envelope too (format 3 platform)", async () => {
		const out = await through(recordEvent(3, { action: 'created', resource: 'contact', record: CONTACT }, AT).body);
		expect(out).toMatchObject({ event: 'contact.created', format: 'legacy' });
	});
});

it('a JSON object in none of the formats comes out as event "unknown", untouched in raw', async () => {
	const out = await through({ hello: 'world' });
	expect(out).toMatchObject({ event: 'unknown', format: 'unknown', messageId: null, raw: { hello: 'world' } });
});
