/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * 48 simulated hours of the trigger, polled once a simulated minute through n8n's poll engine,
 * against the simulator's frozen clock (advanced one minute per poll):
 *
 * - 600 cancellations at seeded random instants, and a burst of 220 inside 40 minutes (more
 *   than 100 in one one-hour window: two pages); a quarter of them become visible only after
 *   their `modified` time (replication lag up to 3 minutes);
 * - 40 cancellations from before the activation (never to be emitted);
 * - 20 % of the polls fail: WDT rate-limit replies, nginx HTML 502, dropped connections, on
 *   system.Core.now or on the search;
 * - a 6-hour outage (no polls; for n8n1 an n8n restart, so the trigger resumes from the static
 *   data saved in the database), whose catch-up poll fails on page 2 of the burst window;
 * - edits of stockouts already emitted (a new `modified`, still cancelled), one of them while
 *   its first event is still inside the overlap: not a new event (one event per stockout);
 * - n8n 2.x activation with hourly polling for the first 3 hours (the activation poll's state is
 *   not committed there), then a poll a minute;
 * - clock glitches: system.Core.now 2 hours ahead for two polls and a year ahead for one; both
 *   clocks stepping back 10 minutes;
 * - corrupt static data: a cursor as ISO string, `pausedUntil: 42`, a cursor "garbage", an
 *   `since` as unix ms with a broken rate-limit streak (all repairable: a reset memory could repeat
 *   what the overlap re-reads, see hardening.test.ts).
 *
 * Every cancelled stockout must be emitted exactly once: zero lost, zero duplicated, nothing
 * from before the activation.
 */
import type { IDataObject } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
	seededRandom,
	type FaultKind,
	type RecordedRequest,
	type StockoutRecord,
} from '../simulator';
import {
	CORE_NOW,
	eventKey,
	HOUR,
	keyOf,
	MINUTE,
	onRequest,
	SEARCH_CANCEL,
	staticDataProblems,
	startTriggerRig,
	stats,
	T0,
	type TriggerRig,
} from './support';

const RUN_MINUTES = 48 * 60;
/** Fault-free polls after the 48 hours, for the last lagging cancellations. */
const DRAIN_MINUTES = 15;
const OUTAGE_START = 20 * 60;
const OUTAGE_END = 26 * 60; // the first poll after the outage
const RANDOM_CANCELLATIONS = 600;
const BURST = { count: 220, fromMs: T0 + 22 * HOUR + 10 * MINUTE, spanMs: 40 * MINUTE };
const OLD_CANCELLATIONS = 40;
const FAILED_POLL_RATE = 0.2;
const FAULT_KINDS: FaultKind[] = ['rateLimit', 'html502', 'drop'];
const MAX_LAG_MS = 3 * MINUTE;
/** Minutes at which a randomly chosen, already emitted stockout is edited (still cancelled). */
const RECANCEL_MINUTES = [400, 1000, 1300, 1800, 2600, 2870];
/** Polls of the first hours: hourly after the activation, then every minute. */
const HOURLY_UNTIL = 180;
/** system.Core.now answers this far ahead at these minutes. */
const CORE_NOW_SKEWS = new Map<number, number>([
	[700, 2 * HOUR],
	[701, 2 * HOUR],
	[1100, 365 * 24 * HOUR],
]);
/** No random faults here (a rate-limit pause lasts up to 10 minutes): the glitches meet a running poll. */
const QUIET_MINUTES: Array<[number, number]> = [
	[688, 702],
	[1088, 1101],
	[1688, 1702],
];
/** From this minute on, both clocks run 10 minutes behind. */
const STEP_BACK = { atMinute: 1700, byMs: 10 * MINUTE };
/** Static data corrupted (as a user or another version might) before the poll of these minutes. */
const CORRUPTIONS = new Map<number, (data: IDataObject) => IDataObject>([
	[900, (data) => ({ ...data, cursor: toIso(String(data.cursor)), pausedUntil: 42 })],
	[1650, (data) => ({ ...data, cursor: 'garbage' })],
	[
		2200,
		(data) => ({ ...data, since: Date.parse(toIso(String(data.since))), rateLimitStreak: 'x' }),
	],
]);
const toIso = (wdtTime: string) => new Date(`${wdtTime.replace(' ', 'T')}+08:00`).toISOString();
/** From here, the stockout emitted by the next emitting poll is re-cancelled one minute later. */
const QUICK_RECANCEL_FROM = 200;
/** Each run takes 15–40 s alone, and minutes on a machine shared with other work. */
const TIMEOUT_MS = 600_000;

let rig: TriggerRig;

beforeAll(async () => {
	// ~10,000 requests: leak-check the credential's secret and salt, not every sign (see support.ts).
	rig = await startTriggerRig({ registerSigns: false });
});

afterAll(async () => {
	await rig.close();
});

interface Cancellation {
	stockoutId: number;
	atMs: number;
	lagMs: number;
}

interface PollRecord {
	minute: number;
	calls: number;
	failed: boolean;
	paused: boolean;
	emitted: number;
}

describe.each(['n8n1', 'n8n2'] as const)('%s: 48 simulated hours', (persistence) => {
	it(
		'emits every cancelled stockout exactly once through failures, an outage, a page-2 fault, clock glitches, corrupt state and edits',
		async () => {
			const { sim } = rig;
			sim.resetData('empty');
			sim.faults.clear();
			sim.clearRequests();
			rig.setTime(T0);
			const random = seededRandom(persistence === 'n8n1' ? 48_001 : 48_002);
			const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
			const lag = () => (random() < 0.25 ? between(5_000, MAX_LAG_MS) : 0);

			// --- arrange ----------------------------------------------------------------------------
			for (let i = 0; i < OLD_CANCELLATIONS; i++) {
				sim.addStockout({ modifiedMs: T0 - between(2 * MINUTE, 72 * HOUR), visibleAfterMs: lag() });
			}
			const plan: Cancellation[] = [];
			const pool = (): StockoutRecord =>
				sim.addStockout({ status: 'toShip', modifiedMs: T0 - 48 * HOUR });
			for (let i = 0; i < RANDOM_CANCELLATIONS; i++) {
				plan.push({
					stockoutId: pool().stockoutId,
					atMs: T0 + between(MINUTE, RUN_MINUTES * MINUTE - 10 * MINUTE),
					lagMs: lag(),
				});
			}
			for (let i = 0; i < BURST.count; i++) {
				plan.push({
					stockoutId: pool().stockoutId,
					atMs: BURST.fromMs + between(0, BURST.spanMs),
					lagMs: lag(),
				});
			}
			plan.sort((a, b) => a.atMs - b.atMs);

			const expected = new Set<string>();
			const editKeys = new Set<string>();
			const latestKey = new Map<number, string>();
			const emittedCount = new Map<string, number>();
			let lastEmittedId: number | undefined;
			const cancel = (stockoutId: number, atMs: number, lagMs: number) => {
				sim.modifyStockout(stockoutId, {
					status: 'cancelled',
					modifiedMs: atMs,
					visibleAfterMs: lagMs,
				});
				const key = eventKey(stockoutId, atMs);
				// One event per stockout: a later change of an emitted one is an edit, not an event.
				if (latestKey.has(stockoutId)) editKeys.add(key);
				else expected.add(key);
				latestKey.set(stockoutId, key);
			};
			let next = 0;
			const cancelDue = () => {
				for (; next < plan.length && plan[next].atMs <= rig.now(); next++) {
					cancel(plan[next].stockoutId, plan[next].atMs, plan[next].lagMs);
				}
			};
			const recancels: string[] = [];
			const recancel = (stockoutId: number) => {
				cancel(stockoutId, rig.now() - between(0, 50_000), lag());
				recancels.push(latestKey.get(stockoutId)!);
			};
			const emittedIds = new Set<number>();
			const emittedStockouts = () => [...emittedIds];
			let quickRecancel:
				| { stockoutId: number; firstKey: string; rememberedThen: boolean }
				| 'waiting'
				| 'due'
				| undefined;

			// --- run ----------------------------------------------------------------------------------
			const activation = await rig.poll({ persistence, staticData: {}, activationPoll: true });
			expect(activation.error).toBeUndefined();
			expect(activation.items).toBeNull();
			let staticData = activation.staticData;
			let persisted = activation.persistedStaticData;

			const polls: PollRecord[] = [];
			const problems: string[] = [];
			let maxRemembered = 0;
			const lagged = plan.filter((cancellation) => cancellation.lagMs > 0);
			let maxStaticDataBytes = 0;
			let catchUp:
				| { requests: RecordedRequest[]; error: unknown; emitted: number; pageFaults: number }
				| undefined;

			const warnings: string[] = [];
			for (let minute = 1; minute <= RUN_MINUTES + DRAIN_MINUTES; minute++) {
				if (minute < HOURLY_UNTIL && minute % 60 !== 0) continue;
				rig.setTime(T0 + minute * MINUTE - (minute >= STEP_BACK.atMinute ? STEP_BACK.byMs : 0));
				rig.skewCoreNow(CORE_NOW_SKEWS.get(minute) ?? 0);
				cancelDue();
				if (RECANCEL_MINUTES.includes(minute)) {
					const candidates = emittedStockouts();
					recancel(candidates[between(0, candidates.length - 1)]);
				}
				if (minute === QUICK_RECANCEL_FROM) quickRecancel = 'waiting';
				if (quickRecancel === 'due' && lastEmittedId !== undefined) {
					// Emitted by the previous poll: still inside the overlap the next poll re-reads.
					const firstKey = latestKey.get(lastEmittedId)!;
					const rememberedThen =
						(staticData.emitted as Record<string, string> | undefined)?.[lastEmittedId] !==
						undefined;
					quickRecancel = { stockoutId: lastEmittedId, firstKey, rememberedThen };
					recancel(lastEmittedId);
				}
				if (minute >= OUTAGE_START && minute < OUTAGE_END) continue;

				const restart = minute === OUTAGE_END;
				const corrupt = CORRUPTIONS.get(minute);
				if (corrupt) staticData = corrupt(staticData);
				let pageFaults = 0;
				const unhook = restart
					? // The catch-up poll: the first page 2 of a window fails with an nginx 502.
						onRequest(sim, (request) => {
							if (request.method === SEARCH_CANCEL && request.pageNo === 1 && pageFaults++ === 0) {
								return { kind: 'html502', delayMs: 0 };
							}
							return undefined;
						})
					: undefined;
				const quiet = QUIET_MINUTES.some(([from, to]) => minute >= from && minute <= to);
				if (!restart && !quiet && minute <= RUN_MINUTES && random() < FAILED_POLL_RATE) {
					const kind = FAULT_KINDS[between(0, FAULT_KINDS.length - 1)];
					sim.faults.next(kind, 1, random() < 0.4 ? CORE_NOW : SEARCH_CANCEL);
				}
				const result = await rig.poll({
					persistence,
					// n8n1 after a restart has only what the last emitting poll saved; n8n2 always the committed cursor.
					staticData: restart ? persisted : staticData,
					...(restart ? { activationPoll: true, activation: 'init' as const } : {}),
				});
				sim.faults.clear();
				unhook?.();

				for (const json of result.emitted) {
					const key = keyOf(json);
					emittedCount.set(key, (emittedCount.get(key) ?? 0) + 1);
					lastEmittedId = Number(json.stockout_id);
					emittedIds.add(lastEmittedId);
				}
				if (quickRecancel === 'waiting' && result.emitted.length > 0) quickRecancel = 'due';
				if (restart) {
					catchUp = {
						requests: result.requests,
						error: result.error,
						emitted: result.emitted.length,
						pageFaults,
					};
				}
				polls.push({
					minute,
					calls: result.requests.length,
					// A rate-limited poll pauses and returns null (n8n 2.x keeps no state of a throwing poll).
					failed:
						result.error !== undefined ||
						result.warnings.some((warning) => warning.includes('WDT rate-limited this key')),
					paused: result.requests.length === 0,
					emitted: result.emitted.length,
				});
				// A poll that throws commits nothing on n8n 2.x, so a corruption it repaired comes back.
				if (result.error === undefined) {
					for (const problem of staticDataProblems(result.staticData))
						problems.push(`minute ${minute}: ${problem}`);
				}
				warnings.push(...result.warnings.map((warning) => `minute ${minute}: ${warning}`));
				maxRemembered = Math.max(
					maxRemembered,
					Object.keys((result.staticData.emitted as object | undefined) ?? {}).length,
				);
				maxStaticDataBytes = Math.max(maxStaticDataBytes, JSON.stringify(result.staticData).length);
				staticData = result.staticData;
				persisted = result.persistedStaticData;
			}

			// --- report -------------------------------------------------------------------------------
			const executed = polls.filter((poll) => !poll.paused);
			const failed = polls.filter((poll) => poll.failed);
			const all = stats(polls.map((poll) => poll.calls));
			const active = stats(executed.map((poll) => poll.calls));
			console.log(
				[
					`[${persistence}] 48 h + ${DRAIN_MINUTES} min: ${polls.length} polls (${polls.filter((p) => p.paused).length} paused by the rate-limit back-off, ${failed.length} failed = ${Math.round((failed.length / executed.length) * 1000) / 10} % of the polls that called WDT)`,
					`  events: ${expected.size} expected (${recancels.length} edits of emitted stockouts, not events; ${lagged.length} cancellations visible only after a lag of up to ${Math.max(...lagged.map((c) => c.lagMs)) / 1000} s), ${[...emittedCount.values()].reduce((a, b) => a + b, 0)} emitted`,
					`  API calls per poll, all polls:        min ${all.min} / median ${all.median} / max ${all.max} (mean ${all.mean}, total ${all.total})`,
					`  API calls per poll, polls that ran:   min ${active.min} / median ${active.median} / max ${active.max} (mean ${active.mean})`,
					`  catch-up poll after the outage: ${catchUp?.requests.length} calls, ${catchUp?.emitted} events, page-2 fault ${catchUp?.pageFaults ? 'hit' : 'missed'}`,
					`  static data: at most ${maxRemembered} remembered keys, ${maxStaticDataBytes} bytes of JSON`,
				].join('\n'),
			);

			// --- assert -------------------------------------------------------------------------------
			const duplicated = [...emittedCount].filter(([, count]) => count > 1).map(([key]) => key);
			const missing = [...expected].filter((key) => !emittedCount.has(key));
			const editsEmitted = [...editKeys].filter((key) => emittedCount.has(key));
			const unexpected = [...emittedCount.keys()].filter((key) => !expected.has(key));
			// One event per stockout: each emitted once per stockout id, too.
			const ids = [...emittedCount.keys()].map((key) => key.split('@')[0]);
			const stockoutsTwice = ids.filter((id, index) => ids.indexOf(id) !== index);
			expect({ missing, duplicated, unexpected, editsEmitted, stockoutsTwice }).toEqual({
				missing: [],
				duplicated: [],
				unexpected: [],
				editsEmitted: [],
				stockoutsTwice: [],
			});
			expect(expected.size).toBe(RANDOM_CANCELLATIONS + BURST.count);
			expect(editKeys.size).toBe(RECANCEL_MINUTES.length + 1);
			expect(problems).toEqual([]);
			// Every glitch and repair was noticed and logged.
			const log = warnings.join('\n');
			expect(log).toMatch(/minute 700: .*system\.Core\.now said 2024-11-22 23:40:00/);
			expect(log).toMatch(/minute 701: .*system\.Core\.now said 2024-11-22 23:41:00/);
			expect(log).toMatch(/minute 1100: .*system\.Core\.now said 2025-11-23 04:20:00/);
			expect(log).toMatch(/minute 1700: .*is behind the cursor/);
			expect(log).toMatch(/minute 900: .*cursor ".*Z" read as/);
			expect(log).toMatch(/minute 900: .*pause \{"pausedUntil":42/);
			expect(log).toMatch(/minute 1650: .*cursor was "garbage"; resuming from/);
			expect(log).toMatch(/minute 2200: .*since \d+ read as 2024-11-22 09:59:00/);

			// The scenario happened as intended.
			expect(failed.length / executed.length).toBeGreaterThan(0.15);
			expect(failed.length / executed.length).toBeLessThan(0.25);
			expect(polls.some((poll) => poll.minute >= OUTAGE_START && poll.minute < OUTAGE_END)).toBe(
				false,
			);
			// The catch-up poll read several one-hour windows, hit the 502 on page 2 of the burst
			// window, kept the windows read before it and did not fail.
			expect(catchUp?.pageFaults).toBe(1);
			expect(catchUp?.error).toBeUndefined();
			expect(catchUp?.emitted).toBeGreaterThan(0);
			expect(
				catchUp?.requests.some(
					(request) => request.pageNo === 1 && request.status === 'fault:html502',
				),
			).toBe(true);
			expect(
				new Set(catchUp?.requests.filter((r) => r.method === SEARCH_CANCEL).map((r) => r.bodyText))
					.size,
			).toBeGreaterThan(1);
			// An edit of the stockout emitted a minute before, while it was still in the overlap:
			// not emitted again.
			expect(quickRecancel).toMatchObject({ rememberedThen: true });
			const quick = quickRecancel as { stockoutId: number; firstKey: string };
			expect(emittedCount.get(quick.firstKey)).toBe(1);
			expect(emittedCount.has(latestKey.get(quick.stockoutId)!)).toBe(false);
			expect(recancels).toHaveLength(RECANCEL_MINUTES.length + 1);
			expect(lagged.length).toBeGreaterThan(100);
			expect(maxRemembered).toBeLessThanOrEqual(RANDOM_CANCELLATIONS + BURST.count);
		},
		TIMEOUT_MS,
	);
});
