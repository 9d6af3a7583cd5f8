/**
 * The checks made before anything is sent, at their edges and in their exact words (the survivors
 * of the `input` mutation area, docs/mutation-testing.md): values from expressions as text, the
 * error an item gets, media links, stored phones, upload names, multipart part names, nested
 * fields as Laravel reads them.
 */
import { NodeOperationError, type INode } from 'n8n-workflow';

import { bracketParts } from '../../nodes/WhatsAppTemplates/shared/multipart/bracketParts';
import { StreamingMultipartBody } from '../../nodes/WhatsAppTemplates/shared/multipart/multipartBody';
import { uniqueUploadName, uploadExtension } from '../../nodes/WhatsAppTemplates/shared/multipart/uploadName';
import { FieldError, asText } from '../../nodes/WhatsAppTemplates/shared/validation/fieldError';
import { inputError } from '../../nodes/WhatsAppTemplates/shared/validation/inputError';
import { checkMediaUrl } from '../../nodes/WhatsAppTemplates/shared/validation/mediaUrl';
import { phoneKey } from '../../nodes/WhatsAppTemplates/shared/validation/phone';

const refusal = (run: () => unknown): FieldError => {
	try {
		run();
	} catch (error) {
		if (error instanceof FieldError) return error;
		throw error;
	}
	throw new Error('expected a FieldError');
};

test('a FieldError says what it is in a stack trace or log line', () => {
	expect(String(new FieldError('Text', 'Text is empty', 'Write the message'))).toBe('FieldError: Text is empty');
});

describe('asText: a parameter value from an expression, as text', () => {
	it.each([
		[Number.NaN, 'NaN'],
		[Number.POSITIVE_INFINITY, 'Infinity'],
		[BigInt(10), '10'],
		[true, 'true'],
		[{ plan: 'gold' }, '{"plan":"gold"}'],
		[[1, 2], '[1,2]'],
		[null, ''],
	])('%p → %j', (value, text) => {
		expect(asText(value)).toBe(text);
	});
});

describe('inputError: the error an item gets before anything is sent', () => {
	const node = { name: 'WhatsApp Templates', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} } as unknown as INode;

	test('a FieldError: the field in the message, the item at its end, the fix without its full stop, then what was not done', () => {
		const error = inputError(node, 4, new FieldError('Text', 'Text is empty', 'Write the message.'), 'sent');
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Text is empty [item 4]');
		expect(error.description).toBe('Write the message. Nothing was sent for this item.');
		expect(error.context.itemIndex).toBe(4);
	});

	test('any other error keeps its own message, and the item it belongs to', () => {
		const error = inputError(node, 3, new Error('the binary data service is down'));
		expect(error.message).toBe('the binary data service is down');
		expect(error.description).toBeFalsy();
		expect(error.context.itemIndex).toBe(3);
	});
});

describe('checkMediaUrl', () => {
	it.each([
		['https://cdn.example.com/invoice.pdf', 'document', 'header'],
		['http://cdn.example.com/invoice.pdf', 'document', 'message'],
		['https://cdn.example.com/download', 'document', 'header'],
	] as const)('%s (%s %s) goes as given', (url, kind, use) => {
		expect(checkMediaUrl(kind, url, use)).toBe(url);
	});

	test('empty: an example of a link in the fix', () => {
		expect(refusal(() => checkMediaUrl('document', '  ', 'header')).fix).toBe('Fill in Media URL, e.g. https://example.com/file.pdf');
	});

	test('a wrong extension: the kind with its article, the accepted extensions in the fix', () => {
		const error = refusal(() => checkMediaUrl('image', 'https://cdn.example.com/a.gif', 'message'));
		expect(error.message).toBe('Media URL ends in .gif, which the platform refuses for an image message (it checks the extension of the link)');
		expect(error.fix).toBe(
			'Link a file ending in .jpeg, .png, or download it first (HTTP Request node) and use Media Source "Binary File": the node then uploads it under an accepted name',
		);
		expect(refusal(() => checkMediaUrl('video', 'https://cdn.example.com/a.gif', 'header')).message).toContain('refuses for a video header');
		expect(refusal(() => checkMediaUrl('audio', 'https://cdn.example.com/a.wav', 'message')).message).toContain('refuses for an audio message');
	});
});

describe('phoneKey: a stored phone found again', () => {
	it.each([
		['+49 176 1234', '491761234'],
		['0049 176 1234', '491761234'],
		['+', undefined],
		['n/a', undefined],
		[4917612345, undefined],
	])('%p → %p', (stored, key) => {
		expect(phoneKey(stored)).toBe(key);
	});
});

describe('upload names', () => {
	test('a .jpg image goes up as .jpeg, whatever its MIME type says', () => {
		expect(uploadExtension('image', 'photo.jpg', 'application/octet-stream')).toBe('jpeg');
	});

	test('a .jpg name is no image elsewhere: a document takes its extension from the MIME type', () => {
		expect(uploadExtension('document', 'scan.jpg', 'application/pdf')).toBe('pdf');
		expect(uploadExtension('document', 'invoice.bin', 'application/pdf')).toBe('pdf');
	});

	test('the MIME type is read without its parameters, spaces and case', () => {
		expect(uploadExtension('document', 'invoice', 'Application/PDF ; name=invoice')).toBe('pdf');
	});

	test('a type the platform does not take: the accepted extensions in the fix', () => {
		expect(refusal(() => uploadExtension('video', 'clip.mov', 'video/quicktime')).fix).toBe(
			"Send a file of an accepted type (.mp4, .3gp), converted if need be, or set the binary's MIME type or file name to one of them",
		);
	});

	test('only the last extension is dropped from the name', () => {
		expect(uniqueUploadName('report.final.pdf', 'pdf', 2)).toMatch(/^report-final-2-[0-9a-f]{12}\.pdf$/);
	});
});

describe('multipart part names', () => {
	test('control characters become %XX, upper-case hex; text and line breaks stay (the encoder escapes those)', () => {
		const body = new StreamingMultipartBody();
		body.append('a\u0001b\u001bc', 'x');
		body.append('é\tz', 'y');
		expect([...body]).toEqual([
			['a%01b%1Bc', 'x'],
			['é\tz', 'y'],
		]);
	});
});

describe('bracketParts: nested values as Laravel reads them', () => {
	test('null and undefined are left out, at the top and inside', () => {
		expect(bracketParts('contact', null)).toEqual([]);
		expect(bracketParts('contact', undefined)).toEqual([]);
		expect(bracketParts('contact', { a: null, b: undefined, c: 'x' })).toEqual([['contact[c]', 'x']]);
	});
});
