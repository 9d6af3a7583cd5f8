/**
 * The contact routes' answers in the node's words on both APIs (shared/platform/v1/contactErrors.ts,
 * v2/contactErrors.ts): each row a refusal of CONTRACT.md / CONTRACT-v2.md, its words, and whether
 * anything may have been written. Bodies are written here from the contracts, never from the node.
 */
import type { Delivery } from '../../nodes/WhatsAppTemplates/shared/apiError';
import { v1, v2, type ContactContext } from '../../nodes/WhatsAppTemplates/shared/platform';

const v1Error = (message: string, extra: Record<string, unknown> = {}) => ({ status: 'error', message, ...extra });
const v2Error = (code: string, message: string, details?: unknown) => ({ success: false, error: { code, message, ...(details === undefined ? {} : { details }) }, meta: { request_id: 'req-1' } });

interface Row {
	name: string;
	status: number;
	body: unknown;
	context?: ContactContext;
	words: RegExp;
	fix?: RegExp;
	delivery: Delivery;
}

const V1: Row[] = [
	{ name: 'a taken phone on Create', status: 422, body: v1Error('validation_failed', { errors: { phone: ['The phone has already been taken.'] } }), context: { phone: '+4915' }, words: /^The phone \+4915 already belongs to another contact$/, fix: /Use Create or Update/, delivery: 'not sent' },
	{ name: 'a taken phone on Create or Update', status: 422, body: v1Error('validation_failed', { errors: { phone: ['The phone has already been taken.'] } }), context: { upsert: true }, words: /^The phone already belongs/, fix: /did not find it by phone/, delivery: 'not sent' },
	{ name: 'a taken e-mail', status: 422, body: v1Error('validation_failed', { errors: { email: ['The email has already been taken.'] } }), words: /e-mail address already belongs/, delivery: 'not sent' },
	{ name: 'no status and no auto-lead default', status: 422, body: v1Error('validation_failed', { errors: { status_id: ['status_id_is_required_configure_auto_lead_settings'] } }), words: /needs a Status, and the workspace has no default/, fix: /auto-lead/, delivery: 'not sent' },
	{ name: 'no source and no auto-lead default', status: 422, body: v1Error('validation_failed', { errors: { source_id: ['source_id_is_required_configure_auto_lead_settings'] } }), words: /needs a Source/, delivery: 'not sent' },
	{ name: 'a status of another workspace', status: 422, body: v1Error('validation_failed', { errors: { status_id: ['selected_status_does_not_belong_to_tenant'] } }), words: /^The status given does not exist/, delivery: 'not sent' },
	{ name: 'a source of another workspace', status: 422, body: v1Error('validation_failed', { errors: { source_id: ['selected_source_does_not_belong_to_tenant'] } }), words: /^The source given does not exist/, delivery: 'not sent' },
	{ name: 'a status id above 50 on PUT', status: 422, body: v1Error('validation_failed', { errors: { status_id: ['The status id field must not be greater than 50.'] } }), words: /above 50/, fix: /API v2/, delivery: 'not sent' },
	{ name: 'another field refusal, spelled out', status: 422, body: v1Error('validation_failed', { errors: { firstname: ['The firstname field is required.'] } }), words: /firstname: The firstname field is required\./, delivery: 'not sent' },
	{ name: 'no such contact', status: 404, body: v1Error('contact_not_found'), context: { contactId: 42 }, words: /^No contact with ID 42 exists/, delivery: 'not sent' },
	{ name: 'no such group', status: 404, body: v1Error('groups_not_found'), context: { listKind: 'groups' }, words: /^The group was not found/, delivery: 'not sent' },
	{ name: 'a group in use', status: 400, body: v1Error('group_in_use_notify'), context: { listKind: 'groups' }, words: /^The group is in use by contacts$/, delivery: 'not sent' },
	{ name: 'a missing ability, named', status: 403, body: v1Error('Token does not have the required ability: contacts.update'), words: /^The API token lacks the ability contacts\.update$/, fix: /contacts\.create/, delivery: 'not sent' },
	{ name: 'API access disabled', status: 403, body: v1Error('API access is disabled'), words: /refused the token/, delivery: 'not sent' },
	{ name: 'the list of 1.3.x-1.5.x', status: 500, body: v1Error('failed_to_fetch_contact', { error: 'SQLSTATE[42S02]' }), words: /1\.3\.x-1\.5\.x fails on that list/, fix: /API v2/, delivery: 'not sent' },
	{ name: 'the default assignee', status: 500, body: v1Error('failed_to_update_contact', { error: 'Add fillable property [assignee] to allow mass assignment' }), words: /default assignee/, fix: /Remove the default assignee/, delivery: 'not sent' },
	{ name: 'any other 500', status: 500, body: v1Error('failed_to_create_contact', { error: 'SQLSTATE[HY000]' }), words: /failed while handling the request \(HTTP 500: SQLSTATE/, delivery: 'unknown' },
	{ name: 'a 429', status: 429, body: { message: 'Too many requests', retry_after: 5 }, words: /rate-limited the request/, delivery: 'not sent' },
	{ name: 'a bad token', status: 401, body: v1Error('Invalid API token'), words: /token was refused/, delivery: 'not sent' },
];

const V2: Row[] = [
	{ name: 'a taken phone', status: 422, body: v2Error('VALIDATION_ERROR', 'Validation failed', { phone: ['The phone has already been taken.'] }), context: { phone: '+4915' }, words: /^The phone \+4915 already belongs/, delivery: 'not sent' },
	{ name: 'a taken e-mail', status: 422, body: v2Error('VALIDATION_ERROR', 'Validation failed', { email: ['The email has already been taken.'] }), words: /e-mail address already belongs/, delivery: 'not sent' },
	{ name: 'a status required', status: 422, body: v2Error('VALIDATION_ERROR', 'Validation failed', { status_id: ['The status id field is required.'] }), words: /^API v2 creates a contact only with a Status$/, fix: /^Pick Status and Source .*does not use the workspace's auto-lead defaults\.$/, delivery: 'not sent' },
	{ name: 'a source required', status: 422, body: v2Error('VALIDATION_ERROR', 'Validation failed', { source_id: ['The source id field is required.'] }), words: /^API v2 creates a contact only with a Source$/, fix: /^Pick Status and Source /, delivery: 'not sent' },
	{ name: 'an unknown status', status: 422, body: v2Error('VALIDATION_ERROR', 'Validation failed', { status_id: ['The selected status id is invalid.'] }), words: /^The status given does not exist/, delivery: 'not sent' },
	{ name: 'an unknown source', status: 422, body: v2Error('VALIDATION_ERROR', 'Validation failed', { source_id: ['The selected source id is invalid.'] }), words: /^The source given does not exist/, delivery: 'not sent' },
	{ name: 'an unknown group', status: 422, body: v2Error('VALIDATION_ERROR', 'Validation failed', { 'groups.1': ['The selected groups.1 is invalid.'] }), words: /^The group given does not exist/, delivery: 'not sent' },
	{ name: 'another field refusal', status: 422, body: v2Error('VALIDATION_ERROR', 'Validation failed', { zip: ['The zip may not be greater than 20 characters.'] }), words: /zip: The zip may not be greater/, delivery: 'not sent' },
	{ name: 'no such contact', status: 404, body: v2Error('NOT_FOUND', 'Contact not found.'), context: { contactId: 7 }, words: /^No contact with ID 7 exists/, delivery: 'not sent' },
	{ name: 'a status in use', status: 409, body: v2Error('RESOURCE_CONFLICT', 'Cannot delete status that is in use by contacts.'), context: { listKind: 'statuses' }, words: /^The status is in use by contacts$/, delivery: 'not sent' },
	{ name: 'a contact in use', status: 409, body: v2Error('RESOURCE_CONFLICT', 'In use.'), words: /^The contact is in use/, delivery: 'not sent' },
	{ name: 'a missing scope, named', status: 403, body: v2Error('INSUFFICIENT_SCOPE', 'Insufficient permissions. Required scope: contacts:write'), words: /^The API token lacks the scope contacts:write$/, fix: /contacts:delete/, delivery: 'not sent' },
	{ name: 'a missing scope, unnamed', status: 403, body: v2Error('INSUFFICIENT_SCOPE', 'Insufficient permissions.'), words: /lacks the scope this request needs/, delivery: 'not sent' },
	{ name: 'the quota full, with counts', status: 403, body: v2Error('FEATURE_LIMIT_EXCEEDED', 'Contact limit reached.', { feature: 'contacts', current: 50, maximum: 50 }), words: /^The workspace's contact quota is full \(50 of 50\)$/, delivery: 'not sent' },
	{ name: 'the quota full, without counts', status: 403, body: v2Error('FEATURE_LIMIT_EXCEEDED', 'Contact limit reached.'), words: /^The workspace's contact quota is full$/, delivery: 'not sent' },
	{ name: 'INTERNAL_ERROR', status: 500, body: v2Error('INTERNAL_ERROR', 'Something went wrong.'), words: /failed while handling the request \(HTTP 500: INTERNAL_ERROR\)/, delivery: 'unknown' },
	{ name: 'a crash outside the envelope', status: 500, body: { message: 'Server Error' }, words: /failed while handling the request/, delivery: 'unknown' },
	{ name: 'a revoked token', status: 401, body: v2Error('TOKEN_REVOKED', 'API token has been revoked.'), words: /revoked/, delivery: 'not sent' },
];

describe.each([
	['v1', v1, V1],
	['v2', v2, V2],
] as const)('contact refusals on API %s', (_api, platform, rows) => {
	it.each(rows)('$name', (row) => {
		const explained = platform.contacts.explain({ statusCode: row.status, headers: {}, body: row.body }, row.context ?? {});
		expect(explained.message).toMatch(row.words);
		if (row.fix) expect(explained.advice).toMatch(row.fix);
		expect(explained.delivery).toBe(row.delivery);
	});
});

describe('a refused item of a v2 batch', () => {
	it('is named as a single create would be, or spelled out', () => {
		expect(v2.contacts.explainBatchItem!({ status_id: ['The selected status id is invalid.'] }, {}).message).toBe('The status given does not exist in this workspace');
		expect(v2.contacts.explainBatchItem!({ zip: ['Too long.'] }, {}).message).toBe('The platform refused the contact: zip: Too long.');
		expect(v2.contacts.explainBatchItem!('Contact with this phone number already exists', {})).toMatchObject({ message: 'The platform refused the contact: Contact with this phone number already exists', delivery: 'not sent' });
	});
});
