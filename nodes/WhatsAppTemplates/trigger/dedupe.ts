import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import type { TriggerEvent } from './shape';

/**
 * The platform retries a delivery up to 3 times (1 s, then 2 s) when it sees no 2xx in 30 s, so
 * one event can arrive twice. Keys (CONTRACT.md): n8n format by `event.id`; Xobito by `event` +
 * `message_id`; legacy by `model`, `data.id`, `event`, `timestamp`. A message's status event is
 * also keyed by event + wamid, whatever the format, so a status Meta reports twice (and the
 * platform forwards twice, under two event ids) starts one execution too. A body with none of
 * these is keyed by its bytes.
 */
export const MAX_REMEMBERED = 1000;

const STORE_KEY = 'seenEvents';

export function dedupeKeys(event: TriggerEvent, rawBody: Buffer): string[] {
	const raw = event.raw;
	const data = (raw.data ?? {}) as IDataObject;
	const keys: string[] = [];
	if (event.format === 'n8n' && event.eventId) keys.push(`n8n|${event.eventId}`);
	if (event.format === 'legacy') {
		keys.push(`legacy|${String(raw.model)}|${String(data.id ?? '')}|${String(raw.event)}|${String(raw.timestamp ?? '')}`);
	}
	if (event.format === 'xobito' && event.messageId) keys.push(`xobito|${event.event}|${event.messageId}`);
	if (event.messageId && event.event.startsWith('message.')) keys.push(`message|${event.event}|${event.messageId}`);
	if (keys.length === 0) keys.push(`body|${createHash('sha256').update(rawBody).digest('hex')}`);
	// Stored as short hashes: memory stays bounded whatever the ids look like.
	return keys.map((key) => createHash('sha256').update(key).digest('hex').slice(0, 24));
}

/**
 * The same keys, also kept in this n8n process. n8n 2.40 loses what a webhook writes to static
 * data whenever the call starts an execution (WorkflowRunner.establishContextForPersistence wraps
 * the same static data in a new Workflow, which clears its "changed" flag, so n8n never saves it).
 * Retries come seconds apart, to the same process: this memory catches them there; the static data
 * keeps them across restarts wherever n8n saves it. Bounded: MAX_REMEMBERED keys per trigger node,
 * MAX_NODES trigger nodes.
 */
const MAX_NODES = 200;
const recent = new Map<string, string[]>();

/** Only for tests: a fresh process, as after an n8n restart. */
export function forgetProcessMemory(): void {
	recent.clear();
}

/**
 * Returns true when any key was seen before (in the static data or in this process's memory):
 * the event is a duplicate and starts nothing. Otherwise records the keys in both, keeping the
 * newest MAX_REMEMBERED.
 */
export function seenBefore(staticData: IDataObject, keys: string[], nodeKey: string): boolean {
	const stored = Array.isArray(staticData[STORE_KEY]) ? (staticData[STORE_KEY] as string[]) : [];
	const remembered = recent.get(nodeKey) ?? [];
	if (keys.some((key) => stored.includes(key) || remembered.includes(key))) return true;
	// A new array, assigned: n8n notices the change and saves the static data (when it can).
	staticData[STORE_KEY] = [...stored, ...keys].slice(-MAX_REMEMBERED);
	recent.delete(nodeKey);
	recent.set(nodeKey, [...remembered, ...keys].slice(-MAX_REMEMBERED));
	if (recent.size > MAX_NODES) recent.delete(recent.keys().next().value as string);
	return false;
}
