/**
 * The 24-hour window, both APIs: free-form messages to a phone that has not written in the last
 * 24 hours are accepted and then fail with 131047 in the signed lifecycle webhooks; an inbound
 * message (posted signed, in formats 2 and 3) opens the window; template sends ignore it.
 */
import { post, send, PLAIN, sleep, useSandbox } from './helpers';
import { hmac, useReceiver } from './hookhelpers';
import { v2Post } from './v2helpers';

const ref = useSandbox();
const hook = useReceiver();
const PHONE = '4915123456789';
const HOUR = 60 * 60 * 1000;
const v1Text = () => post(ref.sb, 'messages/send', { phone_number: PHONE, message_body: 'Your order shipped.' });
const bodies = () => hook.received.map((x) => JSON.parse(x.body));

function expectSigned() {
	expect(hook.received.length).toBeGreaterThan(0);
	for (const x of hook.received) expect(x.signature).toBe(hmac(x.body));
}

describe('outside the window: accepted (200, a wamid), then failed with 131047', () => {
	test('v1 text, Xobito format 3: message.sent then message.failed "Re-engagement message", signed', async () => {
		const { sb } = ref;
		sb.configure({ webhook: { url: hook.url, format: 3 } });
		const r = await v1Text();
		await sb.webhooksIdle();
		const wamid = r.data.data.message_id;
		expect([r.status, sb.freeForm[0].inWindow]).toEqual([200, false]);
		expect(hook.received.map((x) => x.event)).toEqual(['message.sent', 'message.failed']);
		expect(bodies()[1]).toMatchObject({ event: 'message.failed', model: 'WhatsAppMessage', data: { message_id: wamid, status: 'failed', error_message: 'Re-engagement message' } });
		expectSigned();
	});

	test('v2 text, media and interactive, n8n format 2: whatsapp.message.failed with attributes.errors[0].code 131047', async () => {
		const { sb } = ref;
		sb.configure({ webhook: { url: hook.url, format: 2, lifecycle: ['delivered', 'read'] } });
		const sent = [
			await v2Post(sb, 'messages/text', { phone: PHONE, message: 'Hi' }),
			await v2Post(sb, 'messages/media', { phone: PHONE, media_type: 'image', media_url: 'https://cdn.test/a.png' }),
			await v2Post(sb, 'messages/interactive', { phone: PHONE, type: 'button', body_text: 'Ok?', buttons: [{ id: 'y', title: 'Yes' }] }),
		];
		await sb.webhooksIdle();
		expect(sent.map((r) => r.status)).toEqual([200, 200, 200]);
		// No 'sent' configured: only the failure, once per message, whatever else the lifecycle says.
		expect(hook.received.map((x) => x.event)).toEqual(['whatsapp.message.failed', 'whatsapp.message.failed', 'whatsapp.message.failed']);
		expect(hook.received.every((x) => x.headers['x-webhook-format'] === 'n8n')).toBe(true);
		const failures = bodies().map((b) => b.data.resource);
		expect(failures.map((f) => f.id).sort()).toEqual(sent.map((r) => r.data.data.message_id).sort());
		for (const f of failures) {
			expect(f.attributes).toMatchObject({ status: 'failed', recipient_id: PHONE, errors: [{ code: 131047, title: 'Re-engagement message', error_data: { details: expect.stringContaining('24 hours') } }] });
		}
		expectSigned();
	});

	test('an inbound message older than 24 hours does not open it; 23 hours does', async () => {
		const { sb } = ref;
		sb.configure({ webhook: { url: hook.url, format: 3, lifecycle: ['delivered'] } });
		sb.openWindow(PHONE, Date.now() - 25 * HOUR);
		await v1Text();
		sb.openWindow(PHONE, new Date(Date.now() - 23 * HOUR));
		await v1Text();
		await sb.webhooksIdle();
		expect(sb.freeForm.map((m) => m.inWindow)).toEqual([false, true]);
		expect(hook.received.map((x) => x.event)).toEqual(['message.failed', 'message.delivered']);
	});

	test('the window closes after serviceWindowMs', async () => {
		const { sb } = ref;
		sb.configure({ serviceWindowMs: 100 });
		sb.openWindow(PHONE);
		await v1Text();
		await sleep(150);
		await v1Text();
		expect(sb.freeForm.map((m) => m.inWindow)).toEqual([true, false]);
	});
});

describe('an inbound message: posted signed, and it opens the sender window', () => {
	test('n8n format 2: whatsapp.message.received with the sender and text, then in-window sends do not fail', async () => {
		const { sb } = ref;
		sb.configure({ webhook: { url: hook.url, format: 2 } });
		const [delivery] = await sb.emitReceivedMessage({ from: PHONE, name: 'Ana', text: 'Where is my order?' });
		expect(delivery).toMatchObject({ event: 'whatsapp.message.received', status: 200 });
		const body = bodies()[0];
		expect(body.event.type).toBe('whatsapp.message.received');
		expect(body.data.resource.attributes).toMatchObject({ from: PHONE, type: 'text', text: 'Where is my order?', timestamp: expect.stringMatching(/^\d{10}$/) });
		expect(body.data.relationships.contact).toEqual({ wa_id: PHONE, name: 'Ana' });
		expectSigned();
		expect(sb.lastInbound(PHONE)).toBeGreaterThan(Date.now() - 5000);

		hook.received.length = 0;
		const r = await v2Post(sb, 'messages/text', { phone: PHONE, message: 'On its way.' });
		await sb.webhooksIdle();
		expect(sb.freeForm[0].inWindow).toBe(true);
		expect(hook.received.map((x) => x.event)).toEqual(['whatsapp.message.sent', 'whatsapp.message.delivered', 'whatsapp.message.read']);
		expect(bodies().every((b) => b.data.resource.id === r.data.data.message_id)).toBe(true);
	});

	test("Xobito's format 3: message.received; `at` dates it", async () => {
		const { sb } = ref;
		sb.configure({ webhook: { url: hook.url, format: 3, secret: 's3cret' } });
		const at = new Date(Date.now() - 2 * HOUR);
		await sb.emitReceivedMessage({ from: PHONE, name: 'Ana', text: 'invoice', wamid: 'wamid.IN1', at });
		expect(hook.received[0].event).toBe('message.received');
		expect(hook.received[0].signature).toBe(hmac(hook.received[0].body, 's3cret'));
		expect(bodies()[0]).toMatchObject({ event: 'message.received', data: { message_id: 'wamid.IN1', from: PHONE, text: 'invoice', type: 'text' } });
		expect(sb.lastInbound(PHONE)).toBe(at.getTime());
	});

	test('a phone that is not digits is refused', () => {
		expect(() => ref.sb.emitReceivedMessage({ from: '+49 151', name: 'A', text: 'x' })).toThrow(/digits/);
		expect(() => ref.sb.openWindow('0151234567')).toThrow(/digits/);
	});

	test('reset() closes every window', () => {
		const { sb } = ref;
		sb.openWindow(PHONE);
		sb.reset();
		expect(sb.lastInbound(PHONE)).toBeNull();
	});
});

test('template sends do not look at the window', async () => {
	const { sb } = ref;
	sb.configure({ webhook: { url: hook.url, format: 3, lifecycle: ['sent', 'delivered'] } });
	await send(sb, { ...PLAIN, phone_number: PHONE });
	await sb.webhooksIdle();
	expect(hook.received.map((x) => x.event)).toEqual(['message.sent', 'message.delivered']);
	expect(sb.freeForm).toEqual([]);
});
