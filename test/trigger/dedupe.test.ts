/**
 * Duplicates: the platform retries (up to 3 attempts when it sees no 2xx), so one event can
 * arrive twice; it starts one execution. Keys per CONTRACT.md, kept in the workflow's static data
 * (saved by n8n after the webhook call), bounded.
 */
import type { IDataObject } from 'n8n-workflow';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { forgetProcessMemory, MAX_REMEMBERED } from '../../nodes/WhatsAppTemplates/trigger/dedupe';
import { startSandbox } from '../sandbox';
import { AT, DIGITS, emitted, messageEvent, postSigned, receivedEvent, recordEvent, SECRET, WAMID } from './helpers';
import { NODE_NAME, startReceiver } from './receiver';

const CONTACT = { id: 7, firstname: 'Ana', phone: '+4915100000007' };

it.each([
	['format 3 (message_id + event)', () => messageEvent(3, 'delivered', { wamid: WAMID, digits: DIGITS }, AT).body],
	['format 2 (event.id)', () => recordEvent(2, { action: 'created', record: CONTACT }, AT).body],
	['format 1 (model, data.id, event, timestamp)', () => recordEvent(1, { action: 'updated', record: CONTACT }, AT).body],
])('%s: the same event twice starts one execution; the second is answered 200', async (_name, make) => {
	const receiver = await startReceiver({ secret: SECRET });
	const body = make();
	expect((await postSigned(receiver, body)).status).toBe(200);
	const again = await postSigned(receiver, body);
	expect(again.status).toBe(200);
	expect(JSON.parse(again.body)).toEqual({ received: true, started: false, reason: 'duplicate: this event started the workflow before' });
	await receiver.close();
	expect(receiver.executions).toHaveLength(1);
});

it('different events are not duplicates: the next status of the message, another event id, another timestamp', async () => {
	const receiver = await startReceiver({ secret: SECRET });
	await postSigned(receiver, messageEvent(3, 'delivered', { wamid: WAMID, digits: DIGITS }, AT).body);
	await postSigned(receiver, messageEvent(3, 'read', { wamid: WAMID, digits: DIGITS }, AT).body);
	await postSigned(receiver, messageEvent(3, 'delivered', { wamid: `${WAMID}X`, digits: DIGITS }, AT).body);
	// The same contact change made twice is two events: a new event id (format 2), a new timestamp (format 1).
	await postSigned(receiver, recordEvent(2, { action: 'updated', record: CONTACT }, AT).body);
	await postSigned(receiver, recordEvent(2, { action: 'updated', record: CONTACT }, AT).body);
	await postSigned(receiver, recordEvent(1, { action: 'updated', record: CONTACT }, AT).body);
	await postSigned(receiver, recordEvent(1, { action: 'updated', record: CONTACT }, new Date(AT.getTime() + 1000)).body);
	await receiver.close();
	expect(receiver.executions).toHaveLength(7);
});

it('one WhatsApp status forwarded twice under two event ids (Meta redelivers) starts one execution', async () => {
	const receiver = await startReceiver({ secret: SECRET });
	const first = messageEvent(2, 'read', { wamid: WAMID, digits: DIGITS }, AT).body;
	const second = messageEvent(2, 'read', { wamid: WAMID, digits: DIGITS }, AT).body;
	expect((first.event as IDataObject).id).not.toBe((second.event as IDataObject).id);
	await postSigned(receiver, first);
	await postSigned(receiver, second);
	await postSigned(receiver, receivedEvent(2, { wamid: 'wamid.IN', from: DIGITS, name: 'Ana', text: 'hi' }, AT).body);
	await postSigned(receiver, receivedEvent(2, { wamid: 'wamid.IN', from: DIGITS, name: 'Ana', text: 'hi' }, AT).body);
	await receiver.close();
	expect(emitted(receiver).map((e) => e.event)).toEqual(['message.read', 'message.received']);
});

it('memory stays bounded: the oldest keys are forgotten after MAX_REMEMBERED, the newest kept', async () => {
	const receiver = await startReceiver({ secret: SECRET, parameters: { events: ['contact.created'] } });
	// Format 2 contact events: one key each.
	const bodies = Array.from({ length: MAX_REMEMBERED + 1 }, (_, i) => recordEvent(2, { action: 'created', record: { ...CONTACT, id: i } }, AT).body);
	for (const body of bodies) await postSigned(receiver, body);
	// A retry of the most recent event, after a thousand others, is still refused.
	const retry = await postSigned(receiver, bodies[MAX_REMEMBERED]);
	await receiver.close();
	expect(JSON.parse(retry.body).reason).toMatch(/^duplicate/);
	// n8n keeps a node's static data under `node:<node name>`.
	const seen = (receiver.savedStaticData()[`node:${NODE_NAME}`] as IDataObject).seenEvents as string[];
	expect(seen).toHaveLength(MAX_REMEMBERED);
	expect(new Set(seen).size).toBe(MAX_REMEMBERED);
	expect(JSON.stringify(receiver.savedStaticData()).length).toBeLessThan(30 * MAX_REMEMBERED);
	expect(receiver.executions).toHaveLength(MAX_REMEMBERED + 1);

	// After a restart the saved static data alone: the newest are refused, the oldest starts again.
	forgetProcessMemory();
	const restarted = await startReceiver({ secret: SECRET, parameters: { events: ['contact.created'] }, staticData: receiver.savedStaticData() });
	const answers = [];
	for (const i of [MAX_REMEMBERED, 1, 0]) answers.push(JSON.parse((await postSigned(restarted, bodies[i])).body));
	await restarted.close();
	expect(answers).toEqual([{ received: true, started: false, reason: 'duplicate: this event started the workflow before' }, expect.objectContaining({ started: false }), { received: true, started: true, event: 'contact.created' }]);
	expect(restarted.executions).toHaveLength(1);
}, 120000);

it('a test listen (manual mode) takes the same event again', async () => {
	const receiver = await startReceiver({ secret: SECRET, mode: 'manual' });
	const body = messageEvent(3, 'delivered', { wamid: WAMID, digits: DIGITS }, AT).body;
	await postSigned(receiver, body);
	await postSigned(receiver, body);
	await receiver.close();
	expect(receiver.executions).toHaveLength(2);
});

/**
 * The platform's retry, end to end: a proxy in front of n8n passes each delivery on but answers the
 * platform 500 the first time (as if the 200 was lost), so the sandbox delivers the same signed
 * body again 1 s later (scaled).
 */
it("the sandbox's retry of an event n8n already took starts one execution", async () => {
	const receiver = await startReceiver({ secret: SECRET });
	let calls = 0;
	const proxy = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', async () => {
			calls += 1;
			const headers = { 'content-type': 'application/json', 'x-webhook-signature': String(req.headers['x-webhook-signature']) };
			const answer = await receiver.post(Buffer.concat(chunks), headers);
			res.writeHead(calls === 1 ? 500 : answer.status).end(answer.body);
		});
	});
	await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
	const sb = await startSandbox({ webhook: { url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/`, format: 1, secret: SECRET, timeScale: 0.01 } });
	try {
		const attempts = await sb.emitContactEvent({ action: 'created', record: CONTACT });
		expect(attempts.map((a) => a.status)).toEqual([500, 200]);
		expect(attempts[0].body).toBe(attempts[1].body);
		expect(receiver.executions).toHaveLength(1);
		expect(emitted(receiver)[0]).toMatchObject({ event: 'contact.created', contact: CONTACT });
	} finally {
		await sb.close();
		await new Promise<void>((resolve) => proxy.close(() => resolve()));
		await receiver.close();
	}
});

describe('where the duplicates are remembered', () => {
	it("n8n 2.40 loses the static data a started execution's webhook call wrote: a retry is still caught (this process's memory)", async () => {
		const receiver = await startReceiver({ secret: SECRET, loseStaticDataOnStart: true });
		const body = messageEvent(3, 'delivered', { wamid: WAMID, digits: DIGITS }, AT).body;
		await postSigned(receiver, body);
		expect(receiver.savedStaticData()).toEqual({});
		const again = await postSigned(receiver, body);
		await receiver.close();
		expect(JSON.parse(again.body).reason).toMatch(/^duplicate/);
		expect(receiver.executions).toHaveLength(1);
	});

	it('after a restart (the process memory gone) the saved static data alone recognises the event', async () => {
		const first = await startReceiver({ secret: SECRET });
		const body = recordEvent(1, { action: 'deleted', record: CONTACT }, AT).body;
		await postSigned(first, body);
		await first.close();
		forgetProcessMemory();
		const second = await startReceiver({ secret: SECRET, staticData: first.savedStaticData() });
		const again = await postSigned(second, body);
		await second.close();
		expect(JSON.parse(again.body).reason).toMatch(/^duplicate/);
		expect(second.executions).toHaveLength(0);
	});

	it('neither memory nor static data: the same event starts again (the two are what catch it)', async () => {
		const first = await startReceiver({ secret: SECRET, loseStaticDataOnStart: true });
		const body = recordEvent(1, { action: 'deleted', record: CONTACT }, AT).body;
		await postSigned(first, body);
		await first.close();
		forgetProcessMemory();
		const second = await startReceiver({ secret: SECRET, staticData: first.savedStaticData() });
		expect(JSON.parse((await postSigned(second, body)).body)).toEqual({ received: true, started: true, event: 'contact.deleted' });
		await second.close();
		expect(second.executions).toHaveLength(1);
	});
});
