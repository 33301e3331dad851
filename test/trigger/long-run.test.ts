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
 * - re-cancels of stockouts already emitted (a new `modified`: a new event), one of them while
 *   its first event is still inside the overlap.
 *
 * Every cancellation event must be emitted exactly once: zero lost, zero duplicated, nothing
 * from before the activation.
 */
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
/** Minutes at which a randomly chosen, already emitted stockout is cancelled again. */
const RECANCEL_MINUTES = [400, 1000, 1300, 1800, 2600, 2870];
/** From here, the stockout emitted by the next emitting poll is re-cancelled one minute later. */
const QUICK_RECANCEL_FROM = 90;
/** A test needs more than vitest's 60 s only on a loaded machine: it runs in 15–40 s. */
const TIMEOUT_MS = 180_000;

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
		'emits every cancellation event exactly once through failures, an outage, a page-2 fault and re-cancels',
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
				expected.add(key);
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
			// Only stockouts whose latest event was emitted: a re-cancel replaces `modified`.
			const emittedStockouts = () =>
				[...latestKey].filter(([, key]) => emittedCount.has(key)).map(([id]) => id);
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

			for (let minute = 1; minute <= RUN_MINUTES + DRAIN_MINUTES; minute++) {
				rig.setTime(T0 + minute * MINUTE);
				cancelDue();
				if (RECANCEL_MINUTES.includes(minute)) {
					const candidates = emittedStockouts();
					recancel(candidates[between(0, candidates.length - 1)]);
				}
				if (minute === QUICK_RECANCEL_FROM) quickRecancel = 'waiting';
				if (quickRecancel === 'due' && lastEmittedId !== undefined) {
					// Emitted by the previous poll: its key is still remembered for the overlap.
					const firstKey = latestKey.get(lastEmittedId)!;
					const rememberedThen = (
						(staticData.recentlyEmitted as string[] | undefined) ?? []
					).includes(firstKey);
					quickRecancel = { stockoutId: lastEmittedId, firstKey, rememberedThen };
					recancel(lastEmittedId);
				}
				if (minute >= OUTAGE_START && minute < OUTAGE_END) continue;

				const restart = minute === OUTAGE_END;
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
				if (!restart && minute <= RUN_MINUTES && random() < FAILED_POLL_RATE) {
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
					failed: result.error !== undefined,
					paused: result.requests.length === 0,
					emitted: result.emitted.length,
				});
				for (const problem of staticDataProblems(result.staticData))
					problems.push(`minute ${minute}: ${problem}`);
				maxRemembered = Math.max(
					maxRemembered,
					(result.staticData.recentlyEmitted as unknown[] | undefined)?.length ?? 0,
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
					`  events: ${expected.size} expected (${recancels.length} re-cancels, ${lagged.length} cancellations visible only after a lag of up to ${Math.max(...lagged.map((c) => c.lagMs)) / 1000} s), ${[...emittedCount.values()].reduce((a, b) => a + b, 0)} emitted`,
					`  API calls per poll, all polls:        min ${all.min} / median ${all.median} / max ${all.max} (mean ${all.mean}, total ${all.total})`,
					`  API calls per poll, polls that ran:   min ${active.min} / median ${active.median} / max ${active.max} (mean ${active.mean})`,
					`  catch-up poll after the outage: ${catchUp?.requests.length} calls, ${catchUp?.emitted} events, page-2 fault ${catchUp?.pageFaults ? 'hit' : 'missed'}`,
					`  static data: at most ${maxRemembered} remembered keys, ${maxStaticDataBytes} bytes of JSON`,
				].join('\n'),
			);

			// --- assert -------------------------------------------------------------------------------
			const duplicated = [...emittedCount].filter(([, count]) => count > 1).map(([key]) => key);
			const missing = [...expected].filter((key) => !emittedCount.has(key));
			const unexpected = [...emittedCount.keys()].filter((key) => !expected.has(key));
			expect({ missing, duplicated, unexpected }).toEqual({
				missing: [],
				duplicated: [],
				unexpected: [],
			});
			expect(expected.size).toBe(RANDOM_CANCELLATIONS + BURST.count + RECANCEL_MINUTES.length + 1);
			expect(problems).toEqual([]);

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
			// A re-cancel of the stockout emitted a minute before, while its first event was still
			// remembered for the overlap: the new modified is a new event all the same.
			expect(quickRecancel).toMatchObject({ rememberedThen: true });
			const quick = quickRecancel as { stockoutId: number; firstKey: string };
			expect(emittedCount.get(quick.firstKey)).toBe(1);
			expect(emittedCount.get(latestKey.get(quick.stockoutId)!)).toBe(1);
			expect(recancels).toHaveLength(RECANCEL_MINUTES.length + 1);
			expect(lagged.length).toBeGreaterThan(100);
			expect(maxRemembered).toBeLessThan(300);
		},
		TIMEOUT_MS,
	);
});
