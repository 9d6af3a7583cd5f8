/**
 * The contact routes' refusals, word for word, and the answers at the edges of each rule (the
 * survivors of the `platform` mutation area, docs/mutation-testing.md): a fix is what the user acts
 * on, so each is checked whole; a status code alone, or a sentence alone, must not pick a rule.
 * Bodies are written here from CONTRACT.md and CONTRACT-v2.md, never from the node.
 */
import { v1, v2, type ContactContext } from '../../nodes/WhatsAppTemplates/shared/platform';
import { sendErrorOf } from '../../nodes/WhatsAppTemplates/shared/platform/v1/answers';

const explainV1 = (statusCode: number, body: unknown, context: ContactContext = {}) => v1.contacts.explain({ statusCode, headers: {}, body }, context);
const explainV2 = (statusCode: number, body: unknown, context: ContactContext = {}) => v2.contacts.explain({ statusCode, headers: {}, body }, context);
const v1Error = (message: string, extra: Record<string, unknown> = {}) => ({ status: 'error', message, ...extra });
const v2Error = (code: string, message: string, details?: unknown) => ({ success: false, error: { code, message, ...(details === undefined ? {} : { details }) }, meta: { request_id: 'req-9' } });
const refused = (field: string, message: string) => v2Error('VALIDATION_ERROR', 'Validation failed', { [field]: [message] });

describe('the fixes, whole', () => {
	it.each([
		['status', 'status_id', 'Pick the status from the list, or use Status → Get Many to find its ID.'],
		['source', 'source_id', 'Pick the source from the list, or use Source → Get Many to find its ID.'],
		['group', 'groups.0', 'Pick the group from the list, or use Group → Get Many to find its ID.'],
	])('an unknown %s', (_kind, field, fix) => {
		expect(explainV2(422, refused(field, 'The selected value is invalid.')).advice).toBe(fix);
	});

	test('a taken e-mail, a missing contact, a group in use, a contact in use, a full quota', () => {
		expect(explainV2(422, refused('email', 'The email has already been taken.')).advice).toBe('Give another e-mail address, or update the contact that has it (find it with Get Many, Search).');
		expect(explainV1(404, v1Error('contact_not_found'), { contactId: 5 }).advice).toBe("Check the ID: it is the platform's, as Get Many and Create output it.");
		expect(explainV1(404, v1Error('contact_not_found')).message).toBe('No contact with ID ? exists in this workspace');
		expect(explainV1(400, v1Error('group_in_use_notify'), { listKind: 'groups' }).advice).toBe('Move its contacts elsewhere first.');
		expect(explainV2(409, v2Error('RESOURCE_CONFLICT', 'In use.')).advice).toBe('Look at the contact in the platform (an open conversation or campaign may hold it), then run the node again.');
		expect(explainV2(403, v2Error('FEATURE_LIMIT_EXCEEDED', 'Contact limit reached.')).advice).toBe("Delete contacts the workspace no longer needs, or upgrade the workspace's plan.");
	});

	test("any other answer in a contact's words: the request, not the message; Requests In Flight, not Messages", () => {
		expect(explainV2(502, '<html>Bad Gateway</html>').message).toBe('The platform failed while handling the request (HTTP 502, not JSON: perhaps a proxy in front of it)');
		expect(explainV2(404, v2Error('NOT_FOUND', 'Source not found.'), { listKind: 'sources' }).message).toBe('The source was not found in this workspace');
		const limited = explainV1(429, { message: 'Too many requests', retry_after: 5 });
		expect(limited.message).toBe('The platform rate-limited the request');
		expect(limited.advice).toBe('Run again later, or lower "Requests In Flight" under Options.');
	});
});

describe('API v1: each rule needs its status and its sentence', () => {
	test('field errors count only on a 422', () => {
		expect(explainV1(400, v1Error('validation_failed', { errors: { phone: ['The phone has already been taken.'] } })).message).not.toMatch(/already belongs/);
		expect(explainV1(422, v1Error('validation_failed')).message).not.toMatch(/already belongs/);
	});

	test('"not found" only on a 404, "in use" only on a 400, an ability only on a 403', () => {
		expect(explainV1(400, v1Error('contact_not_found'), { contactId: 5 }).message).not.toMatch(/^No contact with ID/);
		expect(explainV1(404, v1Error('something else'), { contactId: 5 }).message).not.toMatch(/^No contact with ID/);
		expect(explainV1(409, v1Error('group_in_use_notify'), { listKind: 'groups' }).message).not.toMatch(/in use/);
		expect(explainV1(400, v1Error('contacts_list_failed'), { listKind: 'groups' }).message).not.toMatch(/in use/);
		expect(explainV1(401, v1Error('Token does not have the required ability: contacts.update')).message).not.toMatch(/lacks the ability/);
	});

	test("the platform's own bugs only on a 500", () => {
		expect(explainV1(503, v1Error('failed_to_fetch_contact', { error: 'x' })).message).not.toMatch(/1\.3\.x-1\.5\.x/);
		expect(explainV1(502, v1Error('failed_to_update_contact', { error: 'Add fillable property [assignee] to allow mass assignment' })).message).not.toMatch(/default assignee/);
	});

	test('a failure from 500 up says what the platform said, cut at 200 characters; below 500 it is no failure', () => {
		const long = 'x'.repeat(300);
		const failed = explainV1(503, v1Error('failed_to_create_contact', { error: long }));
		expect(failed.message).toBe(`The platform failed while handling the request (HTTP 503: ${'x'.repeat(200)})`);
		expect(failed.delivery).toBe('unknown');
		expect(explainV1(500, v1Error('failed_to_create_contact')).message).toBe('The platform failed while handling the request (HTTP 500)');
		expect(explainV1(499, v1Error('odd')).message).not.toMatch(/failed while handling/);
	});

	test("a contact route's 500 is never read as WhatsApp's refusal of a message, whatever its error text holds", () => {
		const failed = explainV1(500, v1Error('failed_to_update_contact', { error: '(#131030) Recipient phone number not in allowed list' }));
		expect(failed).toMatchObject({ message: 'The platform failed while handling the request (HTTP 500: (#131030) Recipient phone number not in allowed list)', delivery: 'unknown' });
	});

	test("what the platform said is kept beside the node's words, when it said something", () => {
		expect(explainV1(404, v1Error('contact_not_found'), { contactId: 5 }).said).toBe('contact_not_found');
		expect(explainV1(404, v1Error(''), { contactId: 5 }).said).toBeUndefined();
		expect(explainV1(404, { status: 'error', message: 7 }, { contactId: 5 }).said).toBeUndefined();
	});
});

describe('API v2: the edges', () => {
	test('a validation error without details is spelled as any other refusal', () => {
		expect(explainV2(422, v2Error('VALIDATION_ERROR', 'Validation failed')).message).not.toMatch(/does not exist|already belongs/);
	});

	test('a group refusal is named whichever of the fields carries it', () => {
		expect(explainV2(422, v2Error('VALIDATION_ERROR', 'Validation failed', { zip: ['Too long.'], 'groups.2': ['The selected groups.2 is invalid.'] })).message).toBe(
			'The group given does not exist in this workspace',
		);
	});

	test('the quota counts only when the platform gives both', () => {
		expect(explainV2(403, v2Error('FEATURE_LIMIT_EXCEEDED', 'Contact limit reached.', { current: 50 })).message).toBe("The workspace's contact quota is full");
		expect(explainV2(403, v2Error('FEATURE_LIMIT_EXCEEDED', 'Contact limit reached.', { maximum: 50 })).message).toBe("The workspace's contact quota is full");
	});

	test('a missing scope named in the details alone', () => {
		expect(explainV2(403, v2Error('INSUFFICIENT_SCOPE', 'Insufficient permissions.', { required: 'groups:write' })).message).toBe('The API token lacks the scope groups:write');
	});

	test('INTERNAL_ERROR is a failure of unknown outcome; an unknown code is explained as the sends explain it', () => {
		expect(explainV2(500, v2Error('INTERNAL_ERROR', 'Something went wrong.'))).toMatchObject({ message: 'The platform failed while handling the request (HTTP 500: INTERNAL_ERROR)', delivery: 'unknown' });
		expect(explainV2(400, v2Error('SOMETHING_NEW', 'New.')).message).not.toMatch(/INTERNAL_ERROR/);
	});

	test("what the platform said: the envelope's message, else the body's own", () => {
		expect(explainV2(404, v2Error('NOT_FOUND', 'Contact not found.'), { contactId: 7 }).said).toBe('Contact not found.');
		expect(explainV2(500, { message: 'Server Error' }).said).toBe('Server Error');
	});

	test('a refused batch item: every field and message spelled, or that none was given', () => {
		expect(v2.contacts.explainBatchItem!({ zip: ['Too long.', 'Letters.'], city: ['Required.'] }, {})).toEqual({
			message: 'The platform refused the contact: zip: Too long. Letters.; city: Required.',
			advice: 'Fix the values named above and run the node again.',
			delivery: 'not sent',
		});
		expect(v2.contacts.explainBatchItem!(undefined, {}).message).toBe('The platform refused the contact: no reason given');
	});
});

describe("API v1: WhatsApp's refusal inside a messages route's 500", () => {
	test('an empty error says nothing', () => {
		expect(sendErrorOf({ error: '' })).toBeUndefined();
	});

	test("WhatsApp's message when it gives one, else the whole text", () => {
		expect(sendErrorOf({ error: JSON.stringify({ error: { message: '(#131047) Re-engagement message', code: 131047 } }) })).toEqual({ text: '(#131047) Re-engagement message', code: '131047' });
		const silent = JSON.stringify({ error: { message: '', code: 131026 } });
		expect(sendErrorOf({ error: silent })).toEqual({ text: silent, code: '131026' });
	});
});
