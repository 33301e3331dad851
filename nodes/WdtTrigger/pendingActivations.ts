/**
 * The state an activation poll started, kept in this process until a scheduled poll has a
 * committed cursor of its own.
 *
 * n8n 2.x with durable poll cursors commits nothing from the activation poll when it returns
 * null (PollTriggerExecutor runs it as a test; only a scheduled poll commits a cursor without
 * items). Without this, the first scheduled poll would start afresh at its own time and skip
 * everything between the activation and it: a whole poll interval. n8n runs the activation and
 * the scheduled polls of a workflow in the same main process, so the first scheduled poll finds
 * the activation's state here. On n8n 1.x the activation's state stays in the workflow's static
 * data, and this is never consulted.
 */
import type { TriggerState } from './cursor';

/** A scheduled poll comes within one poll interval; an older entry is not taken (daily polls fit). */
export const ACTIVATION_MEMORY_MS = 25 * 60 * 60 * 1000;
/** Bounds the map in a process with many workflows activated and never polled. */
const MAX_ENTRIES = 1000;

const activations = new Map<string, { state: TriggerState; atMs: number }>();

export function rememberActivation(key: string, state: TriggerState, nowMs: number): void {
	activations.delete(key);
	activations.set(key, { state: JSON.parse(JSON.stringify(state)) as TriggerState, atMs: nowMs });
	while (activations.size > MAX_ENTRIES)
		activations.delete(activations.keys().next().value as string);
}

/** The activation state of a workflow's trigger whose cursor n8n did not keep, if recent. */
export function recallActivation(key: string, nowMs: number): TriggerState | undefined {
	const entry = activations.get(key);
	if (!entry) return undefined;
	if (nowMs - entry.atMs > ACTIVATION_MEMORY_MS || nowMs < entry.atMs) {
		activations.delete(key);
		return undefined;
	}
	return JSON.parse(JSON.stringify(entry.state)) as TriggerState;
}

export function forgetActivation(key: string): void {
	activations.delete(key);
}
