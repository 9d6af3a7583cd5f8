/** API v2 sends post the same lifecycle webhooks as v1 sends (CONTRACT-v2.md, "Webhooks": the same as v1). */
import { PLAIN, send, useSandbox } from './helpers';
import { useReceiver } from './hookhelpers';
import { V2_ORDER, v2Send } from './v2helpers';

const ref = useSandbox();
const hook = useReceiver();

test('an accepted v2 send: its lifecycle in order, carrying its wamid, its text and its recipient', async () => {
	const { sb } = ref;
	sb.configure({ webhook: { url: hook.url, format: 3, lifecycle: ['sent', 'delivered', 'read'] } });
	const r = await v2Send(sb, V2_ORDER);
	await sb.webhooksIdle();
	const wamid = r.data.data.message_id;
	expect(sb.webhookDeliveries.map((d) => [d.event, d.messageId, d.status])).toEqual([
		['message.sent', wamid, 200],
		['message.delivered', wamid, 200],
		['message.read', wamid, 200],
	]);
	expect(hook.received.map((x) => x.event)).toEqual(['message.sent', 'message.delivered', 'message.read']);
	expect(hook.received[0].body).toContain('"text":"Ana A-17"');
	// WhatsApp's own status events (format 2) name the recipient: the digits WhatsApp got.
	sb.configure({ webhook: { url: hook.url, format: 2, lifecycle: ['delivered'] } });
	hook.received.length = 0;
	await v2Send(sb, { ...V2_ORDER, phone: '4917000000042' });
	await sb.webhooksIdle();
	expect(hook.received).toHaveLength(1);
	expect(JSON.parse(hook.received[0].body).data.resource.attributes.recipient_id).toBe('4917000000042');
});

test('a refused or failed v2 send posts nothing; v1 and v2 sends interleave by message', async () => {
	const { sb } = ref;
	sb.configure({ webhook: { url: hook.url, format: 3, lifecycle: ['sent'] } });
	sb.injectFault({ kind: 'sendFailedWhatsApp500' });
	expect((await v2Send(sb, V2_ORDER)).status).toBe(500);
	expect((await v2Send(sb, { ...V2_ORDER, template_name: 'nope' })).status).toBe(404);
	const a = await send(sb, PLAIN);
	const b = await v2Send(sb, V2_ORDER);
	await sb.webhooksIdle();
	expect(sb.webhookDeliveries.map((d) => d.messageId).sort()).toEqual([a.data.data.whatsapp_response.messages[0].id, b.data.data.message_id].sort());
});
