/**
 * The trigger's cursor, as pure functions over the JSON kept in workflow static data. Generic
 * over the rows of any event: an event gives each row a key (what counts as "the same thing")
 * and a modified time (WDT's `yyyy-MM-dd HH:mm:ss`, China Standard Time).
 *
 * Nothing here touches static data: the poll plans from a validated copy and commits once, just
 * before it returns. The state's shape and its checks live in ./state.ts (re-exported here).
 */
import {
	DAY_MS,
	HOUR_MS,
	MINUTE_MS,
	parseWdtTime,
	splitIntoWindows,
	toWdtTime,
	type TimeWindow,
} from '../shared/protocol';
import { hasOwn, type TriggerState } from './state';

export * from './state';

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
