/**
 * The trigger's cursor, as pure functions over the JSON kept in workflow static data.
 * Nothing here touches static data: the poll plans from a snapshot and commits once, just
 * before it returns, so a poll that throws leaves everything as it was.
 */
import {
	HOUR_MS,
	MINUTE_MS,
	parseWdtTime,
	splitIntoWindows,
	stockoutEventKey,
	toWdtTime,
	type StockoutItem,
	type TimeWindow,
} from '../shared/protocol';

/** Re-read this much before the cursor each poll: rows can become visible after their modified time. */
export const OVERLAP_MS = 5 * MINUTE_MS;
/** Stop this far before WDT's current time, so a poll never reads a still-filling second. */
export const SAFETY_LAG_MS = 1 * MINUTE_MS;
/** One poll reads at most this many one-hour windows, so it ends well within a minute. */
export const MAX_WINDOWS_PER_POLL = 24;
export const MAX_BACKFILL_HOURS = 168;
/** Bounds the remembered event keys; only the overlap needs them. */
export const MAX_REMEMBERED = 5000;

/** What lives in static data; plain JSON a user can read in the workflow. */
export interface TriggerState {
	/** Everything modified up to here (China Standard Time) has been read completely. */
	cursor?: string;
	/** Where the first activation started: nothing modified earlier is ever emitted. */
	since?: string;
	/** `stockout_id@modified` of events emitted near the cursor, to suppress overlap repeats. */
	recentlyEmitted?: string[];
	/** After a rate-limit reply, polls before this time (China Standard Time) make no calls. */
	pausedUntil?: string;
	/** Consecutive rate-limited polls, for the back-off length. */
	rateLimitStreak?: number;
}

export interface PollPlan {
	windows: TimeWindow[];
	/** The first activation's start, kept in the state from then on. */
	since: string;
	/** Where the cursor lands when every planned window is read. */
	endMs: number;
	firstActivation: boolean;
}

export function readState(staticData: Record<string, unknown>): TriggerState {
	return JSON.parse(JSON.stringify(staticData ?? {})) as TriggerState;
}

/** Plans a poll from WDT's current time; undefined cursor means first activation. */
export function planPoll(
	state: TriggerState,
	serverNowMs: number,
	backfillHours: number,
): PollPlan {
	const safeEndMs = serverNowMs - SAFETY_LAG_MS;
	const cursorMs = state.cursor !== undefined ? parseWdtTime(state.cursor) : undefined;
	if (cursorMs === undefined) {
		const startMs = safeEndMs - backfillHours * HOUR_MS;
		const windows =
			backfillHours > 0
				? splitIntoWindows(startMs, safeEndMs, HOUR_MS).slice(0, MAX_WINDOWS_PER_POLL)
				: [];
		return {
			windows,
			endMs: windows.length ? windows[windows.length - 1].endMs : safeEndMs,
			since: toWdtTime(startMs),
			firstActivation: true,
		};
	}
	const startMs = cursorMs - OVERLAP_MS;
	const since = state.since ?? toWdtTime(startMs);
	if (safeEndMs <= cursorMs) return { windows: [], endMs: cursorMs, since, firstActivation: false };
	const windows = splitIntoWindows(startMs, safeEndMs, HOUR_MS).slice(0, MAX_WINDOWS_PER_POLL);
	return { windows, endMs: windows[windows.length - 1].endMs, since, firstActivation: false };
}

/** Keeps events not seen before (by stockout_id@modified), oldest first. */
export function newEvents(
	state: TriggerState,
	since: string,
	stockouts: StockoutItem[],
): StockoutItem[] {
	const seen = new Set(state.recentlyEmitted ?? []);
	const fresh: StockoutItem[] = [];
	for (const stockout of stockouts) {
		const key = stockoutEventKey(stockout);
		// The overlap re-reads minutes from before the first activation: those are not new.
		if (seen.has(key) || stockout.modified < since) continue;
		seen.add(key);
		fresh.push(stockout);
	}
	return fresh.sort((a, b) =>
		a.modified < b.modified ? -1 : a.modified > b.modified ? 1 : a.stockout_id - b.stockout_id,
	);
}

/** The state after a poll that read its windows up to `endMs` and emitted `emitted`. */
export function advance(
	state: TriggerState,
	since: string,
	endMs: number,
	emitted: StockoutItem[],
): TriggerState {
	// Keys older than the next poll's overlap can never come back; forget them.
	const oldestNeeded = toWdtTime(endMs - OVERLAP_MS - MINUTE_MS);
	const keys = [...(state.recentlyEmitted ?? []), ...emitted.map(stockoutEventKey)].filter(
		(key) => key.slice(key.indexOf('@') + 1) >= oldestNeeded,
	);
	return {
		cursor: toWdtTime(endMs),
		since,
		recentlyEmitted: [...new Set(keys)].slice(-MAX_REMEMBERED),
	};
}

/** Back-off after a rate limit: 2, 4, 8 … minutes, at most 30. */
export function pauseAfterRateLimit(state: TriggerState, nowMs: number): TriggerState {
	const streak = (state.rateLimitStreak ?? 0) + 1;
	const pauseMs = Math.min(30, 2 ** streak) * MINUTE_MS;
	return { ...state, rateLimitStreak: streak, pausedUntil: toWdtTime(nowMs + pauseMs) };
}

export function isPaused(state: TriggerState, nowMs: number): boolean {
	const until = state.pausedUntil !== undefined ? parseWdtTime(state.pausedUntil) : undefined;
	return until !== undefined && nowMs < until;
}

/** Reads system.Core.now's data: WDT seconds, unix seconds or ms, or a CST time string. */
export function parseServerNow(data: unknown): number | undefined {
	const value =
		data && typeof data === 'object' && !Array.isArray(data)
			? (data as { now?: unknown }).now
			: data;
	if (typeof value === 'string') {
		const asTime = parseWdtTime(value);
		if (asTime !== undefined) return asTime;
		if (!/^\d+$/.test(value.trim())) return undefined;
	}
	const number = Number(value);
	if (!Number.isFinite(number) || number <= 0) return undefined;
	if (number < 1e9) return (number + 1325347200) * 1000; // WDT timestamp: seconds since 2012-01-01
	if (number < 1e11) return number * 1000;
	return number;
}
