/** API v2 sends post the same lifecycle webhooks as v1 sends (CONTRACT-v2.md, "Webhooks": the same as v1). */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PLAIN, send, useSandbox } from './helpers';
import { V2_ORDER, v2Send } from './v2helpers';

const ref = useSandbox();
let receiver: http.Server;
let url: string;
const received: { event: string; body: string }[] = [];

beforeAll(async () => {
	receiver = http.createServer((req, res) => {
		let body = '';
		req.on('data', (c) => (body += c));
		req.on('end', () => {
			received.push({ event: String(req.headers['x-webhook-event']), body });
			res.end('ok');
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));
beforeEach(() => {
	received.length = 0;
});

test('an accepted v2 send: its lifecycle in order, carrying its wamid, its text and its recipient', async () => {
	const { sb } = ref;
	sb.configure({ webhook: { url, format: 3, lifecycle: ['sent', 'delivered', 'read'] } });
	const r = await v2Send(sb, V2_ORDER);
	await sb.webhooksIdle();
	const wamid = r.data.data.message_id;
	expect(sb.webhookDeliveries.map((d) => [d.event, d.messageId, d.status])).toEqual([
		['message.sent', wamid, 200],
		['message.delivered', wamid, 200],
		['message.read', wamid, 200],
	]);
	expect(received.map((x) => x.event)).toEqual(['message.sent', 'message.delivered', 'message.read']);
	expect(received[0].body).toContain('"text":"Ana A-17"');
	// WhatsApp's own status events (format 2) name the recipient: the digits WhatsApp got.
	sb.configure({ webhook: { url, format: 2, lifecycle: ['delivered'] } });
	received.length = 0;
	await v2Send(sb, { ...V2_ORDER, phone: '4917000000042' });
	await sb.webhooksIdle();
	expect(received).toHaveLength(1);
	expect(JSON.parse(received[0].body).data.resource.attributes.recipient_id).toBe('4917000000042');
});

test('a refused or failed v2 send posts nothing; v1 and v2 sends interleave by message', async () => {
	const { sb } = ref;
	sb.configure({ webhook: { url, format: 3, lifecycle: ['sent'] } });
	sb.injectFault({ kind: 'sendFailedWhatsApp500' });
	expect((await v2Send(sb, V2_ORDER)).status).toBe(500);
	expect((await v2Send(sb, { ...V2_ORDER, template_name: 'nope' })).status).toBe(404);
	const a = await send(sb, PLAIN);
	const b = await v2Send(sb, V2_ORDER);
	await sb.webhooksIdle();
	expect(sb.webhookDeliveries.map((d) => d.messageId).sort()).toEqual([a.data.data.whatsapp_response.messages[0].id, b.data.data.message_id].sort());
});
