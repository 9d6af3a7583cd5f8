/**
 * Message → Send Buttons through n8n's real engine against the sandbox: API v2 messages/interactive
 * (reply buttons, a list in sections), API v1 messages/send as Xobito documents it (with the hint
 * that stock platforms send the body alone), and every limit refused with zero requests.
 */
import { NodeOperationError, type INodeParameters } from 'n8n-workflow';

import { buttonsBody, windowPath, WINDOW_ROUTE_NAMES } from '../support/wireWindow';
import { APIS, jsonOut, startProduct, type Product, hintsOf as hints } from './setup';

const BUTTONS = {
	operation: 'sendButtons',
	phone: '+49 151 2345678',
	bodyText: 'Shall we deliver tomorrow?',
	buttons: { button: [{ title: 'Yes' }, { title: 'Another day', id: 'later' }] },
};
const LIST = {
	operation: 'sendButtons',
	phone: '+49 151 2345678',
	interactiveType: 'list',
	bodyText: 'Pick a slot',
	listButtonText: 'Slots',
	rows: {
		row: [
			{ section: 'Monday', title: '10:00', id: 'mon-10' },
			{ section: 'Tuesday', title: '09:00', description: 'Early' },
			{ section: 'Monday', title: '14:00', id: 'mon-14' },
		],
	},
};

describe.each(APIS)('Send Buttons on API %s', (api) => {
	let product: Product;
	beforeAll(async () => {
		product = await startProduct('filesystem', { api });
	});
	afterAll(async () => await product.close());
	beforeEach(() => product.sb.reset());

	it('reply buttons with header and footer under the contract’s names (an ID defaults to the title); the message id on top', async () => {
		const result = await product.send({ ...BUTTONS, headerText: 'Delivery', footerText: 'Reply any time' });
		expect(result.error).toBeUndefined();
		const [request] = product.sb.requests;
		expect([request.route, request.path]).toEqual([WINDOW_ROUTE_NAMES[api].buttons, windowPath(api, 'buttons', product.sb.subdomain)]);
		expect(request.fields).toEqual(
			buttonsBody(api, { phone: '491512345678', body: 'Shall we deliver tomorrow?', header: 'Delivery', footer: 'Reply any time', buttons: [{ id: 'Yes', title: 'Yes' }, { id: 'later', title: 'Another day' }] }),
		);
		const [message] = product.sb.freeForm;
		expect(jsonOut(result)[0]).toMatchObject({ messageId: message.wamid, phone: '491512345678' });
		if (api === 'v2') {
			expect(message.whatsapp).toMatchObject({ type: 'interactive', interactive: { type: 'button', body: 'Shall we deliver tomorrow?' } });
			expect(hints(result)).toEqual([]);
		} else {
			// Stock v1 drops Xobito's keys and sends the body text alone: the run says so.
			expect(message.whatsapp).toEqual({ type: 'text', text: 'Shall we deliver tomorrow?' });
			expect(Object.keys(message.ignored).sort()).toEqual(['buttons', 'footer', 'header', 'message_type']);
			expect(hints(result)).toEqual([expect.stringMatching(/^API v1: the buttons went out as Xobito documents them .*stock WhatsMark SaaS platforms ignore those keys and send the body text alone/)]);
		}
	});

	if (api === 'v2') {
		it('a list: rows grouped into sections by their title in order, ids defaulting to the title', async () => {
			const result = await product.send(LIST);
			expect(result.error).toBeUndefined();
			expect(product.sb.requests[0].fields).toEqual(
				buttonsBody(api, {
					phone: '491512345678',
					body: 'Pick a slot',
					list: {
						buttonText: 'Slots',
						sections: [
							{ title: 'Monday', rows: [{ id: 'mon-10', title: '10:00' }, { id: 'mon-14', title: '14:00' }] },
							{ title: 'Tuesday', rows: [{ id: '09:00', title: '09:00', description: 'Early' }] },
						],
					},
				}),
			);
			expect(product.sb.freeForm[0].whatsapp).toMatchObject({ interactive: { type: 'list', header: 'Options' } });
		});

		it('one section needs no title', async () => {
			const result = await product.send({ ...LIST, rows: { row: [{ title: 'A' }, { title: 'B' }] } });
			expect(result.error).toBeUndefined();
			expect(product.sb.requests[0].fields!.sections).toEqual([{ rows: [{ id: 'A', title: 'A' }, { id: 'B', title: 'B' }] }]);
		});
	} else {
		it('a list is refused before sending: API v1 has none', async () => {
			const result = await product.send(LIST);
			expect(result.error!.message).toMatch(/^Message Kind: A list cannot be sent: API v1 has no list message/);
			expect(result.error!.description).toMatch(/API Version v2/);
			expect(product.sb.requests).toHaveLength(0);
		});
	}

	const rows = (n: number, row: (i: number) => INodeParameters = (i) => ({ title: `R${i}` })): INodeParameters => ({ row: Array.from({ length: n }, (_, i) => row(i)) });
	const limits: Array<[string, INodeParameters, RegExp]> = [
		['no button', { buttons: {} }, /^Buttons has 0; a message takes 1 to 3/],
		['a button title of 21 characters', { buttons: { button: [{ title: 't'.repeat(21) }] } }, /^Button 1 Title is 21 characters long; the limit is 20/],
		['a button without a title', { buttons: { button: [{ id: 'x' }] } }, /^Button 1 Title is empty/],
		['two buttons with one title', { buttons: { button: [{ title: 'Yes' }, { title: 'Yes', id: 'y2' }] } }, /^Button Title "Yes" is used twice/],
		['two buttons with one id', { buttons: { button: [{ title: 'Yes', id: 'x' }, { title: 'No', id: 'x' }] } }, /^Button ID "x" is used twice/],
		['a button id of 257 characters', { buttons: { button: [{ title: 'Yes', id: 'i'.repeat(257) }] } }, /^Button 1 ID is 257 characters long; the limit is 256/],
		['an empty body', { bodyText: '={{ " " }}' }, /^Body Text is empty/],
		['a body of 1025 characters', { bodyText: 'b'.repeat(1025) }, /^Body Text is 1025 characters long; the limit is 1024/],
		['a header of 61 characters', { headerText: 'h'.repeat(61) }, /^Header Text is 61 characters long; the limit is 60/],
		['a footer of 61 characters', { footerText: 'f'.repeat(61) }, /^Footer Text is 61 characters long; the limit is 60/],
		['a phone of 16 digits', { phone: '4915123456789012' }, /has 16 digits/],
	];
	const listLimits: Array<[string, INodeParameters, RegExp]> = [
		['a list button text of 21 characters', { listButtonText: 'l'.repeat(21) }, /^List Button Text is 21 characters long; the limit is 20/],
		['no rows', { rows: {} }, /^List Rows has 0; a message takes 1 to 10/],
		['eleven rows', { rows: rows(11) }, /^List Rows has 11; a message takes 1 to 10/],
		['a row title of 25 characters', { rows: rows(1, () => ({ title: 'r'.repeat(25) })) }, /^Row 1 Title is 25 characters long; the limit is 24/],
		['a row description of 73 characters', { rows: rows(1, () => ({ title: 'A', description: 'd'.repeat(73) })) }, /^Row 1 Description is 73 characters long; the limit is 72/],
		['a row id of 201 characters', { rows: rows(1, () => ({ title: 'A', id: 'i'.repeat(201) })) }, /^Row 1 ID is 201 characters long; the limit is 200/],
		['a section title of 25 characters', { rows: rows(1, () => ({ title: 'A', section: 's'.repeat(25) })) }, /^Row 1 Section Title is 25 characters long; the limit is 24/],
		['two sections, one untitled', { rows: { row: [{ title: 'A', section: 'S' }, { title: 'B' }] } }, /^List Rows form several sections, and a row has no Section Title/],
		['two rows with one id', { rows: { row: [{ title: 'A', id: 'x' }, { title: 'B', id: 'x' }] } }, /^Row ID "x" is used twice/],
	];
	it.each([...limits.map(([n, p, m]): [string, INodeParameters, RegExp] => [n, { ...BUTTONS, ...p }, m]), ...(api === 'v2' ? listLimits.map(([n, p, m]): [string, INodeParameters, RegExp] => [`list: ${n}`, { ...LIST, ...p }, m]) : [])])(
		'%s: refused naming the field, zero requests',
		async (_name, params, message) => {
			const result = await product.send(params);
			expect(result.error).toBeInstanceOf(NodeOperationError);
			expect(result.error!.message).toMatch(message);
			expect(result.error!.description).toMatch(/Nothing was sent for this item\./);
			expect(product.sb.requests).toHaveLength(0);
		},
	);

	it('a fourth button: n8n itself refuses the workflow (the field allows three), zero requests', async () => {
		await expect(product.send({ ...BUTTONS, buttons: { button: [{ title: 'a' }, { title: 'b' }, { title: 'c' }, { title: 'd' }] } })).rejects.toThrow(/At most 3 fields are allowed/);
		expect(product.sb.requests).toHaveLength(0);
	});

	it('every limit exactly met goes out', async () => {
		const params = {
			...BUTTONS,
			bodyText: 'b'.repeat(1024),
			headerText: 'h'.repeat(60),
			footerText: 'f'.repeat(60),
			buttons: { button: ['a', 'b', 'c'].map((c) => ({ title: c.repeat(20), id: c.repeat(256) })) },
		};
		const sent = [await product.send(params)];
		if (api === 'v2') sent.push(await product.send({ ...LIST, listButtonText: 'l'.repeat(20), rows: rows(10, (i) => ({ section: `${i % 2}`.repeat(24), title: `${i}`.repeat(24).slice(0, 24), description: 'd'.repeat(72), id: `${i}`.padEnd(200, 'x') })) }));
		expect(sent.map((r) => r.error)).toEqual(sent.map(() => undefined));
		expect(product.sb.freeForm).toHaveLength(sent.length);
	});
});
