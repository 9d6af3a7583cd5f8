/**
 * Property tests.
 * (a) Random field values and file sizes, sent as multipart through n8n's real engine and
 *     parsed by the sandbox's busboy, come back exactly: every text field, the rebuilt contact,
 *     and the file's bytes (sha256).
 * (b) Random phone strings either normalise to 8–15 digits not starting with 0 (the digits
 *     typed, less a leading 00) or are refused with a FieldError naming Recipient Phone.
 */
import { createHash } from 'node:crypto';

import fc from 'fast-check';

import { storeBinary } from '../engine/harness';
import { jsonOut, startProduct, type Product } from '../product/setup';
import { FieldError } from '../../nodes/WhatsAppTemplates/validate/fieldError';
import { normalisePhone } from '../../nodes/WhatsAppTemplates/validate/phone';

const MULTIPART_RUNS = 40;
const PHONE_RUNS = 2000;

let product: Product;
beforeAll(async () => {
	product = await startProduct('filesystem');
});
afterAll(async () => await product.close());

// Any unicode code point (controls, NUL, U+2028, astral planes), without CR and LF: multipart
// text parts normalise every line break to CRLF (HTML spec, "multipart/form-data encoding
// algorithm"), so a lone CR or LF would not come back byte for byte; and variable values with
// line breaks are cleaned before sending anyway (Clean Variable Values).
const text = (maxLength: number) => fc.string({ unit: 'binary', minLength: 1, maxLength }).filter((s) => !/[\r\n]/.test(s));
// Template variables: also no tab and no run of 5 spaces, which Clean Variable Values (on by default) would change.
const variable = text(40).filter((s) => !/\t| {5}/.test(s));
// The file part's own filename: " and control characters are escaped as %XX in the part header
// (" by the HTML spec's encoder, the rest by the node, else parsers refuse the whole body), and
// busboy, like PHP, keeps only what follows the last / or \. The name the recipient sees travels
// whole as the header_document_filename text part.
const partFilename = fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).filter((s) => !/[\r\n\\/]/.test(s));
const escapedInPartHeader = (s: string) =>
	s.replace(/"/g, '%22').replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
const key = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/).map((k) => `k_${k}`);

const message = fc.record({
	bodyVariables: fc.array(variable, { minLength: 0, maxLength: 10 }),
	contact: fc.record({
		plain: fc.dictionary(key, text(40), { minKeys: 1, maxKeys: 4 }),
		customFields: fc.option(fc.dictionary(key, text(20), { minKeys: 1, maxKeys: 3 }), { nil: undefined }),
		groups: fc.option(fc.array(text(20), { minLength: 1, maxLength: 3 }), { nil: undefined }),
	}),
	documentFilename: text(60),
	partFilename,
	size: fc.integer({ min: 0, max: 200 * 1024 }),
	pattern: fc.uint8Array({ minLength: 1, maxLength: 17 }),
});

describe('multipart round trip through the engine and busboy', () => {
	it(`${MULTIPART_RUNS} runs: random unicode fields and 0..200 KB files arrive exactly`, async () => {
		await fc.assert(
			fc.asyncProperty(message, async (m) => {
				product.sb.reset();
				const bytes = Buffer.alloc(m.size, Buffer.from(m.pattern));
				const binary = await storeBinary(bytes, { fileName: m.partFilename, mimeType: 'application/pdf' });
				const contact = {
					...m.contact.plain,
					...(m.contact.customFields ? { custom_fields: m.contact.customFields } : {}),
					...(m.contact.groups ? { groups: m.contact.groups } : {}),
				};
				const vars = Object.fromEntries(m.bodyVariables.map((v, i) => [`v${i + 1}`, v]));
				// Values come from the item through expressions, as in a workflow (a typed value starting with = would be one).
				const result = await product.send(
					{
						templateName: 'order_shipped_media',
						headerType: 'document',
						mediaSource: 'binary',
						binaryPropertyName: 'file',
						documentFilename: '={{ $json.filename }}',
						bodyVariables: Object.fromEntries(m.bodyVariables.map((_, i) => [`var${i + 1}`, `={{ $json.v${i + 1} }}`])),
						additionalFields: { contact: '={{ $json.contact }}' },
					},
					{ items: [{ json: { filename: m.documentFilename, contact, ...vars }, binary: { file: binary } }] },
				);
				expect(product.sb.requests).toHaveLength(1);
				const [request] = product.sb.requests;
				expect(request.contentType).toMatch(/^multipart\/form-data; boundary=/);
				expect(request.fields).toEqual({
					phone: '491512345678',
					template_name: 'order_shipped_media',
					template_language: 'en_US',
					header_document_filename: m.documentFilename,
					...Object.fromEntries(m.bodyVariables.map((v, i) => [`body_${i + 1}`, v])),
					contact,
				});
				expect(request.files).toEqual([
					{ field: 'header_document', filename: escapedInPartHeader(m.partFilename), mimeType: 'application/pdf', size: m.size, sha256: createHash('sha256').update(bytes).digest('hex') },
				]);
				// An empty file is the API's to refuse (422); any other is accepted.
				if (m.size === 0) {
					expect(request.status).toBe(422);
					expect(result.error!.message).toMatch(/header_document: The header document field must not be empty\./);
				} else {
					expect(request.status).toBe(200);
					expect(jsonOut(result)[0].status).toBe('success');
				}
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
