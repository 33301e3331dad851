import { describe, expect, it } from 'vitest';

import { fromWdtTime, toWdtTime } from '../../nodes/shared/protocol/index.ts';
import {
	advance,
	CLOCK_TOLERANCE_MS,
	freshState,
	isPaused,
	MAX_REMEMBERED,
	MAX_WINDOWS_PER_POLL,
	newEvents,
	OVERLAP_MS,
	parseServerNow,
	pauseAfterRateLimit,
	planBackfill,
	planPoll,
	readState,
	REMEMBER_MS,
	SAFETY_LAG_MS,
	trustedNow,
	type TriggerState,
} from '../../nodes/WdtTrigger/cursor.ts';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const now = fromWdtTime('2024-05-01 12:00:00');
const limits = { maxWindowMs: HOUR, maxWindows: MAX_WINDOWS_PER_POLL };
/** Rows of any event: the cursor only needs a key and a modified time. */
interface Row {
	id: number;
	modified: string;
}
const identity = { key: (row: Row) => String(row.id), modified: (row: Row) => row.modified };
const row = (id: number, modified: string): Row => ({ id, modified });
const stateAt = (cursorMs: number, extra: Partial<TriggerState> = {}): TriggerState => ({
	...freshState('testEvent', cursorMs - HOUR, cursorMs),
	...extra,
});

describe('trigger cursor (generic over key and modified)', () => {
	it('first activation without backfill reads nothing; with backfill, one-hour windows back from now', () => {
		expect(planBackfill(now - SAFETY_LAG_MS, 0, limits)).toEqual({
			windows: [],
			sinceMs: now - SAFETY_LAG_MS,
			endMs: now - SAFETY_LAG_MS,
		});
		const backfill = planBackfill(now - SAFETY_LAG_MS, 3, limits);
		expect(backfill.windows).toHaveLength(3);
		expect(backfill.windows[0].startMs).toBe(now - SAFETY_LAG_MS - 3 * HOUR);
	});

	it('an idle poll re-reads only the overlap: one window', () => {
		const plan = planPoll(stateAt(now - SAFETY_LAG_MS), now + MINUTE, limits);
		expect(plan.windows).toEqual([
			{ startMs: now - SAFETY_LAG_MS - OVERLAP_MS, endMs: now + MINUTE - SAFETY_LAG_MS },
		]);
		expect(plan.movedBack).toBe(false);
	});

	it('catch-up after an outage walks in one-hour windows, capped per poll, none skipped', () => {
		let state = stateAt(now);
		const later = now + 72 * HOUR;
		const covered: Array<[number, number]> = [];
		for (let poll = 0; poll < 10; poll++) {
			const plan = planPoll(state, later, limits);
			expect(plan.windows.length).toBeLessThanOrEqual(MAX_WINDOWS_PER_POLL);
			covered.push(...plan.windows.map((w) => [w.startMs, w.endMs] as [number, number]));
			state = advance(state, plan.endMs, state.emitted);
			if (plan.endMs === later - SAFETY_LAG_MS) break;
		}
		for (let i = 1; i < covered.length; i++)
			expect(covered[i][0]).toBeLessThanOrEqual(covered[i - 1][1]);
		expect(covered[covered.length - 1][1]).toBe(later - SAFETY_LAG_MS);
	});

	it("when WDT's time is behind the cursor, it reads again from WDT's time and the cursor goes back", () => {
		const plan = planPoll(stateAt(now + 24 * HOUR), now, limits);
		expect(plan).toEqual({
			windows: [{ startMs: now - SAFETY_LAG_MS - OVERLAP_MS, endMs: now - SAFETY_LAG_MS }],
			endMs: now - SAFETY_LAG_MS,
			movedBack: true,
		});
	});

	it("trusts WDT's clock within the signing tolerance, otherwise plans from the earliest time WDT can show", () => {
		expect(trustedNow({ serverNowMs: now + 90_000, hostNowMs: now })).toEqual({
			nowMs: now + 90_000,
			distrusted: false,
		});
		for (const serverNowMs of [now + 365 * 24 * HOUR, now + 2 * HOUR, now - 2 * HOUR]) {
			expect(trustedNow({ serverNowMs, hostNowMs: now })).toEqual({
				nowMs: now - CLOCK_TOLERANCE_MS,
				distrusted: true,
			});
		}
	});

	it('once per key by default: an edit (a new modified) of an emitted row is not new; memory is refreshed', () => {
		const state = stateAt(now);
		const first = newEvents(
			state,
			[row(1, '2024-05-01 11:58:00'), row(2, '2024-05-01 11:58:30')],
			identity,
			'oncePerKey',
		);
		expect(first.events.map((r) => r.id)).toEqual([1, 2]);
		const again = newEvents(
			{ ...state, emitted: first.emitted },
			[row(1, '2024-05-01 12:00:30'), row(2, '2024-05-01 11:58:30'), row(3, '2024-05-01 11:59:00')],
			identity,
			'oncePerKey',
		);
		expect(again.events).toEqual([row(3, '2024-05-01 11:59:00')]);
		expect(again.emitted['1']).toBe('2024-05-01 12:00:30');
	});

	it('everyChange: a later modified of an emitted row is new, the same or an older one is not', () => {
		const state = { ...stateAt(now), emitted: { '1': '2024-05-01 11:58:00' } };
		const result = newEvents(
			state,
			[row(1, '2024-05-01 11:58:00'), row(1, '2024-05-01 11:57:00'), row(1, '2024-05-01 12:00:30')],
			identity,
			'everyChange',
		);
		expect(result.events).toEqual([row(1, '2024-05-01 12:00:30')]);
	});

	it('never emits what was modified before the first activation, though the overlap re-reads it', () => {
		const state = freshState('testEvent', now - SAFETY_LAG_MS, now - SAFETY_LAG_MS);
		const { events } = newEvents(
			state,
			[row(1, '2024-05-01 11:56:00'), row(2, '2024-05-01 11:59:30')],
			identity,
			'oncePerKey',
		);
		expect(events.map((r) => r.id)).toEqual([2]);
	});

	it(`remembers emitted rows ${REMEMBER_MS / (24 * HOUR)} days behind the cursor and at most ${MAX_REMEMBERED}, the latest kept`, () => {
		const emitted: Record<string, string> = { old: toWdtTime(now - REMEMBER_MS - 1000) };
		for (let i = 0; i < MAX_REMEMBERED + 10; i++) emitted[String(i)] = toWdtTime(now - i * 1000);
		const state = advance(stateAt(now), now, emitted);
		expect(Object.keys(state.emitted)).toHaveLength(MAX_REMEMBERED);
		expect(state.emitted).not.toHaveProperty('old');
		expect(state.emitted).toHaveProperty('0');
		expect(state.emitted).not.toHaveProperty(String(MAX_REMEMBERED + 9));
		// 5,000 remembered rows stay small, plain JSON.
		expect(JSON.stringify(state).length).toBeLessThan(200_000);
	});

	it('pauses 5 minutes after a rate limit, 10 after the next; a completed poll ends the pause', () => {
		const once = pauseAfterRateLimit(stateAt(now), now);
		expect(once.rateLimitStreak).toBe(1);
		expect(isPaused(once, now + 4 * MINUTE)).toBe(true);
		expect(isPaused(once, now + 5 * MINUTE)).toBe(false);
		const twice = pauseAfterRateLimit(once, now + 5 * MINUTE);
		expect(isPaused(twice, now + 14 * MINUTE)).toBe(true);
		expect(isPaused(twice, now + 15 * MINUTE)).toBe(false);
		expect(pauseAfterRateLimit(twice, now).pausedUntil).toBe(toWdtTime(now + 10 * MINUTE));
		expect(advance(twice, now, {})).not.toHaveProperty('pausedUntil');
		// A pause reaching beyond the longest one (the host clock stepped back) is not honoured.
		expect(isPaused({ ...once, pausedUntil: toWdtTime(now + HOUR) }, now)).toBe(false);
	});

	describe('readState validates field by field', () => {
		const good = stateAt(now, { emitted: { '7': '2024-05-01 11:00:00' } });

		it('keeps a good state as it is and starts fresh on empty static data', () => {
			expect(readState(JSON.parse(JSON.stringify(good)), 'testEvent', 'legacy')).toEqual({
				state: good,
				repairs: [],
			});
			expect(readState({}, 'testEvent', 'legacy')).toEqual({ repairs: [] });
		});

		it('migrates version 1 (no event, recentlyEmitted as id@modified)', () => {
			const { state, repairs } = readState(
				{
					cursor: good.cursor,
					since: good.since,
					recentlyEmitted: ['7@2024-05-01 11:00:00', '7@2024-05-01 10:00:00'],
				},
				'stockoutCancelled',
				'stockoutCancelled',
			);
			expect(repairs).toEqual([]);
			expect(state).toEqual({ ...good, event: 'stockoutCancelled' });
		});

		it('a state of another event means a fresh cursor', () => {
			expect(readState({ ...good, event: 'other' }, 'testEvent', 'legacy')).toEqual({
				repairs: [
					'the saved cursor belongs to event "other"; starting a fresh cursor for "testEvent"',
				],
			});
		});

		it('repairs times given as ISO strings or numbers, and says so', () => {
			const { state, repairs } = readState(
				{ ...good, cursor: new Date(now).toISOString(), since: (now - HOUR) / 1000 },
				'testEvent',
				'legacy',
			);
			expect(state).toEqual(good);
			expect(repairs).toHaveLength(2);
		});

		it('resumes an unreadable cursor from the later of since and the latest remembered row', () => {
			const { state } = readState({ ...good, cursor: 'garbage' }, 'testEvent', 'legacy');
			expect(state?.cursor).toBe('2024-05-01 11:00:00');
		});
	});

	it('reads system.Core.now in the shapes WDT may use', () => {
		const unixMs = fromWdtTime('2024-05-01 12:00:00');
		expect(parseServerNow({ now: unixMs / 1000 - 1325347200 })).toBe(unixMs);
		expect(parseServerNow(unixMs / 1000)).toBe(unixMs);
		expect(parseServerNow(unixMs)).toBe(unixMs);
		expect(parseServerNow('2024-05-01 12:00:00')).toBe(unixMs);
		expect(parseServerNow('soon')).toBeUndefined();
	});
});
