import type { IDataObject } from 'n8n-workflow';

import type { SendRun } from '../../../shared/batch/sendRun';
import { LIMITS, type ButtonsSendNames } from '../../../shared/platform';
import { FieldError, asText, checkMaxLength, optionalText, requiredText } from '../../../shared/validation/fieldError';
import { recipientOf } from '../window';

export interface Choice {
	id: string;
	title: string;
	description?: string;
}

/** One item's buttons message, checked against every limit: safe to send. */
export interface ButtonsMessage {
	phone: string;
	body: string;
	header?: string;
	footer?: string;
	buttons?: Choice[];
	list?: { buttonText: string; sections: Array<{ title?: string; rows: Choice[] }> };
}

/** `value` under `field`, at most `max` characters; undefined when empty. */
function limited(field: string, value: unknown, max: number): string | undefined {
	const text = optionalText(value)?.trim() || undefined;
	if (text !== undefined) checkMaxLength(field, text, max);
	return text;
}

/** Titles and ids must differ within a message: WhatsApp refuses repeats. */
function unique(field: string, values: string[]): void {
	const repeated = values.find((value, i) => values.indexOf(value) !== i);
	if (repeated !== undefined) throw new FieldError(field, `${field} "${repeated}" is used twice`, `Give every one a different ${field.split(' ').pop()!.toLowerCase()}`);
}

/** Entries of a fixedCollection (`{button: [...]}`), as objects. */
function entries(value: unknown, key: string): IDataObject[] {
	const list = (value as IDataObject | undefined)?.[key];
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

function count(field: string, n: number, { min, max }: { min: number; max: number }, fix: string): void {
	if (n < min || n > max) throw new FieldError(field, `${field} has ${n}; a message takes ${min} to ${max}`, fix);
}

function buttonsOf(value: unknown): Choice[] {
	const given = entries(value, 'button');
	count('Buttons', given.length, LIMITS.replyButtons, 'Add at least one button, and no more than three (for more choices, use Message Kind "List")');
	const buttons = given.map((button, i) => {
		const title = requiredText(`Button ${i + 1} Title`, button.title, 'Yes');
		checkMaxLength(`Button ${i + 1} Title`, title, LIMITS.buttonTitle.max);
		return { title, id: limited(`Button ${i + 1} ID`, button.id, LIMITS.buttonId.max) ?? title };
	});
	unique('Button Title', buttons.map((b) => b.title));
	unique('Button ID', buttons.map((b) => b.id));
	return buttons;
}

function listOf(run: SendRun, i: number): NonNullable<ButtonsMessage['list']> {
	const buttonText = requiredText('List Button Text', run.parameters('listButtonText', i, ''), 'Choose');
	checkMaxLength('List Button Text', buttonText, LIMITS.listButtonText.max);
	const given = entries(run.parameters('rows', i, {}), 'row');
	count('List Rows', given.length, LIMITS.listRows, 'Add at least one row, and no more than ten');
	const sections: Array<{ title?: string; rows: Choice[] }> = [];
	given.forEach((row, n) => {
		const label = `Row ${n + 1}`;
		const title = requiredText(`${label} Title`, row.title, 'Tomorrow 10:00');
		checkMaxLength(`${label} Title`, title, LIMITS.rowTitle.max);
		const choice: Choice = { title, id: limited(`${label} ID`, row.id, LIMITS.rowId.max) ?? title, description: limited(`${label} Description`, row.description, LIMITS.rowDescription.max) };
		const section = limited(`${label} Section Title`, row.section, LIMITS.sectionTitle.max);
		const found = sections.find((s) => s.title === section);
		if (found) found.rows.push(choice);
		else sections.push({ title: section, rows: [choice] });
	});
	if (sections.length > LIMITS.listSections.max) throw new FieldError('List Rows', `List Rows form ${sections.length} sections; a list takes at most ${LIMITS.listSections.max}`, 'Use fewer Section Titles');
	if (sections.length > 1 && sections.some((s) => s.title === undefined)) {
		throw new FieldError('List Rows', 'List Rows form several sections, and a row has no Section Title', 'Give every row a Section Title, or none of them (one section)');
	}
	unique('Row ID', sections.flatMap((s) => s.rows.map((r) => r.id)));
	return { buttonText, sections };
}

/** Checks one item's buttons message completely, for the credential's API (`names`). */
export function validateButtons(run: SendRun, i: number, names: ButtonsSendNames): ButtonsMessage {
	const phone = recipientOf(run, i);
	const body = asText(run.parameters('bodyText', i, ''));
	if (body.trim() === '') throw new FieldError('Body Text', 'Body Text is empty', 'Write the question the buttons answer, e.g. "Shall we deliver tomorrow?"');
	checkMaxLength('Body Text', body, LIMITS.interactiveBody.max);
	const message: ButtonsMessage = {
		phone,
		body,
		header: limited('Header Text', run.parameters('headerText', i, ''), LIMITS.interactiveHeader.max),
		footer: limited('Footer Text', run.parameters('footerText', i, ''), LIMITS.interactiveFooter.max),
	};
	if (run.parameters<string>('interactiveType', i, 'buttons') !== 'list') return { ...message, buttons: buttonsOf(run.parameters('buttons', i, {})) };
	if (names.listLacking) throw new FieldError('Message Kind', `A list cannot be sent: ${names.listLacking.why}`, names.listLacking.instead);
	return { ...message, list: listOf(run, i) };
}
