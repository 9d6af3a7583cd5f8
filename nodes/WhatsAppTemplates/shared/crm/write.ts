import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import type { MappedError } from '../apiError';
import type { ListFailure } from '../pagedList';
import { mayHaveArrived, type ApiResponse } from '../transport';
import { FieldError } from '../validation/fieldError';
import { inputError } from '../validation/inputError';
import { workspaceList } from './lists';
import { skipped } from './run';
import type { Answer, Contact, ContactContext, ContactFields, ContactRun, CrmListKind, Outcome } from './types';

export type Failed = Extract<Outcome, { ok: false }>;

export const failed = (mapped: Pick<Failed, 'error' | 'delivery'> | MappedError): Failed => ({ ok: false, error: mapped.error, delivery: mapped.delivery });
export const isFailed = (value: unknown): value is Failed => typeof value === 'object' && value !== null && (value as Failed).ok === false;
export const succeeded = (answer: Answer): answer is ApiResponse => !('failure' in answer) && answer.statusCode >= 200 && answer.statusCode < 300;

/** A list that could not be read, as item `index`'s failure (a read: nothing was written). */
export function listFailed(run: ContactRun, index: number, failure: ListFailure, context: ContactContext): Failed {
	const answer: Answer = 'response' in failure ? failure.response : { failure: { code: failure.code, maybeSent: mayHaveArrived(failure.code) } };
	return failed(run.failure(index, answer, context, false));
}

/** A refusal found before the request: what the platform would do, said plainly; nothing written. */
export function refused(run: ContactRun, index: number, message: string, advice: string): Failed {
	return { ok: false, error: new NodeOperationError(run.node, message, { itemIndex: index, description: `${advice.replace(/\.?$/, '.')} Nothing was written.` }), delivery: 'not sent' };
}

/** A success answer without the record it should carry: for a write, the record may exist all the same. */
export function unreadable(run: ContactRun, index: number, answer: ApiResponse, write: boolean): Failed {
	const message = `The platform answered HTTP ${answer.statusCode} without the contact`;
	const description = write ? 'The change may or may not have been made: check the contact before running the node again.' : 'Nothing was written.';
	return { ok: false, error: new NodeOperationError(run.node, message, { itemIndex: index, description }), delivery: write ? 'unknown' : 'not sent' };
}

/** An entry of a workspace list by id or (case-insensitively) name. */
export async function findInList(run: ContactRun, index: number, kind: CrmListKind, refs: string[]): Promise<Array<{ id: number; name: string }> | Failed> {
	const list = await workspaceList(run, kind);
	if (!list.ok) return listFailed(run, index, list.failure, { listKind: kind });
	const found: Array<{ id: number; name: string }> = [];
	for (const ref of refs) {
		const entry = /^\d+$/.test(ref) ? list.entries.find((e) => e.id === Number(ref)) : list.entries.find((e) => e.name.toLowerCase() === ref.toLowerCase());
		if (!entry) {
			return failed({ error: inputError(run.node, index, new FieldError('Groups', `Group "${ref}" does not exist in this workspace`, 'Pick the groups from the list, or create the group in the platform first'), 'written'), delivery: 'not sent' });
		}
		found.push(entry);
	}
	return found;
}

/**
 * Groups as the API writes them. v2 takes ids (and refuses unknown ones itself): given ids go as
 * they are. v1 takes names and CREATES any it does not know, so every group is looked up first.
 */
export async function resolveGroups(run: ContactRun, index: number, refs: string[]): Promise<{ ids: number[]; names?: string[] } | Failed> {
	if (!run.contacts.groupsByName && refs.every((ref) => /^\d+$/.test(ref))) return { ids: refs.map(Number) };
	const found = await findInList(run, index, 'groups', refs);
	if (isFailed(found)) return found;
	const comma = found.find((g) => g.name.includes(','));
	if (run.contacts.groupsByName && comma) {
		return refused(run, index, `Group "${comma.name}" has a comma in its name, which API v1 cannot write`, 'Rename the group in the platform, or use an API v2 token');
	}
	return { ids: found.map((g) => g.id), names: found.map((g) => g.name) };
}

/** The contact with this id (v2: with the names of its status, source and groups). */
export async function fetchContact(run: ContactRun, index: number, id: number | string): Promise<Contact | Failed> {
	const answer = await run.call(run.contacts.routes.show, { id, qs: run.contacts.showQuery });
	if (!succeeded(answer)) return failed(run.failure(index, answer, { contactId: id }, false));
	const contact = run.contacts.readContact(run.contacts.record(answer.body));
	return contact ?? unreadable(run, index, answer, false);
}

/**
 * Creates a contact (`current` undefined) or updates `current`: the groups resolved, the body the
 * API's (v1: the whole record merged), a body the platform would refuse for certain never sent.
 */
export async function writeContact(run: ContactRun, index: number, fields: ContactFields, groupRefs: string[] | undefined, current: Contact | undefined, context: ContactContext): Promise<Contact | Failed> {
	const { contacts } = run;
	let groupNames: string[] | undefined;
	const written: ContactFields = { ...fields };
	if (groupRefs?.length) {
		const groups = await resolveGroups(run, index, groupRefs);
		if (isFailed(groups)) return groups;
		written.groups = groups.ids;
		groupNames = groups.names;
	}
	if (run.halted) return skipped(run.node, index);
	let body: IDataObject;
	let answer: Answer;
	if (current) {
		body = contacts.updateBody(written, current, groupNames);
		const refusal = contacts.updateRefusal(body, written);
		if (refusal) return refused(run, index, refusal.message, refusal.advice ?? '');
		answer = await run.call(contacts.routes.update, { id: current.id, body });
	} else {
		body = contacts.createBody(written, groupNames);
		answer = await run.call(contacts.routes.create, { body });
	}
	if (!succeeded(answer)) return failed(run.failure(index, answer, { ...context, contactId: current?.id, phone: written.phone }, true));
	const contact = contacts.readContact(contacts.record(answer.body));
	if (!contact) return unreadable(run, index, answer, true);
	// A create answer may hold only what was set: what was sent fills the rest.
	return { ...contact, fields: { ...current?.fields, ...written, ...contact.fields } };
}
