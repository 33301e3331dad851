/**
 * The trigger's state in workflow static data: its shape, and the checks that read it back
 * (repairing what can be repaired, field by field). Pure: nothing here touches static data.
 */
import { parseWdtTime, toWdtTime, WdtError, wdtTimeText } from '../shared/protocol';

/** What lives in static data; plain JSON a user can read in the workflow. */
export interface TriggerState {
	/** The event this state belongs to; another event starts a fresh cursor. */
	event: string;
	/** Everything modified up to here (WDT time) has been read completely. */
	cursor: string;
	/** Where the first activation started: nothing modified earlier is ever emitted. */
	since: string;
	/**
	 * Key of each emitted row → the latest modified time seen for it (WDT time). For an event
	 * with a state (RowIdentity.state), every row seen is remembered here, emitted or not.
	 */
	emitted: Record<string, string>;
	/** Events with a state only: key → the state (e.g. status) at its remembered modified time. */
	states?: Record<string, string>;
	/** After a rate-limit reply, polls before this time (host clock, CST) make no calls. */
	pausedUntil?: string;
	/** Consecutive rate-limit replies, for the pause length. */
	rateLimitStreak?: number;
}

export interface ReadStateResult {
	/** Undefined: no usable state, the poll is a first activation for this event. */
	state?: TriggerState;
	/** What was repaired or reset, in words for n8n's log. */
	repairs: string[];
}

const STATE_KEYS = new Set([
	'event',
	'cursor',
	'since',
	'emitted',
	'states',
	'pausedUntil',
	'rateLimitStreak',
	'recentlyEmitted',
]);

/** A WDT time from what a user or an older version may have left: WDT time, ISO string or unix time. */
export function repairTime(value: unknown): string | undefined {
	if (typeof value === 'string') {
		if (parseWdtTime(value) !== undefined) return value.trim().replace('T', ' ');
		if (/\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(value.trim())) {
			const ms = Date.parse(value);
			return Number.isNaN(ms) ? undefined : toWdtTime(ms);
		}
		return undefined;
	}
	if (typeof value === 'number' && Number.isFinite(value) && value > 1e9) {
		return toWdtTime(value < 1e11 ? value * 1000 : value);
	}
	return undefined;
}

/**
 * A row's change time for the cursor: `value` in any form WDT sends (CST text, ms, seconds, or a
 * numeric string of these) as `yyyy-MM-dd HH:mm:ss` CST, the form the cursor compares as text.
 * A value that is no time stops the poll with the record named and the cursor kept where it
 * was: skipping the row would lose it silently, guessing its time could emit it out of order.
 */
export function rowChangeTime(value: unknown, record: string): string {
	const text = wdtTimeText(value);
	if (text !== undefined) return text;
	throw new WdtError(
		`WDT sent ${record} with a change time that is not a time: ${JSON.stringify(value) ?? String(value)}`,
		{
			kind: 'badResponse',
			retryable: false,
			fix: 'WDT documents times as yyyy-MM-dd HH:mm:ss (China Standard Time) or unix milliseconds or seconds. Report this reply to WDT support; the trigger resumes from the same point once WDT sends a time.',
		},
	);
}

const describe = (value: unknown) => JSON.stringify(value)?.slice(0, 60) ?? String(value);

/**
 * Validates the static data field by field. Repairable fields are repaired (a time as ISO
 * string or number, the key list of earlier versions); the rest is reset, and every change is
 * listed. A state of another event, or without any usable cursor, means a fresh start.
 * `legacyEvent` is the event a state without an `event` field belongs to (version 1 had one).
 */
export function readState(
	staticData: unknown,
	event: string,
	legacyEvent: string,
): ReadStateResult {
	const repairs: string[] = [];
	if (staticData === null || typeof staticData !== 'object' || Array.isArray(staticData)) {
		return { repairs: [`static data was ${describe(staticData)}; starting fresh`] };
	}
	const data = JSON.parse(JSON.stringify(staticData)) as Record<string, unknown>;
	if (Object.keys(data).length === 0) return { repairs };

	const owner = typeof data.event === 'string' ? data.event : legacyEvent;
	if (data.event !== undefined && typeof data.event !== 'string') {
		repairs.push(`event was ${describe(data.event)}; taken as "${legacyEvent}"`);
	}
	if (owner !== event) {
		return {
			repairs: [
				`the saved cursor belongs to event "${owner}"; starting a fresh cursor for "${event}"`,
			],
		};
	}
	for (const key of Object.keys(data)) {
		if (!STATE_KEYS.has(key)) repairs.push(`removed unknown field ${key}`);
	}

	const emitted: Record<string, string> = {};
	let dropped = 0;
	if (data.emitted !== undefined) {
		if (data.emitted && typeof data.emitted === 'object' && !Array.isArray(data.emitted)) {
			for (const [key, modified] of Object.entries(data.emitted as Record<string, unknown>)) {
				const time = repairTime(modified);
				if (time === undefined) dropped++;
				else emitted[key] = time;
			}
		} else {
			repairs.push(`emitted was ${describe(data.emitted)}; reset to none`);
		}
	}
	if (data.recentlyEmitted !== undefined) {
		// Version 1 kept `stockout_id@modified` strings.
		if (Array.isArray(data.recentlyEmitted)) {
			for (const entry of data.recentlyEmitted) {
				const at = typeof entry === 'string' ? entry.indexOf('@') : -1;
				const time = at > 0 ? repairTime((entry as string).slice(at + 1)) : undefined;
				if (time === undefined) dropped++;
				else {
					const key = (entry as string).slice(0, at);
					if (!(emitted[key] >= time)) emitted[key] = time;
				}
			}
		} else {
			repairs.push(`recentlyEmitted was ${describe(data.recentlyEmitted)}; reset to none`);
		}
	}
	if (dropped) repairs.push(`dropped ${dropped} unreadable remembered key(s)`);
	const states = readStates(data.states, emitted, repairs);

	let cursor = repairTime(data.cursor);
	let since = repairTime(data.since);
	if (since !== undefined && since !== data.since) {
		repairs.push(`since ${describe(data.since)} read as ${since}`);
	}
	if (cursor !== undefined && cursor !== data.cursor) {
		repairs.push(`cursor ${describe(data.cursor)} read as ${cursor}`);
	}
	if (cursor === undefined) {
		// The activation start and the latest emitted row were both read: resume from the later
		// one. Rows after it are read again; the memory keeps those emitted from repeating.
		const known = [...Object.values(emitted), ...(since === undefined ? [] : [since])].sort();
		const resume = known.pop();
		if (resume === undefined) {
			repairs.push(`cursor was ${describe(data.cursor)} and nothing else is known; starting fresh`);
			return { repairs };
		}
		repairs.push(`cursor was ${describe(data.cursor)}; resuming from ${resume}`);
		cursor = resume;
	}
	if (since === undefined) {
		repairs.push(`since was ${describe(data.since)}; set to the cursor`);
		since = cursor;
	}

	const state: TriggerState = { event, cursor, since, emitted, ...(states && { states }) };
	if (data.pausedUntil !== undefined || data.rateLimitStreak !== undefined) {
		const pausedUntil = repairTime(data.pausedUntil);
		const streak = data.rateLimitStreak;
		if (pausedUntil === undefined || !(Number.isInteger(streak) && (streak as number) > 0)) {
			repairs.push(
				`pause ${describe({ pausedUntil: data.pausedUntil, rateLimitStreak: data.rateLimitStreak })} reset`,
			);
		} else {
			state.pausedUntil = pausedUntil;
			state.rateLimitStreak = Math.min(streak as number, 100);
		}
	}
	return { state, repairs };
}

export const hasOwn = (object: object, key: string) =>
	Object.prototype.hasOwnProperty.call(object, key);

/** The remembered states of the emitted keys; others, and values that are not text, are dropped. */
function readStates(
	value: unknown,
	emitted: Record<string, string>,
	repairs: string[],
): Record<string, string> | undefined {
	if (value === undefined) return undefined;
	if (!value || typeof value !== 'object' || Array.isArray(value)) {
		repairs.push(`states was ${describe(value)}; reset to none`);
		return {};
	}
	const states: Record<string, string> = {};
	let dropped = 0;
	for (const [key, state] of Object.entries(value as Record<string, unknown>)) {
		if (typeof state === 'string' && hasOwn(emitted, key)) states[key] = state;
		else dropped++;
	}
	if (dropped) repairs.push(`dropped ${dropped} remembered state(s) without a remembered key`);
	return states;
}

/** The first state of an activation: nothing before `sinceMs` is emitted; read up to `cursorMs`. */
export function freshState(event: string, sinceMs: number, cursorMs: number): TriggerState {
	return { event, cursor: toWdtTime(cursorMs), since: toWdtTime(sinceMs), emitted: {} };
}
