/**
 * Property tests.
 * (a) Random field values and file sizes, sent as multipart through n8n's real engine and
 *     parsed by the sandbox's busboy, come back exactly: every text field, the rebuilt contact,
 *     and the file's bytes (sha256); the file part always carries the node's own unique ASCII
 *     upload name, whatever the binary was called.
 * (b) Random phone strings either normalise to 8–15 digits not starting with 0 (the digits
 *     typed, less a leading 00) or are refused with a FieldError naming Recipient Phone.
 */
import { createHash } from 'node:crypto';

import fc from 'fast-check';

import { storeBinary } from '../engine/harness';
import { jsonOut, startProduct, type Product } from '../product/setup';
import { CONTACT_KEYS as K, WIRE, wireBody } from '../support/wire';
import { FieldError } from '../../nodes/WhatsAppTemplates/shared/validation/fieldError';
import { normalisePhone } from '../../nodes/WhatsAppTemplates/shared/validation/phone';
import { sendsOf } from './sends';

const MULTIPART_RUNS = 40;
const PHONE_RUNS = 2000;

let product: Product;
beforeAll(async () => {
	product = await startProduct('filesystem');
});
afterAll(async () => await product.close());

// Any unicode code point (controls, NUL, U+2028, astral planes), without CR and LF: multipart
// text parts normalise every line break to CRLF (HTML spec, "multipart/form-data encoding
// algorithm"), so a lone CR or LF would not come back byte for byte. Not blank, neither to
// JavaScript's trim nor PHP's (the platform refuses an empty value).
const notBlank = (s: string) => s.trim() !== '' && s.replace(/^[ \t\n\r\0\x0B]+|[ \t\n\r\0\x0B]+$/g, '') !== '';
const text = (maxLength: number) => fc.string({ unit: 'binary', minLength: 1, maxLength }).filter((s) => !/[\r\n]/.test(s) && notBlank(s));
// Template variables: also no tab and no run of 5 spaces, which Clean Variable Values (on by
// default) would change, and not "0", which the node refuses (the platform would blank it).
const variable = text(40).filter((s) => !/\t| {5}/.test(s) && s.trim() !== '0');
// Contact values are trimmed by the node: generate them trimmed, so that they come back as given.
const trimmed = (maxLength: number) => text(maxLength).filter((s) => s === s.trim());
// The binary's own name: never on the wire as a part header (the upload name is the node's).
const binaryName = fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).filter((s) => !/[\r\n\\/]/.test(s) && s.trim() !== '');

const message = fc.record({
	bodyVariables: fc.array(variable, { minLength: 1, maxLength: 2 }),
	contact: fc.record(
		{
			[K.firstName]: trimmed(60),
			[K.lastName]: trimmed(60),
			[K.country]: trimmed(40),
			[K.groups]: fc.array(trimmed(15).filter((g) => !g.includes(',')), { minLength: 1, maxLength: 3 }).map((g) => g.join(',')),
			[K.email]: fc.emailAddress().filter((e) => e.length <= 191),
			[K.assignedId]: fc.nat().map(String),
		},
		{ requiredKeys: [] },
	),
	documentFilename: text(60),
	binaryName,
	size: fc.integer({ min: 1, max: 200 * 1024 }),
	pattern: fc.uint8Array({ minLength: 1, maxLength: 17 }),
});

// A template with a document header for each number of body variables.
const TEMPLATE_BY_VARIABLES = ['', 'invoice_ready', 'contract_copy'];

describe('multipart round trip through the engine and busboy', () => {
	it(`${MULTIPART_RUNS} runs: random unicode fields and 1 B..200 KB files arrive exactly`, async () => {
		await fc.assert(
			fc.asyncProperty(message, async (m) => {
				product.sb.reset();
				const bytes = Buffer.alloc(m.size, Buffer.from(m.pattern));
				const binary = await storeBinary(bytes, { fileName: m.binaryName, mimeType: 'application/pdf' });
				const template = TEMPLATE_BY_VARIABLES[m.bodyVariables.length];
				const vars = Object.fromEntries(m.bodyVariables.map((v, i) => [`v${i + 1}`, v]));
				// Values come from the item through expressions, as in a workflow (a typed value starting with = would be one).
				const result = await product.send(
					{
						phone: '+49 151 9999999',
						templateName: template,
						headerType: 'document',
						mediaSource: 'binary',
						binaryPropertyName: 'file',
						documentFilename: '={{ $json.filename }}',
						bodyVariables: Object.fromEntries(m.bodyVariables.map((_, i) => [`var${i + 1}`, `={{ $json.v${i + 1} }}`])),
						additionalFields: { contact: '={{ $json.contact }}' },
					},
					{ items: [{ json: { filename: m.documentFilename, contact: m.contact, ...vars }, binary: { file: binary } }] },
				);
				const sends = sendsOf(product.sb);
				expect(sends).toHaveLength(1);
				const [request] = sends;
				expect(request.contentType).toMatch(/^multipart\/form-data; boundary=/);
				const contact = Object.keys(m.contact).length ? (m.contact as Record<string, string>) : undefined;
				expect(request.fields).toEqual(
					wireBody({ phone: '491519999999', template, language: 'en', documentName: m.documentFilename, body: m.bodyVariables, contact }),
				);
				expect(request.files).toEqual([
					{ field: WIRE.mediaFile('document'), filename: expect.stringMatching(/^[a-z0-9-]+-0-[0-9a-f]{12}\.pdf$/), mimeType: 'application/pdf', size: m.size, sha256: createHash('sha256').update(bytes).digest('hex') },
				]);
				expect(request.status).toBe(200);
				expect(jsonOut(result)[0]).toMatchObject({ status: 'success', messageId: product.sb.messages[0].wamid });
			}),
			{ numRuns: MULTIPART_RUNS },
		);
	});
});

/** Phone refusals must be FieldErrors naming the field as the UI labels it. */
function outcome(typed: string): { digits: string } | { refused: string } {
	try {
		return { digits: normalisePhone(typed) };
	} catch (error) {
		expect(error).toBeInstanceOf(FieldError);
		expect((error as FieldError).field).toBe('Recipient Phone');
		expect((error as FieldError).message).toMatch(/^Recipient Phone /);
		expect((error as FieldError).fix).not.toBe('');
		return { refused: (error as FieldError).message };
	}
}

const ascii = (s: string) => s.replace(/[^0-9]/g, '');

describe('phone normalisation', () => {
	it(`${PHONE_RUNS} runs: any string is accepted as 8–15 digits without a leading 0 (only digits typed), or refused naming Recipient Phone`, () => {
		fc.assert(
			fc.property(fc.string(), (typed) => {
				const result = outcome(typed);
				if ('digits' in result) {
					expect(result.digits).toMatch(/^[1-9][0-9]{7,14}$/);
					const typedDigits = ascii(typed);
					expect([result.digits, `00${result.digits}`]).toContain(typedDigits);
				}
			}),
			{ numRuns: PHONE_RUNS },
		);
	});

	// Plausible phone strings: a prefix (+, 00 or none), digits in groups, separators people type.
	const separator = fc.constantFrom('', ' ', '  ', '-', ' - ', '.', '(', ')', '\u00a0');
	const plausible = fc
		.record({
			prefix: fc.constantFrom('', '+', '00'),
			groups: fc.array(fc.stringMatching(/^[0-9]{1,5}$/), { minLength: 1, maxLength: 6 }),
			separators: fc.array(separator, { minLength: 8, maxLength: 8 }),
			stray: fc.option(fc.constantFrom('x', '/', '#', 'ext', '٣', '+'), { nil: undefined, freq: 8 }),
		})
		.map(({ prefix, groups, separators, stray }) => {
			const tokens = [prefix, ...groups];
			const typed = tokens.map((t, i) => `${separators[i]}${t}`).join('') + separators[7] + (stray ?? '');
			const digits = groups.join('');
			// What CONTRACT.md says is left: one leading + or 00 removed (none typed: a leading 00 of the digits).
			const left = prefix === '' && digits.startsWith('00') ? digits.slice(2) : digits;
			const valid = stray === undefined && left.length >= 8 && left.length <= 15 && !left.startsWith('0');
			return { typed, left, valid };
		});

	it(`${PHONE_RUNS} runs: plausible phone strings (+, 00, spaces, dashes, dots, brackets) give exactly the digits, or are refused when invalid`, () => {
		fc.assert(
			fc.property(plausible, ({ typed, left, valid }) => {
				const result = outcome(typed);
				if (valid) expect(result).toEqual({ digits: left });
				else expect(result).toEqual({ refused: expect.stringMatching(/not a digit|no country code|digits; a number with country code has 8 to 15|is empty/) });
			}),
			{ numRuns: PHONE_RUNS },
		);
	});
});
