/**
 * The trigger's cursor, as pure functions over the JSON kept in workflow static data. Generic
 * over the rows of any event: an event gives each row a key (what counts as "the same thing")
 * and a modified time (WDT's `yyyy-MM-dd HH:mm:ss`, China Standard Time).
 *
 * Nothing here touches static data: the poll plans from a validated copy and commits once, just
 * before it returns.
 */
import {
	DAY_MS,
	HOUR_MS,
	MINUTE_MS,
	parseWdtTime,
	splitIntoWindows,
	toWdtTime,
	WdtError,
	wdtTimeText,
	type TimeWindow,
} from '../shared/protocol';

/** Re-read this much before the cursor each poll: rows can become visible after their modified time. */
export const OVERLAP_MS = 5 * MINUTE_MS;
/** Stop this far before WDT's current time, so a poll never reads a still-filling second. */
export const SAFETY_LAG_MS = 1 * MINUTE_MS;
/** One poll reads at most this many windows (and stops earlier inside n8n's poll budget). */
export const MAX_WINDOWS_PER_POLL = 24;
export const MAX_BACKFILL_HOURS = 168;
/**
 * WDT rejects a signature whose timestamp is more than 120 s from its clock. A request that was
 * accepted therefore came from a host within 120 s of WDT, and a `system.Core.now` reply further
 * than this from the host's clock is wrong.
 */
export const CLOCK_TOLERANCE_MS = 120_000;
/** Emitted rows are remembered this long (by their modified time, behind the cursor) … */
export const REMEMBER_MS = 30 * DAY_MS;
/** … and at most this many of them, the most recently modified kept. */
export const MAX_REMEMBERED = 5000;
/** Pauses after WDT's rate-limit replies: the vendor advises resting 5 to 10 minutes. */
export const FIRST_RATE_LIMIT_PAUSE_MS = 5 * MINUTE_MS;
export const NEXT_RATE_LIMIT_PAUSE_MS = 10 * MINUTE_MS;

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

/** How a row of an event is identified; see the event files. */
export interface RowIdentity<Row> {
	key(row: Row): string;
	modified(row: Row): string;
	/**
	 * What an event is a change of (e.g. a status), where a new modified time alone is not one.
	 * A row is then an event when its state differs from the one remembered for its key (a key
	 * not remembered: its earlier state is unknown, so it counts as a change), and every row is
	 * remembered whether the event's filter keeps it or not: a return to a chosen status after
	 * another one is a change too.
	 */
	state?(row: Row): string;
}

/** Emission rule: once per key (default), or once per change of its modified time. */
export type EmitRule = 'oncePerKey' | 'everyChange';

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

const hasOwn = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

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

export interface Clock {
	/** WDT's time from `system.Core.now` (unix ms). */
	serverNowMs: number;
	/** This host's time when the reply arrived (unix ms). */
	hostNowMs: number;
}

/**
 * The time to plan from. WDT's own clock when it agrees with the host's within the signing
 * tolerance; otherwise the reply is wrong (WDT accepted our signature, so its clock is close to
 * ours) and the earliest time WDT's clock can show is used, so no window runs ahead of WDT.
 */
export function trustedNow(clock: Clock): { nowMs: number; distrusted: boolean } {
	if (Math.abs(clock.serverNowMs - clock.hostNowMs) <= CLOCK_TOLERANCE_MS) {
		return { nowMs: clock.serverNowMs, distrusted: false };
	}
	return { nowMs: clock.hostNowMs - CLOCK_TOLERANCE_MS, distrusted: true };
}

export interface PollPlan {
	windows: TimeWindow[];
	/** Where the cursor lands when every planned window is read. */
	endMs: number;
	/** True when WDT's time was behind the cursor, and the cursor goes back to it. */
	movedBack: boolean;
}

export interface PlanLimits {
	/** The event's longest window (e.g. 1 hour for searchCancel). */
	maxWindowMs: number;
	/** At most this many windows in one poll. */
	maxWindows: number;
}

/** Plans the windows of a poll from the cursor up to WDT's time minus the safety lag. */
export function planPoll(state: TriggerState, nowMs: number, limits: PlanLimits): PollPlan {
	const safeEndMs = nowMs - SAFETY_LAG_MS;
	const cursorMs = parseWdtTime(state.cursor) as number;
	if (cursorMs > safeEndMs) {
		// WDT's time is behind the cursor (clocks stepped back, or a cursor from elsewhere): rows
		// stamped from now on would land behind it. Read again from WDT's time; what was emitted
		// is remembered, so nothing repeats.
		return {
			windows: splitIntoWindows(safeEndMs - OVERLAP_MS, safeEndMs, limits.maxWindowMs),
			endMs: safeEndMs,
			movedBack: true,
		};
	}
	const windows = splitIntoWindows(cursorMs - OVERLAP_MS, safeEndMs, limits.maxWindowMs).slice(
		0,
		limits.maxWindows,
	);
	return { windows, endMs: windows[windows.length - 1].endMs, movedBack: false };
}

/** Backfill windows of a first activation: the last `hours` before `safeEndMs`, capped. */
export function planBackfill(
	safeEndMs: number,
	hours: number,
	limits: PlanLimits,
): { windows: TimeWindow[]; sinceMs: number; endMs: number } {
	const sinceMs = safeEndMs - hours * HOUR_MS;
	if (hours <= 0) return { windows: [], sinceMs, endMs: safeEndMs };
	const windows = splitIntoWindows(sinceMs, safeEndMs, limits.maxWindowMs).slice(
		0,
		limits.maxWindows,
	);
	return { windows, sinceMs, endMs: windows[windows.length - 1].endMs };
}

/**
 * Picks the rows to emit, oldest first, and returns the memory with every row seen. A row
 * modified before `since` is never emitted, nor one `matches` rejects. 'oncePerKey': a
 * remembered key is not emitted again (its memory is refreshed). 'everyChange': a key is emitted
 * again when its modified time is later than the remembered one. An identity with a `state`
 * emits on every change of state instead (the rule does not apply; see RowIdentity.state).
 */
export function newEvents<Row>(
	state: Pick<TriggerState, 'since' | 'emitted' | 'states'>,
	rows: Row[],
	identity: RowIdentity<Row>,
	rule: EmitRule,
	matches: (row: Row) => boolean = () => true,
): { events: Row[]; emitted: Record<string, string>; states?: Record<string, string> } {
	const emitted = { ...state.emitted };
	const states = identity.state ? { ...state.states } : undefined;
	const events: Row[] = [];
	const sorted = [...rows].sort((a, b) => {
		const [ma, mb] = [identity.modified(a), identity.modified(b)];
		return ma < mb ? -1 : ma > mb ? 1 : identity.key(a) < identity.key(b) ? -1 : 1;
	});
	for (const row of sorted) {
		const key = identity.key(row);
		const modified = identity.modified(row);
		if (modified < state.since) continue;
		const seen = emitted[key];
		if (states && identity.state) {
			// Same second, other state: WDT's times have whole seconds, so that is a change too.
			if (seen !== undefined && modified < seen) continue;
			const current = identity.state(row);
			if ((seen === undefined || states[key] !== current) && matches(row)) events.push(row);
			emitted[key] = modified;
			states[key] = current;
			continue;
		}
		if (!matches(row)) continue;
		const fresh = seen === undefined || (rule === 'everyChange' && modified > seen);
		if (fresh) events.push(row);
		if (seen === undefined || modified > seen) emitted[key] = modified;
	}
	return { events, emitted, ...(states && { states }) };
}

/** The state after a poll that read its windows up to `endMs`; the pause ends. */
export function advance(
	state: TriggerState,
	endMs: number,
	emitted: Record<string, string>,
	states?: Record<string, string>,
): TriggerState {
	const oldest = toWdtTime(endMs - REMEMBER_MS);
	const kept = Object.entries(emitted)
		.filter(([, modified]) => modified >= oldest)
		.sort(([ka, a], [kb, b]) => (a < b ? -1 : a > b ? 1 : ka < kb ? -1 : 1))
		.slice(-MAX_REMEMBERED);
	const next: TriggerState = {
		event: state.event,
		cursor: toWdtTime(endMs),
		since: state.since,
		emitted: Object.fromEntries(kept),
	};
	if (states) {
		next.states = Object.fromEntries(
			kept.filter(([key]) => hasOwn(states, key)).map(([key]) => [key, states[key]]),
		);
	}
	return next;
}

/** Pause after a rate-limit reply: 5 minutes, 10 after the next one in a row. */
export function pauseAfterRateLimit(state: TriggerState, hostNowMs: number): TriggerState {
	const streak = (state.rateLimitStreak ?? 0) + 1;
	const pauseMs = streak === 1 ? FIRST_RATE_LIMIT_PAUSE_MS : NEXT_RATE_LIMIT_PAUSE_MS;
	return { ...state, rateLimitStreak: streak, pausedUntil: toWdtTime(hostNowMs + pauseMs) };
}

/**
 * True while paused. A pause reaching further than the longest one was set by a clock that has
 * since stepped back, and is not honoured.
 */
export function isPaused(state: TriggerState, hostNowMs: number): boolean {
	const until = state.pausedUntil !== undefined ? parseWdtTime(state.pausedUntil) : undefined;
	if (until === undefined) return false;
	return hostNowMs < until && until - hostNowMs <= NEXT_RATE_LIMIT_PAUSE_MS;
}

/** system.Core.now's reader lives in the shared protocol (Check Assumptions reads it too). */
export { parseServerNow } from '../shared/protocol';
