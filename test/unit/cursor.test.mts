import { describe, expect, it } from 'vitest';

import { fromWdtTime, toStockoutItem, toWdtTime } from '../../nodes/shared/protocol/index.ts';
import {
	advance,
	isPaused,
	MAX_WINDOWS_PER_POLL,
	newEvents,
	OVERLAP_MS,
	parseServerNow,
	pauseAfterRateLimit,
	planPoll,
	readState,
	SAFETY_LAG_MS,
} from '../../nodes/WdtTrigger/cursor.ts';

const HOUR = 3_600_000;
const now = fromWdtTime('2024-05-01 12:00:00');
const stockout = (id: number, modified: string) =>
	toStockoutItem({ stockout_id: id, stockout_no: `CK${id}`, status: 5, modified });

describe('trigger cursor', () => {
	it('first activation without backfill reads nothing and starts at WDT now minus the lag', () => {
		const plan = planPoll({}, now, 0);
		expect(plan).toEqual({
			windows: [],
			endMs: now - SAFETY_LAG_MS,
			since: toWdtTime(now - SAFETY_LAG_MS),
			firstActivation: true,
		});
	});

	it('first activation with backfill reads one-hour windows back from now', () => {
		const plan = planPoll({}, now, 3);
		expect(plan.windows).toHaveLength(3);
		expect(plan.windows[0].startMs).toBe(now - SAFETY_LAG_MS - 3 * HOUR);
	});

	it('an idle poll re-reads only the overlap: one window', () => {
		const state = advance({}, '', now - SAFETY_LAG_MS, []);
		const plan = planPoll(state, now + 60_000, 0);
		expect(plan.windows).toHaveLength(1);
		expect(plan.windows[0].startMs).toBe(now - SAFETY_LAG_MS - OVERLAP_MS);
		expect(plan.endMs).toBe(now + 60_000 - SAFETY_LAG_MS);
	});

	it('catch-up after an outage walks in one-hour windows, capped per poll, none skipped', () => {
		let state = advance({}, '', now, []);
		const later = now + 72 * HOUR;
		const covered: Array<[number, number]> = [];
		for (let poll = 0; poll < 10; poll++) {
			const plan = planPoll(state, later, 0);
			if (!plan.windows.length) break;
			expect(plan.windows.length).toBeLessThanOrEqual(MAX_WINDOWS_PER_POLL);
			covered.push(...plan.windows.map((w) => [w.startMs, w.endMs] as [number, number]));
			state = advance(state, plan.since, plan.endMs, []);
			if (plan.endMs === later - SAFETY_LAG_MS) break;
		}
		for (let i = 1; i < covered.length; i++)
			expect(covered[i][0]).toBeLessThanOrEqual(covered[i - 1][1]);
		expect(covered[covered.length - 1][1]).toBe(later - SAFETY_LAG_MS);
	});

	it('suppresses events already emitted in the overlap, but a re-cancel with a new modified is new', () => {
		const first = [stockout(1, '2024-05-01 11:58:00'), stockout(2, '2024-05-01 11:58:30')];
		const state = advance({}, '', now - SAFETY_LAG_MS, newEvents({}, '', first));
		const again = newEvents(state, '', [
			...first,
			stockout(1, '2024-05-01 12:00:30'),
			stockout(3, '2024-05-01 11:59:00'),
		]);
		expect(again.map((s) => `${s.stockout_id}@${s.modified}`)).toEqual([
			'3@2024-05-01 11:59:00',
			'1@2024-05-01 12:00:30',
		]);
	});

	it('forgets keys older than the overlap so the state stays small and readable JSON', () => {
		const state = advance(
			{ recentlyEmitted: ['9@2024-05-01 08:00:00'] },
			'2024-05-01 07:00:00',
			now,
			[stockout(1, '2024-05-01 11:59:00')],
		);
		expect(state).toEqual({
			cursor: '2024-05-01 12:00:00',
			since: '2024-05-01 07:00:00',
			recentlyEmitted: ['1@2024-05-01 11:59:00'],
		});
		expect(readState(JSON.parse(JSON.stringify(state)))).toEqual(state);
	});

	it('never emits what was modified before the first activation, though the overlap re-reads it', () => {
		const first = planPoll({}, now, 0);
		const state = advance({}, first.since, first.endMs, []);
		const next = planPoll(state, now + 60_000, 0);
		expect(next.windows[0].startMs).toBeLessThan(now - SAFETY_LAG_MS);
		const events = newEvents(state, next.since, [
			stockout(1, '2024-05-01 11:56:00'),
			stockout(2, '2024-05-01 11:59:30'),
		]);
		expect(events.map((s) => s.stockout_id)).toEqual([2]);
	});

	it('pauses after rate limits with a growing back-off', () => {
		const once = pauseAfterRateLimit({ cursor: toWdtTime(now) }, now);
		expect(once.cursor).toBe(toWdtTime(now));
		expect(isPaused(once, now + 60_000)).toBe(true);
		expect(isPaused(once, now + 2 * 60_000)).toBe(false);
		const twice = pauseAfterRateLimit(once, now);
		expect(isPaused(twice, now + 3 * 60_000)).toBe(true);
		expect(advance(twice, '', now, [])).not.toHaveProperty('pausedUntil');
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
