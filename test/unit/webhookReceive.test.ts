/**
 * The trigger's webhook handler (trigger/webhook.ts) where n8n's engine cannot take it: a request
 * whose raw body n8n has not read yet (or cannot read), a credential saved without its Signing
 * Secret field, two workflows sharing a node id. The engine tests (test/trigger/*.test.ts) cover
 * the rest through n8n's webhook path.
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { EVERYTHING } from '../../nodes/WhatsAppTemplates/trigger/events';
import { forgetProcessMemory } from '../../nodes/WhatsAppTemplates/trigger/dedupe';
import { receive } from '../../nodes/WhatsAppTemplates/trigger/webhook';
import { AT, DIGITS, messageEvent, phpJson, SECRET, sign, WAMID } from '../trigger/helpers';

const BYTES = Buffer.from(phpJson(messageEvent(3, 'delivered', { wamid: WAMID, digits: DIGITS }, AT).body));

interface Fake {
	req?: IDataObject;
	credentials?: IDataObject;
	workflowId?: string;
	staticData?: IDataObject;
}

/** Runs receive() on a small stand-in of n8n's WebhookContext; returns its result and what it wrote. */
async function run(fake: Fake): Promise<{ result: IWebhookResponseData; written: Array<[number, IDataObject]> }> {
	const written: Array<[number, IDataObject]> = [];
	let status = 0;
	const res = { writeHead: (code: number) => (status = code), end: (body: string) => written.push([status, JSON.parse(body)]) };
	const ctx = {
		getRequestObject: () => fake.req ?? { rawBody: BYTES },
		getResponseObject: () => res,
		getNodeParameter: (name: string, fallback: unknown) => (name === 'events' ? [EVERYTHING] : fallback),
		getCredentials: async () => fake.credentials ?? { signingSecret: SECRET },
		getHeaderData: () => ({ 'x-webhook-signature': sign(BYTES, SECRET) }),
		logger: { error: () => undefined },
		getMode: () => 'webhook',
		getWorkflow: () => ({ id: fake.workflowId ?? 'wf-1' }),
		getNode: () => ({ id: 'node-1' }),
		getWorkflowStaticData: () => fake.staticData ?? {},
	} as unknown as IWebhookFunctions;
	return { result: await receive.call(ctx), written };
}

const STARTED = { received: true, started: true, event: 'message.delivered' };

beforeEach(() => forgetProcessMemory());

describe('receive: the raw body', () => {
	it('not read yet: it reads it, and checks the signature over exactly those bytes', async () => {
		const req: IDataObject = { readRawBody: async () => void (req.rawBody = BYTES) };
		const { result, written } = await run({ req });
		expect(written).toEqual([]);
		expect(result.webhookResponse).toEqual(STARTED);
	});

	it('already read: it is not read again', async () => {
		const req = { rawBody: BYTES, readRawBody: async () => Promise.reject(new Error('read twice')) };
		expect((await run({ req })).result.webhookResponse).toEqual(STARTED);
	});

	it('absent and not readable: 401, answered by the node, nothing started', async () => {
		const { result, written } = await run({ req: {} });
		expect(written).toEqual([[401, { received: false, started: false, reason: 'Invalid X-Webhook-Signature' }]]);
		expect(result).toEqual({ noWebhookResponse: true });
	});
});

describe('receive: the Signing Secret', () => {
	it('a credential saved without the field: 500 "empty", never checked against another secret', async () => {
		const { result, written } = await run({ credentials: {} });
		expect(written).toEqual([[500, { received: false, started: false, reason: 'Signature cannot be checked: the Signing Secret credential is empty' }]]);
		expect(result).toEqual({ noWebhookResponse: true });
	});
});

describe('receive: duplicates', () => {
	it('the duplicate memory is per workflow: another workflow with the same node id starts the same event', async () => {
		expect((await run({ workflowId: 'wf-1' })).result.workflowData).toBeDefined();
		expect((await run({ workflowId: 'wf-2' })).result.workflowData).toBeDefined();
		expect((await run({ workflowId: 'wf-2' })).result.webhookResponse).toEqual({ received: true, started: false, reason: 'duplicate: this event started the workflow before' });
	});
});
