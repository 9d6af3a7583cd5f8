/** API v2's injected faults: every error row of CONTRACT-v2.md that the workspace's state or WhatsApp decides, and the network's faults. */
import { FAULT_KINDS, V2_FAULT_KINDS, V2FaultKind, startSandbox } from '.';
import { PLAIN, send, useSandbox } from './helpers';
import { V2_PLAIN, envelopeError, invalid, rateHeaders, v2Send } from './v2helpers';

const ref = useSandbox();
const NEW_PHONE = { ...V2_PLAIN, phone: '4917000000099' };
const ANA = { ...V2_PLAIN, phone: '4915112345678' };
const PHOTO_URL = { ...V2_PLAIN, template_name: 'product_photo', field_1: 'Lamp', header_image_url: 'https://x.test/lamp.png' };

test("V2_FAULT_KINDS: v2's own, and every network kind of v1 (none of v1's platform answers)", () => {
	const own = [
		'contactLimit403', 'conversationLimit403', 'featureNotAvailable403', 'html500', 'internalError500', 'mediaDownload500', 'missingConfig422',
		'noMessageId200', 'notConfigured422', 'optedOut403', 'planNoTemplates500', 'sendFailedUnknown500', 'sendFailedWhatsApp500', 'serverError500',
	];
	const v1PlatformOnly = ['notConnected503', 'system500', 'whatsapp500'];
	expect(V2_FAULT_KINDS.filter((k) => own.includes(k)).sort()).toEqual(own);
	expect(V2_FAULT_KINDS.filter((k) => !own.includes(k)).sort()).toEqual(FAULT_KINDS.filter((k) => !own.includes(k) && !v1PlatformOnly.includes(k)).sort());
	expect(V2_FAULT_KINDS).toEqual(expect.arrayContaining(['drop', 'dropMidUpload', 'hang', 'latency', 'html502', 'nonJson200', 'statusError200', 'tooLarge413']));
	expect(() => ref.sb.injectFault({ kind: 'whatsapp500', api: 'v2' })).toThrow(/kind must be one of/);
});

describe("the platform's refusals, in its envelope, with the rate-limit headers", () => {
	const rows: [V2FaultKind, number, unknown][] = [
		['optedOut403', 403, envelopeError('CONTACT_OPTED_OUT', 'Contact has opted out of receiving messages')],
		['notConfigured422', 422, envelopeError('WHATSAPP_NOT_CONFIGURED', 'WhatsApp connection is not configured for this account')],
		['conversationLimit403', 403, envelopeError('FEATURE_LIMIT_EXCEEDED', 'Conversation limit reached. Please upgrade your plan.')],
		['featureNotAvailable403', 403, envelopeError('FEATURE_NOT_AVAILABLE', 'WhatsApp templates feature is not available in your plan')],
		['sendFailedWhatsApp500', 500, envelopeError('MESSAGE_SEND_FAILED', 'Failed to send template message', { error: '(#131026) Message undeliverable' })],
		['sendFailedUnknown500', 500, envelopeError('MESSAGE_SEND_FAILED', 'Failed to send template message', { error: expect.stringMatching(/^cURL error 28: Operation timed out/) })],
		['internalError500', 500, envelopeError('INTERNAL_ERROR', 'Failed to send template message', { error: 'Attempt to read property "id" on null' })],
	];
	test.each(rows)('%s: %i; not accepted; a refused request does not consume it', async (kind, status, body) => {
		const { sb } = ref;
		sb.injectFault({ kind, api: 'v2' });
		expect((await v2Send(sb, { ...V2_PLAIN, template_name: 'nope' })).status).toBe(404);
		const r = await v2Send(sb, V2_PLAIN);
		expect([r.status, r.data]).toEqual([status, body]);
		expect(rateHeaders(r)['x-ratelimit-remaining']).toBe('58');
		expect([sb.messages.length, sb.requests[1].fault]).toEqual([0, kind]);
		expect((await v2Send(sb, V2_PLAIN)).status).toBe(200);
	});

	test('`detail` sets details.error (another WhatsApp refusal, another exception)', async () => {
		const { sb } = ref;
		sb.injectFault({ kind: 'sendFailedWhatsApp500', detail: '(#131047) Re-engagement message' });
		expect((await v2Send(sb, V2_PLAIN)).data.error.details).toEqual({ error: '(#131047) Re-engagement message' });
	});

	test('noMessageId200: success with message_id null (the contact was created); not an accepted message', async () => {
		const { sb } = ref;
		sb.injectFault({ kind: 'noMessageId200', api: 'v2' });
		const r = await v2Send(sb, NEW_PHONE);
		expect([r.status, r.data.success, r.data.data.message_id, r.data.data.status]).toEqual([200, true, null, 'sent']);
		expect([sb.messages.length, sb.stats.accepted, sb.contacts.at(-1)!.phone]).toEqual([0, 0, '+4917000000099']);
	});
});

describe('the contact step: only when the send would create the contact', () => {
	test('missingConfig422 and contactLimit403 wait while sends go to known contacts; nothing is created', async () => {
		const { sb } = ref;
		sb.injectFault({ kind: 'missingConfig422' });
		sb.injectFault({ kind: 'contactLimit403' });
		expect((await v2Send(sb, ANA)).status).toBe(200);
		const before = sb.contacts.length;
		const missing = await v2Send(sb, NEW_PHONE);
		expect([missing.status, missing.data]).toEqual([
			422,
			envelopeError('VALIDATION_ERROR', 'Cannot auto-create contact. Please configure default lead status and source in Application settings, or provide contact_id.', {
				missing_config: { lead_status: 'Lead status not configured', lead_source: 'Lead source not configured' },
			}),
		]);
		const full = await v2Send(sb, NEW_PHONE);
		expect([full.status, full.data]).toEqual([
			403,
			envelopeError('FEATURE_LIMIT_EXCEEDED', 'Feature limit exceeded for contacts. Please upgrade your plan.', { feature: 'contacts', current: before, maximum: before }),
		]);
		expect(sb.contacts).toHaveLength(before);
	});
});

describe('500s outside the envelope (delivery unknown)', () => {
	test('planNoTemplates500 crashes: {"message":"Server Error"} for a JSON client, the HTML page otherwise; headers still set', async () => {
		const { sb } = ref;
		sb.injectFault({ kind: 'planNoTemplates500', times: 2 });
		const json = await v2Send(sb, V2_PLAIN);
		expect([json.status, json.data, rateHeaders(json)['x-ratelimit-limit']]).toEqual([500, { message: 'Server Error' }, '60']);
		const html = await v2Send(sb, V2_PLAIN, { accept: 'text/html' });
		expect([html.status, html.headers['content-type']]).toEqual([500, 'text/html; charset=UTF-8']);
		expect(html.data).toContain('Server Error');
	});

	test('mediaDownload500 acts only on a send with a header URL', async () => {
		const { sb } = ref;
		sb.injectFault({ kind: 'mediaDownload500' });
		expect((await v2Send(sb, V2_PLAIN)).status).toBe(200);
		const r = await v2Send(sb, PHOTO_URL);
		expect([r.status, r.data, sb.requests[1].fault]).toEqual([500, { message: 'Server Error' }, 'mediaDownload500']);
	});

	test('serverError500 and html500 answer the same whatever Accept says', async () => {
		const { sb } = ref;
		sb.injectFault({ kind: 'serverError500' });
		sb.injectFault({ kind: 'html500' });
		const a = await v2Send(sb, V2_PLAIN, { accept: 'text/html' });
		const b = await v2Send(sb, V2_PLAIN);
		expect([a.status, a.data, b.status, b.headers['content-type']]).toEqual([500, { message: 'Server Error' }, 500, 'text/html; charset=UTF-8']);
	});
});

describe("the network's faults act on v2 as on v1, without the platform's headers", () => {
	test('html502, drop, hang (the client gives up), latency', async () => {
		const { sb } = ref;
		sb.injectFault({ kind: 'html502', api: 'v2' });
		const bad = await v2Send(sb, V2_PLAIN);
		expect([bad.status, rateHeaders(bad)]).toEqual([502, {}]);
		sb.injectFault({ kind: 'drop', api: 'v2' });
		await expect(v2Send(sb, V2_PLAIN)).rejects.toThrow(/socket hang up|ECONNRESET/);
		sb.injectFault({ kind: 'hang', api: 'v2' });
		await expect(v2Send(sb, V2_PLAIN, { config: { timeout: 200 } })).rejects.toThrow(/timeout/);
		sb.injectFault({ kind: 'latency', ms: 50, api: 'v2' });
		expect((await v2Send(sb, V2_PLAIN)).status).toBe(200);
		expect(sb.requests.map((r) => r.fault)).toEqual(['html502', 'drop', 'hang', 'latency']);
	});

	test('match.phone: the phone as sent; a v2 fault does not touch v1 and the other way round', async () => {
		const { sb } = ref;
		sb.injectFault({ kind: 'optedOut403', api: 'v2', match: { phone: '4917000000099' } });
		sb.injectFault({ kind: 'system500' });
		expect((await v2Send(sb, V2_PLAIN)).status).toBe(200);
		expect((await v2Send(sb, NEW_PHONE)).status).toBe(403);
		expect((await send(sb, PLAIN)).status).toBe(500);
		expect(sb.pendingFaults).toEqual([]);
	});
});

describe('which queue a fault goes to', () => {
	test("its `api`; else a v2-only kind goes to v2 and the rest to v1; a one-API sandbox takes everything", async () => {
		const { sb } = ref;
		sb.injectFault({ kind: 'sendFailedUnknown500' });
		sb.injectFault({ kind: 'optedOut403' });
		sb.injectFault({ kind: 'drop', api: 'v2', times: 2 });
		expect(sb.pendingFaults.map((f) => [f.api, f.kind, f.remaining])).toEqual([['v1', 'optedOut403', 1], ['v2', 'sendFailedUnknown500', 1], ['v2', 'drop', 2]]);
		expect(FAULT_KINDS).not.toContain('sendFailedUnknown500');
		const only = await startSandbox({ apis: ['v2'] });
		try {
			only.injectFault({ kind: 'optedOut403' });
			expect((await v2Send(only, V2_PLAIN)).data).toEqual(envelopeError('CONTACT_OPTED_OUT', 'Contact has opted out of receiving messages'));
		} finally {
			await only.close();
		}
	});

	test('a validation refusal is answered before any fault', async () => {
		const { sb } = ref;
		sb.injectFault({ kind: 'drop', api: 'v2' });
		expect((await v2Send(sb, { ...V2_PLAIN, phone: '1' })).data).toEqual(invalid({ phone: ['The phone field must be between 8 and 15 characters.'] }));
		expect(sb.pendingFaults).toHaveLength(1);
	});
});
