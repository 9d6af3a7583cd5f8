/**
 * Unique upload names through n8n's real engine (CONTRACT.md "Uploads must have unique names"):
 * the platform stores each upload publicly as `template_header_<unix second>_<slug>.<ext>`, so
 * two sends of `invoice.pdf` in the same second would overwrite each other and one recipient could
 * get another's document. The node uploads every file under its own unique name, with an
 * extension every platform version accepts.
 */
import type { IBinaryData } from 'n8n-workflow';

import { storeBinary } from '../engine/harness';
import { jsonOut, startProduct, type Product } from '../product/setup';
import { PATHS, WIRE, readSendData } from '../support/wire';
import { sendsOf } from './sends';

let product: Product;
beforeAll(async () => {
	product = await startProduct('filesystem');
});
afterAll(async () => await product.close());
beforeEach(() => {
	product.sb.reset();
	product.sb.configure({ latencyMs: 0, acceptJpg: true });
});

const document = { templateName: 'invoice_ready', headerType: 'document', mediaSource: 'binary', binaryPropertyName: 'file', bodyVariables: { var1: '={{ $json.n }}' } };
const phone = (i: number) => `4915100000${String(i).padStart(3, '0')}`;

describe('control: the sandbox does count an overwritten upload', () => {
	it('two raw sends of invoice.pdf in the same second store under one name', async () => {
		const send = async (to: string) => {
			const form = new FormData();
			for (const [name, value] of Object.entries({ [WIRE.phone]: to, [WIRE.templateName]: 'invoice_ready', [WIRE.templateLanguage]: 'en', [WIRE.body(1)]: 'A-1' })) form.append(name, value);
			form.append(WIRE.mediaFile('document'), new Blob([Buffer.from('%PDF-1.4')], { type: 'application/pdf' }), 'invoice.pdf');
			const response = await fetch(`${product.sb.baseUrl}${PATHS.sendTemplate(product.sb.subdomain)}`, {
				method: 'POST',
				headers: { Authorization: `Bearer ${product.sb.tokens.send}`, Accept: 'application/json' },
				body: form,
			});
			expect(response.status).toBe(200);
		};
		// Retry until both land in one second (a second boundary between them is possible, not likely).
		for (let attempt = 0; attempt < 5 && product.sb.stats.overwrittenUploads === 0; attempt++) {
			product.sb.reset();
			await Promise.all([send(phone(1)), send(phone(2))]);
		}
		expect(product.sb.stats.overwrittenUploads).toBe(1);
		expect(product.sb.messages[0].storedFileName).toBe(product.sb.messages[1].storedFileName);
	});
});

describe('30 items, the same invoice.pdf, 10 in flight', () => {
	let invoice: IBinaryData;
	beforeAll(async () => {
		invoice = await storeBinary({ size: 20_000 }, { fileName: 'invoice.pdf', mimeType: 'application/pdf' });
	});

	it('nothing is overwritten: 30 different upload names, 30 different stored files', async () => {
		product.sb.configure({ latencyMs: 30 });
		const items = Array.from({ length: 30 }, (_, i) => ({ json: { phone: phone(i), n: `A-${i}` }, binary: { file: invoice } }));
		const result = await product.send({ ...document, phone: '={{ $json.phone }}', options: { concurrency: 10 } }, { items });
		expect(result.error).toBeUndefined();
		// The sends really overlapped, and within few seconds: colliding names would have collided.
		expect(product.sb.stats.maxInFlight).toBeGreaterThan(1);
		const sends = sendsOf(product.sb);
		expect(sends).toHaveLength(30);
		expect(sends.every((r) => r.status === 200)).toBe(true);

		expect(product.sb.stats.overwrittenUploads).toBe(0);
		const stored = product.sb.messages.map((m) => m.storedFileName);
		expect(new Set(stored).size).toBe(30);
		const uploaded = sends.map((r) => r.files[0].filename);
		expect(new Set(uploaded).size).toBe(30);
		for (const name of uploaded) expect(name).toMatch(/^invoice-\d+-[0-9a-f]{12}\.pdf$/);
		// Each item's upload name carries its own index; the recipient's name stays invoice.pdf.
		for (const r of sends) {
			const index = Number(r.fields![WIRE.phone].slice(-3)); // phone(i) ends in i
			expect(r.files[0].filename.startsWith(`invoice-${index}-`)).toBe(true);
			expect(r.fields![WIRE.documentName]).toBe('invoice.pdf');
		}
		// The outputs tell each item where its own file went.
		const out = jsonOut(result);
		const storedInfo = out.map((o) => readSendData(o.data).mediaInfo!.fileName);
		expect(new Set(storedInfo).size).toBe(30);
		expect(new Set(storedInfo)).toEqual(new Set(stored));
	});
});

describe('the extension the platform accepts', () => {
	it('a file without an extension (invoice, application/pdf) goes up as .pdf', async () => {
		const binary = await storeBinary(Buffer.from('%PDF-1.4 no extension'), { fileName: 'invoice', mimeType: 'application/pdf' });
		const result = await product.send(document, { items: [{ json: { n: 'A-1' }, binary: { file: binary } }] });
		expect(result.error).toBeUndefined();
		const [send] = sendsOf(product.sb);
		expect(send.status).toBe(200);
		expect(send.files[0].filename).toMatch(/^invoice-0-[0-9a-f]{12}\.pdf$/);
		expect(product.sb.messages[0].storedFileName).toMatch(/\.pdf$/);
		expect(send.fields![WIRE.documentName]).toBe('invoice');
	});

	it('photo.jpg (image/jpeg) goes up as .jpeg, which platforms before 2.2.0 accept too', async () => {
		product.sb.configure({ acceptJpg: false });
		const binary = await storeBinary(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), { fileName: 'photo.jpg', mimeType: 'image/jpeg' });
		const result = await product.send(
			{ templateName: 'product_photo', headerType: 'image', mediaSource: 'binary', binaryPropertyName: 'file', bodyVariables: { var1: 'Lamp' } },
			{ items: [{ json: {}, binary: { file: binary } }] },
		);
		expect(result.error).toBeUndefined();
		const [send] = sendsOf(product.sb);
		expect(send.status).toBe(200);
		expect(send.files[0].filename).toMatch(/^photo-0-[0-9a-f]{12}\.jpeg$/);
	});
});
