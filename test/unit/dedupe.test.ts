/**
 * The duplicate memory of the trigger (trigger/dedupe.ts) on its own: which keys an event gets in
 * each body format (built by the sandbox from the contract, read by the node's normalise), and
 * which keys are kept when the memory is full. The engine tests (test/trigger/dedupe.test.ts) run
 * the same through n8n's webhook path.
 */
import type { IDataObject } from 'n8n-workflow';

import { dedupeKeys, forgetProcessMemory, MAX_REMEMBERED, seenBefore } from '../../nodes/WhatsAppTemplates/trigger/dedupe';
import { normalise } from '../../nodes/WhatsAppTemplates/trigger/formats';
import { AT, DIGITS, messageEvent, phpJson, receivedEvent, recordEvent, WAMID } from '../trigger/helpers';

const CONTACT = { id: 7, firstname: 'Ana', phone: '+4915100000007' };
const keysOf = (body: IDataObject) => {
	const bytes = phpJson(body);
	return dedupeKeys(normalise(JSON.parse(bytes)), Buffer.from(bytes));
};

beforeEach(() => forgetProcessMemory());

/** Whether two deliveries share a key: the second one would start nothing. */
const same = (a: IDataObject, b: IDataObject) => keysOf(a).some((key) => keysOf(b).includes(key));
const status = (format: 2 | 3, state: string, wamid = WAMID) => messageEvent(format, state, { wamid, digits: DIGITS }, AT).body;

describe('dedupeKeys: what makes two deliveries the same event', () => {
	it('the same delivery again: the same keys, short hashes whatever the ids look like', () => {
		const body = status(3, 'read');
		expect(keysOf(body)).toEqual(keysOf(structuredClone(body)));
		for (const key of keysOf(body)) expect(key).toMatch(/^[0-9a-f]{24}$/);
	});

	it('format 3 (Xobito): the next status of the message, or another message, is another event', () => {
		expect(same(status(3, 'read'), status(3, 'read'))).toBe(true);
		expect(same(status(3, 'read'), status(3, 'delivered'))).toBe(false);
		expect(same(status(3, 'read'), status(3, 'read', `${WAMID}X`))).toBe(false);
	});

	it('format 2 (n8n format): another event id is another event, except the same status of the same message', () => {
		const contact = () => recordEvent(2, { action: 'created', record: CONTACT }, AT).body;
		expect(same(contact(), contact())).toBe(false);
		const again = contact();
		expect(same(again, structuredClone(again))).toBe(true);
		expect(same(status(2, 'read'), status(2, 'read'))).toBe(true);
		expect(same(status(2, 'read'), status(2, 'delivered'))).toBe(false);
	});

	it('format 2: the same event id is the same event, whatever else a redelivery changed; without an id, the bytes decide', () => {
		const first = recordEvent(2, { action: 'created', record: CONTACT }, AT).body;
		const redelivered = { ...first, metadata: { ...(first.metadata as IDataObject), request_id: 'another-request' } };
		expect(same(first, redelivered)).toBe(true);
		const withoutId = (id: number) => {
			const body = recordEvent(2, { action: 'created', record: { ...CONTACT, id } }, AT).body;
			delete (body.event as IDataObject).id;
			return body;
		};
		expect(same(withoutId(1), withoutId(2))).toBe(false);
		const once = withoutId(1);
		expect(same(once, structuredClone(once))).toBe(true);
	});

	it('an event without a message id is never keyed by one: two such events stay apart', () => {
		const noId = (note: string) => ({ ...status(3, 'failed'), data: { status: 'failed', error_message: note } });
		expect(same(noId('a'), noId('b'))).toBe(false);
		const other = (id: number) => ({ event: 'contact.created', data: { id }, timestamp: '2026-05-28T14:50:56+00:00' });
		expect(normalise(other(1)).format).toBe('xobito');
		expect(same(other(1), other(2))).toBe(false);
		expect(same(other(1), other(1))).toBe(true);
	});

	it('a status forwarded in format 2 and sent in format 3 is one event', () => {
		expect(same(status(2, 'delivered'), status(3, 'delivered'))).toBe(true);
		const inbound = { wamid: 'wamid.IN', from: DIGITS, name: 'Ana', text: 'hi' };
		expect(same(receivedEvent(2, inbound, AT).body, receivedEvent(3, inbound, AT).body)).toBe(true);
	});

	it('format 1 (legacy): model, record id, event and timestamp each tell two events apart; nothing else does', () => {
		const body = recordEvent(1, { action: 'updated', record: CONTACT }, AT).body;
		const others = [
			recordEvent(1, { action: 'updated', record: { ...CONTACT, id: 8 } }, AT).body,
			recordEvent(1, { action: 'deleted', record: CONTACT }, AT).body,
			recordEvent(1, { action: 'updated', resource: 'status', record: CONTACT }, AT).body,
			recordEvent(1, { action: 'updated', record: CONTACT }, new Date(AT.getTime() + 1000)).body,
		];
		for (const other of others) expect(same(body, other)).toBe(false);
		expect(same(body, { ...body, original: { firstname: 'Old' } })).toBe(true);
		expect(keysOf(body)).toHaveLength(1);
	});

	it('a body in none of the formats is keyed by its bytes', () => {
		expect(same({ hello: 'world' }, { hello: 'world' })).toBe(true);
		expect(same({ hello: 'world' }, { hello: 'there' })).toBe(false);
		expect(keysOf({ hello: 'world' })).toHaveLength(1);
	});
});

describe('seenBefore: the newest keys are kept', () => {
	const NODE = 'workflow-1|node-1';
	/** Records keys k0 … k{count-1}, one event each; every one is new. */
	const record = (staticData: IDataObject, count: number, node = NODE) => {
		for (let i = 0; i < count; i++) expect(seenBefore(staticData, [`k${i}`], node)).toBe(false);
	};

	it('an event seen once is a duplicate, in the static data and in this process; any one of its keys is enough', () => {
		const staticData: IDataObject = {};
		expect(seenBefore(staticData, ['a', 'b'], NODE)).toBe(false);
		expect(staticData.seenEvents).toEqual(['a', 'b']);
		expect(seenBefore(staticData, ['b'], NODE)).toBe(true);
		expect(seenBefore({}, ['a'], NODE)).toBe(true); // this process's memory alone
		forgetProcessMemory();
		expect(seenBefore(staticData, ['c', 'a'], NODE)).toBe(true); // the static data alone
		expect(staticData.seenEvents).toEqual(['a', 'b']);
	});

	it('full static data: the most recent events are still refused, the oldest are forgotten', () => {
		const staticData: IDataObject = {};
		record(staticData, MAX_REMEMBERED + 1);
		expect(staticData.seenEvents).toHaveLength(MAX_REMEMBERED);
		forgetProcessMemory(); // an n8n restart: only the saved static data remains
		expect(seenBefore(staticData, [`k${MAX_REMEMBERED}`], NODE)).toBe(true);
		expect(seenBefore(staticData, ['k1'], NODE)).toBe(true);
		expect(seenBefore(staticData, ['k0'], NODE)).toBe(false);
	});

	it("full process memory (static data lost, as n8n 2.40 loses it): the same, per trigger node", () => {
		record({}, MAX_REMEMBERED + 1);
		expect(seenBefore({}, [`k${MAX_REMEMBERED}`], NODE)).toBe(true);
		expect(seenBefore({}, ['k1'], NODE)).toBe(true);
		expect(seenBefore({}, ['k0'], NODE)).toBe(false);
		expect(seenBefore({}, [`k${MAX_REMEMBERED}`], 'workflow-1|node-2')).toBe(false);
	});

	it('a retry of the most recent event is refused after MAX_REMEMBERED - 1 others, and not after MAX_REMEMBERED', () => {
		const staticData: IDataObject = {};
		expect(seenBefore(staticData, ['recent'], NODE)).toBe(false);
		record(staticData, MAX_REMEMBERED - 1);
		expect(seenBefore(staticData, ['recent'], NODE)).toBe(true);
		expect(seenBefore({}, ['recent'], NODE)).toBe(true);
		expect(seenBefore(staticData, ['one more'], NODE)).toBe(false);
		expect(seenBefore({ ...staticData }, ['recent'], 'another node')).toBe(false);
		expect(seenBefore({}, ['recent'], NODE)).toBe(false);
	});

	it('memory is kept for the 200 trigger nodes that recorded last', () => {
		expect(seenBefore({}, ['old'], 'node-0')).toBe(false);
		expect(seenBefore({}, ['kept'], 'node-1')).toBe(false);
		for (let n = 2; n < 200; n++) seenBefore({}, [`x${n}`], `node-${n}`);
		expect(seenBefore({}, ['again'], 'node-0')).toBe(false); // node-0 recorded again: the newest now
		seenBefore({}, ['x200'], 'node-200'); // 201 nodes: the one that recorded longest ago goes
		expect(seenBefore({}, ['old'], 'node-0')).toBe(true);
		expect(seenBefore({}, ['kept'], 'node-1')).toBe(false);
	});

	it('static data that holds something else than a key list is started over', () => {
		const staticData: IDataObject = { seenEvents: 'not a list', other: 1 };
		expect(seenBefore(staticData, ['a'], NODE)).toBe(false);
		expect(staticData).toEqual({ seenEvents: ['a'], other: 1 });
	});
});
