/** Trigger On: events not selected are answered 200 and start nothing. */
import { AT, DIGITS, emitted, messageEvent, postSigned, recordEvent, SECRET, WAMID } from './helpers';
import { startReceiver } from './receiver';

const status = (s: string, wamid = WAMID) => messageEvent(3, s, { wamid, digits: DIGITS }, AT).body;
const contact = (action: string) => recordEvent(2, { action, resource: 'contact', record: { id: 1, phone: '+4915100000001' } }, AT).body;
const templateQuality = () => {
	const { body } = messageEvent(2, 'sent', { wamid: 'wamid.Q', digits: DIGITS }, AT);
	(body.event as { type: string }).type = 'whatsapp.template.quality_updated';
	return body;
};

it('only the selected events start the workflow; the others are answered 200 with the reason', async () => {
	const receiver = await startReceiver({ secret: SECRET, parameters: { events: ['message.failed', 'contact.updated'] } });
	const skipped = await postSigned(receiver, status('delivered'));
	expect(skipped.status).toBe(200);
	expect(JSON.parse(skipped.body)).toEqual({ received: true, started: false, reason: 'event message.delivered is not selected' });
	expect((await postSigned(receiver, status('failed'))).status).toBe(200);
	expect((await postSigned(receiver, contact('created'))).status).toBe(200);
	expect((await postSigned(receiver, contact('updated'))).status).toBe(200);
	expect((await postSigned(receiver, templateQuality())).status).toBe(200);
	await receiver.close();
	expect(emitted(receiver).map((e) => e.event)).toEqual(['message.failed', 'contact.updated']);
	expect(receiver.executions).toHaveLength(2);
});

it('Everything (the default) takes every event, also ones not in the list', async () => {
	const receiver = await startReceiver({ secret: SECRET });
	for (const body of [status('sent'), status('read'), contact('deleted'), templateQuality(), { something: 'else' }]) {
		expect((await postSigned(receiver, body)).status).toBe(200);
	}
	await receiver.close();
	expect(emitted(receiver).map((e) => e.event)).toEqual(['message.sent', 'message.read', 'contact.deleted', 'template.quality_updated', 'unknown']);
});

it('Other Events takes only what the list does not name', async () => {
	const receiver = await startReceiver({ secret: SECRET, parameters: { events: ['other'] } });
	for (const body of [status('sent'), contact('created'), templateQuality(), { something: 'else' }]) {
		expect((await postSigned(receiver, body)).status).toBe(200);
	}
	await receiver.close();
	expect(emitted(receiver).map((e) => e.event)).toEqual(['template.quality_updated', 'unknown']);
});

it('a skipped event is not remembered: selecting it later lets the same event through', async () => {
	const receiver = await startReceiver({ secret: SECRET, parameters: { events: ['message.read'] } });
	await postSigned(receiver, status('delivered'));
	await receiver.close();
	expect(receiver.savedStaticData()).toEqual({});
});
