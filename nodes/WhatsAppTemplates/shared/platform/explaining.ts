/** Words and helpers both API generations explain their answers with (v1/errors.ts, v2/errors.ts). */
import { codeInText, explainWhatsappCode } from '../whatsappCodes';
import { isObject } from './json';
import type { Explained, SentContext } from './types';

export const CREDENTIAL = 'Open the "WhatsApp Templates API" credential and correct it.';

export type Classified = Omit<Explained, 'said' | 'requestId'>;

export const list = (value: unknown): string[] => ([] as unknown[]).concat(value ?? []).map(String);

/**
 * A refusal's field errors spelled out, wire names replaced by the node's field names. The
 * entries under `templateFieldsKey` are lines that start with wire names ("field_1 (Body …)").
 */
export function spellErrors(errors: unknown, context: SentContext, templateFieldsKey: string): string | undefined {
	if (typeof errors === 'string') return errors;
	if (!isObject(errors)) return undefined;
	const label = (name: string) => context.label?.(name) ?? name;
	const parts = Object.entries(errors).map(([key, messages]) =>
		key === templateFieldsKey
			? list(messages).map((m) => m.replace(/^[^(]+/, (names) => names.replace(/[a-z][a-z0-9_]*/g, label))).join('; ')
			: `${label(key)}: ${list(messages).join(' ')}`,
	);
	return parts.length ? parts.join('; ') : undefined;
}

/** `"order_update" in language "en"`: how errors name the template sent. */
const templateNamed = (context: SentContext) => `"${context.templateName ?? '?'}" in language "${context.templateLanguage ?? '?'}"`;

const notSent = (message: string, advice?: string): Classified => ({ message, advice, delivery: 'not sent' });

/** ": what the platform said", or nothing when it said nothing (never ": undefined"). */
const said = (words: string | undefined) => (words ? `: ${words}` : '');

/** The answers both generations give, in the same words. */
export const SAY = {
	optedOut: () => notSent('The recipient has opted out of messages from this workspace', 'Do not message this number unless they opt in again.'),
	planLimit: (what = "The workspace's plan limit is reached") => notSent(what, "Upgrade the workspace's plan, or wait for the limit to reset."),
	templateNotFound: (context: SentContext) =>
		notSent(
			`Template ${templateNamed(context)} was not found, is not APPROVED, or exists only in another language`,
			'Check Template Name and Language Code (they must match exactly, e.g. en is not en_US). A template that is new or was edited in WhatsApp Manager must first be synced into the platform (its Templates page).',
		),
	headerMedia: (spelled: string | undefined, context: SentContext = {}) =>
		context.messageMedia
			? notSent(
					`The platform refused the media file${said(spelled)}`,
					'Send a file of an accepted type and size (images .jpeg or .png up to 5 MB, videos .mp4 or .3gp up to 16 MB, audio .aac .amr .mp3 .m4a .ogg up to 16 MB, documents .pdf .doc(x) .xls(x) .ppt(x) .txt up to 100 MB): upload it through the node (Media Source: Binary File), or link it under such an extension, reachable from the platform.',
				)
			: notSent(
					`The platform refused the header media${said(spelled)}`,
					'Upload the file through the node (Media Source: Binary File), or host it under an accepted extension: .jpeg or .png images, .mp4 or .3gp videos, .pdf .doc(x) .xls(x) .ppt(x) .txt documents, reachable from the platform.',
				),
	templateFields: (context: SentContext, spelled: string | undefined) =>
		notSent(`The template ${templateNamed(context)} needs values that were not given: ${spelled}`, "Give exactly the template's variables and header."),
	whatsappNotConnected: () => notSent('WhatsApp is not connected for this workspace', 'The workspace owner must connect WhatsApp in the platform.'),
	whatsappRefused: (text: string) => notSent(`WhatsApp refused the message${said(text)}`, explainWhatsappCode(codeInText(text))),
	tooLarge: () => notSent('The upload is larger than this platform accepts', "The operator's upload limit is lower than WhatsApp's: send a smaller file, or use Media Source URL."),
	proxyLogin: () => notSent('The proxy asked for a login (HTTP 407)', 'Put its user and password into Request Options → Proxy as http://user:password@host:port.'),
	rateLimited: () => notSent('The platform rate-limited the message', 'Run again later, or lower "Messages In Flight" under Options.'),
	refused: (statusCode: number, spelled?: string) => notSent(spelled ?? `The platform refused the request (HTTP ${statusCode})`, 'Fix the values named above and run the node again.'),
	failed: (statusCode: number, why: string): Classified => ({ message: `The platform failed while handling the message (HTTP ${statusCode}${why})`, delivery: 'unknown' }),
	/** A 2xx that does not say the message went out. */
	unconfirmed: (statusCode: number, why: string): Classified => ({ message: `The platform answered HTTP ${statusCode} ${why}`, delivery: 'unknown' }),
};

/** Where the contact operations' permissions are listed. */
export const CONTACT = {
	abilities: 'The contact operations need contacts.read, contacts.create, contacts.update and contacts.delete; pickers and names need groups.read, statuses.read and sources.read.',
	scopes: 'The contact operations need contacts:read, contacts:write and contacts:delete; Add to Group and Remove from Group need groups:write; pickers and names need groups:read, statuses:read and sources:read.',
};

const ONE: Record<string, string> = { groups: 'group', statuses: 'status', sources: 'source' };

const CREATE_OR_UPDATE = 'Use Create or Update to write to the contact that has it.';

/** The contact routes' refusals both generations give, in the same words. */
export const contactRefusal = {
	phoneTaken: (context: { phone?: string; upsert?: boolean }) =>
		notSent(
			`The phone ${context.phone ? `${context.phone} ` : ''}already belongs to another contact`,
			context.upsert
				? 'Create or Update did not find it by phone: the platform stores it in another format that its search does not match. Find that contact (e.g. with Get Many) and update it by ID.'
				: CREATE_OR_UPDATE,
		),
	emailTaken: () => notSent('The e-mail address already belongs to another contact', 'Give another e-mail address, or update the contact that has it (find it with Get Many, Search).'),
	needs: (field: string) => notSent(`A new contact needs a ${field}, and the workspace has no default for it`, `Pick ${field} under the contact's fields, or set the workspace's auto-lead defaults in the platform.`),
	/** v2 takes no auto-lead default: pointing at that setting would send the user the wrong way. */
	needsOnV2: (field: string) =>
		notSent(`API v2 creates a contact only with a ${field}`, `Pick Status and Source under the contact's fields (Additional Fields); API v2 does not use the workspace's auto-lead defaults.`),
	unknown: (kind: 'status' | 'source' | 'group') =>
		notSent(`The ${kind} given does not exist in this workspace`, `Pick the ${kind} from the list, or use ${kind === 'status' ? 'Status' : kind === 'source' ? 'Source' : 'Group'} → Get Many to find its ID.`),
	statusAbove50: () =>
		notSent(
			'API v1 refuses any status ID above 50 on an update (a platform bug: status IDs count across all workspaces)',
			'Use an API v2 token, or change this contact in the platform.',
		),
	notFound: (context: { contactId?: number | string; listKind?: string }) =>
		notSent(
			context.listKind ? `The ${ONE[context.listKind]} was not found in this workspace` : `No contact with ID ${String(context.contactId ?? '?')} exists in this workspace`,
			'Check the ID: it is the platform\'s, as Get Many and Create output it.',
		),
	inUse: (context: { listKind?: string }) =>
		context.listKind
			? notSent(`The ${ONE[context.listKind]} is in use by contacts`, 'Move its contacts elsewhere first.')
			: notSent('The contact is in use, and the platform will not change or delete it now', 'Look at the contact in the platform (an open conversation or campaign may hold it), then run the node again.'),
	quotaFull: (counts: string) => notSent(`The workspace's contact quota is full${counts}`, "Delete contacts the workspace no longer needs, or upgrade the workspace's plan."),
	/** Any other answer as the sends explain it, in a contact's words. */
	general: (explained: Explained): Classified => ({
		message: explained.message.replace(/the message\b/g, 'the request'),
		advice: explained.advice?.replace(/"Messages In Flight"/g, '"Requests In Flight"'),
		delivery: explained.delivery,
	}),
};
